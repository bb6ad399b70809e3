package dev.dealeval.domain.model;

/** How a term's value is written in a request and stored in a compiled bundle (always as a double). */
public enum TermKind {
    /** A real number within [min, max]. */
    NUMBER,
    /** A whole number within [min, max]. */
    INTEGER,
    /** true/false, stored as 1/0. */
    BOOLEAN,
    /** One of a fixed list of values, stored as its index. */
    ENUM
}
