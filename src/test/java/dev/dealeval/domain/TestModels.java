package dev.dealeval.domain;

import dev.dealeval.config.ModelLoader;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.model.DealModel;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Shared fixtures: the default model, YAML models written in tests, bundles from term maps. */
public final class TestModels {
    private static DealModel defaultModel;

    private TestModels() {
    }

    public static synchronized DealModel defaultModel() {
        if (defaultModel == null) {
            try (InputStream in = TestModels.class.getClassLoader().getResourceAsStream("model/deal-model.yaml")) {
                defaultModel = ModelLoader.load(in);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return defaultModel;
    }

    public static DealModel fromYaml(String yaml) {
        return ModelLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

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

    public static Evaluation evaluate(CompiledModel m, String scenario, Map<String, ?> terms) {
        int s = m.scenarioIndex(scenario);
        if (s < 0) {
            throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        return Evaluator.evaluate(m, bundle(m.model(), terms), s, List.of());
    }
}
