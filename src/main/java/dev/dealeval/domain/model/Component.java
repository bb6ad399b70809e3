package dev.dealeval.domain.model;

/**
 * One term's additive contribution to a criterion's raw score. The term {@value #PLEDGES_TOTAL}
 * stands for the purchases pledged over the whole term ($B: the yearly pledges above the no-deal,
 * at face value, times purchases.years), so a purchase cost can grow faster than the pledge.
 */
public record Component(String term, ScoreFunction function, Gate gate) {
    public static final String PLEDGES_TOTAL = "pledgesTotal";

    public boolean onPledgesTotal() {
        return PLEDGES_TOTAL.equals(term);
    }
}
