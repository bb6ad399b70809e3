package dev.dealeval.domain.analysis;

/** What "better" means when bundles are ranked (docs/analyses.md); larger is better for every objective. */
public enum Objective {
    /** The Nash product max(0, S(US)) · max(0, S(CN)). */
    NASH,
    /** The U.S. surplus. */
    US,
    /** China's surplus. */
    CN,
    /** The sum of both surpluses. */
    WELFARE,
    /** The smaller of the two surpluses (egalitarian). */
    MIN_SURPLUS;

    public double value(double usSurplus, double cnSurplus) {
        return switch (this) {
            case NASH -> Math.max(0, usSurplus) * Math.max(0, cnSurplus);
            case US -> usSurplus;
            case CN -> cnSurplus;
            case WELFARE -> usSurplus + cnSurplus;
            case MIN_SURPLUS -> Math.min(usSurplus, cnSurplus);
        };
    }
}
