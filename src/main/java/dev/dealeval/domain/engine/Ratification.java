package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;

/**
 * The ratification rule (docs/model.md "Factions and stances", "Ratification and vetoes"): each
 * faction supports a bundle whose surplus S(f) reaches its margin min(δ, ρ·G(f)), opposes one whose
 * loss does, and is otherwise neutral; a side ratifies when it gains, its supporters hold more than
 * the quorum share of the clout that takes a stance, and no applicable veto holder opposes. A side
 * without factions is one negotiator that accepts anything worth its reservation value.
 */
public final class Ratification {
    private Ratification() {}

    /**
     * The win-set test on the utilities last scored into w: each faction's surplus, and its stake
     * where the stake decides its stance, then {@link #ratifies(CompiledModel, Side, double[], int,
     * double, double[], double[], double[])}. Allocation-free.
     */
    static boolean ratifies(CompiledModel m, Side side, double[] x, int s, CompiledModel.Work w) {
        double[] surplus = w.factionSurplus;
        double[] stake = w.factionStake;
        boolean us = side == Side.US;
        double delta = m.settings.stanceMargin();
        for (int f = 0; f < m.nFac; f++) {
            if (m.factionUs[f] == us) {
                surplus[f] = w.factionUtility[f] - m.noDealUtility[s][2 + f];
                // Most bundles skip the stake: it decides nothing once |S| ≥ δ.
                stake[f] = stakeDecides(surplus[f], delta) ? stake(m, f, w.value, s) : Double.NaN;
            }
        }
        return ratifies(m, side, x, s, w.utility(side) - m.noDealUtility(side, s), surplus, stake, m.clout);
    }

    /**
     * The win-set test on a given side surplus and faction surpluses, stakes and clouts (indexed by
     * faction), for analyses that sample them: the side gains (S(p) &gt; 0), its supporters hold more
     * than the quorum share of the clout of the factions that take a stance (neutral ones abstain),
     * and no applicable veto holder opposes.
     */
    public static boolean ratifies(
            CompiledModel m,
            Side side,
            double[] x,
            int s,
            double sideSurplus,
            double[] factionSurplus,
            double[] factionStake,
            double[] factionClout) {
        boolean us = side == Side.US;
        if (!m.hasFactions[us ? 0 : 1]) {
            return negotiatorAccepts(sideSurplus);
        }
        // A government never signs what leaves it worse off by its own priorities, whoever inside backs it.
        if (!(sideSurplus > Numbers.TOLERANCE)) {
            return false;
        }
        double support = 0;
        double oppose = 0;
        for (int f = 0; f < m.nFac; f++) {
            if (m.factionUs[f] != us) {
                continue;
            }
            Stance stance = stance(m.settings, factionSurplus[f], factionStake[f]);
            if (stance == Stance.SUPPORT) {
                support += factionClout[f];
            } else if (stance == Stance.OPPOSE) {
                if (vetoApplies(m, f, x, s)) {
                    return false;
                }
                oppose += factionClout[f];
            }
        }
        // Neutral factions abstain: the quorum is a share of the clout that takes a stance.
        return support > 0 && support > m.settings.quorum(side) * (support + oppose);
    }

    /**
     * A side without factions is one negotiator (an imported domain's party): individually rational,
     * it accepts what is worth at least its reservation value (U ≥ d, within rounding).
     */
    static boolean negotiatorAccepts(double sideSurplus) {
        return sideSurplus > -Numbers.TOLERANCE;
    }

    /** Whether the veto of faction f applies to x: always for FULL, for SCOPED when x moves a scoped term. */
    static boolean vetoApplies(CompiledModel m, int f, double[] x, int s) {
        VetoKind kind = m.factions[f].veto();
        if (kind == VetoKind.FULL) {
            return true;
        }
        if (kind == VetoKind.SCOPED) {
            double[] x0 = m.noDeal[s];
            for (int t : m.vetoScopeTerms[f]) {
                if (Double.doubleToLongBits(x[t]) != Double.doubleToLongBits(x0[t])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * SUPPORT when S ≥ min(δ, ρ·G), OPPOSE when −S ≥ min(δ, ρ·G), else NEUTRAL; a surplus within
     * rounding noise of 0 is always NEUTRAL. The stake is not read when |S| ≥ δ (it may be NaN then).
     */
    static Stance stance(Settings settings, double surplus, double stake) {
        if (Math.abs(surplus) < Numbers.TOLERANCE) {
            return Stance.NEUTRAL;
        }
        double margin =
                Math.abs(surplus) >= settings.stanceMargin() ? settings.stanceMargin() : margin(settings, stake);
        return surplus >= margin ? Stance.SUPPORT : (surplus <= -margin ? Stance.OPPOSE : Stance.NEUTRAL);
    }

    /** The faction's stance margin min(δ, ρ·G). */
    static double margin(Settings settings, double stake) {
        return Math.min(settings.stanceMargin(), settings.relativeStanceMargin() * stake);
    }

    /**
     * Whether a faction's stake can decide its stance: only when |S| &lt; δ, since the margin is at
     * most δ. Callers that skip the stake otherwise pass NaN for it.
     */
    public static boolean stakeDecides(double surplus, double stanceMargin) {
        return !(Math.abs(surplus) >= stanceMargin);
    }

    /** G(f) of faction f for the criterion values given, with the compiled weights. */
    static double stake(CompiledModel m, int f, double[] values, int s) {
        boolean us = m.factionUs[f];
        return stake(m.unit, m.factionWeight[f], 0, values, m.noDealValues[s], us ? 0 : m.nUs, us ? m.nUs : m.nCrit);
    }

    /**
     * G(f) = unit · Σc w(f,c)·|v(c) − v0(c)| over the faction's criteria [from, to): how far the
     * bundle moves the criteria the faction weighs, gains and losses added. The weights are
     * weight[offset + c].
     */
    public static double stake(
            double unit, double[] weight, int offset, double[] values, double[] noDealValues, int from, int to) {
        double g = 0;
        for (int c = from; c < to; c++) {
            g += weight[offset + c] * Math.abs(values[c] - noDealValues[c]);
        }
        return unit * g;
    }
}
