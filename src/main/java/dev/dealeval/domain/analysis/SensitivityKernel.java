package dev.dealeval.domain.analysis;

import dev.dealeval.domain.analysis.Sensitivity.Base;
import dev.dealeval.domain.analysis.Sensitivity.Spec;
import dev.dealeval.domain.analysis.SensitivitySampler.Scratch;
import dev.dealeval.domain.analysis.SensitivitySampler.Worker;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Ratification;
import dev.dealeval.domain.engine.Scoring;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The model, bundles and spec of one sensitivity run, with everything that does not change between
 * samples precomputed, and one sample: draw weights, clouts and track records, then score, rank and
 * test ratification of every bundle with the engine's rules ({@link Scoring}, {@link Ratification}).
 */
final class SensitivityKernel {
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

    final double[] baseTrack;
    final boolean[] trackSampled;
    final boolean weightsFixed;
    final boolean cloutsFixed;
    /** No track record is sampled, so each bundle's criterion values are those of the base. */
    final boolean valuesFixed;
    /** Criterion values of each bundle under the profile's track records (n × nCrit). */
    final double[][] baseValues;

    SensitivityKernel(CompiledModel m, int s, List<double[]> bundles, Spec spec) {
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
        baseTrack = new double[nCat];
        trackSampled = new boolean[nCat];
        boolean anySampled = false;
        for (int k = 0; k < nCat; k++) {
            baseTrack[k] = m.trackRecord(k);
            trackSampled[k] = baseTrack[k] > 0 && baseTrack[k] < 1 && Double.isFinite(spec.credibilityConcentration());
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
        Work work = m.newWork();
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
            sc.factionSurplus[f] = utility(sc.factionWeight, f * nCrit, v, facFrom[f], facTo[f]) - sc.noDealFaction[f];
            sc.factionStake[f] =
                    Ratification.stake(unit, sc.factionWeight, f * nCrit, v, noDealValue, facFrom[f], facTo[f]);
        }
    }

    /** Draws sample i and adds it to a block's partial sums and the worker's counts. Allocates only the RNG. */
    void sample(long i, Scratch sc, Worker w, double[] partial) {
        SplittableRandom rng = new SplittableRandom(SensitivityDraws.sampleSeed(spec.seed(), i));
        double[] weight = sc.weight;
        if (weightsFixed) {
            System.arraycopy(baseWeight, 0, weight, 0, nCrit);
            System.arraycopy(baseFactionWeight, 0, sc.factionWeight, 0, sc.factionWeight.length);
        } else {
            SensitivityDraws.dirichlet(rng, spec.weightConcentration(), baseWeight, 0, nUs, 1.0, weight);
            SensitivityDraws.dirichlet(rng, spec.weightConcentration(), baseWeight, nUs, nCrit, 1.0, weight);
            factionWeights(weight, sc.factionWeight);
        }
        if (cloutsFixed) {
            System.arraycopy(baseClout, 0, sc.clout, 0, nFac);
        } else {
            // Scaled back to each side's total clout, so a sampled clout has the profile's clout as its mean.
            SensitivityDraws.dirichlet(rng, spec.cloutConcentration(), baseClout, 0, usFac, usCloutTotal, sc.clout);
            SensitivityDraws.dirichlet(rng, spec.cloutConcentration(), baseClout, usFac, nFac, cnCloutTotal, sc.clout);
        }
        Work work = sc.work;
        for (int k = 0; k < nCat; k++) {
            if (trackSampled[k]) {
                double kappa = spec.credibilityConcentration();
                work.setTrackRecord(k, SensitivityDraws.beta(rng, kappa * baseTrack[k], kappa * (1 - baseTrack[k])));
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
            boolean us = ratifies(Side.US, b, sc);
            boolean cn = ratifies(Side.CN, b, sc);
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

    /** Whether the side ratifies bundle b under the scratch's surpluses, stakes and clouts: the engine's test. */
    boolean ratifies(Side side, int b, Scratch sc) {
        double surplus = side == Side.US ? sc.usSurplus[b] : sc.cnSurplus[b];
        return Ratification.ratifies(m, side, x[b], s, surplus, sc.factionSurplus, sc.factionStake, sc.clout);
    }

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
}
