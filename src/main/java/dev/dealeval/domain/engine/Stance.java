package dev.dealeval.domain.engine;

/** A faction's stance on a bundle against no deal (DESIGN.md §2, margin δ). */
public enum Stance {
    SUPPORT,
    NEUTRAL,
    OPPOSE
}
