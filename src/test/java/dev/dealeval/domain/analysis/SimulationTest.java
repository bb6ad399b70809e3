package dev.dealeval.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.analysis.Simulation.Candidate;
import dev.dealeval.domain.analysis.Simulation.Kind;
import dev.dealeval.domain.analysis.Simulation.Pools;
import dev.dealeval.domain.analysis.Simulation.Result;
import dev.dealeval.domain.analysis.Simulation.Spec;
import dev.dealeval.domain.analysis.Simulation.Strategy;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stacked alternating offers protocol: hand-played negotiations on a small frontier, then the
 * strategies on the default deal space of the U.S.–China model, every acceptance checked by the
 * engine.
 */
class SimulationTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static CompiledModel model;
    private static Search.Spec space;
    private static Pools pools;

    @BeforeAll
    static void searchTheDefaultSpace() {
        model = TestModels.compile(ModelFixtures.defaultModel(), "default");
        int s = model.scenarioIndex("GENEVA_2025");
        space = new Search.Spec(
                model.resolve(Bundle.empty(model.termCount()), s),
                s,
                Search.defaultDimensions(model.model()),
                Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                true);
        pools = Pools.of(model, space, Search.run(model, space, POOL).offers());
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** A frontier (k, 10 − k), k = 0..10, every bundle ratified by both. */
    private static Pools line() {
        List<Candidate> line = new ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            line.add(new Candidate(k, k, 10 - k, true, true));
        }
        return new Pools(line, line, line);
    }

    @Test
    void twoLinearSidesMeetHalfWayByHand() {
        // Deadline 11: a linear target is 10 − (r − 1) in round r. U.S. offers (10, 0); China (1, 9); U.S. (8, 2);
        // China (3, 7);
        // U.S. (6, 4); China offers (5, 5) in round 6 and the U.S., which would ask 4 in round 7, accepts.
        Result r = Simulation.run(line(), new Spec(Strategy.of(Kind.LINEAR), Strategy.of(Kind.LINEAR), 11, Side.US, 1));
        assertEquals(
                List.of(10L, 1L, 8L, 3L, 6L, 5L),
                r.rounds().stream().map(x -> r.offers().get(x.offer()).index()).toList());
        assertEquals(6, r.agreementRound());
        assertEquals(5.0, r.agreedOffer().usSurplus());
        assertEquals(Side.CN, r.rounds().get(5).proposer());
        assertTrue(r.ratifiedByBoth());
    }

    @Test
    void titForTatConcedesWhatTheOtherConcededByHand() {
        // U.S. tit-for-tat, China linear, deadline 11. The U.S. asks 10 until China's offers concede to it: China
        // offers it 1, 3, 5
        // in rounds 2, 4, 6, so it asks 10, 8, 6 in rounds 3, 5, 7. China accepts (6, 4) in round 7: 4 is what it would
        // ask in round 8.
        Result r = Simulation.run(
                line(), new Spec(Strategy.of(Kind.TIT_FOR_TAT), Strategy.of(Kind.LINEAR), 11, Side.US, 1));
        assertEquals(
                List.of(10L, 1L, 10L, 3L, 8L, 5L, 6L),
                r.rounds().stream().map(x -> r.offers().get(x.offer()).index()).toList());
        assertEquals(7, r.agreementRound());
        assertEquals(6.0, r.agreedOffer().usSurplus());
    }

    @Test
    void titForTatCountsNoConcessionBelowItsReservationValue() {
        // A frontier from (10, -6) to (0, 10). The U.S. (linear, deadline 6: targets 10, 6, 2 in rounds 1, 3, 5) offers
        // (10, -6),
        // then (8, 1): worth 1 to China, which concedes only the 1 above China's reservation value, so China
        // (tit-for-tat) asks
        // 10 - 1 = 9 in round 4, not 10 - 7 = 3: it offers (2, 9), which the U.S., asking 2 in round 5, accepts.
        List<Candidate> line = new ArrayList<>();
        double[][] points = {{10, -6}, {9, -2}, {8, 1}, {5, 5}, {2, 9}, {0, 10}};
        for (int k = 0; k < points.length; k++) {
            line.add(new Candidate(k, points[k][0], points[k][1], true, true));
        }
        Pools p = new Pools(line, line, line);
        Result r = Simulation.run(p, new Spec(Strategy.of(Kind.LINEAR), Strategy.of(Kind.TIT_FOR_TAT), 6, Side.US, 1));
        List<Simulation.Round> cn =
                r.rounds().stream().filter(x -> x.proposer() == Side.CN).toList();
        assertEquals(
                List.of(10.0, 9.0),
                cn.stream().map(Simulation.Round::proposerTarget).toList());
        assertEquals(4, r.agreementRound());
        assertEquals(9.0, r.agreedOffer().cnSurplus());
    }

    @Test
    void withoutAcceptableOffersTheTalksBreakDownAtTheDeadline() {
        // Two tit-for-tat sides each wait for the other to concede first: nobody moves, and at the deadline the talks
        // end.
        Result r = Simulation.run(
                line(), new Spec(Strategy.of(Kind.TIT_FOR_TAT), Strategy.of(Kind.TIT_FOR_TAT), 20, Side.US, 1));
        assertFalse(r.agreed());
        assertEquals(20, r.rounds().size());
        assertEquals(-1, r.agreementRound());
        assertEquals(List.of(10L, 0L), r.offers().stream().map(Candidate::index).toList());
        // Time-dependent sides ask only their reservation value in the last round, so even two Boulwares settle by
        // then.
        Result b =
                Simulation.run(line(), new Spec(Strategy.of(Kind.BOULWARE), Strategy.of(Kind.BOULWARE), 3, Side.US, 1));
        assertEquals(2, b.agreementRound());
    }

    @Test
    void boulwareAgainstConcederLandsOnTheBoulwareSide() {
        Result hard = Simulation.run(
                pools, new Spec(Strategy.of(Kind.BOULWARE), Strategy.of(Kind.CONCEDER), 200, Side.US, 1));
        Result soft = Simulation.run(
                pools, new Spec(Strategy.of(Kind.CONCEDER), Strategy.of(Kind.BOULWARE), 200, Side.US, 1));
        assertTrue(hard.agreed() && soft.agreed());
        // The U.S. gets more, and China less, when the U.S. is the one holding out.
        assertTrue(
                hard.agreedOffer().usSurplus() > soft.agreedOffer().usSurplus(),
                hard.agreedOffer() + " vs " + soft.agreedOffer());
        assertTrue(hard.agreedOffer().cnSurplus() < soft.agreedOffer().cnSurplus());
        // And each time the Boulware side keeps the larger share of its best.
        double usBest =
                pools.all().stream().mapToDouble(Candidate::usSurplus).max().orElseThrow();
        double cnBest =
                pools.all().stream().mapToDouble(Candidate::cnSurplus).max().orElseThrow();
        assertTrue(hard.agreedOffer().usSurplus() / usBest > hard.agreedOffer().cnSurplus() / cnBest);
        assertTrue(soft.agreedOffer().cnSurplus() / cnBest > soft.agreedOffer().usSurplus() / usBest);
    }

    @Test
    void twoConcedersAgreeEarlyAndBeforeTwoBoulwares() {
        Result conceders = Simulation.run(
                pools, new Spec(Strategy.of(Kind.CONCEDER), Strategy.of(Kind.CONCEDER), 1000, Side.US, 1));
        Result boulwares = Simulation.run(
                pools, new Spec(Strategy.of(Kind.BOULWARE), Strategy.of(Kind.BOULWARE), 1000, Side.US, 1));
        assertTrue(conceders.agreed());
        assertTrue(conceders.agreementRound() < 1000 / 4, "agreed in round " + conceders.agreementRound());
        assertTrue(!boulwares.agreed() || boulwares.agreementRound() > conceders.agreementRound());
    }

    @Test
    void noSideEverAcceptsBelowItsReservationValueOrWhatItsGovernmentWouldNotRatify() {
        int agreements = 0;
        int s = space.scenario();
        Work w = model.newWork();
        for (Kind us : Kind.values()) {
            for (Kind cn : Kind.values()) {
                for (long seed = 1; seed <= 3; seed++) {
                    Result r = Simulation.run(
                            pools,
                            new Spec(
                                    new Strategy(us, us.defaultExponent(), 2),
                                    new Strategy(cn, cn.defaultExponent(), 2),
                                    300,
                                    seed % 2 == 0 ? Side.CN : Side.US,
                                    seed));
                    for (Simulation.Round round : r.rounds()) {
                        Candidate offer = r.offers().get(round.offer());
                        double[] x = Search.bundle(space, offer.index());
                        model.score(x, s, w);
                        Side proposer = round.proposer();
                        // A ratification-aware side only proposes what its own government would ratify.
                        if ((proposer == Side.US ? us : cn) == Kind.RATIFICATION_AWARE) {
                            assertTrue(model.ratifies(proposer, x, s, w), us + "/" + cn + " round " + round.round());
                        }
                        if (round.accepted()) {
                            Side responder = proposer.other();
                            assertTrue(
                                    w.utility(responder) - model.noDealUtility(responder, s) >= -1e-9, us + "/" + cn);
                            assertTrue(model.ratifies(responder, x, s, w), us + "/" + cn);
                            agreements++;
                        }
                    }
                }
            }
        }
        assertTrue(agreements > 50, agreements + " agreements of " + 3 * 36);
    }

    @Test
    void theSameSeedPlaysTheSameNegotiationAndAnotherSeedAnother() {
        Spec a = new Spec(new Strategy(Kind.LINEAR, 1, 3), new Strategy(Kind.CONCEDER, 2, 3), 500, Side.US, 42);
        assertEquals(Simulation.run(pools, a), Simulation.run(pools, a));
        Spec b = new Spec(a.us(), a.cn(), a.deadline(), a.starts(), 43);
        assertNotEquals(
                Simulation.run(pools, a).rounds(), Simulation.run(pools, b).rounds());
    }
}
