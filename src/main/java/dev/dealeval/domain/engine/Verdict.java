package dev.dealeval.domain.engine;

/** The joint verdict from the two ratification tests. */
public enum Verdict {
    AGREEMENT_LIKELY,
    US_REJECTS,
    CHINA_REJECTS,
    BOTH_REJECT;

    public static Verdict of(boolean usRatifies, boolean cnRatifies) {
        if (usRatifies && cnRatifies) {
            return AGREEMENT_LIKELY;
        }
        if (usRatifies) {
            return CHINA_REJECTS;
        }
        return cnRatifies ? US_REJECTS : BOTH_REJECT;
    }
}
