package dev.dealeval.application.catalog;

import dev.dealeval.application.error.ConflictException;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.application.port.EpisodeSetStore;
import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSetDefinition;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backtest's episode sets: the built-in one (the episodes file, read-only, id {@value #BUILT_IN})
 * and those analysts store, each episode checked against the model and the scenarios before anything
 * is written (docs/backtest.md, "Your own episode sets").
 */
@ApplicationScoped
public class EpisodeSetService extends CatalogService<EpisodeSetDefinition, EpisodeSetService.Draft> {
    /** The id of the episodes the service was started with (the episodes file). */
    public static final String BUILT_IN = "built-in";

    public static final int MAX_EPISODES = DealevalConfig.Limits.MAX_EPISODES_PER_SET;

    private final ModelRegistry registry;
    private final ScenarioService scenarios;
    private final VersionedCatalog<EpisodeSetDefinition> catalog;

    public EpisodeSetService(ModelRegistry registry, EpisodeSetStore store, ScenarioService scenarios) {
        this.registry = registry;
        this.scenarios = scenarios;
        List<EpisodeSetDefinition> builtIn = registry.episodes()
                .map(set -> List.of(new EpisodeSetDefinition(
                        BUILT_IN,
                        "Built-in episodes",
                        "The real episodes the service was started with (src/main/resources/model/backtest.yaml"
                                + " unless dealeval.model.backtest-path names another file).",
                        null,
                        set.episodes(),
                        set.excluded(),
                        true,
                        1)))
                .orElse(List.of());
        this.catalog = new VersionedCatalog<>(
                "episode set", () -> builtIn, store, EpisodeSetDefinition::id, EpisodeSetDefinition::version);
    }

    @Override
    VersionedCatalog<EpisodeSetDefinition> catalog() {
        return catalog;
    }

    /**
     * An episode set as written by an analyst: its episodes in full (PUT replaces them all) and,
     * optionally, the set they were copied from.
     */
    public record Draft(String name, String description, String basedOn, List<EpisodeDraft> episodes) {}

    /** One episode as written, in the fields of the episodes file; checked before it becomes an {@link Episode}. */
    public record EpisodeDraft(
            String id,
            String date,
            String title,
            Episode.Kind kind,
            String scenario,
            Map<String, Object> bundle,
            Map<Side, Episode.Decision> decisions,
            String record,
            String encoding,
            List<String> sources) {

        static EpisodeDraft of(Episode e) {
            return new EpisodeDraft(
                    e.id(),
                    e.date(),
                    e.title(),
                    e.kind(),
                    e.scenario(),
                    e.bundle(),
                    e.decisions(),
                    e.record(),
                    e.encoding(),
                    e.sources());
        }
    }

    /** A set ready to run: its episodes and the user-defined scenarios they name, as they are now. */
    public record Prepared(EpisodeSetDefinition set, List<Scenario> scenarios) {}

    /**
     * The set a backtest names (null: the built-in one) with the stored scenarios its episodes name,
     * or null with a violation of {@code episodeSet} when there is no such set. 409 when the built-in
     * episodes are unavailable (a model file of one's own they do not fit), or when a stored set no
     * longer fits (a scenario it names was deleted, or the service runs another model file).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Prepared forBacktest(String id, List<Violation> violations) {
        String setId = id == null ? BUILT_IN : id;
        Optional<EpisodeSetDefinition> found = find(setId);
        if (found.isEmpty() && setId.equals(BUILT_IN)) {
            throw new ConflictException(
                    "The backtest is unavailable: " + registry.episodesProblem()
                            + "; store episodes written for this model (POST /api/v1/episode-sets) and name them in episodeSet.");
        }
        if (found.isEmpty()) {
            violations.add(new Violation(
                    "episodeSet",
                    "unknown episode set '" + setId + "' (GET /api/v1/episode-sets lists them; POST one there)"));
            return null;
        }
        EpisodeSetDefinition set = found.get();
        if (set.builtIn()) {
            return new Prepared(set, List.of());
        }
        Map<String, Optional<Scenario>> named = new HashMap<>();
        EpisodeDrafts.Read read = EpisodeDrafts.read(
                registry.model(),
                s -> named.computeIfAbsent(s, scenarios::find).isPresent(),
                set.episodes().stream().map(EpisodeDraft::of).toList());
        if (!read.violations().isEmpty()) {
            Violation first = read.violations().get(0);
            throw new ConflictException("Episode set '" + setId + "' no longer fits the model and scenarios ("
                    + first.field() + ": " + first.message()
                    + (read.violations().size() > 1 ? ", and more" : "")
                    + "); replace it (PUT) with episodes that do.");
        }
        List<Scenario> stored = named.values().stream()
                .flatMap(Optional::stream)
                .filter(s -> !s.builtIn())
                .toList();
        return new Prepared(set, stored);
    }

    /** The complete set, each episode checked against the model and the scenarios before anything is written. */
    @Override
    EpisodeSetDefinition resolve(String id, long version, Draft d) {
        if (id.equals(BUILT_IN)) {
            throw new ConflictException("'" + BUILT_IN + "' is the built-in episode set's id; choose another id.");
        }
        List<Violation> violations = new ArrayList<>();
        if (d.name() == null || d.name().isBlank()) {
            violations.add(new Violation("name", "is required"));
        }
        if (d.basedOn() != null && find(d.basedOn()).isEmpty()) {
            violations.add(new Violation("basedOn", "unknown episode set '" + d.basedOn() + "'"));
        }
        Map<String, Boolean> known = new HashMap<>();
        EpisodeDrafts.Read read = EpisodeDrafts.read(
                registry.model(),
                s -> known.computeIfAbsent(s, k -> scenarios.find(k).isPresent()),
                d.episodes());
        violations.addAll(read.violations());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new EpisodeSetDefinition(
                id, d.name(), d.description(), d.basedOn(), read.episodes(), List.of(), false, version);
    }
}
