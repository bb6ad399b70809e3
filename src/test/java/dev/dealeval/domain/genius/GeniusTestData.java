package dev.dealeval.domain.genius;

import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import java.util.concurrent.ExecutorService;

/**
 * For the tests of imported domains: brute-force utilities over every outcome (GENIUS's definition, not the
 * engine's), the engine's exhaustive search, and bundles of value positions.
 */
public final class GeniusTestData {
    private GeniusTestData() {}

    /**
     * Every outcome's utility for one party, from GENIUS's definition (weights over their sum times the
     * normalised evaluations, as {@link Preferences#utility} adds them), the last issue turning fastest.
     */
    public static double[] utilities(NegotiationDomain d, Preferences p) {
        double[][] norm = p.normalised(d);
        double[] w = p.normalisedWeights();
        int n = (int) d.outcomeCount();
        double[] u = new double[n];
        int[] o = new int[d.issues().size()];
        for (int k = 0; k < n; k++) {
            double v = 0;
            for (int i = 0; i < o.length; i++) {
                v += w[i] * norm[i][o[i]];
            }
            u[k] = v;
            for (int i = o.length - 1; i >= 0 && ++o[i] == d.issues().get(i).size(); i--) {
                o[i] = 0;
            }
        }
        return u;
    }

    /** The exhaustive search of a compiled domain from the empty bundle, no floor for either side. */
    public static Search.Result search(CompiledModel m, ExecutorService pool) {
        double[] base = m.resolve(Bundle.empty(m.termCount()), 0);
        return Search.run(
                m,
                new Search.Spec(
                        base,
                        0,
                        Search.defaultDimensions(m.model()),
                        Double.NEGATIVE_INFINITY,
                        Double.NEGATIVE_INFINITY),
                pool);
    }

    /** A complete bundle of value positions (discrete) or values (integer), in issue order. */
    public static Bundle bundle(CompiledModel m, double... values) {
        Bundle b = Bundle.empty(m.termCount());
        for (int t = 0; t < values.length; t++) {
            b.values()[t] = values[t];
            b.given()[t] = true;
        }
        return b;
    }
}
