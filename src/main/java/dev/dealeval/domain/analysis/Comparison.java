package dev.dealeval.domain.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ranks evaluated bundles by an objective and finds which Pareto-dominate which on the two
 * surpluses (docs/analyses.md). Ties in the objective go to the larger welfare, then to the earlier
 * bundle; a bundle dominates another when it is at least as good for both sides and strictly
 * better for one.
 */
public final class Comparison {
    private Comparison() {}

    /**
     * @param index       position of the bundle in the request
     * @param rank        1 = best
     * @param dominates   positions of the bundles it Pareto-dominates, ascending
     * @param dominatedBy positions of the bundles that Pareto-dominate it, ascending
     */
    public record Ranked(int index, int rank, double objective, int[] dominates, int[] dominatedBy) {
        public boolean efficient() {
            return dominatedBy.length == 0;
        }
    }

    /** The bundles in rank order. O(n²) for the dominance lists, which is what they hold. */
    public static List<Ranked> rank(double[] us, double[] cn, Objective objective) {
        int n = us.length;
        Integer[] order = new Integer[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            value[i] = objective.value(us[i], cn[i]);
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(value[b], value[a]);
            if (c == 0) {
                c = Double.compare(us[b] + cn[b], us[a] + cn[a]);
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<Ranked> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int i = order[r];
            List<Integer> dominates = new ArrayList<>();
            List<Integer> dominatedBy = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (dominates(us[i], cn[i], us[j], cn[j])) {
                    dominates.add(j);
                } else if (dominates(us[j], cn[j], us[i], cn[i])) {
                    dominatedBy.add(j);
                }
            }
            out.add(new Ranked(
                    i,
                    r + 1,
                    value[i],
                    dominates.stream().mapToInt(Integer::intValue).toArray(),
                    dominatedBy.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    /** Whether (us1, cn1) Pareto-dominates (us2, cn2): at least as good for both sides and strictly better for one. */
    public static boolean dominates(double us1, double cn1, double us2, double cn2) {
        return us1 >= us2 && cn1 >= cn2 && (us1 > us2 || cn1 > cn2);
    }
}
