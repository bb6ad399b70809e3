package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Side;

/** Per-thread scratch arrays and the results of the last {@link CompiledModel#score}. */
public final class Work {
    final double[] effective;
    final double[] raw;
    final double[] value;
    final double[] belief;
    final double[] factionUtility;
    final double[] factionSurplus;
    final double[] factionStake;
    /** Track record per pledge category used by this work's scoring: the profile's, unless a sensitivity analysis perturbs it. */
    final double[] trackRecord;

    double utilityUs;
    double utilityCn;
    double realism;
    double formAndEnforcement;
    /** The share of the enforcing measures in force that the bundle keeps (1 when it lifts none). */
    double enforcementKept;

    double pledgedTotal;
    /** The years over which the purchases are pledged. */
    double pledgeYears;
    /** Expected delivery of the purchases pledged ($B/yr): Σ π × pledge, as the U.S. believes it. */
    double credibleTotal;

    double weightedPledge;

    Work(CompiledModel m) {
        effective = new double[m.nTerms];
        raw = new double[m.nCrit];
        value = new double[m.nCrit];
        belief = new double[m.credibility.categories.length];
        factionUtility = new double[m.nFac];
        factionSurplus = new double[m.nFac];
        factionStake = new double[m.nFac];
        trackRecord = m.credibility.trackRecord.clone();
    }

    public double utility(Side side) {
        return side == Side.US ? utilityUs : utilityCn;
    }

    public double factionUtility(int f) {
        return factionUtility[f];
    }

    /** v(c) of the last scored bundle, criteria in {@link CompiledModel#criterion(int)} order. */
    public double value(int c) {
        return value[c];
    }

    /** Scores later bundles with this delivered share for pledge category k (sensitivity analysis). */
    public void setTrackRecord(int k, double share) {
        trackRecord[k] = share;
    }
}
