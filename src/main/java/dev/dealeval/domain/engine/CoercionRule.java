package dev.dealeval.domain.engine;

import static dev.dealeval.domain.engine.ModelCompiler.booleans;

import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.Threat;
import java.util.Arrays;

/**
 * The coercion rule (docs/model.md "Coercion") compiled against a model's terms and scenarios: a
 * bundle in which the coerced side gives something while a fresh threat of the other side stands, or
 * in which the other side gives nothing but withdrawing its fresh threats and fresh measures, sets the
 * rule's term to true. {@link Scoring#prepare} applies it to every bundle it scores.
 */
final class CoercionRule {
    /** The term a coerced bundle sets to true, or −1 without a coercion rule. */
    final int term;
    /** Per term: the coerced side gives it. */
    private final boolean[] coercedGives;
    /** Per term: the other side gives it. */
    private final boolean[] otherGives;
    /** Per scenario: its fresh threats on terms the other side gives, and their terms. */
    private final Threat[][] freshThreats;

    private final int[][] freshThreatTerms;
    /**
     * Per scenario and term: the value before a fresh measure of the other side on it (NaN for none):
     * withdrawing the measure is setting the term between that value and the current one.
     */
    private final double[][] beforeFresh;
    /** Per scenario: whether it holds a fresh measure of the other side. */
    private final boolean[] anyFreshMeasure;

    /**
     * Per term: the components of the receiving side's criteria on it (China's for a term the U.S.
     * gives, the U.S.'s for one China gives) and their side weights, by which a move of the term is
     * told from a concession (it raises what the receiver scores) or a tightening. Empty where the
     * receiver scores the term only through another (an alternative unit, the pledges' total): any
     * move of such a term counts as a concession.
     */
    private final int[][] receiverComponents;

    private final double[][] receiverWeights;
    private final CompiledModel m;

    /** Compiled once the model's criteria and component tables are (it reads their shapes). */
    CoercionRule(DealModel model, CompiledModel m) {
        this.m = m;
        TermDef[] terms = m.terms;
        Side side = model.coercion() == null ? null : model.coercion().side();
        term = side == null ? -1 : model.termIndex(model.coercion().term());
        coercedGives = booleans(terms.length, t -> side != null && m.giver[t] == side);
        otherGives = booleans(terms.length, t -> side != null && m.giver[t] != null && m.giver[t] != side);
        Scenario[] scenarios = model.scenarios().toArray(new Scenario[0]);
        freshThreats = new Threat[scenarios.length][];
        freshThreatTerms = new int[scenarios.length][];
        beforeFresh = new double[scenarios.length][];
        anyFreshMeasure = new boolean[scenarios.length];
        for (int s = 0; s < scenarios.length; s++) {
            freshThreats[s] = scenarios[s].threats().stream()
                    .filter(th -> th.fresh() && otherGives[model.termIndex(th.term())])
                    .toArray(Threat[]::new);
            freshThreatTerms[s] = Arrays.stream(freshThreats[s])
                    .mapToInt(th -> model.termIndex(th.term()))
                    .toArray();
            Scenario scenario = scenarios[s];
            beforeFresh[s] = ModelCompiler.doubles(terms.length, t -> {
                Object before = scenario.freshMeasures().get(terms[t].id());
                return before != null && otherGives[t] ? terms[t].encode(before) : Double.NaN;
            });
            anyFreshMeasure[s] = Arrays.stream(beforeFresh[s]).anyMatch(v -> !Double.isNaN(v));
        }
        receiverComponents = new int[terms.length][];
        receiverWeights = new double[terms.length][];
        for (int t = 0; t < terms.length; t++) {
            boolean toUs = coercedGives[t];
            int term = t;
            int[] ks = ModelCompiler.indicesWhere(
                    m.compTerm.length,
                    k -> m.compTerm[k] == term
                            && !m.compAggregate[k]
                            && (m.compCrit[k] < m.nUs) == toUs
                            && (coercedGives[term] || otherGives[term]));
            receiverComponents[t] = ks;
            receiverWeights[t] = Arrays.stream(ks)
                    .mapToDouble(k -> m.sideWeight[m.compCrit[k]])
                    .toArray();
        }
    }

    /**
     * Whether moving term t from a to b concedes something to the side that receives it: it raises
     * the receiver's score of the term, or, where the receiver scores the term only through another,
     * it moves at all.
     */
    private boolean concedes(int t, double a, double b) {
        if (same(a, b)) {
            return false;
        }
        int[] ks = receiverComponents[t];
        if (ks.length == 0 || Double.isNaN(a) || Double.isNaN(b)) {
            return true;
        }
        double gain = 0;
        for (int i = 0; i < ks.length; i++) {
            gain += receiverWeights[t][i] * (Scoring.fn(m, ks[i], b) - Scoring.fn(m, ks[i], a));
        }
        return gain > Numbers.TOLERANCE;
    }

    /** The terms whose change can switch coercion on or off: those either side gives (fresh threats' among them). */
    boolean drives(int t) {
        return term >= 0 && (coercedGives[t] || otherGives[t]);
    }

    /**
     * Whether x is coerced in scenario s, x0 its no-deal bundle: a fresh threat or fresh measure of the
     * other side, x conceding on a term the coerced side gives, and x leaving a fresh threat standing or
     * giving nothing beyond withdrawing fresh threats and measures. A fresh measure left in force while
     * the other side pays something else is the price of the bargain, not coercion.
     */
    boolean coerced(double[] x, double[] x0, int s) {
        int[] threatened = freshThreatTerms[s];
        if (threatened.length == 0 && !anyFreshMeasure[s]) {
            return false;
        }
        boolean gives = false;
        for (int t = 0; t < x.length && !gives; t++) {
            gives = coercedGives[t] && concedes(t, x0[t], x[t]);
        }
        if (!gives) {
            return false;
        }
        boolean standing = false;
        for (int t : threatened) {
            standing |= same(x[t], x0[t]);
        }
        return standing || onlyWithdraws(x, x0, s);
    }

    /**
     * Whether every term of the other side's on which x concedes is a fresh threat's or fresh measure's, set
     * between the value it had before the threat and the threatened value, or between the value before
     * the measure and the current one: the other side concedes nothing but its fresh pressure.
     */
    private boolean onlyWithdraws(double[] x, double[] x0, int s) {
        for (int t = 0; t < x.length; t++) {
            if (otherGives[t] && concedes(t, x0[t], x[t]) && !withinThreat(x[t], s, t)) {
                return false;
            }
        }
        return true;
    }

    private boolean withinThreat(double v, int s, int t) {
        if (!Double.isNaN(beforeFresh[s][t]) && within(v, beforeFresh[s][t], m.inForce[s][t])) {
            return true;
        }
        double before = m.inForce[s][t];
        for (int i = 0; i < freshThreats[s].length; i++) {
            if (freshThreatTerms[s][i] == t && within(v, before, freshThreats[s][i].value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(double v, double a, double b) {
        return v >= Math.min(a, b) - Numbers.TOLERANCE && v <= Math.max(a, b) + Numbers.TOLERANCE;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
