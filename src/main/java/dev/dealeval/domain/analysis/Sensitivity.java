package dev.dealeval.domain.analysis;

import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Ratification;
import dev.dealeval.domain.engine.Scoring;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
 */
public final class Sensitivity {
    /** Samples per block: the unit of work for a thread and of deterministic summation. */
    static final int BLOCK = 256;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

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
        Kernel k = new Kernel(m, s, bundles, spec);
        Base base = k.base();
        Totals totals = k.sample(executor);
        List<TornadoBar> tornado = k.tornado(base);

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
                    central[c] = totals.sums[at + Kernel.WEIGHTS + c] / firsts;
                }
            }
            out.add(new BundleResult(
                    b,
                    acceptability,
                    totals.usCounts[b] / count,
                    totals.cnCounts[b] / count,
                    totals.bothCounts[b] / count,
                    central,
                    totals.sums[at + Kernel.US_SURPLUS] / count,
                    totals.sums[at + Kernel.CN_SURPLUS] / count,
                    totals.sums[at + Kernel.OBJECTIVE] / count,
                    base.objective[b],
                    base.rank[b]));
        }
        return new Result(spec.samples(), List.copyOf(out), List.copyOf(tornado));
    }

    // ------------------------------------------------------------------ the model in flat arrays

    /** What the base (profile) evaluation yields. */
    private record Base(double[] objective, int[] rank, boolean[] agreement) {}

    /** Sums over all samples. */
    private record Totals(long[] rankCounts, long[] usCounts, long[] cnCounts, long[] bothCounts, double[] sums) {}

    /** The model, bundles and spec of one run, with everything that does not change between samples precomputed. */
    private static final class Kernel {
        static final int US_SURPLUS = 0;
        static final int CN_SURPLUS = 1;
        static final int OBJECTIVE = 2;
        static final int WEIGHTS = 3;

        final CompiledModel m;
        final int s;
        final Spec spec;
        final double[][] x;
        final int n;
        final int nCrit;
        final int nUs;
        final int nFac;
        final int nCat;
        /** Doubles summed per bundle: surpluses, objective, central weights. */
        final int stride;

        final double[] baseWeight;
        final double[] baseFactionWeight;
        final double[] multiplier;
        final int[] facFrom;
        final int[] facTo;
        /** Factions are stored U.S. first, then China: [0, usFac) and [usFac, nFac). */
        final int usFac;

        final double[] baseClout;
        final double usCloutTotal;
        final double cnCloutTotal;
        final double[] noDealValue;
        /** The scenario gives the no-deal utilities outright (reservation values): weights do not move them. */
        final boolean reservationGiven;
        /** A side's utility is unit × Σ w·v (CompiledModel#utilityScale). */
        final double unit;

        final double stanceMargin;
        final double[] baseTrack;
        final boolean[] trackSampled;
        final boolean weightsFixed;
        final boolean cloutsFixed;
        /** No track record is sampled, so each bundle's criterion values are those of the base. */
        final boolean valuesFixed;
        /** Criterion values of each bundle under the profile's track records (n × nCrit). */
        final double[][] baseValues;

        Kernel(CompiledModel m, int s, List<double[]> bundles, Spec spec) {
            this.m = m;
            this.s = s;
            this.spec = spec;
            this.n = bundles.size();
            this.x = new double[n][];
            for (int b = 0; b < n; b++) {
                x[b] = bundles.get(b).clone();
            }
            nCrit = m.criterionCount();
            nUs = m.usCriterionCount();
            nFac = m.factionCount();
            nCat = m.pledgeCategoryCount();
            stride = WEIGHTS + nCrit;
            baseWeight = new double[nCrit];
            for (int c = 0; c < nCrit; c++) {
                baseWeight[c] = m.weight(c);
            }
            facFrom = new int[nFac];
            facTo = new int[nFac];
            multiplier = new double[nFac * nCrit];
            baseFactionWeight = new double[nFac * nCrit];
            baseClout = new double[nFac];
            int us = 0;
            double usTotal = 0;
            double cnTotal = 0;
            for (int f = 0; f < nFac; f++) {
                boolean isUs = m.factionIsUs(f);
                if (isUs) {
                    if (us != f) {
                        throw new IllegalStateException("factions must be ordered U.S. first, then China");
                    }
                    us++;
                }
                facFrom[f] = isUs ? 0 : nUs;
                facTo[f] = isUs ? nUs : nCrit;
                for (int c = facFrom[f]; c < facTo[f]; c++) {
                    multiplier[f * nCrit + c] = m.multiplier(f, c);
                    baseFactionWeight[f * nCrit + c] = m.factionWeight(f, c);
                }
                baseClout[f] = m.clout(f);
                if (isUs) {
                    usTotal += baseClout[f];
                } else {
                    cnTotal += baseClout[f];
                }
            }
            usFac = us;
            usCloutTotal = usTotal;
            cnCloutTotal = cnTotal;
            noDealValue = new double[nCrit];
            for (int c = 0; c < nCrit; c++) {
                noDealValue[c] = m.noDealValue(s, c);
            }
            reservationGiven = m.model().scenarios().get(s).reservation() != null;
            unit = m.utilityScale();
            stanceMargin = m.profile().settings().stanceMargin();
            baseTrack = new double[nCat];
            trackSampled = new boolean[nCat];
            boolean anySampled = false;
            for (int k = 0; k < nCat; k++) {
                baseTrack[k] = m.trackRecord(k);
                trackSampled[k] =
                        baseTrack[k] > 0 && baseTrack[k] < 1 && Double.isFinite(spec.credibilityConcentration());
                anySampled |= trackSampled[k];
            }
            weightsFixed = Double.isInfinite(spec.weightConcentration());
            cloutsFixed = Double.isInfinite(spec.cloutConcentration());
            valuesFixed = !anySampled;
            baseValues = new double[n][nCrit];
        }

        // -------------------------------------------------------------- base and tornado

        /** The profile's own evaluation: the scores of {@code CompiledModel.score}, as {@code Evaluator} computes them. */
        Base base() {
            CompiledModel.Work work = m.newWork();
            double[] objective = new double[n];
            boolean[] agreement = new boolean[n];
            double dUs = m.noDealUtility(Side.US, s);
            double dCn = m.noDealUtility(Side.CN, s);
            for (int b = 0; b < n; b++) {
                m.score(x[b], s, work);
                for (int c = 0; c < nCrit; c++) {
                    baseValues[b][c] = work.value(c);
                }
                objective[b] = spec.objective().value(work.utility(Side.US) - dUs, work.utility(Side.CN) - dCn);
                agreement[b] = m.ratifies(Side.US, x[b], s, work) && m.ratifies(Side.CN, x[b], s, work);
            }
            int[] order = new int[n];
            int[] tmp = new int[n];
            rank(objective, order, tmp);
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[order[r]] = r + 1;
            }
            return new Base(objective, rank, agreement);
        }

        /** One bar per criterion (weights of 0 give bars of swing 0), by swing, largest first. */
        List<TornadoBar> tornado(Base base) {
            Scratch sc = new Scratch(this, false);
            System.arraycopy(baseClout, 0, sc.clout, 0, nFac);
            double step = spec.tornadoStep();
            List<TornadoBar> bars = new ArrayList<>(nCrit);
            double[] sUs = sc.usSurplus;
            double[] sCn = sc.cnSurplus;
            for (int c = 0; c < nCrit; c++) {
                double[][] objective = new double[2][n];
                int[] leader = new int[2];
                boolean[] changed = new boolean[n];
                for (int dir = 0; dir < 2; dir++) {
                    double factor = dir == 0 ? 1 - step : 1 + step;
                    System.arraycopy(baseWeight, 0, sc.weight, 0, nCrit);
                    sc.weight[c] *= factor;
                    // A factor of exactly 1 keeps the profile's weights bit for bit, so a step of 0 reproduces the
                    // base.
                    if (factor != 1) {
                        Numbers.normalise(sc.weight, c < nUs ? 0 : nUs, c < nUs ? nUs : nCrit);
                    }
                    factionWeights(sc.weight, sc.factionWeight);
                    noDealUtilities(sc);
                    for (int b = 0; b < n; b++) {
                        surpluses(baseValues[b], sc, b);
                        objective[dir][b] = spec.objective().value(sUs[b], sCn[b]);
                        boolean both = Ratification.ratifies(
                                        m,
                                        Side.US,
                                        x[b],
                                        s,
                                        sc.usSurplus[b],
                                        sc.factionSurplus,
                                        sc.factionStake,
                                        sc.clout)
                                && Ratification.ratifies(
                                        m,
                                        Side.CN,
                                        x[b],
                                        s,
                                        sc.cnSurplus[b],
                                        sc.factionSurplus,
                                        sc.factionStake,
                                        sc.clout);
                        changed[b] |= both != base.agreement[b];
                    }
                    leader[dir] = leader(objective[dir]);
                }
                double swing = 0;
                for (int b = 0; b < n; b++) {
                    swing = Math.max(swing, Math.abs(objective[1][b] - objective[0][b]));
                }
                int[] changes = java.util.stream.IntStream.range(0, n)
                        .filter(b -> changed[b])
                        .toArray();
                bars.add(new TornadoBar(
                        m.criterion(c).side(),
                        m.criterion(c).id(),
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

        // -------------------------------------------------------------- the engine's formulas (docs/model.md)

        /** w(f,c) of every faction under the given side weights, by the engine's rule. */
        void factionWeights(double[] weight, double[] factionWeight) {
            for (int f = 0; f < nFac; f++) {
                Scoring.factionWeights(weight, multiplier, f * nCrit, facFrom[f], facTo[f], factionWeight);
            }
        }

        /** unit · Σ w[offset + c]·v[c] over [from, to): the engine's utility. */
        double utility(double[] w, int offset, double[] v, int from, int to) {
            return Scoring.utility(unit, w, offset, v, from, to);
        }

        /**
         * d(p) and d(f) under the scratch's weights; the no-deal values do not depend on credibility.
         * Reservation values given outright stay as they are.
         */
        void noDealUtilities(Scratch sc) {
            if (reservationGiven) {
                sc.noDealUs = m.noDealUtility(Side.US, s);
                sc.noDealCn = m.noDealUtility(Side.CN, s);
                for (int f = 0; f < nFac; f++) {
                    sc.noDealFaction[f] = m.noDealFactionUtility(f, s);
                }
                return;
            }
            sc.noDealUs = utility(sc.weight, 0, noDealValue, 0, nUs);
            sc.noDealCn = utility(sc.weight, 0, noDealValue, nUs, nCrit);
            for (int f = 0; f < nFac; f++) {
                sc.noDealFaction[f] = utility(sc.factionWeight, f * nCrit, noDealValue, facFrom[f], facTo[f]);
            }
        }

        /** S(p) = U(p) − d(p) of bundle b into the scratch, and every S(f) into its factionSurplus. */
        void surpluses(double[] v, Scratch sc, int b) {
            sc.usSurplus[b] = utility(sc.weight, 0, v, 0, nUs) - sc.noDealUs;
            sc.cnSurplus[b] = utility(sc.weight, 0, v, nUs, nCrit) - sc.noDealCn;
            for (int f = 0; f < nFac; f++) {
                sc.factionSurplus[f] =
                        utility(sc.factionWeight, f * nCrit, v, facFrom[f], facTo[f]) - sc.noDealFaction[f];
                // As the engine does: the stake only decides a stance when |S| < δ.
                sc.factionStake[f] = Ratification.stakeDecides(sc.factionSurplus[f], stanceMargin)
                        ? Ratification.stake(unit, sc.factionWeight, f * nCrit, v, noDealValue, facFrom[f], facTo[f])
                        : Double.NaN;
            }
        }

        // -------------------------------------------------------------- sampling

        Totals sample(java.util.concurrent.Executor executor) {
            int samples = spec.samples();
            int blocks = (samples + BLOCK - 1) / BLOCK;
            int threads = Math.min(spec.parallelism(), blocks);
            Merger merger = new Merger(n * stride);
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Worker[] workers = new Worker[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Worker(this, blocks, next, merger, failure);
            }
            java.util.concurrent.CountDownLatch helpersDone = new java.util.concurrent.CountDownLatch(threads - 1);
            for (int t = 1; t < threads; t++) {
                Worker w = workers[t];
                executor.execute(() -> {
                    try {
                        w.run();
                    } finally {
                        helpersDone.countDown();
                    }
                });
            }
            workers[0].run();
            boolean interrupted = false;
            while (true) {
                try {
                    helpersDone.await();
                    break;
                } catch (InterruptedException e) {
                    // Stop the helpers early, wait for them to finish, and keep the interrupt for the caller.
                    interrupted = true;
                    failure.compareAndSet(null, new IllegalStateException("interrupted"));
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
            long[] rankCounts = new long[n * n];
            long[] usCounts = new long[n];
            long[] cnCounts = new long[n];
            long[] bothCounts = new long[n];
            for (Worker w : workers) {
                for (int i = 0; i < rankCounts.length; i++) {
                    rankCounts[i] += w.rankCounts[i];
                }
                for (int b = 0; b < n; b++) {
                    usCounts[b] += w.usCounts[b];
                    cnCounts[b] += w.cnCounts[b];
                    bothCounts[b] += w.bothCounts[b];
                }
            }
            return new Totals(rankCounts, usCounts, cnCounts, bothCounts, merger.total());
        }

        /** Draws sample i and adds it to a block's partial sums and the worker's counts. Allocates only the RNG. */
        void sample(long i, Scratch sc, Worker w, double[] partial) {
            SplittableRandom rng = new SplittableRandom(sampleSeed(spec.seed(), i));
            double[] weight = sc.weight;
            if (weightsFixed) {
                System.arraycopy(baseWeight, 0, weight, 0, nCrit);
                System.arraycopy(baseFactionWeight, 0, sc.factionWeight, 0, sc.factionWeight.length);
            } else {
                dirichlet(rng, spec.weightConcentration(), baseWeight, 0, nUs, 1.0, weight);
                dirichlet(rng, spec.weightConcentration(), baseWeight, nUs, nCrit, 1.0, weight);
                factionWeights(weight, sc.factionWeight);
            }
            if (cloutsFixed) {
                System.arraycopy(baseClout, 0, sc.clout, 0, nFac);
            } else {
                // Scaled back to each side's total clout, so a sampled clout has the profile's clout as its mean.
                dirichlet(rng, spec.cloutConcentration(), baseClout, 0, usFac, usCloutTotal, sc.clout);
                dirichlet(rng, spec.cloutConcentration(), baseClout, usFac, nFac, cnCloutTotal, sc.clout);
            }
            CompiledModel.Work work = sc.work;
            for (int k = 0; k < nCat; k++) {
                if (trackSampled[k]) {
                    double kappa = spec.credibilityConcentration();
                    work.setTrackRecord(k, beta(rng, kappa * baseTrack[k], kappa * (1 - baseTrack[k])));
                }
            }
            noDealUtilities(sc);
            Objective objective = spec.objective();
            double[] values = sc.values;
            for (int b = 0; b < n; b++) {
                double[] v;
                if (valuesFixed) {
                    v = baseValues[b];
                } else {
                    m.score(x[b], s, work);
                    for (int c = 0; c < nCrit; c++) {
                        values[c] = work.value(c);
                    }
                    v = values;
                }
                surpluses(v, sc, b);
                double sUs = sc.usSurplus[b];
                double sCn = sc.cnSurplus[b];
                double obj = objective.value(sUs, sCn);
                sc.objective[b] = obj;
                boolean us =
                        Ratification.ratifies(m, Side.US, x[b], s, sUs, sc.factionSurplus, sc.factionStake, sc.clout);
                boolean cn =
                        Ratification.ratifies(m, Side.CN, x[b], s, sCn, sc.factionSurplus, sc.factionStake, sc.clout);
                if (us) {
                    w.usCounts[b]++;
                }
                if (cn) {
                    w.cnCounts[b]++;
                }
                if (us && cn) {
                    w.bothCounts[b]++;
                }
                int at = b * stride;
                partial[at + US_SURPLUS] += sUs;
                partial[at + CN_SURPLUS] += sCn;
                partial[at + OBJECTIVE] += obj;
            }
            rank(sc.objective, sc.order, sc.sortTmp);
            for (int r = 0; r < n; r++) {
                w.rankCounts[sc.order[r] * n + r]++;
            }
            int first = sc.order[0] * stride + WEIGHTS;
            for (int c = 0; c < nCrit; c++) {
                partial[first + c] += weight[c];
            }
        }
    }

    /** Per-thread scratch space, so the sample loop allocates nothing. */
    private static final class Scratch {
        final double[] weight;
        final double[] factionWeight;
        final double[] clout;
        final double[] noDealFaction;
        final double[] factionSurplus;
        final double[] factionStake;
        final double[] values;
        final double[] usSurplus;
        final double[] cnSurplus;
        final double[] objective;
        final int[] order;
        final int[] sortTmp;
        final CompiledModel.Work work;
        double noDealUs;
        double noDealCn;

        Scratch(Kernel k, boolean withWork) {
            weight = new double[k.nCrit];
            factionWeight = new double[k.nFac * k.nCrit];
            clout = new double[k.nFac];
            noDealFaction = new double[k.nFac];
            factionSurplus = new double[k.nFac];
            factionStake = new double[k.nFac];
            values = new double[k.nCrit];
            usSurplus = new double[k.n];
            cnSurplus = new double[k.n];
            objective = new double[k.n];
            order = new int[k.n];
            sortTmp = new int[k.n];
            work = withWork ? k.m.newWork() : null;
        }
    }

    /** Takes blocks in turn until none is left; counts in its own longs, sums per block through the merger. */
    private static final class Worker implements Runnable {
        final Kernel k;
        final int blocks;
        final AtomicInteger next;
        final Merger merger;
        final AtomicReference<Throwable> failure;
        final long[] rankCounts;
        final long[] usCounts;
        final long[] cnCounts;
        final long[] bothCounts;

        Worker(Kernel k, int blocks, AtomicInteger next, Merger merger, AtomicReference<Throwable> failure) {
            this.k = k;
            this.blocks = blocks;
            this.next = next;
            this.merger = merger;
            this.failure = failure;
            rankCounts = new long[k.n * k.n];
            usCounts = new long[k.n];
            cnCounts = new long[k.n];
            bothCounts = new long[k.n];
        }

        @Override
        public void run() {
            try {
                Scratch sc = new Scratch(k, true);
                int samples = k.spec.samples();
                int block;
                while (failure.get() == null && (block = next.getAndIncrement()) < blocks) {
                    if (Thread.currentThread().isInterrupted()) {
                        failure.compareAndSet(null, new IllegalStateException("interrupted"));
                        break;
                    }
                    double[] partial = merger.buffer();
                    long from = (long) block * BLOCK;
                    long to = Math.min(samples, from + BLOCK);
                    for (long i = from; i < to; i++) {
                        k.sample(i, sc, this, partial);
                    }
                    merger.complete(block, partial);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
    }

    /**
     * Adds the blocks' partial sums into the total strictly in block order, whichever thread finishes
     * first, so the floating-point result does not depend on the threads. Buffers are recycled.
     */
    private static final class Merger {
        private final int size;
        private final double[] total;
        private final Map<Integer, double[]> pending = new HashMap<>();
        private final ArrayDeque<double[]> free = new ArrayDeque<>();
        private int next;

        Merger(int size) {
            this.size = size;
            this.total = new double[size];
        }

        synchronized double[] buffer() {
            double[] b = free.poll();
            return b != null ? b : new double[size];
        }

        synchronized void complete(int block, double[] partial) {
            pending.put(block, partial);
            double[] p;
            while ((p = pending.remove(next)) != null) {
                for (int i = 0; i < size; i++) {
                    total[i] += p[i];
                }
                Arrays.fill(p, 0);
                free.push(p);
                next++;
            }
        }

        synchronized double[] total() {
            return total;
        }
    }

    // ------------------------------------------------------------------ ranking

    /**
     * Sorts 0..n−1 into {@code order} by objective, largest first, ties by lower index: a stable
     * bottom-up merge sort in preallocated arrays (no allocation, O(n log n)).
     */
    static void rank(double[] objective, int[] order, int[] tmp) {
        int n = objective.length;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] src = order;
        int[] dst = tmp;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int o = lo; o < hi; o++) {
                    // Take from the right run only when strictly better, which keeps ties in index order.
                    if (i < mid && (j >= hi || !(objective[src[j]] > objective[src[i]]))) {
                        dst[o] = src[i++];
                    } else {
                        dst[o] = src[j++];
                    }
                }
            }
            int[] swap = src;
            src = dst;
            dst = swap;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, n);
        }
    }

    // ------------------------------------------------------------------ random variates

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

    // ------------------------------------------------------------------ test seam

    /**
     * U(US), U(CN), then U(f) for each faction, of the bundle last scored into {@code work}, under
     * the given side weights (all criteria, normalised per side) — by the same code the sample loop
     * uses. With the profile's weights it must reproduce {@code work.utility(side)}.
     */
    static double[] utilities(CompiledModel m, CompiledModel.Work work, double[] sideWeights) {
        Kernel k =
                new Kernel(m, 0, List.of(new double[m.termCount()]), new Spec(1, 0, 1, 1, 1, Objective.WELFARE, 0, 1));
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
