package dev.dealeval.application.backtest;

import dev.dealeval.application.catalog.ProfileService;
import dev.dealeval.application.error.ConflictException;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.error.UnknownResourceException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.backtest.Backtest;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSet;
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
