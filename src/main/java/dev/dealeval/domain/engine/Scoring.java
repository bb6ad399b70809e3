package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Numbers;

/**
 * The scoring rule (docs/model.md "Scores and utility"): each criterion's value v(c) is its base plus
 * its components' scores of the bundle's terms, shaped to [0, 1]; a side's utility is
 * U(p) = unit · Σc w(p,c)·v(c) and a faction's U(f) = unit · Σc w(f,c)·v(c) over its side's
 * criteria. The U.S. scores a pledge at the value it believes will be delivered ({@link
 * Credibility}). Static methods over the arrays of a {@link CompiledModel}, allocation-free.
 */
public final class Scoring {
    private Scoring() {}

    /**
     * Scores a resolved bundle x in scenario s: criterion values, side and faction utilities, into w.
     * Component by component, in groups with no branching inside; each criterion's components are
     * stored in this group order, so {@link #criterion} adds them in exactly the same order.
     */
    static void score(CompiledModel m, double[] x, int s, Work w) {
        prepare(m, x, s, w);
        double[] xe = w.effective;
        double[] raw = w.raw;
        int[] compCrit = m.compCrit;
        int[] compTerm = m.compTerm;
        System.arraycopy(m.base, 0, raw, 0, m.nCrit);
        double[] slope = m.compSlope;
        for (int k : m.plainLinear) {
            raw[compCrit[k]] += slope[k] * xe[compTerm[k]];
        }
        double[][] levels = m.compLevels;
        for (int k : m.plainLevels) {
            raw[compCrit[k]] += levels[k][(int) xe[compTerm[k]]];
        }
        for (int k : m.plainPoints) {
            raw[compCrit[k]] += fn(m, k, xe[compTerm[k]]);
        }
        double[] x0e = m.noDealEffective[s];
        for (int k : m.special) {
            raw[compCrit[k]] += component(m, k, xe, x0e, w);
        }
        double[] v = w.value;
        for (int c = 0; c < m.nCrit; c++) {
            v[c] = shape(m, c, raw[c]);
        }
        utilities(m, w);
    }

    /**
     * Rescores x when, since w last scored a bundle in scenario s, only terms whose criteria are in
     * {@code criteria} (see {@link CompiledModel#affectedCriteria(int...)}) have changed: recomputes
     * those criteria and every utility. Bit-identical to {@link #score}: a criterion's components are
     * added in the same order on both paths and the utilities are the same sums. The search's hot
     * path, where the odometer mostly moves one term.
     */
    static void rescore(CompiledModel m, double[] x, int s, Work w, int[] criteria) {
        prepare(m, x, s, w);
        double[] v = w.value;
        for (int c : criteria) {
            v[c] = criterion(m, c, s, w);
        }
        utilities(m, w);
    }

    /** Effective term values, coercion and belief per pledge category into w, for {@link #criterion}. */
    static void prepare(CompiledModel m, double[] x, int s, Work w) {
        effective(m, x, w.effective);
        if (m.coercion.term >= 0 && coerced(m, x, s)) {
            w.effective[m.coercion.term] = 1;
        }
        m.credibility.believe(w.effective, m.noDealEffective[s], m.enforcingInForce[s], w);
    }

    /** The coercion rule (docs/model.md "Coercion") on x in scenario s: see {@link CoercionRule#coerced}. */
    static boolean coerced(CompiledModel m, double[] x, int s) {
        return m.coercion.coerced(x, m.noDeal[s], s);
    }

    /** Derived terms follow their source; alternative units fold into their target. */
    static void effective(CompiledModel m, double[] x, double[] out) {
        System.arraycopy(x, 0, out, 0, m.nTerms);
        for (int t : m.derivedTerms) {
            if (Double.isNaN(out[t])) {
                out[t] = m.derivedTable[t][(int) out[m.derivedSource[t]]];
            }
        }
        for (int t : m.alternativeTerms) {
            int target = m.alternativeTarget[t];
            out[target] = Math.max(out[target], out[t] * m.alternativeFactor[t]);
        }
    }

    /** The 0–1 value of criterion c for the bundle last {@link #prepare prepared} in w. */
    static double criterion(CompiledModel m, int c, int s, Work w) {
        double[] xe = w.effective;
        double[] x0e = m.noDealEffective[s];
        double raw = m.base[c];
        for (int k = m.compStart[c], end = m.compStart[c + 1]; k < end; k++) {
            raw += m.compPlain[k] ? fn(m, k, xe[m.compTerm[k]]) : component(m, k, xe, x0e, w);
        }
        return shape(m, c, raw);
    }

