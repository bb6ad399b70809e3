package dev.dealeval.domain.analysis;

import dev.dealeval.domain.analysis.Sensitivity.Base;
import dev.dealeval.domain.analysis.Sensitivity.TornadoBar;
import dev.dealeval.domain.analysis.SensitivitySampler.Scratch;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one-at-a-time tornado of a sensitivity analysis (docs/analyses.md "Sensitivity"): each
 * criterion's weight lowered and raised by the spec's step, its side renormalised, everything else at
 * the profile's values, and each bundle's objective and both-ratify outcome recomputed.
 */
final class SensitivityTornado {
    private SensitivityTornado() {}

    /** One bar per criterion (weights of 0 give bars of swing 0), by swing, largest first. */
    static List<TornadoBar> tornado(SensitivityKernel k, Base base) {
        Scratch sc = new Scratch(k, false);
        System.arraycopy(k.baseClout, 0, sc.clout, 0, k.nFac);
        double step = k.spec.tornadoStep();
        List<TornadoBar> bars = new ArrayList<>(k.nCrit);
        double[] sUs = sc.usSurplus;
        double[] sCn = sc.cnSurplus;
        for (int c = 0; c < k.nCrit; c++) {
            double[][] objective = new double[2][k.n];
            int[] leader = new int[2];
            boolean[] changed = new boolean[k.n];
            for (int dir = 0; dir < 2; dir++) {
                double factor = dir == 0 ? 1 - step : 1 + step;
                System.arraycopy(k.baseWeight, 0, sc.weight, 0, k.nCrit);
                sc.weight[c] *= factor;
                // A factor of exactly 1 keeps the profile's weights bit for bit, so a step of 0 reproduces the
                // base.
                if (factor != 1) {
                    Numbers.normalise(sc.weight, c < k.nUs ? 0 : k.nUs, c < k.nUs ? k.nUs : k.nCrit);
                }
                k.factionWeights(sc.weight, sc.factionWeight);
                k.noDealUtilities(sc);
                for (int b = 0; b < k.n; b++) {
                    k.surpluses(k.baseValues[b], sc, b);
                    objective[dir][b] = k.spec.objective().value(sUs[b], sCn[b]);
                    boolean both = k.ratifies(Side.US, b, sc) && k.ratifies(Side.CN, b, sc);
                    changed[b] |= both != base.agreement()[b];
                }
                leader[dir] = leader(objective[dir]);
            }
            double swing = 0;
            for (int b = 0; b < k.n; b++) {
                swing = Math.max(swing, Math.abs(objective[1][b] - objective[0][b]));
            }
            int[] changes = java.util.stream.IntStream.range(0, k.n)
                    .filter(b -> changed[b])
                    .toArray();
            bars.add(new TornadoBar(
                    k.m.criterion(c).side(),
                    k.m.criterion(c).id(),
                    objective[0],
                    objective[1],
                    swing,
                    leader[0],
                    leader[1],
                    changes));
        }
        // List.sort is stable: equal swings stay in criterion order, which is U.S. first, then China.
        bars.sort(Comparator.comparingDouble(TornadoBar::swing).reversed());
        return bars;
    }

    private static int leader(double[] objective) {
        int best = 0;
        for (int b = 1; b < objective.length; b++) {
            if (objective[b] > objective[best]) {
                best = b;
            }
        }
        return best;
    }
}
