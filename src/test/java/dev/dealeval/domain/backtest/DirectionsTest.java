package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The directions a fit of the weights keeps (Directions; docs/fitting.md "Fitting the weights and the
 * clouts"), on the default profile: the moves found, the barrier's value and its gradient.
 */
class DirectionsTest {
    private final DealModel model = ModelFixtures.defaultModel();
    private final Profile defaults = model.profile("default").orElseThrow();
    private final FitObjective.Criteria criteria = Fitting.criteria(model, defaults);
    private final List<Directions.Move> moves =
            Directions.of(CompiledModel.compile(model, defaults), defaults, criteria);
    private final FitObjective.Layout layout =
            FitObjective.Layout.of(true, criteria.ids().size(), false, 0);

    /**
     * Relaxing the controls from level 2 to 3 moves China's technology access from 0.45 to 0.5 and its
     * sovereignty by −0.06 (self-reliance): 5 and −6 points, worth 0.15 · 5 − 0.12 · 6 = 0.03 under the
     * default weights against 0.15 · 5 + 0.12 · 6 = 1.47 moved, so ρ0 = 0.03 / 1.47.
     */
    @Test
    void chinasSelfRelianceAgainstAccessIsAMoveKept() {
        int offset = criteria.sides().indexOf(Side.CN);
        int access = criteria.index("techAccess") - offset;
        int sovereignty = criteria.index("sovereigntySecurity") - offset;
        Directions.Move move = moves.stream()
                .filter(m -> m.offset() == offset
                        && Math.abs(m.effect()[access] - 5) < 1e-9
                        && Math.abs(m.effect()[sovereignty] + 6) < 1e-9
                        && java.util.stream.IntStream.range(0, m.effect().length)
                                .filter(j -> j != access && j != sovereignty)
                                .allMatch(j -> m.effect()[j] == 0))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no move of level 2 -> 3 for China among " + moves.size()));
        assertEquals(0.03 / 1.47, move.kept0(), 1e-9);
        assertTrue(moves.size() > 50, "moves: " + moves.size());
        for (Directions.Move m : moves) {
            assertTrue(m.kept0() > 0 && m.kept0() <= 1, "ρ0 " + m.kept0());
        }
    }

    @Test
    void theBarrierIsZeroAtTheProfileAndInfiniteOnceADirectionTurns() {
        double[] weights = criteria.prior();
        double[] phi = new double[layout.length()];
        double[] grad = new double[phi.length];
        assertEquals(0, Directions.barrier(phi, layout, weights, moves, grad), 1e-12);
        // techAccess at 0.9 of its weight: 0.135 · 5 < 0.12 · 6, China would lose from level 3
        phi[layout.weights() + criteria.index("techAccess")] = Math.log(0.9);
        assertEquals(Double.POSITIVE_INFINITY, Directions.barrier(phi, layout, weights, moves, grad));
        // at 0.97: 0.1455 · 5 − 0.72 = 0.0075 of 1.4475 moved, ρ = 0.0052, more than a tenth of ρ0 (0.0020)
        phi[layout.weights() + criteria.index("techAccess")] = Math.log(0.97);
        assertTrue(Double.isFinite(Directions.barrier(phi, layout, weights, moves, grad)));
        // at 0.962: China still gains (0.0015 of 1.4415, ρ = 0.0010), but by less than the margin
        phi[layout.weights() + criteria.index("techAccess")] = Math.log(0.962);
        assertEquals(Double.POSITIVE_INFINITY, Directions.barrier(phi, layout, weights, moves, grad));
    }

    @Test
    void theBarriersGradientIsItsDerivative() {
        double[] weights = criteria.prior();
        Random random = new Random(5);
        int checked = 0;
        for (int trial = 0; checked < 3 && trial < 200; trial++) {
            double[] phi = new double[layout.length()];
            for (int i = 0; i < weights.length; i++) {
                phi[layout.weights() + i] = random.nextGaussian() * 0.05;
            }
            double[] grad = new double[phi.length];
            if (Double.isInfinite(Directions.barrier(phi, layout, weights, moves, grad))) {
                continue;
            }
            checked++;
            for (int i = layout.weights(); i < phi.length; i++) {
                double h = 1e-7;
                double[] up = phi.clone();
                double[] down = phi.clone();
                up[i] += h;
                down[i] -= h;
                double[] scratch = new double[phi.length];
                double numeric = (Directions.barrier(up, layout, weights, moves, scratch)
                                - Directions.barrier(down, layout, weights, moves, scratch))
                        / (2 * h);
                assertEquals(numeric, grad[i], 1e-5 * Math.max(1, Math.abs(numeric)), "weight " + i);
            }
        }
        assertEquals(3, checked, "points inside the barrier");
    }
}
