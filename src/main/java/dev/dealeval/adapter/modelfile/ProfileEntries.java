package dev.dealeval.adapter.modelfile;

import static dev.dealeval.adapter.modelfile.ModelFileReader.label;
import static dev.dealeval.adapter.modelfile.ModelFileReader.required;

import dev.dealeval.adapter.modelfile.ModelFile.CredibilityEntry;
import dev.dealeval.adapter.modelfile.ModelFile.FactionChange;
import dev.dealeval.adapter.modelfile.ModelFile.ProfileEntry;
import dev.dealeval.adapter.modelfile.ModelFile.SettingsEntry;
import dev.dealeval.domain.model.CredibilityParams;
import dev.dealeval.domain.model.CriterionDef;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The model file's settings, credibility and profiles as domain records. The file's own settings,
 * credibility, factions and criterion weights are the defaults; a profile lists only what it
 * changes, and may change only what the defaults have (an unknown criterion, faction or key is an
 * error naming it).
 */
final class ProfileEntries {
    private ProfileEntries() {}

    /** The file's settings when base is null (every key required), else a profile's changes to base. */
    static Settings settings(SettingsEntry n, String at, Settings base) {
        boolean full = base == null;
        double stanceMargin = number(n.stanceMargin(), at, "stanceMargin", full ? null : base.stanceMargin());
        double temperature = number(n.temperature(), at, "temperature", full ? null : base.temperature());
        var q = n.threshold();
        double thresholdUs;
        double thresholdCn;
        if (q == null && !full) {
            thresholdUs = base.thresholdUs();
            thresholdCn = base.thresholdCn();
        } else {
            required(q, at, "threshold");
            thresholdUs = number(q.us(), at + ".threshold", "US", full ? null : base.thresholdUs());
            thresholdCn = number(q.cn(), at + ".threshold", "CN", full ? null : base.thresholdCn());
        }
        return new Settings(
                stanceMargin,
                temperature,
                thresholdUs,
                thresholdCn,
                number(n.relativeStanceMargin(), at, "relativeStanceMargin", full ? null : base.relativeStanceMargin()),
                number(n.stakeFloor(), at, "stakeFloor", full ? null : base.stakeFloor()),
                number(n.probabilityFloor(), at, "probabilityFloor", full ? null : base.probabilityFloor()));
    }

    /** The file's credibility parameters when base is null (every key required), else a profile's changes to base. */
    static CredibilityParams credibility(CredibilityEntry n, String at, CredibilityParams base) {
        boolean full = base == null;
        Map<String, Double> track = merge(full ? null : base.trackRecords(), n.trackRecords(), at + ".trackRecords");
        Map<String, Double> form = merge(full ? null : base.formFactors(), n.formFactors(), at + ".formFactors");
        Map<String, Double> enforcement =
                merge(full ? null : base.enforcementFactors(), n.enforcementFactors(), at + ".enforcementFactors");
        List<String> purchases = n.purchaseCategories() != null
                ? n.purchaseCategories()
                : required(full ? null : base.purchaseCategories(), at, "purchaseCategories");
        return new CredibilityParams(
                track,
                form,
                enforcement,
                number(n.baselineUsdBn(), at, "baselineUsdBn", full ? null : base.baselineUsdBn()),
                number(n.referenceGrowth(), at, "referenceGrowth", full ? null : base.referenceGrowth()),
                number(n.referenceDelivery(), at, "referenceDelivery", full ? null : base.referenceDelivery()),
                number(n.excessBelief(), at, "excessBelief", full ? null : base.excessBelief()),
                purchases);
    }

    /** The profile the rest of the file defines: criterion weights, factions, credibility and settings as written. */
    static Profile defaults(
            List<CriterionDef> criteria, List<FactionDef> factions, CredibilityParams credibility, Settings settings) {
        Map<Side, Map<String, Double>> weights = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<String, Double> w = new LinkedHashMap<>();
            criteria.stream().filter(c -> c.side() == side).forEach(c -> w.put(c.id(), c.weight()));
            weights.put(side, w);
        }
        return new Profile("default", "Default", "", List.of(), true, 1, weights, factions, credibility, settings);
    }

    static Profile profile(ProfileEntry n, String index, Profile defaults) {
        String at = label(index, required(n.id(), index, "id"));
        Map<Side, Map<String, Double>> weights = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<String, Double> sideWeights =
                    new LinkedHashMap<>(defaults.weights().get(side));
            Map<String, Double> changed =
                    n.weights() == null ? null : n.weights().get(side);
            if (changed != null) {
                changed.forEach((k, v) -> {
                    if (!sideWeights.containsKey(k)) {
                        throw new ModelException(at + ".weights." + side + "." + k, "unknown " + side + " criterion");
                    }
                    sideWeights.put(k, v);
                });
            }
            weights.put(side, sideWeights);
        }
        Map<String, FactionDef> factions = new LinkedHashMap<>();
        defaults.factions().forEach(f -> factions.put(f.id(), f));
        if (n.factions() != null) {
            n.factions().forEach((id, change) -> {
                String fat = at + ".factions." + id;
                FactionDef f = factions.get(id);
                if (f == null) {
                    throw new ModelException(fat, "unknown faction");
                }
                factions.put(id, changed(f, change));
            });
        }
        CredibilityParams credibility = n.credibility() != null
                ? credibility(n.credibility(), at + ".credibility", defaults.credibility())
                : defaults.credibility();
        Settings settings = n.settings() != null
                ? settings(n.settings(), at + ".settings", defaults.settings())
                : defaults.settings();
        return new Profile(
                n.id(),
                required(n.name(), at, "name"),
                required(n.description(), at, "description"),
                n.sources() == null ? List.of() : n.sources(),
                true,
                1,
                weights,
                new ArrayList<>(factions.values()),
                credibility,
                settings);
    }

    private static FactionDef changed(FactionDef f, FactionChange change) {
        Map<String, Double> multipliers = new HashMap<>(f.multipliers());
        if (change.multipliers() != null) {
            multipliers.putAll(change.multipliers());
        }
        return new FactionDef(
                f.id(),
                f.side(),
                f.name(),
                f.description(),
                change.clout() == null ? f.clout() : change.clout(),
                change.veto() == null ? f.veto() : change.veto(),
                change.vetoScope() == null ? f.vetoScope() : change.vetoScope(),
                multipliers);
    }

    /** A number, or when absent the base's (required when there is no base). */
    private static double number(Double value, String at, String key, Double base) {
        return value != null ? value : required(base, at, key);
    }

    /** The whole map when there is no base (required, not empty), else the base with the given keys changed. */
    private static Map<String, Double> merge(Map<String, Double> base, Map<String, Double> changes, String at) {
        if (base == null) {
            if (changes == null || changes.isEmpty()) {
                throw new ModelException(at, "is required");
            }
            return changes;
        }
        Map<String, Double> out = new LinkedHashMap<>(base);
        if (changes != null) {
            changes.forEach((k, v) -> {
                if (!base.containsKey(k)) {
                    throw new ModelException(
                            at + "." + k, "unknown key; allowed: " + String.join(", ", new TreeSet<>(base.keySet())));
                }
                out.put(k, v);
            });
        }
        return out;
    }
}
