package dev.dealeval.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounteroffersTest {
    private final DealModel model = ModelFixtures.defaultModel();
    private final CompiledModel m = TestModels.compile(model, "default");
    private final int s = m.scenarioIndex("GENEVA_2025");

    /** A generous U.S. offer that China's leadership likes but Washington's factions do not sign. */
    private static final Map<String, Object> FAILING = Map.of(
            "usConcessions.exportControlLevel",
            4,
            "usConcessions.reciprocalTariffPct",
            0,
            "usConcessions.fentanylTariffPct",
            0,
            "usConcessions.cfiusPosture",
            "OPEN_NON_SENSITIVE",
            "tiktok.structure",
            "SPLIT_50_50",
            "purchases.agricultureUsdBnPerYear",
            8);

    /** Chip controls tightened against farm purchases and precursor licensing: China refuses, and nine single moves fix it. */
    private static final Map<String, Object> CHINA_REFUSES = Map.of(
            "usConcessions.exportControlLevel",
            0,
            "purchases.agricultureUsdBnPerYear",
            16,
            "fentanyl.level",
            "PRECURSOR_LICENSING");

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
    void singleChangesAreExactlyTheBruteForceOnesAndEveryPairBeatsItsMovesAlone() {
        for (Map<String, Object> bundle : List.of(FAILING, CHINA_REFUSES)) {
            checkAgainstBruteForce(bundle);
        }
    }

    private void checkAgainstBruteForce(Map<String, Object> bundle) {
        double[] x = m.resolve(TestModels.bundle(model, bundle), s);
        assertNotEquals(Verdict.AGREEMENT_LIKELY, evaluate(x).joint().verdict(), "precondition: the offer fails");
        List<Dimension> candidates = Search.modelDimensions(m.model(), false);
        Counteroffers.Result r = Counteroffers.find(m, s, x, candidates, Integer.MAX_VALUE);
        // every move alone, through the normal evaluation: the Nash product of those that pass
        java.util.Map<String, Double> passingAlone = new java.util.HashMap<>();
        List<double[]> moves = new java.util.ArrayList<>();
        for (Dimension d : candidates) {
            for (double level : d.levels()) {
                if (level == x[d.term()]) {
                    continue;
                }
                moves.add(new double[] {d.term(), level});
                double[] y = x.clone();
                y[d.term()] = level;
                Evaluation e = evaluate(y);
                if (e.joint().verdict() == Verdict.AGREEMENT_LIKELY) {
                    passingAlone.put(d.term() + "=" + level, e.joint().nashProduct());
                }
            }
        }
        Set<String> singles = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        boolean pairBesideASufficientMove = false;
        for (Offer o : r.offers()) {
            if (o.changes().size() == 1) {
                singles.add(o.changes().get(0).term() + "=" + o.changes().get(0).to());
                continue;
            }
            String key = "";
            for (Change c : o.changes()) {
                Double alone = passingAlone.get(c.term() + "=" + c.to());
                assertTrue(
                        alone == null || o.nashProduct() > alone,
                        "a pair is offered only when it beats its moves alone");
                pairBesideASufficientMove |= alone != null;
                key += c.term() + "=" + c.to() + ";";
            }
            pairs.add(key);
        }
        assertEquals(passingAlone.keySet(), singles);
        // the rule has teeth: where single moves suffice, some pairs add a second move that does better still
        assertEquals(!passingAlone.isEmpty(), pairBesideASufficientMove);
        // and every pair that passes and beats its moves alone is offered (brute force over all pairs)
        Set<String> brute = new HashSet<>();
        long tried = 0;
        for (int i = 0; i < moves.size(); i++) {
            for (int j = i + 1; j < moves.size(); j++) {
                int ta = (int) moves.get(i)[0];
                int tb = (int) moves.get(j)[0];
                if (ta == tb) {
                    continue;
                }
                tried++;
                double[] y = x.clone();
                y[ta] = moves.get(i)[1];
                y[tb] = moves.get(j)[1];
                Evaluation e = evaluate(y);
                Double a = passingAlone.get(ta + "=" + moves.get(i)[1]);
                Double b = passingAlone.get(tb + "=" + moves.get(j)[1]);
                double bar =
                        Math.max(a == null ? Double.NEGATIVE_INFINITY : a, b == null ? Double.NEGATIVE_INFINITY : b);
                if (e.joint().verdict() == Verdict.AGREEMENT_LIKELY && e.joint().nashProduct() > bar) {
                    brute.add(ta + "=" + moves.get(i)[1] + ";" + tb + "=" + moves.get(j)[1] + ";");
                }
            }
        }
        assertEquals(brute, pairs);
        assertEquals(moves.size() + tried, r.examined(), "every move alone and every pair of moves of two terms");
    }

    @Test
    void aPassingBundleGetsOnlyChangesThatRaiseItsNashProduct() {
        double[] x = m.resolve(
                TestModels.bundle(
                        model,
                        Map.of(
                                "purchases.agricultureUsdBnPerYear",
                                16,
                                "fentanyl.level",
                                "PRECURSOR_LICENSING",
                                "usConcessions.fentanylTariffPct",
                                0,
                                "usConcessions.standstillMonths",
                                12)),
                s);
        Evaluation before = evaluate(x);
        assertEquals(Verdict.AGREEMENT_LIKELY, before.joint().verdict(), "precondition: the bundle passes");
        Counteroffers.Result r = Counteroffers.find(m, s, x, Search.modelDimensions(m.model(), false), 20);
        assertFalse(r.offers().isEmpty());
        for (Offer o : r.offers()) {
            assertTrue(o.nashProduct() > before.joint().nashProduct());
        }
    }
}
