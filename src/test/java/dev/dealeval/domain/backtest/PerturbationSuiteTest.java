package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The robustness of the backtest (docs/backtest.md, "Robustness"): the share of every single
 * perturbation an analyst might choose for the built-in episodes ({@link Perturbations}) that flips a
 * recorded side's ratification under the default profile. Issue 23's target is 10%; the model is at
 * 10.8% (37 of 342; 14.0%, 55 of 392, when neighbouring scenarios dated after the decision, which hold its
 * own outcome, are counted too), so the bound is that measured level: a change that makes verdicts more fragile
 * fails here, and the target stays open in docs/backtest.md. Prints the report; run it alone with
 * {@code ./mvnw -B test -Dtest=PerturbationSuiteTest}.
 */
class PerturbationSuiteTest {
    /** The measured 10.8%, rounded up; the target is 0.10. */
    static final double MAX_FLIP_SHARE = 0.11;

    @Test
    void fewPerturbationsFlipAVerdict() {
        Perturbations.Report r = Perturbations.flipRate(
                TestModels.compile(ModelFixtures.defaultModel(), "default"),
                ModelFixtures.episodes().episodes());
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
        // The suite as issue 23 first stated it, neighbours dated after the decision included, for comparison.
        Perturbations.Report any = Perturbations.flipRate(
                TestModels.compile(ModelFixtures.defaultModel(), "default"),
                ModelFixtures.episodes().episodes(),
                Perturbations.Neighbours.ANY_DATE);
        report.append(String.format(
                Locale.ROOT,
                "with neighbours dated after the decision: %d perturbations, %d flips (%.1f %%)%n",
                any.perturbations(),
                any.flips().size(),
                100 * any.share()));
        System.out.print(report);
        assertTrue(r.perturbations() > 0);
        assertTrue(
                r.share() <= MAX_FLIP_SHARE, "more perturbations flip a verdict than the documented 10.8%:\n" + report);
    }
}
