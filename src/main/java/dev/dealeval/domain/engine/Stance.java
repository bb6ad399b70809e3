package dev.dealeval.domain.engine;

/** A faction's stance on a bundle against no deal (docs/model.md "Factions and stances", margin δ). */
public enum Stance {
    SUPPORT,
    NEUTRAL,
    OPPOSE
}
