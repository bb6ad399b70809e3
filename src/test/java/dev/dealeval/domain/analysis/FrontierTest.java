package dev.dealeval.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sort-and-sweep frontier and its streaming form against the O(n²) definition. */
class FrontierTest {

    /** The definition: undominated points, of identical ones the smallest id; x descending. */
    static int[] reference(double[] x, double[] y, long[] id, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean keep = true;
            for (int j = 0; j < n && keep; j++) {
                boolean dominates = x[j] >= x[i] && y[j] >= y[i] && (x[j] > x[i] || y[j] > y[i]);
                boolean earlierTwin = x[j] == x[i] && y[j] == y[i] && id[j] < id[i];
                keep = !dominates && !earlierTwin;
            }
            if (keep) {
                out.add(i);
            }
        }
        out.sort((a, b) -> Double.compare(x[b], x[a]));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static long twins(double[] x, double[] y, int n, int i) {
        long c = 0;
        for (int j = 0; j < n; j++) {
            if (j != i && x[j] == x[i] && y[j] == y[i]) {
                c++;
            }
        }
        return c;
    }

    /** Random points on a few grid values (many ties and duplicates), or anti-correlated (a long frontier). */
    static double[][] points(long seed, int n, boolean antiCorrelated, int grid) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (antiCorrelated) {
                double t = r.nextDouble();
                double off = r.nextDouble() * 0.05;
                x[i] = t - off;
                y[i] = 1 - t - off;
            } else {
                x[i] = r.nextInt(grid);
                y[i] = r.nextInt(grid);
            }
            if (grid > 0 && antiCorrelated) {
                x[i] = Math.round(x[i] * grid) / (double) grid;
                y[i] = Math.round(y[i] * grid) / (double) grid;
            }
        }
        return new double[][] {x, y};
    }

    @Test
    void sortAndSweepEqualsTheDefinitionOnRandomAndAntiCorrelatedSetsWithTiesAndDuplicates() {
        for (long seed = 1; seed <= 60; seed++) {
            int n = 1 + (int) (seed * 37 % 700);
            boolean anti = seed % 2 == 0;
            int grid = seed % 3 == 0 ? 0 : (int) (3 + seed % 40);
            double[][] p = points(seed, n, anti, anti && grid == 0 ? 0 : Math.max(grid, 3));
            long[] id = new long[n];
            for (int i = 0; i < n; i++) {
                id[i] = i;
            }
            long[] eq = new long[n];
            int[] got = Frontier.positions(p[0], p[1], id, n, null, eq);
            int[] want = reference(p[0], p[1], id, n);
            assertArrayEquals(want, got, "seed " + seed);
            for (int k = 0; k < got.length; k++) {
                assertEquals(twins(p[0], p[1], n, got[k]), eq[k], "equivalents, seed " + seed);
            }
        }
    }

    @Test
    void handBuiltCase() {
        // (3,1) (2,2) (2,2) (1,3) (1,1) (2,1) (0,3): frontier (3,1) (2,2) (1,3); (2,2) twice: the first kept, one
        // equivalent.
        double[] x = {1, 2, 3, 2, 1, 2, 0};
        double[] y = {1, 2, 1, 2, 3, 1, 3};
        long[] eq = new long[7];
        int[] got = Frontier.positions(x, y, null, 7, null, eq);
        assertArrayEquals(new int[] {2, 1, 4}, got);
        assertArrayEquals(new long[] {0, 1, 0}, Arrays.copyOf(eq, 3));
        assertArrayEquals(new int[0], Frontier.positions(new double[0], new double[0], 0));
        assertArrayEquals(new int[] {0}, Frontier.positions(new double[] {5}, new double[] {-5}, 1));
    }

    @Test
    void streamingBuilderEqualsTheBatchFrontierWhateverTheBufferAndSplit() {
        for (long seed = 100; seed < 130; seed++) {
            int n = 200 + (int) (seed * 53 % 3000);
            double[][] p = points(seed, n, seed % 2 == 0, 12);
            long[] id = new long[n];
            // ids not in arrival order, so duplicates must be resolved by id, not by who came first
            for (int i = 0; i < n; i++) {
                id[i] = (i * 7919L) % 100_003;
            }
            long[] eq = new long[n];
            int[] want = Frontier.positions(p[0], p[1], id, n, null, eq);
            int buffer = 1 + (int) (seed % 50);
            FrontierBuilder a = new FrontierBuilder(buffer);
            FrontierBuilder b = new FrontierBuilder(buffer + 3);
            int split = (int) (seed * 31 % n);
            for (int i = 0; i < n; i++) {
                (i < split ? a : b).add(p[0][i], p[1][i], id[i]);
            }
            a.merge(b);
            FrontierBuilder.Point[] got = a.points();
            assertEquals(want.length, got.length, "seed " + seed);
            for (int k = 0; k < want.length; k++) {
                assertEquals(p[0][want[k]], got[k].x(), "seed " + seed);
                assertEquals(p[1][want[k]], got[k].y(), "seed " + seed);
                assertEquals(id[want[k]], got[k].id(), "seed " + seed);
                assertEquals(eq[k], got[k].equivalents(), "seed " + seed);
            }
        }
    }

    @Test
    void aMillionAntiCorrelatedPointsGiveTheSameFrontierAsTheStreamingBuilder() {
        int n = 1_000_000;
        double[][] p = points(7, n, true, 0);
        int[] batch = Frontier.positions(p[0], p[1], n);
        FrontierBuilder b = new FrontierBuilder();
        for (int i = 0; i < n; i++) {
            b.add(p[0][i], p[1][i], i);
        }
        FrontierBuilder.Point[] stream = b.points();
        assertEquals(batch.length, stream.length);
        for (int k = 0; k < batch.length; k++) {
            assertEquals(batch[k], stream[k].id());
        }
        // each kept point really is undominated by its neighbours, and x strictly falls while y strictly rises
        for (int k = 1; k < batch.length; k++) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    p[0][batch[k]] < p[0][batch[k - 1]] && p[1][batch[k]] > p[1][batch[k - 1]]);
        }
    }
}
