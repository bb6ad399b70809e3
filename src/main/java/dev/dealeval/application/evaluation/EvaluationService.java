package dev.dealeval.application.evaluation;

import dev.dealeval.application.catalog.ProfileService;
import dev.dealeval.application.catalog.ScenarioService;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.ProfileOverrides;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Evaluates one bundle: resolves scenario and profile, applies overrides, runs the engine. */
@ApplicationScoped
public class EvaluationService {
    private final ModelRegistry registry;
    private final ProfileService profiles;
    private final ScenarioService scenarios;
    private final Map<Verdict, Counter> byVerdict = new EnumMap<>(Verdict.class);

    public EvaluationService(
            ModelRegistry registry, ProfileService profiles, ScenarioService scenarios, MeterRegistry meters) {
        this.registry = registry;
        this.profiles = profiles;
        this.scenarios = scenarios;
        for (Verdict v : Verdict.values()) {
            byVerdict.put(
                    v,
                    Counter.builder("dealeval.evaluations")
                            .description("Evaluations by verdict")
                            .tag("verdict", v.name())
                            .register(meters));
        }
    }

    /**
     * @param bundle    raw term values keyed by term id (null values mean omitted)
     * @param scenario  scenario id, or null for the configured default
     * @param profile   profile id, or null for the configured default
     * @param overrides per-request changes to the profile, or null
     */
    public record Command(
            Map<String, Object> bundle,
            String scenario,
            String profile,
            ProfileOverrides overrides,
            boolean explained) {
        public Command(Map<String, Object> bundle, String scenario, String profile, ProfileOverrides overrides) {
            this(bundle, scenario, profile, overrides, true);
        }
    }

    public Evaluation evaluate(Command cmd) {
        List<Violation> violations = new ArrayList<>();
        Context context = context(cmd.scenario(), cmd.profile(), cmd.overrides(), violations);
        BundleReader.Result bundle = BundleReader.read(registry.model(), cmd.bundle(), "bundle");
        violations.addAll(bundle.violations());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Evaluation e = Evaluator.evaluate(
                context.model(), bundle.bundle(), context.scenario(), context.warnings(), cmd.explained());
        byVerdict.get(e.joint().verdict()).increment();
        return e;
    }

    /**
     * Whether the scenario and profile a request names (null: the configured defaults) are built in,
     * so resolving them reads nothing from the database.
     */
    public boolean inMemory(String scenario, String profile) {
        return (scenario == null || registry.model().scenario(scenario).isPresent())
                && (profile == null || registry.profile(profile).isPresent());
    }

    /**
     * The compiled model and scenario index a request names, with the overrides' warnings.
     *
     * @param scenario scenario id, or null for the configured default
     * @param profile  profile id, or null for the configured default
     * @param overrides per-request changes to the profile, or null
     * @param violations receives what is wrong with the three; the context is null when anything is
     */
    public Context context(String scenario, String profile, ProfileOverrides overrides, List<Violation> violations) {
        int before = violations.size();
        String scenarioId = scenario == null ? registry.defaultScenario() : scenario;
        Scenario sc = scenarios.find(scenarioId).orElse(null);
        if (sc == null) {
            violations.add(new Violation(
                    "scenario",
                    "unknown scenario '" + scenarioId + "'; built in: "
                            + String.join(
                                    ", ",
                                    registry.scenarios().stream()
                                            .map(s -> s.id())
                                            .toList()) + " (GET /api/v1/scenarios lists all)"));
        }
        Profile p = profiles.named(profile, violations);
        if (p == null) {
            return null;
        }
        List<String> warnings = List.of();
        Profile effective = p;
        if (overrides != null && !overrides.isEmpty()) {
            ProfileOverrides.Applied applied = overrides.apply(registry.model(), p, "overrides");
            violations.addAll(applied.violations());
            warnings = applied.warnings();
            effective = applied.profile();
        }
        if (violations.size() > before) {
            return null;
        }
        CompiledModel compiled = effective == p
                ? registry.compiled(p, sc)
                : CompiledModel.compile(sc.builtIn() ? registry.model() : registry.withScenario(sc), effective);
        return new Context(compiled, compiled.scenarioIndex(scenarioId), warnings, null);
    }

    /**
     * A compiled model, the index of the request's scenario in it, warnings about the profile
     * overrides, and the imported domain the model was compiled from (null: the U.S.–China model).
     */
    public record Context(
            CompiledModel model,
            int scenario,
            List<String> warnings,
            dev.dealeval.domain.genius.DomainDefinition domain) {}
}
