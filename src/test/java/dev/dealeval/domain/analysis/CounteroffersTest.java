package dev.dealeval.domain.analysis;

import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.analysis.Counteroffers.Change;
import dev.dealeval.domain.analysis.Counteroffers.Offer;
import dev.dealeval.domain.analysis.Search.Dimension;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounteroffersTest {
    private final DealModel model = TestModels.defaultModel();
    private final CompiledModel m = TestModels.compile(model, "default");
    private final int s = m.scenarioIndex("GENEVA_2025");

    /** A generous U.S. offer that China's leadership likes but Washington's factions do not sign. */
    private static final Map<String, Object> FAILING = Map.of(
            "usConcessions.exportControlLevel", 4, "usConcessions.reciprocalTariffPct", 0, "usConcessions.fentanylTariffPct", 0,
            "usConcessions.cfiusPosture", "OPEN_NON_SENSITIVE", "tiktok.structure", "SPLIT_50_50",
            "purchases.agricultureUsdBnPerYear", 8);

    private Evaluation evaluate(double[] x) {
        boolean[] given = new boolean[x.length];
        Arrays.fill(given, true);
        return Evaluator.evaluate(m, new Bundle(x, given), s, List.of());
    }

    @Test
    void everyCounterofferPassesTheNormalEvaluationAndTheyAreRankedByNashProduct() {
        double[] x = m.resolve(TestModels.bundle(model, FAILING), s);
        assertNotEquals(Verdict.AGREEMENT_LIKELY, evaluate(x).joint().verdict(), "precondition: the offer fails");
        List<Dimension> candidates = Search.modelDimensions(m.model(), false);
        Counteroffers.Result r = Counteroffers.find(m, s, x, candidates, 1000);
        assertTrue(r.offers().size() > 3, "some counteroffers: " + r.offers().size());
        assertEquals(r.passing(), r.offers().size());
        double previous = Double.POSITIVE_INFINITY;
        for (Offer o : r.offers()) {
            Evaluation e = evaluate(o.bundle());
            assertEquals(Verdict.AGREEMENT_LIKELY, e.joint().verdict());
            assertEquals(e.side(Side.US).surplus(), o.usSurplus());
            assertEquals(e.side(Side.CN).surplus(), o.cnSurplus());
            assertTrue(o.nashProduct() <= previous);
            previous = o.nashProduct();
            assertTrue(o.changes().size() == 1 || o.changes().size() == 2);
            int moved = 0;
            for (int t = 0; t < x.length; t++) {
                if (Double.doubleToLongBits(x[t]) != Double.doubleToLongBits(o.bundle()[t])) {
                    moved++;
                }
            }
            assertEquals(o.changes().size(), moved, "exactly the listed terms change");
            if (o.changes().size() == 1) {
                Change c = o.changes().get(0);
                assertEquals(o.usUtilityChange(), c.usUtilityChange(), 1e-9);
                assertEquals(o.cnUtilityChange(), c.cnUtilityChange(), 1e-9);
            }
        }
    }

    @Test
    void singleChangesAreExactlyTheBruteForceOnesAndPairsAreMinimal() {
        double[] x = m.resolve(TestModels.bundle(model, FAILING), s);
        List<Dimension> candidates = Search.modelDimensions(m.model(), false);
        Counteroffers.Result r = Counteroffers.find(m, s, x, candidates, Integer.MAX_VALUE);
        Set<String> brute = new HashSet<>();
        Set<Integer> termsThatSufficeAlone = new HashSet<>();
        for (Dimension d : candidates) {
            for (double level : d.levels()) {
                if (level == x[d.term()]) {
                    continue;
                }
                double[] y = x.clone();
                y[d.term()] = level;
                if (evaluate(y).joint().verdict() == Verdict.AGREEMENT_LIKELY) {
                    brute.add(d.term() + "=" + level);
                    termsThatSufficeAlone.add(d.term());
                }
            }
        }
        Set<String> found = new HashSet<>();
        for (Offer o : r.offers()) {
            if (o.changes().size() == 1) {
                found.add(o.changes().get(0).term() + "=" + o.changes().get(0).to());
            } else {
                for (Change c : o.changes()) {
                    assertFalse(termsThatSufficeAlone.contains(c.term()), "a pair is only offered when neither term suffices alone");
                }
            }
        }
        assertEquals(brute, found);
    }

    @Test
    void aPassingBundleGetsOnlyChangesThatRaiseItsNashProduct() {
        double[] x = m.resolve(TestModels.bundle(model, Map.of("purchases.agricultureUsdBnPerYear", 16, "fentanyl.level", "PRECURSOR_LICENSING",
                "usConcessions.fentanylTariffPct", 0, "usConcessions.standstillMonths", 12)), s);
        Evaluation before = evaluate(x);
        assertEquals(Verdict.AGREEMENT_LIKELY, before.joint().verdict(), "precondition: the bundle passes");
        Counteroffers.Result r = Counteroffers.find(m, s, x, Search.modelDimensions(m.model(), false), 20);
        assertFalse(r.offers().isEmpty());
        for (Offer o : r.offers()) {
            assertTrue(o.nashProduct() > before.joint().nashProduct());
        }
    }
}
