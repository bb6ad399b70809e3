package dev.dealeval.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    /**
     * Surpluses (US, CN): 0 = (4, 2), 1 = (3, 3), 2 = (4, 1), 3 = (−1, 9), 4 = (3, 3).
     * Nash: 8, 9, 4, 0, 9 → 1 and 4 tie at 9 with equal welfare, so request order: 1, 4, 0, 2, 3.
     * Dominance: 0 dominates 2 (same U.S., more for China); 1 and 4 are equal, so neither dominates.
     */
    @Test
    void ranksByTheObjectiveWithTheDocumentedTieRuleAndFindsDominance() {
        double[] us = {4, 3, 4, -1, 3};
        double[] cn = {2, 3, 1, 9, 3};
        List<Comparison.Ranked> r = Comparison.rank(us, cn, Objective.NASH);
        assertArrayEquals(
                new int[] {1, 4, 0, 2, 3},
                r.stream().mapToInt(Comparison.Ranked::index).toArray());
        assertArrayEquals(
                new int[] {1, 2, 3, 4, 5},
                r.stream().mapToInt(Comparison.Ranked::rank).toArray());
        assertEquals(9.0, r.get(0).objective());
        Comparison.Ranked zero = r.get(2);
        assertArrayEquals(new int[] {2}, zero.dominates());
        assertArrayEquals(new int[0], zero.dominatedBy());
        Comparison.Ranked two = r.get(3);
        assertArrayEquals(new int[] {0}, two.dominatedBy());
        assertEquals(false, two.efficient());
        assertArrayEquals(new int[0], r.get(0).dominates());

        // MIN_SURPLUS: 2, 3, 1, −1, 3 → 1, 4 (tie, equal welfare), 0, 2, 3
        assertArrayEquals(
                new int[] {1, 4, 0, 2, 3},
                Comparison.rank(us, cn, Objective.MIN_SURPLUS).stream()
                        .mapToInt(Comparison.Ranked::index)
                        .toArray());
        // WELFARE: 6, 6, 5, 8, 6 → 3, then 0, 1, 4 tie at 6 (equal welfare, request order), then 2
        assertArrayEquals(
                new int[] {3, 0, 1, 4, 2},
                Comparison.rank(us, cn, Objective.WELFARE).stream()
                        .mapToInt(Comparison.Ranked::index)
                        .toArray());
        // US: 4, 3, 4, −1, 3 → 0 and 2 tie at 4, welfare 6 > 5 → 0, 2; then 1, 4 (tie, equal welfare); then 3
        assertArrayEquals(
                new int[] {0, 2, 1, 4, 3},
                Comparison.rank(us, cn, Objective.US).stream()
                        .mapToInt(Comparison.Ranked::index)
                        .toArray());
        assertArrayEquals(
                new int[] {3, 1, 4, 0, 2},
                Comparison.rank(us, cn, Objective.CN).stream()
                        .mapToInt(Comparison.Ranked::index)
                        .toArray());
    }
}
