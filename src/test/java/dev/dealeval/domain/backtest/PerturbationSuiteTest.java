package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The robustness target of the backtest (docs/backtest.md, "Robustness"): of every single perturbation an
 * analyst might choose for the built-in episodes ({@link Perturbations}), at most 10 % may flip a recorded
 * side's ratification under the default profile. Prints the report; run it alone with
 * {@code ./mvnw -B test -Dtest=PerturbationSuiteTest}.
 */
class PerturbationSuiteTest {
    static final double MAX_FLIP_SHARE = 0.10;

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
        System.out.print(report);
        assertTrue(r.perturbations() > 0);
        assertTrue(r.share() <= MAX_FLIP_SHARE, "more than 10 % of the perturbations flip a verdict:\n" + report);
    }
}
