package dev.dealeval.domain.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The random draws of a sensitivity analysis: a seed per sample, and Gamma, Beta and Dirichlet
 * variates for the sampled track records, weights and clouts.
 */
final class SensitivityDraws {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SensitivityDraws() {}

    /** The seed of sample i's generator: a SplitMix64 mix of (seed, i), so any sample can be drawn on any thread. */
    static long sampleSeed(long seed, long i) {
        return mix64(mix64(seed) + GOLDEN * (i + 1));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * log of a Gamma(shape, 1) draw: Marsaglia and Tsang (2000), with the boost
     * Gamma(a) = Gamma(a + 1)·U^(1/a) for a &lt; 1. Kept in logs so tiny shapes do not underflow to 0.
     */
    static double logGamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            double u = 1.0 - rng.nextDouble(); // (0, 1]
            return logGamma(rng, shape + 1) + Math.log(u) / shape;
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = rng.nextGaussian();
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            double z2 = z * z;
            if (u < 1 - 0.0331 * z2 * z2) {
                return Math.log(d * v);
            }
            double logV = Math.log(v);
            if (Math.log(u) < 0.5 * z2 + d * (1 - v + logV)) {
                return Math.log(d) + logV;
            }
        }
    }

    /** A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b); a, b &gt; 0. */
    static double beta(SplittableRandom rng, double a, double b) {
        double lx = logGamma(rng, a);
        double ly = logGamma(rng, b);
        return 1 / (1 + Math.exp(ly - lx));
    }

    /**
     * A Dirichlet draw over {@code out[from..to)} with parameters concentration·mean[c]/Σmean, scaled
     * to sum to {@code scale}. Components with mean 0 stay 0 (and draw nothing).
     */
    static void dirichlet(
            SplittableRandom rng, double concentration, double[] mean, int from, int to, double scale, double[] out) {
        double total = 0;
        for (int c = from; c < to; c++) {
            total += mean[c];
        }
        if (!(total > 0)) {
            Arrays.fill(out, from, to, 0);
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = from; c < to; c++) {
            if (mean[c] > 0) {
                out[c] = logGamma(rng, concentration * mean[c] / total);
                max = Math.max(max, out[c]);
            }
        }
        double sum = 0;
        for (int c = from; c < to; c++) {
            if (mean[c] > 0) {
                out[c] = Math.exp(out[c] - max);
                sum += out[c];
            } else {
                out[c] = 0;
            }
        }
        for (int c = from; c < to; c++) {
            out[c] = out[c] / sum * scale;
        }
    }
}
