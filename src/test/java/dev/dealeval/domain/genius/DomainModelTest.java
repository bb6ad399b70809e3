package dev.dealeval.domain.genius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.config.GeniusXml;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Verdict;
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
 * Imported domains run through the one engine: every ANAC 2010-2012 domain, compiled into a deal
 * model and searched exhaustively, gives the outcome count, individually rational outcomes, Pareto
 * frontier and bargaining solutions that a brute-force pass written here (from GENIUS's utility
 * definition, not the engine) computes.
 */
class DomainModelTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private static Search.Result search(CompiledModel m) {
        double[] base = m.resolve(Bundle.empty(m.termCount()), 0);
        return Search.run(
                m,
                new Search.Spec(
                        base,
                        0,
                        Search.defaultDimensions(m.model()),
                        Double.NEGATIVE_INFINITY,
                        Double.NEGATIVE_INFINITY),
                POOL);
    }

    @Test
    void everyAnacDomainSearchesToTheBruteForceFrontierAndSolutions() throws Exception {
        int checked = 0;
        long outcomes = 0;
        for (Path folder : GeniusTestData.anacFolders()) {
            DomainDefinition def = GeniusTestData.anac(folder);
            NegotiationDomain d = def.domain();
            Preferences a = def.parties().get(0);
            Preferences b = def.parties().get(1);
            CompiledModel m = CompiledModel.compile(
                    DomainModel.compile(def),
                    DomainModel.compile(def).profiles().get(0));
            Search.Result r = search(m);
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
        DomainDefinition laptop = GeniusTestData.anac(Path.of(DomainModelTest.class
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
        Bundle dell = bundle(m, 0, 0, 0);
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
        Evaluation refused = Evaluator.evaluate(ms, bundle(ms, 0, 0, 0), 0, List.of());
        assertEquals(-0.01, refused.side(Side.US).surplus(), 1e-12);
        assertFalse(refused.side(Side.US).ratified());
        assertEquals(0.0, refused.side(Side.US).ratificationProbability());
        assertEquals(Verdict.US_REJECTS, refused.joint().verdict());
    }

    @Test
    void integerIssuesCompileToTheirLinearEvaluator() {
        NegotiationDomain d = GeniusXml.readDomain("""
                <negotiation_template><utility_space><objective name="d">
                  <issue index="1" name="price" type="integer" etype="integer" lowerbound="0" upperbound="10"/>
                  <issue index="2" name="colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
                </objective></utility_space></negotiation_template>""", "d");
        Preferences buyer = GeniusXml.readPreferences("""
                <utility_space><objective name="d">
                  <issue index="1" name="price" type="integer"><evaluator ftype="linear" slope="-0.1" offset="1"/></issue>
                  <issue index="2" name="colour" type="discrete"><item value="red" evaluation="1"/><item value="blue" evaluation="4"/></issue>
                  <weight index="1" value="0.75"/><weight index="2" value="0.25"/>
                </objective><reservation value="0.2"/></utility_space>""", d, "buyer");
        Preferences seller = GeniusXml.readPreferences("""
                <utility_space><objective name="d">
                  <issue index="1" name="price" type="integer"><evaluator ftype="linear" slope="0.1" offset="0"/></issue>
                  <issue index="2" name="colour" type="discrete"><item value="red" evaluation="2"/><item value="blue" evaluation="1"/></issue>
                  <weight index="1" value="0.5"/><weight index="2" value="0.5"/>
                </objective><reservation value="0.3"/></utility_space>""", d, "seller");
        DomainDefinition def = new DomainDefinition("d", "d", "", d, List.of(buyer, seller), 1);
        DealModel model = DomainModel.compile(def);
        CompiledModel m = CompiledModel.compile(model, model.profiles().get(0));
        double[] ua = GeniusTestData.utilities(d, buyer);
        double[] ub = GeniusTestData.utilities(d, seller);
        CompiledModel.Work w = m.newWork();
        for (int price = 0; price <= 10; price++) {
            for (int colour = 0; colour < 2; colour++) {
                double[] x = m.resolve(bundle(m, price, colour), 0);
                m.score(x, 0, w);
                assertEquals(ua[price * 2 + colour], w.utility(Side.US), 0.0);
                assertEquals(ub[price * 2 + colour], w.utility(Side.CN), 0.0);
            }
        }
        // price 3, blue: buyer 0.75·0.7 + 0.25·1, seller 0.5·0.3 + 0.5·0.5; Nash over (u − 0.2)(v − 0.3).
        assertEquals(0.75 * 0.7 + 0.25, ua[7], 1e-15);
        Search.Result r = search(m);
        assertEquals(22, r.examined());
        double best = 0;
        for (int k = 0; k < 22; k++) {
            if (ua[k] > 0.2 && ub[k] > 0.3) {
                best = Math.max(best, (ua[k] - 0.2) * (ub[k] - 0.3));
            }
        }
        assertEquals(best, r.solutions().nash().nashProduct(), 0.0);
    }

    /** A complete bundle of value positions (discrete) or values (integer), in issue order. */
    private static Bundle bundle(CompiledModel m, double... values) {
        Bundle b = Bundle.empty(m.termCount());
        for (int t = 0; t < values.length; t++) {
            b.values()[t] = values[t];
            b.given()[t] = true;
        }
        return b;
    }
}
