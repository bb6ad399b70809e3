package dev.dealeval.domain.engine;

/**
 * A validated bundle: encoded values in catalogue order, and which of them the caller gave.
 * Omitted terms take the scenario's no-deal value when the bundle is resolved.
 */
public record Bundle(double[] values, boolean[] given) {

    /** The empty bundle: every term omitted, i.e. no deal. */
    public static Bundle empty(int terms) {
        double[] v = new double[terms];
        java.util.Arrays.fill(v, Double.NaN);
        return new Bundle(v, new boolean[terms]);
    }
}
