package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.CredibilityParams;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.ModelValidator;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile as an analyst writes it: a base profile ({@code basedOn}) plus changes to its weights, factions,
 * credibility and settings. Resolved into a complete {@link Profile} and validated as a whole
 * (weights non-negative with one positive per side, clouts summing to 1 per side, multipliers in
 * range, known criteria and factions) before anything is stored.
 */
public record ProfileDraft(
        String basedOn,
        String name,
        String description,
        List<String> sources,
        ProfileOverrides changes,
        CredibilityPatch credibility,
        SettingsPatch settings) {

    /** Changes to credibility parameters; null fields keep the base's values. */
    public record CredibilityPatch(
            Map<String, Double> trackRecords,
            Map<String, Double> formFactors,
            Map<String, Double> enforcementFactors,
            Double baselineUsdBn,
            Double referenceGrowth,
            Double referenceDelivery,
            Double excessBelief) {}

    /** Changes to decision settings; null fields keep the base's values. */
    public record SettingsPatch(
            Double stanceMargin,
            Double temperature,
            Map<Side, Double> threshold,
            Double relativeStanceMargin,
            Double stakeFloor,
            Double probabilityFloor) {}

    public record Resolved(Profile profile, List<Violation> violations) {}

    /**
     * @param id      the new profile's id
     * @param version the version it will be stored as
     */
    public Resolved resolve(DealModel model, Profile base, String id, long version) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters"));
        }
        ProfileOverrides.Applied applied =
                (changes == null ? new ProfileOverrides(null, null) : changes).apply(model, base, "", false);
        applied.violations()
                .forEach(v -> violations.add(
                        new Violation(v.field().startsWith(".") ? v.field().substring(1) : v.field(), v.message())));
        CredibilityParams cred = base.credibility();
        if (credibility != null) {
            cred = new CredibilityParams(
                    merge(cred.trackRecords(), credibility.trackRecords(), "credibility.trackRecords", violations),
                    merge(cred.formFactors(), credibility.formFactors(), "credibility.formFactors", violations),
                    merge(
                            cred.enforcementFactors(),
                            credibility.enforcementFactors(),
                            "credibility.enforcementFactors",
                            violations),
                    or(credibility.baselineUsdBn(), cred.baselineUsdBn()),
                    or(credibility.referenceGrowth(), cred.referenceGrowth()),
                    or(credibility.referenceDelivery(), cred.referenceDelivery()),
                    or(credibility.excessBelief(), cred.excessBelief()),
                    cred.purchaseCategories());
        }
        Settings set = base.settings();
        if (settings != null) {
            Map<Side, Double> q = settings.threshold() == null ? Map.of() : settings.threshold();
            set = new Settings(
                    or(settings.stanceMargin(), set.stanceMargin()),
                    or(settings.temperature(), set.temperature()),
                    or(q.get(Side.US), set.thresholdUs()),
                    or(q.get(Side.CN), set.thresholdCn()),
                    or(settings.relativeStanceMargin(), set.relativeStanceMargin()),
                    or(settings.stakeFloor(), set.stakeFloor()),
                    or(settings.probabilityFloor(), set.probabilityFloor()));
        }
        if (!violations.isEmpty()) {
            return new Resolved(null, List.copyOf(violations));
        }
        Profile p = applied.profile();
        Profile resolved = new Profile(
                id,
                name,
                description == null ? "" : description,
                sources,
                false,
                version,
                p.weights(),
                p.factions(),
                cred,
                set);
        try {
            ModelValidator.validateProfile(model, resolved, "");
        } catch (ModelException e) {
            String field = e.entry().startsWith(".") ? e.entry().substring(1) : e.entry();
            return new Resolved(
                    null,
                    List.of(new Violation(
                            field.isEmpty() ? "id" : field,
                            e.getMessage().substring(e.entry().length() + 2))));
        }
        return new Resolved(resolved, List.of());
    }

    private static double or(Double v, double dflt) {
        return v == null ? dflt : v;
    }

    private static Map<String, Double> merge(
            Map<String, Double> base, Map<String, Double> patch, String field, List<Violation> violations) {
        Map<String, Double> out = new LinkedHashMap<>(base);
        if (patch != null) {
            patch.forEach((k, v) -> {
                if (!base.containsKey(k)) {
                    violations.add(new Violation(
                            field + "." + k,
                            "unknown key; known: " + String.join(", ", new java.util.TreeSet<>(base.keySet()))));
                } else if (v == null || !Double.isFinite(v)) {
                    violations.add(new Violation(field + "." + k, "must be a finite number"));
                } else {
                    out.put(k, v);
                }
            });
        }
        return out;
    }
}
