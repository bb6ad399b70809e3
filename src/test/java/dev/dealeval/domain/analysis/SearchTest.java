package dev.dealeval.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.analysis.Search.Dimension;
import dev.dealeval.domain.analysis.Search.Point;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Searches of small deal spaces checked against brute force through the normal evaluation. */
class SearchTest {
    private static final ExecutorService TWO = Executors.newFixedThreadPool(2);
    private static final ExecutorService ONE = Executors.newSingleThreadExecutor();
    private final DealModel model = ModelFixtures.defaultModel();

    @AfterAll
    static void stop() {
        TWO.shutdown();
        ONE.shutdown();
    }

    private static Dimension dim(CompiledModel m, String term, double... levels) {
        int t = m.model().termIndex(term);
        return new Dimension(
                t,
                levels.length > 0
                        ? levels
                        : m.term(t).levels().stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray());
    }

    private Search.Spec spec(
            CompiledModel m,
            String scenario,
            Map<String, Object> base,
            List<Dimension> dims,
            double minUs,
            double minCn) {
        int s = m.scenarioIndex(scenario);
        return new Search.Spec(m.resolve(TestModels.bundle(model, base), s), s, dims, minUs, minCn);
    }

    /** Every bundle of the space evaluated one by one, as POST /api/v1/evaluations would. */
    private record Brute(List<Point> feasible, List<Point> all, List<Evaluation> evaluations) {}

    private static Brute brute(CompiledModel m, Search.Spec spec) {
        List<Point> feasible = new ArrayList<>();
        List<Point> all = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        boolean[] given = new boolean[spec.base().length];
        Arrays.fill(given, true);
        for (long i = 0; i < spec.size(); i++) {
            Evaluation e = Evaluator.evaluate(m, new Bundle(Search.bundle(spec, i), given), spec.scenario(), List.of());
            evaluations.add(e);
            Point p = new Point(i, e.side(Side.US).surplus(), e.side(Side.CN).surplus(), 0);
            all.add(p);
            if (e.joint().verdict() == Verdict.AGREEMENT_LIKELY
                    && p.usSurplus() >= spec.minUsSurplus()
                    && p.cnSurplus() >= spec.minCnSurplus()) {
                feasible.add(p);
            }
        }
        return new Brute(feasible, all, evaluations);
    }

    private static double best(List<Point> pts, ToDoubleFunction<Point> objective) {
        return pts.stream()
                .filter(p -> p.usSurplus() > 0 && p.cnSurplus() > 0)
                .mapToDouble(objective)
                .max()
                .orElse(Double.NaN);
    }

    /** @return the search's solutions, after checking them */
    private Solutions checkAgainstBruteForce(CompiledModel m, Search.Spec spec) {
        Search.Result r = Search.run(m, spec, TWO);
        Brute b = brute(m, spec);
        String what = m.profile().id() + "/"
                + m.model().scenarios().get(spec.scenario()).id() + " " + spec.size() + " bundles";
        assertEquals(spec.size(), r.examined(), what);
        assertEquals(b.feasible().size(), r.feasible(), what);
        assertEquals(
                b.evaluations().stream().filter(e -> e.side(Side.US).ratified()).count(), r.usRatifies(), what);
        assertEquals(
                b.evaluations().stream().filter(e -> e.side(Side.CN).ratified()).count(), r.cnRatifies(), what);
        assertEquals(
                b.feasible().stream()
                        .filter(p -> p.usSurplus() > 0 && p.cnSurplus() > 0)
                        .count(),
                r.bothGain(),
                what);

        // the frontier: the O(n²) definition over the brute-force feasible set, surpluses bit-identical
        checkFrontier(r.frontier(), b.feasible(), what);
        assertEquals(null, r.offers(), what);

        // The negotiators' frontiers, kept when asked for, without changing anything else: of every bundle,
        // and of those each side ratifies.
        Search.Result ro = Search.run(
                m,
                new Search.Spec(
                        spec.base(),
                        spec.scenario(),
                        spec.dimensions(),
                        spec.minUsSurplus(),
                        spec.minCnSurplus(),
                        true),
                TWO);
        assertEquals(r.frontier(), ro.frontier(), what);
        assertEquals(r.feasible(), ro.feasible(), what);
        checkFrontier(ro.offers().all(), b.all(), what + " (all)");
        List<Point> usOwn = new ArrayList<>();
        List<Point> cnOwn = new ArrayList<>();
        for (int i = 0; i < b.all().size(); i++) {
            if (b.evaluations().get(i).side(Side.US).ratified()) {
                usOwn.add(b.all().get(i));
            }
            if (b.evaluations().get(i).side(Side.CN).ratified()) {
                cnOwn.add(b.all().get(i));
            }
        }
        checkFrontier(ro.offers().usRatifies(), usOwn, what + " (U.S. ratifies)");
        checkFrontier(ro.offers().cnRatifies(), cnOwn, what + " (China ratifies)");

        // the solutions attain the brute-force optimum over feasible bundles both sides prefer to no deal
        Solutions s = r.solutions();
        double nash = best(b.feasible(), Solutions::nash);
        if (Double.isNaN(nash)) {
            assertEquals(null, s.nash(), what);
            return s;
        }
        double ius = best(b.feasible(), Point::usSurplus);
        double icn = best(b.feasible(), Point::cnSurplus);
        assertEquals(ius, s.idealUs(), what);
        assertEquals(icn, s.idealCn(), what);
        assertEquals(nash, Solutions.nash(s.nash()), what);
        assertEquals(
                best(b.feasible(), p -> Math.min(p.usSurplus() / ius, p.cnSurplus() / icn)),
                Math.min(
                        s.kalaiSmorodinsky().usSurplus() / ius,
                        s.kalaiSmorodinsky().cnSurplus() / icn),
                what);
        assertEquals(best(b.feasible(), Solutions::egalitarian), Solutions.egalitarian(s.egalitarian()), what);
        assertEquals(best(b.feasible(), Point::welfare), s.utilitarian().welfare(), what);
        for (Point p : List.of(s.nash(), s.kalaiSmorodinsky(), s.egalitarian(), s.utilitarian())) {
            Evaluation e = b.evaluations().get((int) p.index());
            assertEquals(Verdict.AGREEMENT_LIKELY, e.joint().verdict(), what);
            assertEquals(e.side(Side.US).surplus(), p.usSurplus(), what);
            assertEquals(e.side(Side.CN).surplus(), p.cnSurplus(), what);
            assertTrue(p.usSurplus() > 0 && p.cnSurplus() > 0, what);
        }
        return s;
    }

