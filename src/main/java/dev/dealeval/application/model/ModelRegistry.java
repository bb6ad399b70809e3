package dev.dealeval.application.model;

import dev.dealeval.application.port.EpisodeSource;
import dev.dealeval.application.port.ModelSource;
import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.backtest.EpisodeSet;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Holds the deal model and the backtest's episodes, read once at start-up through {@link ModelSource}
 * and {@link EpisodeSource} (a broken file stops the service), and the compiled form of each profile,
 * cached by profile id and version.
 */
@Startup
@ApplicationScoped
public class ModelRegistry {
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final DealModel model;
    private final DealevalConfig config;
    /** The backtest's episodes, or why there are none for this model. */
    private final EpisodeSet episodes;

    private final String episodesProblem;
    /** Built-in profiles with the built-in scenarios: compiled at start-up, kept for good. */
    private final Map<String, CompiledModel> builtIn = new ConcurrentHashMap<>();
    /** Anything involving a user-defined profile or scenario, by ids and versions: bounded, since they come and go. */
    private final Map<String, CompiledModel> userDefined = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledModel> eldest) {
            return size() > 256;
        }
    };

    public ModelRegistry(DealevalConfig config, ModelSource models, EpisodeSource episodeFiles) {
        this.config = config;
        this.model = models.model(config.model().path());
        if (model.scenario(config.model().defaultScenario()).isEmpty()) {
            throw new ModelException(
                    "dealeval.model.default-scenario",
                    "unknown scenario " + config.model().defaultScenario());
        }
        if (model.profile(config.model().defaultProfile()).isEmpty()) {
            throw new ModelException(
                    "dealeval.model.default-profile",
                    "unknown profile " + config.model().defaultProfile());
        }
        model.profiles().forEach(this::compiled);
        EpisodeSet loaded = null;
        String problem = null;
        try {
            loaded = episodeFiles.episodes(config.model().backtestPath(), model);
        } catch (ModelException e) {
            // A backtest file named in configuration, or the built-in one with the built-in model, must
            // fit; the built-in episodes against a model file of one's own may not, and then only the
            // backtest is unavailable.
            if (config.model().backtestPath().isPresent()
                    || config.model().path().isEmpty()) {
                throw e;
            }
            problem = "the built-in episodes do not fit the configured model (" + e.getMessage()
                    + "); set dealeval.model.backtest-path to episodes written for it";
            LOG.warn("Backtest unavailable: " + problem);
        }
        this.episodes = loaded;
        this.episodesProblem = problem;
        LOG.infof(
                "Deal model %s loaded: %d terms, %d criteria, %d scenarios, %d profiles",
                model.version(),
                model.terms().size(),
                model.criteria().size(),
                model.scenarios().size(),
                model.profiles().size());
    }

    /** Whether the model is the built-in one (no dealeval.model.path). */
    public boolean builtInModel() {
        return config.model().path().isEmpty();
    }

    public DealModel model() {
        return model;
    }

    /** The backtest's episodes; empty when they do not fit a model file of one's own ({@link #episodesProblem()} says why). */
    public Optional<EpisodeSet> episodes() {
        return Optional.ofNullable(episodes);
    }

    public String episodesProblem() {
        return episodesProblem;
    }

    public String defaultScenario() {
        return config.model().defaultScenario();
    }

    public String defaultProfile() {
        return config.model().defaultProfile();
    }

    public List<Profile> profiles() {
        return model.profiles();
    }

    public List<Scenario> scenarios() {
        return model.scenarios();
    }

    public Optional<Profile> profile(String id) {
        return model.profile(id);
    }

    /** A scenario's no-deal point at the default profile: each term's value (NaN where unset) and each side's utility. */
    public record NoDeal(double[] values, java.util.Map<dev.dealeval.domain.model.Side, Double> utility) {}

    /** The no-deal point of a scenario, built in or stored, as the default profile values it. */
    public NoDeal noDeal(Scenario scenario) {
        CompiledModel defaults = compiled(profile(defaultProfile()).orElseThrow(), scenario);
        int index = defaults.scenarioIndex(scenario.id());
        java.util.Map<dev.dealeval.domain.model.Side, Double> utility =
                new java.util.EnumMap<>(dev.dealeval.domain.model.Side.class);
        for (dev.dealeval.domain.model.Side side : dev.dealeval.domain.model.Side.values()) {
            utility.put(side, defaults.noDealUtility(side, index));
        }
        return new NoDeal(defaults.noDeal(index), utility);
    }

    /** The compiled model for a profile with the built-in scenarios, built once per profile id and version. */
    public CompiledModel compiled(Profile profile) {
        String key = profile.id() + "@" + profile.version();
        if (profile.builtIn()) {
            return builtIn.computeIfAbsent(key, k -> CompiledModel.compile(model, profile));
        }
        return userDefined(key, profile, List.of(), () -> CompiledModel.compile(model, profile));
    }

    /**
     * The compiled model for a profile that can evaluate against the scenario: the built-in one, or
     * for a user-defined scenario a model with it added, cached by both ids and versions.
     */
    public CompiledModel compiled(Profile profile, Scenario scenario) {
        return compiled(profile, List.of(scenario));
    }

    /**
     * The compiled model for a profile that can evaluate against every one of the scenarios (those of
     * an episode set): the built-in one when all are built in, else a model with the user-defined ones
     * added, cached by the profile's and their ids and versions.
     */
    public CompiledModel compiled(Profile profile, List<Scenario> scenarios) {
        List<Scenario> added = scenarios.stream()
                .filter(s -> !s.builtIn())
                .distinct()
                .sorted(java.util.Comparator.comparing(Scenario::id))
                .toList();
        if (added.isEmpty()) {
            return compiled(profile);
        }
        StringBuilder key = new StringBuilder(profile.id() + "@" + profile.version());
        added.forEach(s -> key.append('|').append(s.id()).append('@').append(s.version()));
        return userDefined(key.toString(), profile, added, () -> CompiledModel.compile(withScenarios(added), profile));
    }

    /**
     * The cached model under the key if it was compiled from exactly this profile (and scenarios):
     * a deleted and re-created definition starts again at version 1, so the key alone could name an
     * older one.
     */
    private CompiledModel userDefined(
            String key, Profile profile, List<Scenario> scenarios, java.util.function.Supplier<CompiledModel> compile) {
        synchronized (userDefined) {
            CompiledModel cached = userDefined.get(key);
            if (cached != null && compiledFrom(cached, profile, scenarios)) {
                return cached;
            }
            CompiledModel m = compile.get();
            userDefined.put(key, m);
            return m;
        }
    }

    private static boolean compiledFrom(CompiledModel m, Profile profile, List<Scenario> scenarios) {
        return m.profile().equals(profile)
                && scenarios.stream()
                        .allMatch(s -> m.model().scenario(s.id()).map(s::equals).orElse(false));
    }

    /** The model with a user-defined scenario added to the built-in ones. */
    public DealModel withScenario(Scenario scenario) {
        return withScenarios(List.of(scenario));
    }

    /** The model with user-defined scenarios added to the built-in ones. */
    public DealModel withScenarios(List<Scenario> scenarios) {
        List<Scenario> all = new java.util.ArrayList<>(model.scenarios());
        all.addAll(scenarios);
        return new DealModel(
                model.version(),
                model.terms(),
                model.criteria(),
                all,
                model.profiles(),
                model.utilityScale(),
                model.sections(),
                model.coercion(),
                model.enforcement(),
                model.fittingPrior());
    }
}
