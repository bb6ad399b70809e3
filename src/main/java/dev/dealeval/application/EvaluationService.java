package dev.dealeval.application;

import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.ProfileOverrides;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.engine.Verdict;
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

    public EvaluationService(ModelRegistry registry, ProfileService profiles, ScenarioService scenarios, MeterRegistry meters) {
        this.registry = registry;
        this.profiles = profiles;
        this.scenarios = scenarios;
        for (Verdict v : Verdict.values()) {
            byVerdict.put(v, Counter.builder("dealeval.evaluations").description("Evaluations by verdict")
                    .tag("verdict", v.name()).register(meters));
        }
    }

    /**
     * @param bundle    raw term values keyed by term id (null values mean omitted)
     * @param scenario  scenario id, or null for the configured default
     * @param profile   profile id, or null for the configured default
     * @param overrides per-request changes to the profile, or null
     */
    public record Command(Map<String, Object> bundle, String scenario, String profile, ProfileOverrides overrides) {
    }

    public Evaluation evaluate(Command cmd) {
        List<Violation> violations = new ArrayList<>();
        String scenarioId = cmd.scenario() == null ? registry.defaultScenario() : cmd.scenario();
        String profileId = cmd.profile() == null ? registry.defaultProfile() : cmd.profile();
        Scenario scenario = scenarios.find(scenarioId).orElse(null);
        if (scenario == null) {
            violations.add(new Violation("scenario", "unknown scenario '" + scenarioId + "'; built in: "
                    + String.join(", ", registry.scenarios().stream().map(s -> s.id()).toList()) + " (GET /api/v1/scenarios lists all)"));
        }
        Profile profile = profiles.find(profileId).orElse(null);
        if (profile == null) {
            violations.add(new Violation("profile", "unknown profile '" + profileId + "'; built in: "
                    + String.join(", ", registry.profiles().stream().map(Profile::id).toList()) + " (GET /api/v1/profiles lists all)"));
        }
        BundleReader.Result bundle = BundleReader.read(registry.model(), cmd.bundle(), "bundle");
        violations.addAll(bundle.violations());
        List<String> warnings = List.of();
        CompiledModel compiled = null;
        if (profile != null) {
            if (cmd.overrides() != null && !cmd.overrides().isEmpty()) {
                ProfileOverrides.Applied applied = cmd.overrides().apply(registry.model(), profile, "overrides");
                violations.addAll(applied.violations());
                warnings = applied.warnings();
                if (applied.violations().isEmpty() && violations.isEmpty()) {
                    compiled = CompiledModel.compile(scenario.builtIn() ? registry.model() : registry.withScenario(scenario),
                            applied.profile());
                }
            } else if (scenario != null) {
                compiled = registry.compiled(profile, scenario);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Evaluation e = Evaluator.evaluate(compiled, bundle.bundle(), compiled.scenarioIndex(scenarioId), warnings);
        byVerdict.get(e.joint().verdict()).increment();
        return e;
    }
}
