package dev.dealeval.adapter.modelfile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermKind;
import dev.dealeval.domain.model.VetoKind;
import java.util.List;
import java.util.Map;

/**
 * The model file (src/main/resources/model/deal-model.yaml) as it is written: one record per kind
 * of entry, a component per key. Nothing here is checked beyond its type; {@link ModelFileReader}
 * requires what must be there and turns the entries into the domain's records. A value that can be
 * a number, true/false or an enum name (a term's neutral value and levels, a scenario's values) is
 * kept as the YAML node it was.
 */
record ModelFile(
        String version,
        SettingsEntry settings,
        CredibilityEntry credibility,
        List<SectionEntry> sections,
        List<TermEntry> terms,
        List<CriterionEntry> criteria,
        List<FactionEntry> factions,
        List<ScenarioEntry> scenarios,
        List<ProfileEntry> profiles,
        CoercionEntry coercion,
        EnforcementEntry enforcement,
        FittingEntry fitting) {

    /** Something given once per side, e.g. {@code threshold: {US: 0.5, CN: 0.5}}. */
    record BySide<T>(
            @JsonProperty("US") T us, @JsonProperty("CN") T cn) {
        T get(Side side) {
            return side == Side.US ? us : cn;
        }
    }

    record SettingsEntry(
            Double stanceMargin,
            Double temperature,
            BySide<Double> threshold,
            Double relativeStanceMargin,
            Double stakeFloor,
            Double probabilityFloor) {}

    record CredibilityEntry(
            Map<String, Double> trackRecords,

            @JsonDeserialize(contentUsing = YamlFiles.TextOnly.class)
            List<String> purchaseCategories,

            Map<String, Double> formFactors,
            Map<String, Double> enforcementFactors,
            Double baselineUsdBn,
            Double referenceGrowth,
            Double referenceDelivery,
            Double excessBelief) {}

    record SectionEntry(String id, String description, Side giver) {}

    record CoercionEntry(String term, Side side) {}

    record EnforcementEntry(Double base, Map<String, Double> measures) {}

    /** The fitting procedure's prior: decision settings, each key optional (the file's settings otherwise). */
    record FittingEntry(SettingsEntry prior) {}

    record TermEntry(
            String id,
            TermKind kind,
            String unit,
            JsonNode range,
            JsonNode neutral,
            String inherits,

            @JsonDeserialize(contentUsing = YamlFiles.TextOnly.class)
            List<String> values,

            List<JsonNode> levels,
            Boolean search,
            String pledge,
            Alternative alternativeOf,
            Derived derivedFrom,
            String phrase,
            String description) {}

    record Alternative(String term, Double factor) {}

    record Derived(String term, Map<String, Double> values) {}

    record CriterionEntry(
            String id,
            Side side,
            Double weight,
            String formula,
            String description,
            Double base,
            JsonNode shape,
            List<ComponentEntry> components) {}

    record ComponentEntry(String term, Linear linear, JsonNode points, Map<String, Double> levels, GateEntry gate) {}

    record Linear(Double slope, Double per) {}

    record GateEntry(String term, Double per) {}

    record FactionEntry(
            String id,
            Side side,
            String name,
            String description,
            Double clout,
            VetoKind veto,

            @JsonDeserialize(contentUsing = YamlFiles.TextOnly.class)
            List<String> vetoScope,

            Map<String, Double> multipliers) {}

    record ScenarioEntry(
            String id,
            String name,
            String date,
            String description,
            Map<String, JsonNode> values,
            List<ThreatEntry> threats,
            Map<String, JsonNode> freshMeasures,

            @JsonDeserialize(contentUsing = YamlFiles.TextOnly.class)
            List<String> sources) {}

    record ThreatEntry(String term, Double value, Double probability, String description, Boolean fresh) {}

    /** A profile: what it changes from the defaults the rest of the file sets. */
    record ProfileEntry(
            String id,
            String name,
            String description,

            @JsonDeserialize(contentUsing = YamlFiles.TextOnly.class)
            List<String> sources,

            BySide<Map<String, Double>> weights,
            Map<String, FactionChange> factions,
            CredibilityEntry credibility,
            SettingsEntry settings) {}

    record FactionChange(
            Double clout,
            VetoKind veto,

            @JsonDeserialize(contentUsing = YamlFiles.TextOnly.class)
            List<String> vetoScope,

            Map<String, Double> multipliers) {}
}
