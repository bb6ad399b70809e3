package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;

/**
 * The ratification rule (docs/model.md "Factions and stances", "Ratification"): each faction's
 * support is its surplus against its stake, r(f) = S(f)/(G(f) + γ), in (−1, 1); a side's support
 * index R(p) is the clout-weighted mean of its factions' support, capped by the support of every
 * applicable veto holder; the side ratifies when R(p) exceeds its threshold θ(p). Stances (support,
 * oppose, neutral) explain a verdict; the index decides it. A side without factions is one
 * negotiator that accepts anything worth its reservation value.
 */
public final class Ratification {
    private Ratification() {}

    /**
     * The ratification test on the utilities last scored into w: each faction's surplus and stake,
     * then {@link #ratifies(CompiledModel, Side, double[], int, double, double[], double[], double[])}.
     * Allocation-free.
     */
    static boolean ratifies(CompiledModel m, Side side, double[] x, int s, Work w) {
        double[] surplus = w.factionSurplus;
        double[] stake = w.factionStake;
        boolean us = side == Side.US;
        for (int f = 0; f < m.nFac; f++) {
            if (m.factionUs[f] == us) {
                surplus[f] = w.factionUtility[f] - m.noDealUtility[s][2 + f];
                stake[f] = stake(m, f, w.value, s);
            }
        }
        return ratifies(m, side, x, s, w.utility(side) - m.noDealUtility(side, s), surplus, stake, m.clout);
    }

    /**
     * The ratification test on a given side surplus and faction surpluses, stakes and clouts (indexed
     * by faction), for analyses that sample them: R(p) &gt; θ(p), or for a side without factions its
     * negotiator's test.
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
        boolean factions = m.hasFactions[side == Side.US ? 0 : 1];
        double index = factions ? supportIndex(m, side, x, s, factionSurplus, factionStake, factionClout) : 0;
        return decides(m, side, index, sideSurplus);
    }

    /** R(p) &gt; θ(p) for a side with factions, its negotiator's test otherwise. */
    static boolean decides(CompiledModel m, Side side, double index, double sideSurplus) {
        return m.hasFactions[side == Side.US ? 0 : 1]
                ? index > m.settings.threshold(side)
                : negotiatorAccepts(sideSurplus);
    }

    /**
     * R(p) = min(Σ clout(f)·r(f) / Σ clout(f), min over applicable veto holders v of r(v)), over the
     * side's factions. Increasing in every faction's surplus, and at most 0 when no faction gains.
     */
    public static double supportIndex(
            CompiledModel m,
            Side side,
            double[] x,
            int s,
            double[] factionSurplus,
            double[] factionStake,
            double[] factionClout) {
        boolean us = side == Side.US;
        double weighted = 0;
        double clout = 0;
        double cap = Double.POSITIVE_INFINITY;
        for (int f = 0; f < m.nFac; f++) {
            if (m.factionUs[f] != us) {
                continue;
            }
            double r = support(m.settings, factionSurplus[f], factionStake[f]);
            weighted += factionClout[f] * r;
            clout += factionClout[f];
            if (m.factions[f].veto() != VetoKind.NONE && r < cap && vetoApplies(m, f, x, s)) {
                cap = r;
            }
        }
        double mean = clout > 0 ? weighted / clout : 0;
        return Math.min(mean, cap);
    }

    /**
     * r(f) = S/(G + γ): the share of what the bundle moves for the faction that is gain, shrunk toward 0
     * when it moves little. 0 for a surplus within rounding of 0.
     */
    public static double support(Settings settings, double surplus, double stake) {
        return support(surplus, stake, settings.stakeFloor());
    }

    /** r = S/(G + γ) for a stake floor γ (0 for a surplus within rounding of 0). */
    public static double support(double surplus, double stake, double stakeFloor) {
        if (Math.abs(surplus) < Numbers.TOLERANCE) {
            return 0;
        }
        double scale = stake + stakeFloor;
        return scale > 0 ? surplus / scale : Math.signum(surplus);
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
     * The faction's stance, which explains the verdict: SUPPORT when S ≥ min(δ, ρ·G), OPPOSE when
     * −S ≥ min(δ, ρ·G), else NEUTRAL; a surplus within rounding noise of 0 is always NEUTRAL.
     */
    static Stance stance(Settings settings, double surplus, double stake) {
        if (Math.abs(surplus) < Numbers.TOLERANCE) {
            return Stance.NEUTRAL;
        }
        double margin = margin(settings, stake);
        return surplus >= margin ? Stance.SUPPORT : (surplus <= -margin ? Stance.OPPOSE : Stance.NEUTRAL);
    }

    /** The faction's stance margin min(δ, ρ·G). */
    static double margin(Settings settings, double stake) {
        return Math.min(settings.stanceMargin(), settings.relativeStanceMargin() * stake);
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
