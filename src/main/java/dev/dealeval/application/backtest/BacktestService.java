package dev.dealeval.application.backtest;

import dev.dealeval.application.catalog.ProfileService;
import dev.dealeval.application.error.ConflictException;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.error.UnknownResourceException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.backtest.Backtest;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSet;
import dev.dealeval.domain.backtest.Reliability;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the backtest's real episodes through a profile: the model's verdicts beside what the
 * governments did, with the hit rate and the Brier score.
 */
@ApplicationScoped
public class BacktestService {
    private final ModelRegistry registry;
    private final ProfileService profiles;

    public BacktestService(ModelRegistry registry, ProfileService profiles) {
        this.registry = registry;
        this.profiles = profiles;
    }

    /** The backtest's result and the episodes left out. */
    public record Run(Profile profile, Backtest.Report report, EpisodeSet set) {}

    /** @param profile a built-in or stored profile id, or null for the configured default */
    public Run run(String profile) {
        EpisodeSet set = episodes();
        Profile p = profile(profile);
        return new Run(p, Backtest.run(registry.compiled(p), set.episodes()), set);
    }

    /** One episode judged by the profile; 404 when no episode has the id. */
    public Run runOne(String id, String profile) {
        EpisodeSet set = episodes();
        Episode episode = set.episodes().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new UnknownResourceException("episode", id));
        Profile p = profile(profile);
        return new Run(p, Backtest.run(registry.compiled(p), List.of(episode)), set);
    }

    /** The backtest's probabilities as forecasts: each side's ratification and the agreement, with their bins. */
    public record Calibration(Reliability.Series sideDecisions, Reliability.Series agreement) {
        public List<Reliability.Series> series() {
            return List.of(sideDecisions, agreement);
        }
    }

    /**
     * The forecasts of a report: each ratification probability against the side's recorded decision
     * ("side decisions"), and the agreement probability against the outcome of each episode that has one
     * ("agreement"). Any report will do: the in-sample run, or one built from out-of-fold predictions.
     */
    public Calibration calibration(Backtest.Report report) {
        List<Reliability.Forecast> sides = new ArrayList<>();
        List<Reliability.Forecast> agreement = new ArrayList<>();
        for (Backtest.Result r : report.results()) {
            r.episode()
                    .decisions()
                    .forEach((side, d) -> sides.add(new Reliability.Forecast(
                            r.evaluation().side(side).ratificationProbability(),
                            d == Episode.Decision.ACCEPTED ? 1 : 0)));
            Integer outcome = r.episode().agreement();
            if (outcome != null) {
                agreement.add(new Reliability.Forecast(r.evaluation().joint().agreementProbability(), outcome));
            }
        }
        return new Calibration(Reliability.of("side decisions", sides), Reliability.of("agreement", agreement));
    }

    private EpisodeSet episodes() {
        return registry.episodes()
                .orElseThrow(() ->
                        new ConflictException("The backtest is unavailable: " + registry.episodesProblem() + "."));
    }

    private Profile profile(String id) {
        List<Violation> violations = new ArrayList<>();
        Profile p = profiles.named(id, violations);
        if (p == null) {
            throw new InvalidInputException(violations);
        }
        return p;
    }
}
