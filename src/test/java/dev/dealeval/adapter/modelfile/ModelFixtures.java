package dev.dealeval.adapter.modelfile;

import dev.dealeval.domain.backtest.EpisodeSet;
import dev.dealeval.domain.model.DealModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The models every test uses, read by the service's own readers: the built-in model and episodes
 * (read once) and models written as YAML in a test. The domain's tests take their models from here
 * rather than building them record by record, since the YAML is how a model is written; only this
 * fixture knows that a reader is involved.
 */
public final class ModelFixtures {
    private static DealModel defaultModel;
    private static EpisodeSet episodes;

    /** The two-criteria-per-side model whose numbers SmallModelTest and SensitivityTest compute by hand. */
    public static final String SMALL_YAML = """
            version: "test"
            settings: {stanceMargin: 1.0, temperature: 0.5, threshold: {US: 0.1, CN: 0.1}, relativeStanceMargin: 0.25, stakeFloor: 2.0, probabilityFloor: 0.05}
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

    private ModelFixtures() {}

    /** How many terms the built-in model file lists, read as plain YAML (not through the model's reader). */
    public static int termsInModelFile() {
        try (InputStream in = ModelFixtures.class.getClassLoader().getResourceAsStream(ModelFileReader.BUILT_IN)) {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                    .readTree(in)
                    .path("terms")
                    .size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in model. */
    public static synchronized DealModel defaultModel() {
        if (defaultModel == null) {
            defaultModel = ModelFileReader.builtIn();
        }
        return defaultModel;
    }

    /** The backtest's built-in episodes, checked against the built-in model. */
    public static synchronized EpisodeSet episodes() {
        if (episodes == null) {
            episodes = new EpisodeFileReader().episodes(java.util.Optional.empty(), defaultModel());
        }
        return episodes;
    }

    /**
     * The text of a built-in file with the first occurrence of {@code from} replaced by {@code to}
     * (null for nothing); both write a line break as a backslash and n, as a CSV source can hold them.
     */
    public static String edited(String builtIn, String from, String to) {
        String text;
        try (InputStream in = ModelFixtures.class.getClassLoader().getResourceAsStream(builtIn)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fromText = from.replace("\\n", "\n");
        if (!text.contains(fromText)) {
            throw new IllegalArgumentException("fixture text not found: " + from);
        }
        return text.replaceFirst(
                java.util.regex.Pattern.quote(fromText),
                java.util.regex.Matcher.quoteReplacement(to == null ? "" : to.replace("\\n", "\n")));
    }

    /** A model written in a test. */
    public static DealModel fromYaml(String yaml) {
        return ModelFileReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
