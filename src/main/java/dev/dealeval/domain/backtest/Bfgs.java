package dev.dealeval.domain.backtest;

/**
 * Quasi-Newton minimisation (BFGS with the inverse-Hessian update and a backtracking line search on
 * the Armijo condition; Nocedal and Wright, "Numerical Optimization", algorithm 6.1) for the fitting
 * procedure's smooth objective with its analytic gradient. Deterministic: it starts from the given
 * point with the identity as inverse Hessian, restarts from the identity once when a line search
 * fails on a kink of the objective (the veto cap's minimum, the clamped thresholds), and stops when
 * the gradient vanishes or a step no longer lowers the objective beyond rounding.
 */
final class Bfgs {
    /** The objective's value at x, with its gradient written into grad. */
    interface Objective {
        double valueAndGradient(double[] x, double[] grad);
    }

    private static final double ARMIJO = 1e-4;
    private static final double GRADIENT_TOLERANCE = 1e-7;
    private static final double VALUE_TOLERANCE = 1e-12;
    private static final int HALVINGS = 50;

    private Bfgs() {}

    /** A local minimum of f near start, after at most the given number of iterations. */
    static double[] minimise(Objective f, double[] start, int iterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double[][] h = identity(n);
        boolean fresh = true;
        double[] p = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        double[] hy = new double[n];
        for (int it = 0; it < iterations && norm(g) > GRADIENT_TOLERANCE; it++) {
            double slope = 0;
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    v -= h[i][j] * g[j];
                }
                p[i] = v;
                slope += v * g[i];
            }
            double step = 1;
            double fn = Double.NaN;
            boolean found = false;
            if (slope < 0) {
                for (int k = 0; k < HALVINGS; k++, step /= 2) {
                    for (int i = 0; i < n; i++) {
                        xn[i] = x[i] + step * p[i];
                    }
                    fn = f.valueAndGradient(xn, gn);
                    if (fn <= fx + ARMIJO * step * slope) {
                        found = true;
                        break;
                    }
                }
            }
            if (!found) {
                if (fresh) {
                    break;
                }
                h = identity(n);
                fresh = true;
                continue;
            }
            if (fx - fn <= VALUE_TOLERANCE * (1 + Math.abs(fx))) {
                // Converged to rounding: no step lowers the objective by a meaningful amount.
                if (fn < fx) {
                    System.arraycopy(xn, 0, x, 0, n);
                }
                break;
            }
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
                sy += s[i] * y[i];
            }
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (sy > 1e-12) {
                update(h, s, y, hy, sy);
                fresh = false;
            }
        }
        return x;
    }

    /** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(yᵀs). */
    private static void update(double[][] h, double[] s, double[] y, double[] hy, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double yhy = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i][j] * y[j];
            }
            hy[i] = v;
            yhy += y[i] * v;
        }
        double c = rho * rho * yhy + rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += c * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double norm(double[] g) {
        double m = 0;
        for (double v : g) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
