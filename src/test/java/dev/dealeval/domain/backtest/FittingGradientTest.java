package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fitting objective's analytic gradient (FitObjective) against central differences, on the
 * built-in episodes at the prior and at seeded points around it; and BFGS on a function whose minimum is
 * known.
 */
class FittingGradientTest {
    private final DealModel model = ModelFixtures.defaultModel();
    private final Profile defaults = model.profile("default").orElseThrow();
    private final List<Episode> episodes = ModelFixtures.episodes().episodes();

    @Test
    void theGradientIsTheObjectivesDerivative() {
        // the settings, the 18 weights and the 11 clouts at once
        Fitting.Prepared prepared = Fitting.prepare(model, defaults, episodes, new Fitting.Scope(true, true));
        List<FitObjective.Case> cases = prepared.cases().get(0);
        double[] prior = prepared.priorPhi();
        FitObjective.Layout layout = prepared.layout();
        assertEquals(5 + 18 + 11, layout.length());
        double[] weights = prepared.criteria().prior();
        double[] clouts = prepared.factions().prior();
        assertTrue(
                prepared.gifts().size() > 50,
                "the model's single concessions for nothing: "
                        + prepared.gifts().size());
        assertTrue(
                prepared.moves().size() > 50,
                "the directions kept: " + prepared.moves().size());
        Bfgs.Objective f = (phi, grad) -> FitObjective.objective(
                phi, prior, layout, weights, clouts, cases, prepared.gifts(), prepared.moves(), grad);
        Random random = new Random(23);
        for (int trial = 0; trial < 4; trial++) {
            double[] phi = prior.clone();
            double[] grad = new double[phi.length];
            if (trial > 0) {
                double[] step = new double[phi.length];
                for (int i = 0; i < phi.length; i++) {
                    step[i] = random.nextGaussian() * 0.3;
                }
                // The weights' part of the step is halved until no move has lost its direction: beyond the
                // barrier of Directions the objective is +∞, and a fit never goes there.
                for (double scale = 1; ; scale /= 2) {
                    for (int i = 0; i < phi.length; i++) {
                        boolean weight = i >= layout.weights() && i < layout.weights() + weights.length;
                        phi[i] = prior[i] + step[i] * (weight ? scale : 1);
                    }
                    // thresholds inside (0, 0.9), where they have a derivative
                    phi[1] = 0.05 + 0.1 * (trial / 4.0);
                    phi[2] = 0.15 - 0.1 * (trial / 4.0);
                    if (Double.isFinite(f.valueAndGradient(phi, grad))) {
                        break;
                    }
                }
            }
            f.valueAndGradient(phi, grad);
            for (int i = 0; i < phi.length; i++) {
                double h = 1e-6;
                double[] up = phi.clone();
                double[] down = phi.clone();
                up[i] += h;
                down[i] -= h;
                double[] scratch = new double[phi.length];
                double numeric = (f.valueAndGradient(up, scratch) - f.valueAndGradient(down, scratch)) / (2 * h);
                assertEquals(
                        numeric, grad[i], 1e-4 * Math.max(1, Math.abs(numeric)), "parameter " + i + ", trial " + trial);
            }
        }
    }

    /**
     * The objective's support index, computed from the reduced cases, is the engine's own
     * (Ratification.supportIndex through the Evaluator) on every recorded side decision, at the
     * profile's weights and stake floor: the fit optimises the rule the service applies.
     */
    @Test
    void theReducedSupportIndexIsTheEngines() {
        Fitting.Prepared prepared = Fitting.prepare(model, defaults, episodes, Fitting.Scope.SETTINGS);
        int grid = java.util.Arrays.stream(Fitting.FLOATED_GRID)
                .boxed()
                .toList()
                .indexOf(defaults.credibility().formFactors().get(Episode.FLOATED));
        List<Backtest.Result> results = Backtest.run(
                        dev.dealeval.domain.engine.CompiledModel.compile(model, defaults), episodes)
                .results();
        List<FitObjective.Case> cases = prepared.cases().get(grid);
        assertEquals(108, cases.size());
        for (FitObjective.Case c : cases) {
            double engine = results.get(c.episode()).evaluation().side(c.side()).supportIndex();
            double reduced = FitObjective.index(
                    c,
                    prepared.criteria().prior(),
                    prepared.factions().prior(),
                    defaults.settings().stakeFloor(),
                    prepared.layout(),
                    0,
                    null);
            assertEquals(engine, reduced, 1e-9, episodes.get(c.episode()).id() + " " + c.side());
        }
    }

    @Test
    void bfgsFindsTheMinimumOfARotatedQuadratic() {
        // f(x) = (x0 - 1)^2 + 10 (x1 + 2 - x0/2)^2 + 0.5 x2^2: minimum 0 at (1, -1.5, 0).
        double[] x = Bfgs.minimise(
                (p, g) -> {
                    double a = p[0] - 1;
                    double b = p[1] + 2 - p[0] / 2;
                    g[0] = 2 * a - 10 * b;
                    g[1] = 20 * b;
                    g[2] = p[2];
                    return a * a + 10 * b * b + 0.5 * p[2] * p[2];
                },
                new double[] {5, 5, 5},
                200);
        assertEquals(1, x[0], 1e-6);
        assertEquals(-1.5, x[1], 1e-6);
        assertEquals(0, x[2], 1e-6);
        assertTrue(Double.isFinite(x[0]));
    }
}
