package dev.dealeval.domain.model;

/** Whether a faction can block ratification on its own (docs/model.md, "Ratification and vetoes"). */
public enum VetoKind {
    NONE,
    /** Blocks any bundle it opposes. */
    FULL,
    /** Blocks only bundles that move a term of its scope away from the no-deal value. */
    SCOPED
}
