package dev.dealeval.domain;

import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.model.DealModel;
import java.util.List;
import java.util.Map;

/**
 * Shared fixtures of the domain's tests: compiled models, bundles from term maps, seeded random
 * bundles. The models themselves come from {@link dev.dealeval.adapter.modelfile.ModelFixtures}, which
 * reads them as the service does.
 */
public final class TestModels {
    private TestModels() {}

    public static CompiledModel compile(DealModel model, String profile) {
        return CompiledModel.compile(model, model.profile(profile).orElseThrow());
    }

    public static Bundle bundle(DealModel model, Map<String, ?> terms) {
        BundleReader.Result r = BundleReader.read(model, terms, "bundle");
        if (!r.valid()) {
            throw new IllegalArgumentException(r.violations().toString());
        }
        return r.bundle();
    }

    /** Seeded random bundles over every term, the i-th evaluated in scenario i modulo the model's scenarios (the benchmarks' input). */
    public record SeededBundles(Bundle[] bundles, int[] scenario) {}

    public static SeededBundles seededBundles(DealModel model, int n, long seed, double density) {
        BundleGenerator gen = new BundleGenerator(model, seed, density);
        Bundle[] bundles = new Bundle[n];
        int[] scenario = new int[n];
        for (int i = 0; i < n; i++) {
            bundles[i] = bundle(model, gen.next());
            scenario[i] = i % model.scenarios().size();
        }
        return new SeededBundles(bundles, scenario);
    }

    public static Evaluation evaluate(CompiledModel m, String scenario, Map<String, ?> terms) {
        int s = m.scenarioIndex(scenario);
        if (s < 0) {
            throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        return Evaluator.evaluate(m, bundle(m.model(), terms), s, List.of());
    }
}
