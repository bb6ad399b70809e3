package dev.dealeval.adapter.genius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.genius.DomainDefinition;
import dev.dealeval.domain.genius.DomainModel;
import dev.dealeval.domain.genius.GeniusTestData;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The ANAC domains, as the codec reads them, run through the one engine: every ANAC 2010-2012 domain,
 * compiled into a deal model ({@link DomainModel}) and searched exhaustively, gives the outcome count,
 * individually rational outcomes, Pareto frontier and bargaining solutions that a brute-force pass written
 * here (from GENIUS's utility definition, not the engine) computes.
 */
class AnacDomainModelTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void everyAnacDomainSearchesToTheBruteForceFrontierAndSolutions() throws Exception {
        int checked = 0;
        long outcomes = 0;
        for (Path folder : AnacFolders.all()) {
            DomainDefinition def = AnacFolders.domain(folder);
            NegotiationDomain d = def.domain();
            Preferences a = def.parties().get(0);
            Preferences b = def.parties().get(1);
            CompiledModel m = CompiledModel.compile(
                    DomainModel.compile(def),
                    DomainModel.compile(def).profiles().get(0));
            Search.Result r = GeniusTestData.search(m, POOL);
            String at = folder.getFileName().toString();

            double[] ua = GeniusTestData.utilities(d, a);
            double[] ub = GeniusTestData.utilities(d, b);
            int n = ua.length;
            assertEquals(d.outcomeCount(), r.examined(), at);
            // Individually rational: at least the reservation value for both (the disagreement point).
            List<Integer> rational = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (ua[k] - a.reservation() > -1e-9 && ub[k] - b.reservation() > -1e-9) {
                    rational.add(k);
                }
            }
            assertEquals(rational.size(), r.feasible(), at);
            // The frontier by a sweep: best for party 1 first, ties by party 2 then by index; a point is on
            // the frontier when it beats every earlier one for party 2.
            List<Integer> sorted = new ArrayList<>(rational);
            sorted.sort(Comparator.<Integer>comparingDouble(k -> -ua[k])
                    .thenComparingDouble(k -> -ub[k])
                    .thenComparingInt(k -> k));
            List<Integer> frontier = new ArrayList<>();
            double bestB = Double.NEGATIVE_INFINITY;
            for (int k : sorted) {
                if (ub[k] > bestB) {
                    frontier.add(k);
                    bestB = ub[k];
                }
            }
            frontier.sort(Comparator.comparingDouble(k -> ua[k]));
            assertEquals(frontier.size(), r.frontier().size(), at + " frontier size");
            for (int i = 0; i < frontier.size(); i++) {
                Search.Point p = r.frontier().get(i);
                int k = frontier.get(i);
                assertEquals(k, p.index(), at);
                assertEquals(ua[k] - a.reservation(), p.usSurplus(), 0.0, at);
                assertEquals(ub[k] - b.reservation(), p.cnSurplus(), 0.0, at);
            }
            // Nash, egalitarian and utilitarian by brute force over every outcome both strictly prefer.
            double nash = Double.NEGATIVE_INFINITY;
            double egal = Double.NEGATIVE_INFINITY;
            double util = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                double x = ua[k] - a.reservation();
                double y = ub[k] - b.reservation();
                if (x > 0 && y > 0) {
                    nash = Math.max(nash, x * y);
                    egal = Math.max(egal, Math.min(x, y));
                    util = Math.max(util, x + y);
                }
            }
            if (nash == Double.NEGATIVE_INFINITY) {
                assertNull(r.solutions().nash(), at);
            } else {
                assertEquals(nash, r.solutions().nash().nashProduct(), 0.0, at);
                assertEquals(
                        egal,
                        Math.min(
                                r.solutions().egalitarian().usSurplus(),
                                r.solutions().egalitarian().cnSurplus()),
                        0.0,
                        at);
                assertEquals(util, r.solutions().utilitarian().welfare(), 0.0, at);
                assertNotNull(r.solutions().kalaiSmorodinsky(), at);
            }
            checked++;
            outcomes += n;
        }
        assertEquals(83, checked);
        assertTrue(outcomes > 1_000_000, "the 83 domains hold " + outcomes + " outcomes");
    }

    @Test
    void laptopThroughTheEngineHasGeniusUtilitiesAndDecidesByReservationValues() throws Exception {
        DomainDefinition laptop = AnacFolders.domain(Path.of(AnacDomainModelTest.class
                .getClassLoader()
                .getResource("genius/anac/y2011/Laptop")
                .toURI()));
        DealModel model = DomainModel.compile(laptop);
        assertEquals(1.0, model.utilityScale());
        assertEquals(
                List.of("Laptop", "Harddisk", "External Monitor"),
                model.terms().stream().map(t -> t.id()).toList());
        CompiledModel m = CompiledModel.compile(model, model.profiles().get(0));
        // Files sort as laptop_buyer_utility.xml, laptop_domain.xml, laptop_seller_utility.xml: buyer first.
        assertEquals("laptop_buyer_utility.xml", laptop.parties().get(0).name());
        // Dell, 60 Gb, 19'': buyer (0.4452125771655631·12/30 + 0.37808251708013424 + 0.1767567099260568) / their sum,
        // the weights divided by their sum (this hand-edited file's weights sum to 1.0000518).
        Bundle dell = GeniusTestData.bundle(m, 0, 0, 0);
        Evaluation e = Evaluator.evaluate(m, dell, 0, List.of());
        double buyer = (0.4452125771655631 * 12 / 30 + 0.37808251708013424 + 0.1767567099260568)
                / (0.4452125771655631 + 0.37808251708013424 + 0.1767567099260568);
        assertEquals(buyer, e.side(Side.US).utility(), 1e-12);
        assertEquals(0.0, e.side(Side.US).noDealUtility());
        assertTrue(e.side(Side.US).ratified());
        assertEquals(1.0, e.side(Side.US).ratificationProbability());
        assertTrue(e.side(Side.US).factions().isEmpty());

        // Raise the buyer's reservation value above the outcome: the buyer no longer accepts it.
        List<Preferences> parties = new ArrayList<>(laptop.parties());
        Preferences p = parties.get(0);
        parties.set(
                0,
                new Preferences(
                        p.name(), p.weights(), p.evaluations(), p.slopes(), p.offsets(), buyer + 0.01, p.discount()));
        DealModel strict =
                DomainModel.compile(new DomainDefinition("laptop", "Laptop", "", laptop.domain(), parties, 2));
        CompiledModel ms = CompiledModel.compile(strict, strict.profiles().get(0));
        Evaluation refused = Evaluator.evaluate(ms, GeniusTestData.bundle(ms, 0, 0, 0), 0, List.of());
        assertEquals(-0.01, refused.side(Side.US).surplus(), 1e-12);
        assertFalse(refused.side(Side.US).ratified());
        assertEquals(0.0, refused.side(Side.US).ratificationProbability());
        assertEquals(Verdict.US_REJECTS, refused.joint().verdict());
    }
}
