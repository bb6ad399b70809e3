package dev.dealeval.domain.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How well probability forecasts are calibrated against 0/1 outcomes (docs/backtest.md, "Calibration"):
 * the points of a reliability diagram, the expected calibration error and Murphy's (1973) decomposition of
 * the Brier score.
 *
 * <p>The forecasts are put in {@value #BINS} equal-width bins of predicted probability, [0, 0.2), [0.2, 0.4),
 * [0.4, 0.6), [0.6, 0.8) and [0.8, 1] (bin ⌊5p⌋, the last closed): with a few dozen forecasts, five bins
 * keep several in each occupied bin, and equal widths make the bins the same for every profile and every
 * set of episodes, so that two diagrams can be compared. A bin's observed frequency comes with its Wilson
 * score interval at 90 %, which stays inside [0, 1] and is not empty when all of a bin's outcomes agree.
 */
public final class Reliability {
    public static final int BINS = 5;

    /** Φ⁻¹(0.95): the z of a two-sided 90 % interval. */
    static final double Z90 = 1.6448536269514722;

    private Reliability() {}

    /** A probability forecast and what happened (1: the event occurred, 0: it did not). */
    public record Forecast(double probability, int outcome) {
        public Forecast {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
            }
            if (outcome != 0 && outcome != 1) {
                throw new IllegalArgumentException("outcome must be 0 or 1, was " + outcome);
            }
        }
    }

    /**
     * The forecasts of one bin.
     *
     * @param from          the bin's lower edge (included)
     * @param to            its upper edge (excluded, except 1)
     * @param meanPredicted mean forecast probability of the bin
     * @param observed      share of the bin's outcomes that are 1
     * @param low           lower end of the Wilson 90 % interval of {@code observed}
     * @param high          upper end
     */
    public record Bin(
            double from, double to, int count, double meanPredicted, double observed, double low, double high) {}

    /**
     * One named series of forecasts, its occupied bins and its scores; the scores are NaN without forecasts.
     *
     * @param bins        the bins holding at least one forecast, in order of probability
     * @param ece         expected calibration error, Σ n_b / N · |observed_b − meanPredicted_b|
     * @param brier       mean (p − o)²
     * @param reliability Σ n_b / N · (meanPredicted_b − observed_b)²: 0 when calibrated
     * @param resolution  Σ n_b / N · (observed_b − ō)², ō the share of outcomes that are 1: how far the bins
     *                    tell outcomes apart
     * @param uncertainty ō(1 − ō). brier = reliability − resolution + uncertainty when each bin's forecasts are
     *                    equal; otherwise brier exceeds it by the forecasts' spread within their bins (Σ over
     *                    forecasts of (p − meanPredicted_b)² / N) less twice their covariance with the outcomes
     */
    public record Series(
            String name,
            int forecasts,
            List<Bin> bins,
            double ece,
            double brier,
            double reliability,
            double resolution,
            double uncertainty) {
        public Series {
            Objects.requireNonNull(name, "name");
            bins = List.copyOf(bins);
        }
    }

    /** The series of {@code forecasts}, binned as the class says. */
    public static Series of(String name, List<Forecast> forecasts) {
        int[] count = new int[BINS];
        double[] predicted = new double[BINS];
        int[] ones = new int[BINS];
        double brier = 0;
        for (Forecast f : forecasts) {
            int b = bin(f.probability());
            count[b]++;
            predicted[b] += f.probability();
            ones[b] += f.outcome();
            brier += (f.probability() - f.outcome()) * (f.probability() - f.outcome());
        }
        int n = forecasts.size();
        double base = (double) sum(ones) / n;
        List<Bin> bins = new ArrayList<>();
        double ece = 0, reliability = 0, resolution = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] == 0) {
                continue;
            }
            double mean = predicted[b] / count[b], observed = (double) ones[b] / count[b];
            double[] interval = wilson(ones[b], count[b]);
            bins.add(new Bin(
                    (double) b / BINS, (double) (b + 1) / BINS, count[b], mean, observed, interval[0], interval[1]));
            double weight = (double) count[b] / n;
            ece += weight * Math.abs(observed - mean);
            reliability += weight * (mean - observed) * (mean - observed);
            resolution += weight * (observed - base) * (observed - base);
        }
        if (n == 0) {
            return new Series(name, 0, bins, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Series(name, n, bins, ece, brier / n, reliability, resolution, base * (1 - base));
    }

    /** The bin of probability p: ⌊5p⌋, with 1 in the last bin. */
    static int bin(double p) {
        return Math.min(BINS - 1, (int) Math.floor(p * BINS));
    }

    /**
     * The Wilson score interval at 90 % of k successes in n trials: (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) /
     * (1 + z²/n), p̂ = k/n. Its lower end is 0 when k = 0 and its upper end 1 when k = n; they are set so,
     * not left to rounding.
     */
    static double[] wilson(int k, int n) {
        double p = (double) k / n, z2 = Z90 * Z90;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z90 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {k == 0 ? 0 : centre - half, k == n ? 1 : centre + half};
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
