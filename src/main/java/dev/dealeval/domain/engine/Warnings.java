package dev.dealeval.domain.engine;

import dev.dealeval.domain.engine.Evaluation.CredibilityResult;
import dev.dealeval.domain.engine.Evaluation.SideResult;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The warnings of an evaluation (docs/model.md "Agreement"): what is not an error but the caller should know
 * — an empty bundle, a pledge believed only in part, one pledge in two units, a derived term far from its
 * source, a gated term without its gate, a commitment clause with no pledge to cover, and a one-sided
 * concession whose giver the model has refuse it.
 */
final class Warnings {
    private Warnings() {}

    /** Whether the bundle gives term t a value other than scenario s's no-deal one. */
    private static boolean moved(CompiledModel m, Bundle b, double[] x, int s, int t) {
        return b.given()[t] && Double.doubleToLongBits(x[t]) != Double.doubleToLongBits(m.noDeal[s][t]);
    }

    /**
     * The warning for a one-sided concession (docs/backtest.md, "Why the gestures are misses the model cannot
     * avoid"): every term the bundle moves that a side gives is given by one side, which loses by the bundle
     * while the other gains (terms no side gives, such as the talks' format, may move too). The model has its
     * giver refuse it, as governments refuse the other side's demands; but they have also made such concessions
     * as gestures of their own, and only who proposed the bundle, which the model is not told, tells the two
     * apart. Null when the bundle is not such a concession or its giver ratifies it all the same.
     */
    private static String oneSidedConcession(
            CompiledModel m, Bundle b, double[] x, int s, Map<Side, SideResult> sides) {
        Side giver = null;
        for (int t = 0; t < m.nTerms; t++) {
            Side g = m.giver[t];
            if (g != null && moved(m, b, x, s, t)) {
                if (giver != null && giver != g) {
                    return null;
                }
                giver = g;
            }
        }
        if (giver == null) {
            return null;
        }
        SideResult gives = sides.get(giver);
        if (!(gives.surplus() < 0 && sides.get(giver.other()).surplus() > 0) || gives.ratified()) {
            return null;
        }
        String name = giver == Side.US ? "the U.S." : "China";
        String other = giver == Side.US ? "China" : "the U.S.";
        return "Every term this bundle moves that a side gives is given by " + name + ", and " + name
                + " loses by the bundle while " + other + " gains: the model has " + name + " refuse it, as"
                + " governments refuse the other side's demands. Governments have also made such one-sided"
                + " concessions as gestures of their own; the model is not told who proposed a bundle, so read this"
                + " verdict as that on a demand.";
    }

    /** Whether the bundle moves any pledge term. */
    private static boolean pledges(CompiledModel m, Bundle b, double[] x, int s) {
        for (int t = 0; t < m.nTerms; t++) {
            if (m.credibility.pledgeCategory[t] >= 0 && moved(m, b, x, s, t)) {
                return true;
            }
        }
        return false;
    }

    /** Every warning for bundle b on scenario s, in a fixed order, the one-sided concession last. */
    static List<String> of(
            CompiledModel m, Bundle b, double[] x, int s, CredibilityResult cred, Map<Side, SideResult> sides) {
        List<String> out = common(m, b, x, s, cred);
        String oneSided = oneSidedConcession(m, b, x, s, sides);
        if (oneSided != null) {
            out.add(oneSided);
        }
        return out;
    }

    private static List<String> common(CompiledModel m, Bundle b, double[] x, int s, CredibilityResult cred) {
        List<String> out = new ArrayList<>();
        boolean anyGiven = false;
        for (boolean g : b.given()) {
            anyGiven |= g;
        }
        if (!anyGiven) {
            out.add("The bundle is empty: it is the no-deal bundle of " + m.scenarios[s].id()
                    + ", so both surpluses are 0.");
        }
        if (cred.realism() < 1) {
            out.add("The purchase pledge of $" + Numbers.plain(Math.round(cred.pledgedUsdBnPerYear() * 10) / 10.0)
                    + "B a year is expected to deliver more than a pledge at Phase One's pace ("
                    + Math.round(m.credibility.referenceGrowth * 100)
                    + "% export growth a year) did; the excess is believed at "
                    + Math.round(m.credibility.excessBelief * 100)
                    + "% (realism " + Numbers.plain(Numbers.round4(cred.realism())) + ").");
        }
        if (cred.enforcementKept() < 1 && pledges(m, b, x, s)) {
            out.add("The bundle lifts " + Numbers.plain(Math.round((1 - cred.enforcementKept()) * 1000) / 10.0)
                    + "% of the tariffs in force on " + m.scenarios[s].id()
                    + "'s day that enforce the pledges it holds; every pledge is believed at "
                    + Numbers.plain(Math.round(cred.enforcementKept() * 1000) / 10.0) + "% of its credibility.");
        }
        for (int t = 0; t < m.nTerms; t++) {
            TermDef def = m.terms[t];
            int target = m.alternativeTarget[t];
            if (target >= 0 && b.given()[t] && b.given()[target] && x[t] > 0 && x[target] > 0) {
                out.add(def.id() + " and " + m.terms[target].id() + " state the same pledge in two units; the larger ($"
                        + Numbers.plain(Math.round(Math.max(x[target], x[t] * m.alternativeFactor[t]) * 10) / 10.0)
                        + "B a year) is scored, not the sum.");
            }
            if (def.derivedFrom() != null && b.given()[t]) {
                int src = m.derivedSource[t];
                double implied = m.derivedTable[t][(int) x[src]];
                if (Math.abs(implied - x[t]) > 0.5 * Math.max(1, Math.abs(implied))) {
                    out.add(def.id() + " = " + Numbers.plain(x[t]) + " is far from the " + Numbers.plain(implied)
                            + " that " + m.terms[src].id() + " = " + m.terms[src].decode(x[src]) + " usually implies.");
                }
            }
        }
        for (int k = 0; k < m.compGate.length; k++) {
            int g = m.compGate[k];
            int t = m.compTerm[k];
            boolean moved = moved(m, b, x, s, t);
            String msg = null;
            if (g >= 0 && moved && x[g] <= 0) {
                msg = m.terms[t].id() + " has no effect while " + m.terms[g].id() + " is 0.";
            } else if (g == CompiledModel.GATE_PLEDGES && moved && cred.pledgedUsdBnPerYear() <= 0) {
                msg = m.terms[t].id() + " is worth nothing of its own: the bundle pledges no purchases for it to cover"
                        + " (it still sets how far any other pledge is believed).";
            }
            if (msg != null && !out.contains(msg)) {
                out.add(msg);
            }
        }
        return out;
    }
}
