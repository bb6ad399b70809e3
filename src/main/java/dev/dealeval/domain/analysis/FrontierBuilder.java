package dev.dealeval.domain.analysis;

import java.util.Arrays;

/**
 * The Pareto frontier of a stream of points, in memory that grows with the frontier rather than
 * with the stream: a point dominated by the current frontier is rejected by a binary search
 * (O(log f)); the others wait in a fixed-size buffer that is folded into the frontier by
 * {@link Frontier#positions sort and sweep} when it fills. Same rules as {@link Frontier}.
 * Not thread-safe: one per thread, then {@link #merge}.
 */
public final class FrontierBuilder {
    private final int bufferSize;
    // frontier, x descending (y ascending)
    private double[] fx = new double[64];
    private double[] fy = new double[64];
    private long[] fid = new long[64];
    private long[] fdup = new long[64];
    private int fsize;
    // pending points
    private final double[] bx;
    private final double[] by;
    private final long[] bid;
    private final long[] bdup;
    private int bsize;

    /** A buffer of 1,024 points (32 KB): large enough that folds are rare once the frontier has formed. */
    public FrontierBuilder() {
        this(1 << 10);
    }

    public FrontierBuilder(int bufferSize) {
        this.bufferSize = bufferSize;
        bx = new double[bufferSize];
        by = new double[bufferSize];
        bid = new long[bufferSize];
        bdup = new long[bufferSize];
    }

    /** Offers the point (x, y) of the item with this id. */
    public void add(double x, double y, long id) {
        add(x, y, id, 0);
    }

    private void add(double x, double y, long id, long equivalents) {
        if (fsize > 0) {
            // The frontier point with the smallest x still ≥ x has the largest y among those: it decides dominance.
            int lo = 0;
            int hi = fsize - 1;
            int at = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (fx[mid] >= x) {
                    at = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (at >= 0 && fy[at] >= y && !(fx[at] == x && fy[at] == y)) {
                return;
            }
            if (at >= 0 && fx[at] == x && fy[at] == y && fid[at] < id) {
                fdup[at] += 1 + equivalents;
                return;
            }
        }
        bx[bsize] = x;
        by[bsize] = y;
        bid[bsize] = id;
        bdup[bsize] = equivalents;
        if (++bsize == bufferSize) {
            fold();
        }
    }

    /** Adds another builder's points (its frontier and pending ones). */
    public void merge(FrontierBuilder other) {
        other.fold();
        for (int i = 0; i < other.fsize; i++) {
            add(other.fx[i], other.fy[i], other.fid[i], other.fdup[i]);
        }
    }

    /** Folds the buffer into the frontier. */
    private void fold() {
        if (bsize == 0) {
            return;
        }
        int n = fsize + bsize;
        double[] x = Arrays.copyOf(fx, n);
        double[] y = Arrays.copyOf(fy, n);
        long[] id = Arrays.copyOf(fid, n);
        long[] dup = Arrays.copyOf(fdup, n);
        System.arraycopy(bx, 0, x, fsize, bsize);
        System.arraycopy(by, 0, y, fsize, bsize);
        System.arraycopy(bid, 0, id, fsize, bsize);
        System.arraycopy(bdup, 0, dup, fsize, bsize);
        long[] equivalents = new long[n];
        int[] keep = Frontier.positions(x, y, id, n, dup, equivalents);
        int size = keep.length;
        int capacity = Math.max(64, Integer.highestOneBit(Math.max(1, size)) << 1);
        fx = new double[capacity];
        fy = new double[capacity];
        fid = new long[capacity];
        fdup = new long[capacity];
        for (int k = 0; k < size; k++) {
            fx[k] = x[keep[k]];
            fy[k] = y[keep[k]];
            fid[k] = id[keep[k]];
            fdup[k] = equivalents[k];
        }
        fsize = size;
        bsize = 0;
    }

    /** The frontier so far, x descending. */
    public Point[] points() {
        fold();
        Point[] out = new Point[fsize];
        for (int i = 0; i < fsize; i++) {
            out[i] = new Point(fx[i], fy[i], fid[i], fdup[i]);
        }
        return out;
    }

    /**
     * @param equivalents how many other points had exactly these coordinates
     */
    public record Point(double x, double y, long id, long equivalents) {}
}
