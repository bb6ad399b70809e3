package dev.dealeval.domain.analysis;

/**
 * The Pareto frontier of points (x, y), both maximised, by sort and sweep in O(n log n)
 * (docs/analyses.md).
 *
 * <p>Rules, the same everywhere the service reports a frontier:
 * <ul>
 *   <li>A point is on the frontier when no other point is at least as good in both coordinates
 *       and strictly better in one. Points are compared exactly (no tolerance): surpluses are
 *       computed the same way for every bundle, so equal bundles give bit-equal surpluses.</li>
 *   <li>Duplicates: of several points with identical coordinates, the frontier keeps the one with
 *       the smallest id (for a search, the first bundle in enumeration order) and counts the
 *       others as its equivalents.</li>
 * </ul>
 */
public final class Frontier {
    private static final int INSERTION_SORT_BELOW = 24;

    private Frontier() {}

    /**
     * Positions (0..n-1) of the frontier points of (x[i], y[i]) with ids id[i], in order of x
     * descending (hence y ascending). {@code equivalents}, when not null, receives for each
     * returned position the number of other points with the same coordinates (added to the
     * count {@code weight[i]} those points already carry, when weight is not null).
     */
    public static int[] positions(double[] x, double[] y, long[] id, int n, long[] weight, long[] equivalents) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] key = new double[n];
        System.arraycopy(x, 0, key, 0, n);
        sort(key, order, y, id, 0, n - 1);
        // Sweep: x is non-increasing, so a point is undominated exactly when its y beats every y seen so far.
        int[] out = new int[Math.min(n, 1024)];
        int size = 0;
        double bestY = Double.NEGATIVE_INFINITY;
        int last = -1;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (y[i] > bestY) {
                if (size == out.length) {
                    out = java.util.Arrays.copyOf(out, size * 2);
                }
                out[size++] = i;
                bestY = y[i];
                last = i;
                if (equivalents != null) {
                    equivalents[size - 1] = weight == null ? 0 : weight[i];
                }
            } else if (equivalents != null && last >= 0 && y[i] == y[last] && x[i] == x[last]) {
                equivalents[size - 1] += 1 + (weight == null ? 0 : weight[i]);
            }
        }
        return java.util.Arrays.copyOf(out, size);
    }

    /** Positions of the frontier points, ids being the positions themselves. */
    public static int[] positions(double[] x, double[] y, int n) {
        return positions(x, y, null, n, null, null);
    }

    /** Order: x descending, then y descending, then id (or position) ascending; keys hold x. */
    private static void sort(double[] key, int[] order, double[] y, long[] id, int lo, int hi) {
        while (hi - lo >= INSERTION_SORT_BELOW) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot, moved to hi
            if (before(key, order, y, id, mid, lo)) {
                swap(key, order, mid, lo);
            }
            if (before(key, order, y, id, hi, lo)) {
                swap(key, order, hi, lo);
            }
            if (before(key, order, y, id, mid, hi)) {
                swap(key, order, mid, hi);
            }
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (before(key, order, y, id, i, hi)) {
                    swap(key, order, i, store++);
                }
            }
            swap(key, order, store, hi);
            // recurse into the smaller part, loop on the larger: O(log n) stack
            if (store - lo < hi - store) {
                sort(key, order, y, id, lo, store - 1);
                lo = store + 1;
            } else {
                sort(key, order, y, id, store + 1, hi);
                hi = store - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && before(key, order, y, id, j, j - 1); j--) {
                swap(key, order, j, j - 1);
            }
        }
    }

    /** Whether the entry at slot a sorts strictly before the one at slot b. */
    private static boolean before(double[] key, int[] order, double[] y, long[] id, int a, int b) {
        double ka = key[a];
        double kb = key[b];
        if (ka != kb) {
            return ka > kb;
        }
        int ia = order[a];
        int ib = order[b];
        if (y[ia] != y[ib]) {
            return y[ia] > y[ib];
        }
        return id == null ? ia < ib : id[ia] < id[ib];
    }

    private static void swap(double[] key, int[] order, int a, int b) {
        double k = key[a];
        key[a] = key[b];
        key[b] = k;
        int o = order[a];
        order[a] = order[b];
        order[b] = o;
    }

    /** Positions 0..size-1, or limit of them spread evenly with both ends when there are more (a long frontier thinned). */
    public static java.util.TreeSet<Integer> spread(int size, int limit) {
        java.util.TreeSet<Integer> keep = new java.util.TreeSet<>();
        int n = Math.min(size, limit);
        for (int k = 0; k < n; k++) {
            keep.add(size <= limit ? k : limit == 1 ? 0 : (int) Math.round(k * (size - 1) / (double) (limit - 1)));
        }
        return keep;
    }
}
