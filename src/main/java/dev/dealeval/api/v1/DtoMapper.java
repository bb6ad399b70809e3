package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.BundleTerms;
import dev.dealeval.api.v1.dto.EvaluationResponse;
import dev.dealeval.api.v1.dto.Overrides;
import dev.dealeval.api.v1.dto.ProfileResponse;
import dev.dealeval.api.v1.dto.ScenarioResponse;
import dev.dealeval.api.v1.dto.TermCatalog;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.ProfileOverrides;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps between the API's records and the domain's. */
final class DtoMapper {
    private DtoMapper() {}

    /** The bundle as raw values keyed by term id ({@code purchases.years → 2}), for the model to read. */
    static Map<String, Object> flatten(BundleTerms bundle) {
        return bundle == null ? new LinkedHashMap<>() : bundle.terms();
    }

    static ProfileOverrides overrides(Overrides o) {
        if (o == null) {
            return null;
        }
        Map<String, ProfileOverrides.FactionOverride> factions = new HashMap<>();
        if (o.factions() != null) {
            o.factions()
                    .forEach((id, f) -> factions.put(
                            id,
                            f == null
                                    ? new ProfileOverrides.FactionOverride(null, null, null, null)
                                    : new ProfileOverrides.FactionOverride(
                                            f.clout(), f.multipliers(), f.veto(), f.vetoScope())));
        }
        Map<Side, Map<String, Double>> weights = new EnumMap<>(Side.class);
        if (o.weights() != null) {
            o.weights().forEach((side, w) -> weights.put(side, w == null ? Map.of() : w));
        }
        return new ProfileOverrides(weights, factions);
    }

    static dev.dealeval.domain.engine.ProfileDraft draft(dev.dealeval.api.v1.dto.ProfileRequest r) {
        var c = r.credibility();
        var s = r.settings();
        return new dev.dealeval.domain.engine.ProfileDraft(
                r.basedOn(),
                r.name(),
                r.description(),
                r.sources(),
                overrides(new Overrides(r.weights(), r.factions())),
                c == null
                        ? null
                        : new dev.dealeval.domain.engine.ProfileDraft.CredibilityPatch(
                                c.trackRecords(),
                                c.formFactors(),
                                c.enforcementFactors(),
                                c.baselineUsdBn(),
                                c.referenceGrowth(),
                                c.referenceDelivery(),
                                c.excessBelief()),
                s == null
                        ? null
                        : new dev.dealeval.domain.engine.ProfileDraft.SettingsPatch(
                                s.stanceMargin(),
                                s.temperature(),
                                s.threshold(),
                                s.relativeStanceMargin(),
                                s.stakeFloor(),
                                s.probabilityFloor()));
    }

    static dev.dealeval.application.catalog.ScenarioService.Draft scenarioDraft(
            dev.dealeval.api.v1.dto.ScenarioRequest r) {
        List<dev.dealeval.domain.model.Threat> threats = new java.util.ArrayList<>();
        List<dev.dealeval.domain.engine.Violation> violations = new java.util.ArrayList<>();
        List<dev.dealeval.api.v1.dto.ScenarioRequest.Threat> given = r.threats() == null ? List.of() : r.threats();
        for (int i = 0; i < given.size(); i++) {
            var t = given.get(i);
            if (t == null || t.term() == null || t.value() == null || t.probability() == null) {
                violations.add(new dev.dealeval.domain.engine.Violation(
                        "threats[" + i + "]", "needs term, value and probability"));
                continue;
            }
            threats.add(new dev.dealeval.domain.model.Threat(
                    t.term(),
                    t.value(),
                    t.probability(),
                    t.description() == null ? "" : t.description(),
                    Boolean.TRUE.equals(t.fresh())));
        }
        if (!violations.isEmpty()) {
            throw new dev.dealeval.application.error.InvalidInputException(violations);
        }
        return new dev.dealeval.application.catalog.ScenarioService.Draft(
                r.basedOn(),
                r.name(),
                r.date(),
                r.description(),
                r.values(),
                threats,
                r.freshMeasures() == null ? Map.of() : r.freshMeasures(),
                r.sources());
    }

