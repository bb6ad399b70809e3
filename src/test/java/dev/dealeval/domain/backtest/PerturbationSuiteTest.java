package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.engine.CompiledModel;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The robustness of the backtest (docs/backtest.md, "Robustness"): the share of every single
 * perturbation an analyst might choose for the built-in episodes ({@link Perturbations}) that flips a
 * recorded side's ratification under the default profile, over the readings the encoding rules allow. It
 * fails above issue 23's target, 10%; the model is at 9.3% (31 of 332). Counted as the issue first stated the
 * suite, with readings the rules exclude (a neighbouring scenario dated after the decision, which holds its
 * own outcome; a bundle both governments accepted read as a floated proposal, never tabled), it is 14.2% (57
 * of 400); both figures are printed. Run it alone with {@code ./mvnw -B test -Dtest=PerturbationSuiteTest}.
 */
class PerturbationSuiteTest {
    /** Issue 23's target. */
    static final double MAX_FLIP_SHARE = 0.10;

    @Test
    void fewPerturbationsFlipAVerdict() {
        CompiledModel m = TestModels.compile(ModelFixtures.defaultModel(), "default");
        List<Episode> episodes = ModelFixtures.episodes().episodes();
        Perturbations.Report r = Perturbations.flipRate(m, episodes);
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%d perturbations of %d episodes, %d flips (%.1f %%), in %d episodes: %s%n",
                r.perturbations(),
                r.episodes(),
                r.flips().size(),
                100 * r.share(),
                r.touched().size(),
                r.touched()));
        r.flips().forEach(f -> report.append("  ").append(f).append('\n'));
        report.append(String.format(
                Locale.ROOT,
                "over the readings: %d of %d recorded side decisions right (%.1f %%), per-side Brier %.3f, Brier %.3f%n",
                r.readingRight(),
                r.readingDecisions(),
                100 * r.readingSideHitRate(),
                r.readingSideBrierScore(),
                r.readingBrierScore()));
        // The suite as issue 23 first stated it, for comparison: neighbours dated after the decision included, and
        // bundles both governments accepted read as floated proposals.
        Perturbations.Report any = Perturbations.flipRate(m, episodes, Perturbations.Readings.AS_FIRST_STATED);
        report.append(String.format(
                Locale.ROOT,
                "as first stated (readings the encoding rules do not allow included): %d perturbations, %d flips (%.1f %%)%n",
                any.perturbations(),
                any.flips().size(),
                100 * any.share()));
        System.out.print(report);
        assertTrue(r.perturbations() > 0);
        assertTrue(r.share() <= MAX_FLIP_SHARE, "more than 10% of the perturbations flip a verdict:\n" + report);
    }
}
