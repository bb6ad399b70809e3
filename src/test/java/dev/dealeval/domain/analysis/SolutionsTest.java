package dev.dealeval.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dealeval.domain.analysis.Search.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionsTest {

    private static Point p(long index, double us, double cn) {
        return new Point(index, us, cn, 0);
    }

    /**
     * A hand-built frontier where all four solutions differ. Among the points both sides prefer to
     * no deal the ideal is S* = (12, 20) (G and H are feasible but one side gains nothing or loses):
     * <pre>
     *        S(US) S(CN)  Nash  KS = min(us/12, cn/20)  min  sum
     *   A     12     1     12   min(1.000, .050) = .050   1   13
     *   B      8     4     32   min(.667, .200) = .200    4   12
     *   C      5     6     30   min(.417, .300) = .300    5   11
     *   F      4   7.5     30   min(.333, .375) = .333    4   11.5
     *   D      2     9     18   min(.167, .450) = .167    2   11
     *   E      1    20     20   min(.083, 1.00) = .083    1   21
     *   G     -1    30    (excluded: the U.S. loses)
     *   H     30     0    (excluded: China gains nothing)
     * </pre>
     * Nash B, Kalai–Smorodinsky F, egalitarian C, utilitarian E.
     */
    @Test
    void allFourSolutionsDifferOnAHandBuiltFrontier() {
        List<Point> pts = List.of(
                p(0, 12, 1), p(1, 8, 4), p(2, 5, 6), p(3, 4, 7.5), p(4, 2, 9), p(5, 1, 20), p(6, -1, 30), p(7, 30, 0));
        Solutions s = Solutions.of(pts);
        assertEquals(12, s.idealUs());
        assertEquals(20, s.idealCn());
        assertEquals(1, s.nash().index());
        assertEquals(3, s.kalaiSmorodinsky().index());
        assertEquals(2, s.egalitarian().index());
        assertEquals(5, s.utilitarian().index());
    }

    @Test
    void tiesGoToTheLargerWelfareThenTheEarlierBundle() {
        // Nash 12 for both (3,4) and (2,6): welfare 7 vs 8, so (2,6). Egalitarian 3 for (3,4) and (3,9)... dominated
        // pairs
        // cannot both be on a frontier, but the rule holds for any set: (3,9) has the larger welfare.
        Solutions s = Solutions.of(List.of(p(4, 3, 4), p(9, 2, 6)));
        assertEquals(9, s.nash().index());
        Solutions twins = Solutions.of(List.of(p(8, 3, 4), p(2, 3, 4)));
        assertEquals(2, twins.nash().index());
        assertEquals(2, twins.kalaiSmorodinsky().index());
        assertEquals(2, twins.egalitarian().index());
        assertEquals(2, twins.utilitarian().index());
        // utilitarian ties (sum 10) go to the larger smaller surplus
        Solutions u = Solutions.of(List.of(p(0, 9, 1), p(1, 6, 4)));
        assertEquals(1, u.utilitarian().index());
    }

    @Test
    void noSolutionWhenNoFeasibleBundleBeatsNoDealForBoth() {
        Solutions s = Solutions.of(List.of(p(0, 5, 0), p(1, -1, 3), p(2, 0, 0)));
        assertNull(s.nash());
        assertNull(s.kalaiSmorodinsky());
        assertNull(s.egalitarian());
        assertNull(s.utilitarian());
        assertEquals(Double.NaN, s.idealUs());
    }
}
