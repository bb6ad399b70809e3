package dev.dealeval.domain.genius;

import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deal space of the U.S.–China model as a GENIUS domain, so that other tools can run their agents
 * on it. GENIUS utilities are additive over issues and the model's are not (credibility, gates and
 * saturating criteria couple the terms), so each side's utility is replaced by its best additive
 * approximation over the space: the main effects of an ANOVA decomposition,
 * {@code Û(x) = μ + Σ_i f_i(x_i)}, {@code f_i(l)} the mean utility of the bundles with term i at
 * level l less the overall mean μ. They are estimated from a seeded uniform sample of the space, scored
 * by the engine, and written the GENIUS way: issue i weighs {@code r_i / Σ r} (r_i the range of f_i)
 * and evaluates level l to {@code (f_i(l) − min f_i) / r_i}, so the GENIUS utility is
 * {@code (Û(x) − low) / range} with {@code low = μ + Σ min f_i} and {@code range = Σ r_i}. The
 * reservation value is the no-deal utility on the same scale, clipped to 0–1. How well the additive
 * form fits is measured on the same sample. Factions, ratification and the no-deal bundle itself do
 * not carry over: GENIUS has no place for them.
 */
public final class AdditiveExport {
    private AdditiveExport() {}

    /**
     * How far the additive approximation is from the model on the sample, in the model's utility
     * points, and the affine map back: model utility ≈ low + range × GENIUS utility.
     */
    public record Fit(
            double rSquared,
            double rootMeanSquareError,
            double maxAbsoluteError,
            double low,
            double range,
            double noDealUtility,
            boolean reservationClipped) {}

    /** The exported domain, both parties' preferences (U.S. first) and how well each fits. */
    public record Result(
            NegotiationDomain domain, Preferences us, Preferences cn, Fit usFit, Fit cnFit, int samples, long seed) {}

    public static Result export(
            String name, CompiledModel m, int s, double[] base, List<Search.Dimension> dims, int samples, long seed) {
        int nd = dims.size();
        List<Issue> issues = new ArrayList<>();
        for (Search.Dimension d : dims) {
            TermDef t = m.term(d.term());
            List<String> values = new ArrayList<>();
            for (double level : d.levels()) {
                values.add(value(t, level));
            }
            issues.add(Issue.discrete(t.id(), values));
        }
        NegotiationDomain domain = new NegotiationDomain(name, issues);

        // The sample: level positions and both sides' utilities, scored by the engine.
        SplittableRandom random = new SplittableRandom(seed);
        int[][] pick = new int[samples][nd];
        double[][] u = new double[2][samples];
        double[] x = base.clone();
        Work w = m.newWork();
        for (int k = 0; k < samples; k++) {
            for (int d = 0; d < nd; d++) {
                pick[k][d] = random.nextInt(dims.get(d).levels().length);
                x[dims.get(d).term()] = dims.get(d).levels()[pick[k][d]];
            }
            m.score(x, s, w);
            u[0][k] = w.utility(Side.US);
            u[1][k] = w.utility(Side.CN);
        }
        Preferences[] prefs = new Preferences[2];
        Fit[] fits = new Fit[2];
        for (Side side : Side.values()) {
            int p = side.ordinal();
            double mean = 0;
            for (double v : u[p]) {
                mean += v;
            }
            mean /= samples;
            // Main effects: the mean utility at each level less the overall mean (0 for a level never drawn).
            double[][] effect = new double[nd][];
            for (int d = 0; d < nd; d++) {
                int levels = dims.get(d).levels().length;
                double[] sum = new double[levels];
                int[] count = new int[levels];
                for (int k = 0; k < samples; k++) {
                    sum[pick[k][d]] += u[p][k];
                    count[pick[k][d]]++;
                }
                effect[d] = new double[levels];
                for (int l = 0; l < levels; l++) {
                    effect[d][l] = count[l] == 0 ? 0 : sum[l] / count[l] - mean;
                }
            }
            double low = mean;
            double range = 0;
            double[] weights = new double[nd];
            List<double[]> evaluations = new ArrayList<>();
            for (int d = 0; d < nd; d++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double e : effect[d]) {
                    min = Math.min(min, e);
                    max = Math.max(max, e);
                }
                low += min;
                double r = max - min;
                range += r;
                weights[d] = r;
                double[] eval = new double[effect[d].length];
                for (int l = 0; l < eval.length; l++) {
                    // A term that moves nothing for this side: every level evaluates alike (its weight is 0).
                    eval[l] = r > 0 ? (effect[d][l] - min) / r : 1;
                }
                evaluations.add(eval);
            }
            for (int d = 0; d < nd; d++) {
                weights[d] = range > 0 ? weights[d] / range : 1.0 / nd;
            }
            // Fit on the sample, in the model's points.
            double sse = 0;
            double sst = 0;
            double maxErr = 0;
            for (int k = 0; k < samples; k++) {
                double approx = mean;
                for (int d = 0; d < nd; d++) {
                    approx += effect[d][pick[k][d]];
                }
                double err = u[p][k] - approx;
                sse += err * err;
                sst += (u[p][k] - mean) * (u[p][k] - mean);
                maxErr = Math.max(maxErr, Math.abs(err));
            }
            double noDeal = m.noDealUtility(side, s);
            double rv = range > 0 ? (noDeal - low) / range : 0;
            double clipped = Math.min(1, Math.max(0, rv));
            prefs[p] = new Preferences(
                    side == Side.US ? "United States" : "China",
                    weights,
                    evaluations,
                    new double[nd],
                    new double[nd],
                    clipped,
                    1);
            fits[p] = new Fit(
                    sst > 0 ? 1 - sse / sst : 1, Math.sqrt(sse / samples), maxErr, low, range, noDeal, clipped != rv);
        }
        return new Result(domain, prefs[0], prefs[1], fits[0], fits[1], samples, seed);
    }

    /** A level as the issue's value name: numbers plainly, booleans as true/false, enum values by name. */
    static String value(TermDef t, double level) {
        return t.kind() == TermKind.ENUM || t.kind() == TermKind.BOOLEAN
                ? String.valueOf(t.decode(level))
                : Numbers.plain(level);
    }
}
