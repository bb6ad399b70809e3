package dev.dealeval.domain.genius;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A domain compiled into a deal model scores every outcome as GENIUS defines its utility; the ANAC domains read
 * from their files are checked the same way in dev.dealeval.adapter.genius.AnacDomainModelTest.
 */
class DomainModelTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void integerIssuesCompileToTheirLinearEvaluator() {
        // Price 0-10 (linear evaluators), colour red or blue (evaluations 1 and 4, 2 and 1).
        NegotiationDomain d = new NegotiationDomain(
                "d", List.of(Issue.integer("price", 0, 10), Issue.discrete("colour", List.of("red", "blue"))));
        Preferences buyer = new Preferences(
                "buyer",
                new double[] {0.75, 0.25},
                List.of(new double[0], new double[] {1, 4}),
                new double[] {-0.1, 0},
                new double[] {1, 0},
                0.2,
                1);
        Preferences seller = new Preferences(
                "seller",
                new double[] {0.5, 0.5},
                List.of(new double[0], new double[] {2, 1}),
                new double[] {0.1, 0},
                new double[] {0, 0},
                0.3,
                1);
        DomainDefinition def = new DomainDefinition("d", "d", "", d, List.of(buyer, seller), 1);
        DealModel model = DomainModel.compile(def);
        CompiledModel m = CompiledModel.compile(model, model.profiles().get(0));
        double[] ua = GeniusTestData.utilities(d, buyer);
        double[] ub = GeniusTestData.utilities(d, seller);
        Work w = m.newWork();
        for (int price = 0; price <= 10; price++) {
            for (int colour = 0; colour < 2; colour++) {
                double[] x = m.resolve(GeniusTestData.bundle(m, price, colour), 0);
                m.score(x, 0, w);
                assertEquals(ua[price * 2 + colour], w.utility(Side.US), 0.0);
                assertEquals(ub[price * 2 + colour], w.utility(Side.CN), 0.0);
            }
        }
        // price 3, blue: buyer 0.75·0.7 + 0.25·1, seller 0.5·0.3 + 0.5·0.5; Nash over (u − 0.2)(v − 0.3).
        assertEquals(0.75 * 0.7 + 0.25, ua[7], 1e-15);
        Search.Result r = GeniusTestData.search(m, POOL);
        assertEquals(22, r.examined());
        double best = 0;
        for (int k = 0; k < 22; k++) {
            if (ua[k] > 0.2 && ub[k] > 0.3) {
                best = Math.max(best, (ua[k] - 0.2) * (ub[k] - 0.3));
            }
        }
        assertEquals(best, r.solutions().nash().nashProduct(), 0.0);
    }
}
