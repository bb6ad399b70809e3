package dev.dealeval.application.backtest;

import dev.dealeval.application.catalog.EpisodeSetService;
import dev.dealeval.application.catalog.ProfileService;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.error.UnknownResourceException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.backtest.Backtest;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSetDefinition;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the backtest's real episodes (the built-in set or a stored one) through a profile: the
 * model's verdicts beside what the governments did, with the hit rate and the Brier score.
 */
@ApplicationScoped
public class BacktestService {
    private final ModelRegistry registry;
    private final ProfileService profiles;
    private final EpisodeSetService episodeSets;

    public BacktestService(ModelRegistry registry, ProfileService profiles, EpisodeSetService episodeSets) {
        this.registry = registry;
        this.profiles = profiles;
        this.episodeSets = episodeSets;
    }

    /** The backtest's result and the set it ran (with the episodes it leaves out). */
    public record Run(Profile profile, Backtest.Report report, EpisodeSetDefinition set) {}

    /**
     * @param profile    a built-in or stored profile id, or null for the configured default
     * @param episodeSet a stored episode set's id, or null for the built-in one
     */
    public Run run(String profile, String episodeSet) {
        Setting s = setting(profile, episodeSet);
        return new Run(s.profile(), Backtest.run(s.model(), s.set().episodes()), s.set());
    }

    /** One episode of the set judged by the profile; 404 when no episode of the set has the id. */
    public Run runOne(String id, String profile, String episodeSet) {
        Setting s = setting(profile, episodeSet);
        Episode episode = s.set().episodes().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new UnknownResourceException("episode", id));
        return new Run(s.profile(), Backtest.run(s.model(), List.of(episode)), s.set());
    }

    /** The profile, the set, and the model compiled for the profile with every scenario the set names. */
    private record Setting(Profile profile, EpisodeSetDefinition set, CompiledModel model) {}

    private Setting setting(String profile, String episodeSet) {
        List<Violation> violations = new ArrayList<>();
        Profile p = profiles.named(profile, violations);
        EpisodeSetService.Prepared set = episodeSets.forBacktest(episodeSet, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Setting(p, set.set(), registry.compiled(p, set.scenarios()));
    }
}
