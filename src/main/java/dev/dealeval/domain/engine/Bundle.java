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

    public Bundle with(int term, double value) {
        double[] v = values.clone();
        boolean[] g = given.clone();
        v[term] = value;
        g[term] = true;
        return new Bundle(v, g);
    }
}
