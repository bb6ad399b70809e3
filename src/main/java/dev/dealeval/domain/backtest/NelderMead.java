package dev.dealeval.domain.backtest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * The Nelder–Mead simplex method (Nelder and Mead 1965, with the standard coefficients: reflection 1,
 * expansion 2, contraction 1/2, shrink 1/2) for the fitting procedure's few smooth parameters.
 * Deterministic: the initial simplex steps 0.5 along each axis from the start.
 */
final class NelderMead {
    private static final double STEP = 0.5;
    private static final double TOLERANCE = 1e-10;

    private NelderMead() {}

    /** A local minimum of f near start, after at most the given number of iterations. */
    static double[] minimise(ToDoubleFunction<double[]> f, double[] start, int iterations) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] value = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += STEP;
        }
        for (int i = 0; i <= n; i++) {
            value[i] = f.applyAsDouble(simplex[i]);
        }
        Integer[] order = new Integer[n + 1];
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> value[i]));
            int best = order[0];
            int worst = order[n];
            int second = order[n - 1];
            if (Math.abs(value[worst] - value[best]) < TOLERANCE) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i <= n; i++) {
                if (i != worst) {
                    for (int d = 0; d < n; d++) {
                        centroid[d] += simplex[i][d] / n;
                    }
                }
            }
            double[] reflected = along(centroid, simplex[worst], -1);
            double fr = f.applyAsDouble(reflected);
            if (fr < value[best]) {
                double[] expanded = along(centroid, simplex[worst], -2);
                double fe = f.applyAsDouble(expanded);
                replace(simplex, value, worst, fe < fr ? expanded : reflected, Math.min(fe, fr));
            } else if (fr < value[second]) {
                replace(simplex, value, worst, reflected, fr);
            } else {
                boolean outside = fr < value[worst];
                double[] contracted = along(centroid, outside ? reflected : simplex[worst], 0.5);
                double fc = f.applyAsDouble(contracted);
                if (fc < Math.min(fr, value[worst])) {
                    replace(simplex, value, worst, contracted, fc);
                } else {
                    for (int i = 0; i <= n; i++) {
                        if (i != best) {
                            simplex[i] = along(simplex[best], simplex[i], 0.5);
                            value[i] = f.applyAsDouble(simplex[i]);
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (value[i] < value[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    /** from + t·(to − from). */
    private static double[] along(double[] from, double[] to, double t) {
        double[] out = new double[from.length];
        for (int d = 0; d < from.length; d++) {
            out[d] = from[d] + t * (to[d] - from[d]);
        }
        return out;
    }

    private static void replace(double[][] simplex, double[] value, int i, double[] point, double v) {
        simplex[i] = point;
        value[i] = v;
    }
}
