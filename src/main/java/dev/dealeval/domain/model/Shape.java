package dev.dealeval.domain.model;

/**
 * Turns a criterion's raw score into its 0–1 value: LINEAR clamps it, SATURATING applies
 * {@code 1 - exp(-raw / scale)} before clamping.
 */
public record Shape(Kind kind, double scale) {
    public enum Kind {
        LINEAR,
        SATURATING
    }

    public static final Shape LINEAR = new Shape(Kind.LINEAR, 1.0);
}