    /** The compact view: the explained view's headline numbers only. */
    static dev.dealeval.api.v1.dto.EvaluationSummary summary(Evaluation e) {
        Map<String, dev.dealeval.api.v1.dto.EvaluationSummary.Side> sides = new LinkedHashMap<>();
        e.sides()
                .forEach((side, s) -> sides.put(
                        side.name(),
                        new dev.dealeval.api.v1.dto.EvaluationSummary.Side(
                                s.utility(),
                                s.noDealUtility(),
                                s.surplus(),
                                s.ratified(),
                                s.ratificationProbability())));
        var c = e.credibility();
        var j = e.joint();
        return new dev.dealeval.api.v1.dto.EvaluationSummary(
                e.scenario(),
                e.profile(),
                e.profileVersion(),
                sides,
                new dev.dealeval.api.v1.dto.EvaluationSummary.Credibility(
                        c.pledgedUsdBnPerYear(), c.credibleUsdBnPerYear(), c.factor(), c.policyFactor()),
                new dev.dealeval.api.v1.dto.EvaluationSummary.Joint(
                        j.zopa(), j.nashProduct(), j.welfare(), j.verdict(), j.agreementProbability()),
                e.warnings());
    }

    static EvaluationResponse evaluation(Evaluation e) {
        Map<String, EvaluationResponse.SideResult> sides = new LinkedHashMap<>();
        e.sides()
                .forEach((side, s) -> sides.put(
                        side.name(),
                        new EvaluationResponse.SideResult(
                                s.utility(),
                                s.noDealUtility(),
                                s.surplus(),
                                s.ratified(),
                                s.ratificationProbability(),
                                s.supportingClout(),
                                s.opposingClout(),
                                s.supportIndex(),
                                s.threshold(),
                                s.criteria().stream()
                                        .map(c -> new EvaluationResponse.CriterionResult(
                                                c.id(),
                                                c.weight(),
                                                c.value(),
                                                c.noDealValue(),
                                                c.contribution(),
                                                c.surplusContribution()))
                                        .toList(),
                                s.terms().stream()
                                        .map(t -> new EvaluationResponse.TermResult(
                                                t.term(), t.value(), t.noDealValue(), t.contribution()))
                                        .toList(),
                                s.factions().stream()
                                        .map(f -> new EvaluationResponse.FactionResult(
                                                f.id(),
                                                f.clout(),
                                                f.veto(),
                                                f.vetoApplies(),
                                                f.utility(),
                                                f.noDealUtility(),
                                                f.surplus(),
                                                f.stake(),
                                                f.stanceMargin(),
                                                f.stance(),
                                                f.supportProbability(),
                                                f.reasons(),
                                                f.summary()))
                                        .toList())));
        var c = e.credibility();
        var credibility = new EvaluationResponse.CredibilityResult(
                c.pledgedUsdBnPerYear(),
                c.credibleUsdBnPerYear(),
                c.factor(),
                c.formFactor(),
                c.enforcementKept(),
                c.realism(),
                c.requiredGrowth(),
                c.policyFactor(),
                c.categories().stream()
                        .map(k -> new EvaluationResponse.CategoryResult(
                                k.category(), k.pledgedUsdBnPerYear(), k.credibleUsdBnPerYear(), k.factor()))
                        .toList());
        var j = e.joint();
        return new EvaluationResponse(
                null,
                null,
                e.scenario(),
                e.profile(),
                e.profileVersion(),
                sides,
                credibility,
                new EvaluationResponse.JointResult(
                        j.zopa(), j.nashProduct(), j.welfare(), j.verdict(), j.agreementProbability()),
                e.warnings());
    }

