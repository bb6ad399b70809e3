package dev.dealeval.domain.model;

/**
 * Scales a component by {@code min(1, value(term) / per)}: the equity cap and technology licensing
 * matter only in proportion to the investment they come with. The term {@value #PLEDGES} stands for
 * the purchases the bundle pledges ($B a year above the no-deal) - for a U.S. criterion their
 * expected delivery, for a Chinese one their face value - so a commitment clause (form,
 * enforcement) counts only in proportion to the promises it covers.
 */
public record Gate(String term, double per) {
    public static final String PLEDGES = "pledges";

    public boolean onPledges() {
        return PLEDGES.equals(term);
    }
}
