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
    private static dev.dealeval.domain.backtest.EpisodeSet episodes;

    /** The two-criteria-per-side model whose numbers SmallModelTest and SensitivityTest compute by hand. */
    public static final String SMALL_YAML = """
            version: "test"
            settings: {stanceMargin: 1.0, vetoTemperature: 2.0, quorum: {US: 0.5, CN: 0.5}, relativeStanceMargin: 0.25}
            credibility:
              trackRecords: {goods: 0.5}
              purchaseCategories: [goods]
              formFactors: {SIGNED_TEXT: 1.0, FLOATED_PROPOSAL: 0.5}
              enforcementFactors: {NONE: 1.0, OTHER: 1.0}
              baselineUsdBn: 1000
              referenceGrowth: 0.33
              referenceDelivery: 1.0
              excessBelief: 0.3
            sections:
              - {id: offer, description: what China offers}
              - {id: us, description: what the U.S. does}
              - {id: commitment, description: how firm the promises are}
            terms:
              - {id: offer.goods, kind: NUMBER, unit: USD bn, range: [0, 10], neutral: 0, levels: [0, 5, 10], pledge: goods,
                 phrase: "${value}B of goods", description: goods pledged}
              - {id: us.tariff, kind: NUMBER, unit: percent, range: [0, 100], inherits: scenario, levels: [0, 50, 100],
                 phrase: "a {value}% tariff", description: U.S. tariff}
              - {id: commitment.form, kind: ENUM, values: [SIGNED_TEXT, FLOATED_PROPOSAL], neutral: SIGNED_TEXT,
                 phrase: "a {value}", description: form}
              - {id: commitment.enforcement, kind: ENUM, values: [NONE, OTHER], neutral: NONE, phrase: "{value}", description: e}
            criteria:
              - {id: gains, side: US, weight: 0.6, formula: goods/10, description: d, components: [{term: offer.goods, linear: {slope: 1, per: 10}}]}
              - {id: leverage, side: US, weight: 0.4, formula: tariff/100, description: d, components: [{term: us.tariff, linear: {slope: 1, per: 100}}]}
              - {id: relief, side: CN, weight: 0.75, formula: 1-tariff/100, description: d, base: 1, components: [{term: us.tariff, linear: {slope: -1, per: 100}}]}
              - {id: cost, side: CN, weight: 0.25, formula: 1-goods/10, description: d, base: 1, components: [{term: offer.goods, linear: {slope: -1, per: 10}}]}
            factions:
              - {id: boss, side: US, name: Boss, description: d, clout: 0.6, veto: FULL}
              - {id: hawk, side: US, name: Hawk, description: d, clout: 0.4, veto: NONE, multipliers: {leverage: 3}}
              - {id: lead, side: CN, name: Lead, description: d, clout: 1.0, veto: FULL}
            scenarios:
              - {id: S, name: S, date: "2025-01-01", description: d, values: {us.tariff: 100}}
            profiles:
              - {id: default, name: Default, description: d}
            """;

    private TestModels() {}

    /** How many terms the built-in model file lists, read as plain YAML (not through the model's loader). */
    public static int termsInModelFile() {
        try (var in = TestModels.class.getClassLoader().getResourceAsStream("model/deal-model.yaml")) {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                    .readTree(in)
                    .path("terms")
                    .size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    /** The backtest's episodes, checked against the default model. */
    public static synchronized dev.dealeval.domain.backtest.EpisodeSet episodes() {
        if (episodes == null) {
            try (InputStream in = TestModels.class.getClassLoader().getResourceAsStream("model/backtest.yaml")) {
                episodes = ModelLoader.loadEpisodes(in, defaultModel());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return episodes;
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