    static TermCatalog.TermDescriptor term(TermDef t) {
        boolean numeric = t.kind() == TermKind.NUMBER || t.kind() == TermKind.INTEGER;
        return new TermCatalog.TermDescriptor(
                t.id(),
                t.section(),
                t.name(),
                t.kind(),
                t.unit(),
                numeric ? t.min() : null,
                numeric ? t.max() : null,
                Double.isNaN(t.neutral()) ? null : t.decode(t.neutral()),
                t.inheritsScenario(),
                t.derivedFrom() == null ? null : t.derivedFrom().term(),
                t.values(),
                t.levels().stream().map(t::decode).toList(),
                t.searchDefault(),
                t.pledge(),
                t.description());
    }

    /** A scenario with its no-deal point (model: the deal model its terms are read against). */
    static ScenarioResponse scenario(Scenario s, DealModel model, ModelRegistry.NoDeal point) {
        double[] x0 = point.values();
        Map<String, Object> noDeal = new LinkedHashMap<>();
        for (int t = 0; t < x0.length; t++) {
            TermDef def = model.terms().get(t);
            noDeal.put(def.id(), Double.isNaN(x0[t]) ? null : def.decode(x0[t]));
        }
        Map<String, Double> utility = new LinkedHashMap<>();
        point.utility().forEach((side, u) -> utility.put(side.name(), u));
        Map<String, Object> values = decoded(s.values(), model);
        return new ScenarioResponse(
                s.id(),
                s.name(),
                s.date(),
                s.description(),
                s.builtIn(),
                s.version(),
                values,
                s.threats().stream()
                        .map(t -> new ScenarioResponse.ThreatResponse(
                                t.term(), t.value(), t.probability(), t.description(), t.fresh()))
                        .toList(),
                decoded(s.freshMeasures(), model),
                noDeal,
                utility,
                s.sources());
    }

    /** Raw term values in the terms' own form (an enum's name, a boolean), by term id in order. */
    private static Map<String, Object> decoded(Map<String, Object> raw, DealModel model) {
        Map<String, Object> out = new TreeMap<>();
        raw.forEach((term, v) -> {
            TermDef def = model.term(term).orElseThrow();
            out.put(term, def.decode(def.encode(v)));
        });
        return out;
    }

    static ProfileResponse profile(Profile p) {
        Map<Side, Map<String, Double>> weights = new EnumMap<>(Side.class);
        p.weights().forEach((side, w) -> weights.put(side, new TreeMap<>(w)));
        List<ProfileResponse.FactionProfile> factions = p.factions().stream()
                .map(f -> new ProfileResponse.FactionProfile(
                        f.id(),
                        f.side(),
                        f.name(),
                        f.description(),
                        f.clout(),
                        f.veto(),
                        f.vetoScope(),
                        new TreeMap<>(f.multipliers())))
                .toList();
        var c = p.credibility();
        var credibility = new ProfileResponse.CredibilityProfile(
                new TreeMap<>(c.trackRecords()),
                c.purchaseCategories(),
                new TreeMap<>(c.formFactors()),
                new TreeMap<>(c.enforcementFactors()),
                c.baselineUsdBn(),
                c.referenceGrowth(),
                c.referenceDelivery(),
                c.excessBelief());
        Map<Side, Double> threshold = new EnumMap<>(Side.class);
        threshold.put(Side.US, p.settings().thresholdUs());
        threshold.put(Side.CN, p.settings().thresholdCn());
        return new ProfileResponse(
                p.id(),
                p.name(),
                p.description(),
                p.sources(),
                p.builtIn(),
                p.version(),
                weights,
                factions,
                credibility,
                new ProfileResponse.SettingsProfile(
                        p.settings().stanceMargin(),
                        p.settings().temperature(),
                        threshold,
                        p.settings().relativeStanceMargin(),
                        p.settings().stakeFloor(),
                        p.settings().probabilityFloor()));
    }
}