    /** U(p) and every U(f) from the criterion values in w. */
    private static void utilities(CompiledModel m, Work w) {
        double[] v = w.value;
        w.utilityUs = utility(m.unit, m.sideWeight, 0, v, 0, m.nUs);
        w.utilityCn = utility(m.unit, m.sideWeight, 0, v, m.nUs, m.nCrit);
        for (int f = 0; f < m.nFac; f++) {
            boolean us = m.factionUs[f];
            w.factionUtility[f] = utility(m.unit, m.factionWeight[f], 0, v, us ? 0 : m.nUs, us ? m.nUs : m.nCrit);
        }
    }

    /**
     * unit · Σ weight[offset + c]·values[c] over criteria [from, to), summed in criterion order: a
     * side's or a faction's utility. Analyses that sample weights call it so their sums are the
     * engine's, bit for bit.
     */
    public static double utility(double unit, double[] weight, int offset, double[] values, int from, int to) {
        double u = 0;
        for (int c = from; c < to; c++) {
            u += weight[offset + c] * values[c];
        }
        return unit * u;
    }

    /**
     * A faction's weights w(f,c) ∝ w(p,c)·m(f,c) over its side's criteria [from, to), renormalised
     * (docs/model.md "Factions and stances"): out[offset + c] from sideWeight[c] and
     * multiplier[offset + c].
     */
    public static void factionWeights(
            double[] sideWeight, double[] multiplier, int offset, int from, int to, double[] out) {
        for (int c = from; c < to; c++) {
            out[offset + c] = sideWeight[c] * multiplier[offset + c];
        }
        Numbers.normalise(out, offset + from, offset + to);
    }

    private static double shape(CompiledModel m, int c, double raw) {
        if (m.saturating[c]) {
            return raw <= 0 ? 0 : clamp01(1 - Math.exp(-raw / m.scale[c]));
        }
        return clamp01(raw);
    }

    /** A component scored at credible value (U.S. view of a pledge) and/or scaled by its gate. */
    private static double component(CompiledModel m, int k, double[] xe, double[] x0e, Work w) {
        double[] belief = w.belief;
        int t = m.compTerm[k];
        // The pledges over the whole term: yearly pledges at face value times the years.
        double xv = m.compAggregate[k] ? w.pledgedTotal * w.pledgeYears : xe[t];
        double fx;
        int cat = m.compBelief[k];
        if (cat < 0) {
            fx = fn(m, k, xv);
        } else {
            // The U.S. values a pledge at its expected delivery π (docs/model.md "Credibility").
            double pi = belief[cat];
            double x0v = x0e[t];
            if (m.compCategorical[k]) {
                double f0 = fn(m, k, x0v);
                fx = f0 + pi * (fn(m, k, xv) - f0);
            } else {
                fx = fn(m, k, x0v + pi * (xv - x0v));
            }
        }
        int g = m.compGate[k];
        if (g == CompiledModel.GATE_PLEDGES) {
            // The U.S. weighs the purchases it expects to see delivered, China the ones it promises.
            fx *= clamp01((m.compCrit[k] < m.nUs ? w.credibleTotal : w.pledgedTotal) / m.compGatePer[k]);
        } else if (g >= 0) {
            double gv = xe[g];
            int gcat = m.compGateBelief[k];
            if (gcat >= 0) {
                gv = x0e[g] + belief[gcat] * (gv - x0e[g]);
            }
            fx *= clamp01(gv / m.compGatePer[k]);
        }
        return fx;
    }

    /** The component's score function at x: linear, piecewise-linear through points, or a score per level. */
    /** Component k's function of one term value (without gate or belief). */
    static double fn(CompiledModel m, int k, double x) {
        switch (m.compKind[k]) {
            case ModelCompiler.FN_LINEAR:
                return m.compSlope[k] * x;
            case ModelCompiler.FN_POINTS: {
                double[] xs = m.compXs[k];
                double[] ys = m.compYs[k];
                if (x <= xs[0]) {
                    return ys[0];
                }
                int last = xs.length - 1;
                if (x >= xs[last]) {
                    return ys[last];
                }
                int i = 1;
                while (x > xs[i]) {
                    i++;
                }
                double r = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + r * (ys[i] - ys[i - 1]);
            }
            default:
                return m.compLevels[k][(int) x];
        }
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
