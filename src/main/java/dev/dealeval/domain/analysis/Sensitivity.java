package dev.dealeval.domain.analysis;

import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Stochastic multicriteria acceptability analysis (SMAA) of a set of bundles, and a one-at-a-time
 * tornado of the weights (docs/analyses.md "Sensitivity").
 *
 * <p>Each Monte Carlo sample draws every side's criterion weights from a Dirichlet around the
 * profile's weights, every side's faction clouts from a Dirichlet around the profile's clouts and
 * every pledge category's track record from a Beta around the profile's record; then scores each
 * bundle with the mathematics of docs/model.md under those draws, ranks the bundles by the
 * objective and tests ratification. The shares and means over the samples are the result.
 *
 * <p>Reproducibility: sample {@code i} draws from its own {@link SplittableRandom} seeded from
 * {@code (seed, i)} through a 64-bit mixer, and sums of doubles are taken per fixed block of
 * {@value #BLOCK} samples (in sample order) and then over the blocks in block order; counts are
 * summed as longs. The result is therefore bit-identical for any {@link Spec#parallelism()}.
 *
 * <p>The parts: {@link SensitivityKernel} (one run's precomputed model and one sample, scored by the
 * engine's rules), {@link SensitivitySampler} (the parallel, deterministic loop over the samples),
 * {@link SensitivityTornado} (the one-at-a-time bars) and {@link SensitivityDraws} (the random
 * variates).
 */
public final class Sensitivity {
    /** Samples per block: the unit of work for a thread and of deterministic summation. */
    static final int BLOCK = 256;

    private Sensitivity() {}

    /**
     * What to sample and how.
     *
     * <p>A concentration of {@code Double.POSITIVE_INFINITY} fixes that quantity at the profile's
     * values (no uncertainty); otherwise it must be a positive finite number.
     *
     * @param samples                  number of Monte Carlo samples (≥1)
     * @param seed                     the same seed (and spec and bundles) gives bit-identical results, whatever the thread count
     * @param weightConcentration      α of the Dirichlet around each side's weights: w' ~ Dirichlet(α·w) (larger = tighter)
     * @param cloutConcentration       the same for each side's faction clouts
     * @param credibilityConcentration κ: each pledge category's track record r ~ Beta(κ·r, κ·(1−r)) (r of 0 or 1 stays fixed)
     * @param objective                ranks the bundles in every sample
     * @param tornadoStep              one-at-a-time change of each weight for the tornado (0.2 = ±20%), in [0, 1]
     * @param parallelism              threads to use (1 = caller's thread only)
     */
    public record Spec(
            int samples,
            long seed,
            double weightConcentration,
            double cloutConcentration,
            double credibilityConcentration,
            Objective objective,
            double tornadoStep,
            int parallelism) {
        public Spec {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be at least 1");
            }
            concentration("weightConcentration", weightConcentration);
            concentration("cloutConcentration", cloutConcentration);
            concentration("credibilityConcentration", credibilityConcentration);
            Objects.requireNonNull(objective, "objective");
            if (!(tornadoStep >= 0 && tornadoStep <= 1)) {
                throw new IllegalArgumentException("tornadoStep must be between 0 and 1");
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
        }

        private static void concentration(String name, double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    public record Result(int samples, List<BundleResult> bundles, List<TornadoBar> tornado) {}

    /**
     * @param index              the bundle's position in the request (0-based)
     * @param rankAcceptability  b[r]: share of samples in which the bundle ranks r+1 (length = number of bundles)
     * @param usRatifies         share of samples in which the U.S. ratifies; cnRatifies likewise
     * @param agreement          share in which both ratify (verdict AGREEMENT_LIKELY)
     * @param centralWeights     mean sampled weight vector (all criteria, U.S. then China, in criterion order) over the samples where
     *                           the bundle ranks first; null when it never does
     * @param meanUsSurplus      mean S(US) over the samples; meanCnSurplus and meanObjective likewise
     * @param baseObjective      the objective at the profile's own weights, clouts and track records
     * @param baseRank           1-based rank at the profile's own weights
     */
    public record BundleResult(
            int index,
            double[] rankAcceptability,
            double usRatifies,
            double cnRatifies,
            double agreement,
            double[] centralWeights,
            double meanUsSurplus,
            double meanCnSurplus,
            double meanObjective,
            double baseObjective,
            int baseRank) {}

    /**
     * One bar of the one-at-a-time tornado: criterion c's weight times (1 − step) and (1 + step), the side renormalised,
     * everything else at the profile's values.
     *
     * @param low            objective value of each bundle at the lowered weight; high likewise at the raised weight
     * @param swing          max over bundles of |high − low|
     * @param leaderLow      index of the top-ranked bundle at the lowered weight; leaderHigh likewise at the raised weight
     * @param verdictChanges indices of bundles whose both-ratify outcome differs from the base at the lowered or raised weight
     */
    public record TornadoBar(
            Side side,
            String criterion,
            double[] low,
            double[] high,
            double swing,
            int leaderLow,
            int leaderHigh,
            int[] verdictChanges) {}

    /** Runs on the caller's thread and parallelism − 1 threads of its own. */
    public static Result run(CompiledModel m, int s, List<double[]> bundles, Spec spec) {
        return run(m, s, bundles, spec, task -> {
            Thread t = new Thread(task, "sensitivity");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Runs on the caller's thread and parallelism − 1 tasks on the executor (a shared pool: if its
     * threads are busy, the caller's thread takes the blocks they would have drawn).
     *
     * @param bundles resolved bundles (CompiledModel.resolve), each scored in scenario s
     */
    public static Result run(
            CompiledModel m, int s, List<double[]> bundles, Spec spec, java.util.concurrent.Executor executor) {
        Objects.requireNonNull(m, "m");
        Objects.requireNonNull(spec, "spec");
        if (bundles == null || bundles.isEmpty()) {
            throw new IllegalArgumentException("at least one bundle is needed");
        }
        if (s < 0 || s >= m.model().scenarios().size()) {
            throw new IllegalArgumentException("no scenario " + s);
        }
        for (double[] x : bundles) {
            if (x == null || x.length != m.termCount()) {
                throw new IllegalArgumentException("a resolved bundle has one value per term (" + m.termCount() + ")");
            }
        }
        SensitivityKernel k = new SensitivityKernel(m, s, bundles, spec);
        Base base = k.base();
        Totals totals = SensitivitySampler.sample(k, executor);
        List<TornadoBar> tornado = SensitivityTornado.tornado(k, base);

        int n = k.n;
        double count = spec.samples();
        List<BundleResult> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            double[] acceptability = new double[n];
            for (int r = 0; r < n; r++) {
                acceptability[r] = totals.rankCounts[b * n + r] / count;
            }
            int at = b * k.stride;
            long firsts = totals.rankCounts[b * n];
            double[] central = null;
            if (firsts > 0) {
                central = new double[k.nCrit];
                for (int c = 0; c < k.nCrit; c++) {
                    central[c] = totals.sums[at + SensitivityKernel.WEIGHTS + c] / firsts;
                }
            }
            out.add(new BundleResult(
                    b,
                    acceptability,
                    totals.usCounts[b] / count,
                    totals.cnCounts[b] / count,
                    totals.bothCounts[b] / count,
                    central,
                    totals.sums[at + SensitivityKernel.US_SURPLUS] / count,
                    totals.sums[at + SensitivityKernel.CN_SURPLUS] / count,
                    totals.sums[at + SensitivityKernel.OBJECTIVE] / count,
                    base.objective()[b],
                    base.rank()[b]));
        }
        return new Result(spec.samples(), List.copyOf(out), List.copyOf(tornado));
    }

    // ------------------------------------------------------------------ the model in flat arrays

    /** What the base (profile) evaluation yields. */
    record Base(double[] objective, int[] rank, boolean[] agreement) {}

    /** Sums over all samples. */
    record Totals(long[] rankCounts, long[] usCounts, long[] cnCounts, long[] bothCounts, double[] sums) {}

    // ------------------------------------------------------------------ test seam

    /**
     * U(US), U(CN), then U(f) for each faction, of the bundle last scored into {@code work}, under
     * the given side weights (all criteria, normalised per side) — by the same code the sample loop
     * uses. With the profile's weights it must reproduce {@code work.utility(side)}.
     */
    static double[] utilities(CompiledModel m, Work work, double[] sideWeights) {
        SensitivityKernel k = new SensitivityKernel(
                m, 0, List.of(new double[m.termCount()]), new Spec(1, 0, 1, 1, 1, Objective.WELFARE, 0, 1));
        double[] v = new double[k.nCrit];
        for (int c = 0; c < k.nCrit; c++) {
            v[c] = work.value(c);
        }
        double[] fw = new double[k.nFac * k.nCrit];
        k.factionWeights(sideWeights, fw);
        double[] out = new double[2 + k.nFac];
        out[0] = k.utility(sideWeights, 0, v, 0, k.nUs);
        out[1] = k.utility(sideWeights, 0, v, k.nUs, k.nCrit);
        for (int f = 0; f < k.nFac; f++) {
            out[2 + f] = k.utility(fw, f * k.nCrit, v, k.facFrom[f], k.facTo[f]);
        }
        return out;
    }
}