    /** The search's frontier (U.S. surplus ascending) is the O(n²) definition's over the candidates, bit for bit. */
    private static void checkFrontier(List<Point> frontier, List<Point> candidates, String what) {
        int n = candidates.size();
        double[] x = new double[n];
        double[] y = new double[n];
        long[] id = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = candidates.get(i).usSurplus();
            y[i] = candidates.get(i).cnSurplus();
            id[i] = candidates.get(i).index();
        }
        int[] want = FrontierTest.reference(x, y, id, n);
        assertEquals(want.length, frontier.size(), what);
        for (int k = 0; k < want.length; k++) {
            Point got = frontier.get(want.length - 1 - k);
            assertEquals(id[want[k]], got.index(), what);
            assertEquals(x[want[k]], got.usSurplus(), what);
            assertEquals(y[want[k]], got.cnSurplus(), what);
            assertEquals(FrontierTest.twins(x, y, n, want[k]), got.equivalents(), what);
        }
    }

    @Test
    void frontierCountsAndSolutionsEqualBruteForceAcrossProfilesAndScenarios() {
        int allThreeDiffer = 0;
        for (String profile : List.of("default", "hawkish-washington", "economy-first-beijing", "phase-one-skeptic")) {
            CompiledModel m = TestModels.compile(model, profile);
            for (String scenario : List.of("GENEVA_2025", "APR_2025", "BUSAN_2025")) {
                Solutions s = checkAgainstBruteForce(
                        m,
                        spec(
                                m,
                                scenario,
                                Map.of("purchases.agricultureUsdBnPerYear", 16, "commitment.form", "SIGNED_TEXT"),
                                List.of(
                                        dim(m, "fentanyl.level"),
                                        dim(m, "usConcessions.exportControlLevel"),
                                        dim(m, "usConcessions.reciprocalTariffPct"),
                                        dim(m, "tiktok.structure"),
                                        dim(m, "investment.jobs")),
                                Double.NEGATIVE_INFINITY,
                                Double.NEGATIVE_INFINITY));
                if (s.nash() != null
                        && s.nash().index() != s.kalaiSmorodinsky().index()
                        && s.nash().index() != s.egalitarian().index()
                        && s.kalaiSmorodinsky().index() != s.egalitarian().index()) {
                    allThreeDiffer++;
                }
            }
        }
        // the brute-force check has teeth: in some of these spaces Nash, Kalai-Smorodinsky and egalitarian are three
        // bundles
        assertTrue(allThreeDiffer > 0, "no space where the three solutions differ");
    }

    @Test
    void minimumSurplusesAndRequestLevelsAreHonoured() {
        CompiledModel m = TestModels.compile(model, "default");
        checkAgainstBruteForce(
                m,
                spec(
                        m,
                        "GENEVA_2025",
                        Map.of(),
                        List.of(
                                dim(m, "purchases.agricultureUsdBnPerYear", 0, 5, 10, 20, 30, 45),
                                dim(m, "purchases.energyUsdBnPerYear"),
                                dim(m, "usConcessions.fentanylTariffPct"),
                                dim(m, "usConcessions.standstillMonths", 0, 6, 12, 24, 36),
                                dim(m, "process.format")),
                        3.0,
                        2.5));
    }

    @Test
    void theScanNestsPledgesOutsideYetIndicesFollowTheRequestOrder() {
        CompiledModel m = TestModels.compile(model, "default");
        // a pledge last in the request: the scan turns it slowest, the indices still count it fastest
        List<Dimension> dims = List.of(
                dim(m, "usConcessions.standstillMonths"),
                dim(m, "tiktok.structure"),
                dim(m, "usConcessions.exportControlLevel"),
                dim(m, "purchases.manufacturedUsdBnPerYear"));
        int[] order = Search.scanOrder(m, dims);
        assertEquals(3, order[0], "the pledge outermost: " + Arrays.toString(order));
        Search.Spec spec = spec(
                m,
                "GENEVA_2025",
                Map.of("fentanyl.level", "PRECURSOR_LICENSING"),
                dims,
                Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        checkAgainstBruteForce(m, spec);
        double[] second = Search.bundle(spec, 1);
        assertEquals(dims.get(3).levels()[1], second[dims.get(3).term()]);
    }

    @Test
    void anOptimumThatOneSideWouldNotRatifyIsNeverReturned() {
        CompiledModel m = TestModels.compile(model, "default");
        Search.Spec spec = spec(
                m,
                "OCT_2021",
                Map.of(),
                List.of(
                        dim(m, "tiktok.structure"),
                        dim(m, "finance.treasuryChangeUsdBn"),
                        dim(m, "usConcessions.section301ReliefShare"),
                        dim(m, "usConcessions.reciprocalTariffPct"),
                        dim(m, "finance.noDevaluationPledge")),
                Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        Brute b = brute(m, spec);
        // The Nash optimum over every bundle that raises both surpluses, ratified or not...
        Point unconstrained = null;
        for (Point p : b.all()) {
            if (p.usSurplus() > 0
                    && p.cnSurplus() > 0
                    && (unconstrained == null || Solutions.nash(p) > Solutions.nash(unconstrained))) {
                unconstrained = p;
            }
        }
        assertNotNull(unconstrained);
        Evaluation rejected = b.evaluations().get((int) unconstrained.index());
        // ...is one a side would not sign (this space is chosen so that it is: the optimum puts TikTok in a
        // joint venture with a licensed algorithm; China gains as a whole, but the security organs, whose veto
        // covers TikTok, lose, and their support caps China's index below its threshold),
        assertEquals(Verdict.CHINA_REJECTS, rejected.joint().verdict(), "precondition of the test");
        var organs = rejected.side(Side.CN).factions().stream()
                .filter(f -> f.id().equals("securityOrgans"))
                .findFirst()
                .orElseThrow();
        assertTrue(organs.vetoApplies() && organs.surplus() < 0, "precondition of the test");
        // and the search never returns it, nor any other bundle a side rejects.
        Search.Result r = Search.run(m, spec, TWO);
        assertNotNull(r.solutions().nash(), "the space has a ratified optimum");
        assertNotEquals(unconstrained.index(), r.solutions().nash().index());
        assertTrue(r.frontier().size() > 1, "a frontier worth checking");
        for (Point p : r.frontier()) {
            assertEquals(
                    Verdict.AGREEMENT_LIKELY,
                    b.evaluations().get((int) p.index()).joint().verdict());
        }
        checkAgainstBruteForce(m, spec);
    }

    @Test
    void theAnswerDoesNotDependOnTheNumberOfThreadsOrChunks() {
        CompiledModel m = TestModels.compile(model, "default");
        Search.Spec spec = spec(
                m,
                "GENEVA_2025",
                Map.of(),
                Search.defaultDimensions(m.model()).subList(3, 10),
                Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        Search.Result whole = Search.run(m, spec, ONE, spec.size());
        assertTrue(whole.frontier().size() > 5, "a frontier worth comparing");
        assertEquals(whole, Search.run(m, spec, TWO, 997));
        assertEquals(whole, Search.run(m, spec, TWO, 64));
    }

    @Test
    void theDefaultSubsetIsTheTenTermsOfTheDomainBrief() {
        CompiledModel m = TestModels.compile(model, "default");
        List<Dimension> dims = Search.defaultDimensions(m.model());
        assertEquals(10, dims.size());
        assertEquals(1_152_000L, Search.size(dims));
        // decoding an index gives the levels of its mixed-radix digits, the last term fastest
        Search.Spec spec = spec(m, "GENEVA_2025", Map.of(), dims, 0, 0);
        double[] last = Search.bundle(spec, spec.size() - 1);
        for (Dimension d : dims) {
            assertEquals(d.levels()[d.levels().length - 1], last[d.term()]);
        }
        double[] second = Search.bundle(spec, 1);
        Dimension fastest = dims.get(dims.size() - 1);
        assertEquals(fastest.levels()[1], second[fastest.term()]);
    }
}
