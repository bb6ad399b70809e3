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
 * in which the other side gives nothing but withdrawing its fresh threats, sets the rule's term to
 * true. {@link Scoring#prepare} applies it to every bundle it scores.
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
    /** Per scenario: its measures as they stand, before any threat. */
    private final double[][] current;

    CoercionRule(DealModel model, TermDef[] terms) {
        Side side = model.coercion() == null ? null : model.coercion().side();
        term = side == null ? -1 : model.termIndex(model.coercion().term());
        coercedGives = booleans(terms.length, t -> side != null && model.giver(terms[t]) == side);
        otherGives = booleans(
                terms.length, t -> side != null && model.giver(terms[t]) != null && model.giver(terms[t]) != side);
        Scenario[] scenarios = model.scenarios().toArray(new Scenario[0]);
        freshThreats = new Threat[scenarios.length][];
        freshThreatTerms = new int[scenarios.length][];
        current = new double[scenarios.length][];
        for (int s = 0; s < scenarios.length; s++) {
            freshThreats[s] = scenarios[s].threats().stream()
                    .filter(th -> th.fresh() && otherGives[model.termIndex(th.term())])
                    .toArray(Threat[]::new);
            freshThreatTerms[s] = Arrays.stream(freshThreats[s])
                    .mapToInt(th -> model.termIndex(th.term()))
                    .toArray();
            current[s] = ModelCompiler.currentBundle(terms, scenarios[s]);
        }
    }

    /** The terms whose change can switch coercion on or off: those either side gives (fresh threats' among them). */
    boolean drives(int t) {
        return term >= 0 && (coercedGives[t] || otherGives[t]);
    }

    /**
     * Whether x is coerced in scenario s, x0 its no-deal bundle: a fresh threat of the other side, x
     * moving a term the coerced side gives, and x leaving a fresh threat standing or giving nothing
     * beyond withdrawing fresh threats.
     */
    boolean coerced(double[] x, double[] x0, int s) {
        int[] threatened = freshThreatTerms[s];
        if (threatened.length == 0) {
            return false;
        }
        boolean gives = false;
        for (int t = 0; t < x.length && !gives; t++) {
            gives = coercedGives[t] && !same(x[t], x0[t]);
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
     * Whether every term of the other side's that x moves is a fresh threat's, set between the value
     * it had before the threat and the threatened value: the other side concedes nothing but the
     * threat.
     */
    private boolean onlyWithdraws(double[] x, double[] x0, int s) {
        for (int t = 0; t < x.length; t++) {
            if (otherGives[t] && !same(x[t], x0[t]) && !withinThreat(x[t], s, t)) {
                return false;
            }
        }
        return true;
    }

    private boolean withinThreat(double v, int s, int t) {
        double before = current[s][t];
        for (int i = 0; i < freshThreats[s].length; i++) {
            if (freshThreatTerms[s][i] == t) {
                double lo = Math.min(before, freshThreats[s][i].value());
                double hi = Math.max(before, freshThreats[s][i].value());
                if (v >= lo - Numbers.TOLERANCE && v <= hi + Numbers.TOLERANCE) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
