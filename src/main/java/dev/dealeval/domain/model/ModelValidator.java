package dev.dealeval.domain.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a deal model and its profiles for internal consistency. The first problem found is
 * thrown as a {@link ModelException} whose entry names where it is, so a broken model file stops
 * start-up with a message a person can act on.
 */
public final class ModelValidator {
    /** Faction multipliers outside this range are almost certainly typos. */
    public static final double MAX_MULTIPLIER = 10.0;

    private static final double CLOUT_TOLERANCE = 1e-6;

    private ModelValidator() {}

    public static void validate(DealModel model) {
        if (model.terms().isEmpty()) {
            throw new ModelException("terms", "the model has no terms");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < model.terms().size(); i++) {
            TermDef t = model.terms().get(i);
            String at = "terms[" + i + "] (" + t.id() + ")";
            if (t.id() == null || !t.id().matches("[a-z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*")) {
                throw new ModelException(at + ".id", "must be section.name in camelCase");
            }
            if (!ids.add(t.id())) {
                throw new ModelException(at + ".id", "duplicate term id");
            }
            validateTerm(model, t, at);
            if (model.section(t.section()).isEmpty()) {
                throw new ModelException(
                        at + ".id", "its section '" + t.section() + "' is not declared under sections");
            }
        }
        Set<String> sectionIds = new HashSet<>();
        for (int i = 0; i < model.sections().size(); i++) {
            SectionDef s = model.sections().get(i);
            String at = "sections[" + i + "] (" + s.id() + ")";
            if (s.id() == null || !s.id().matches("[a-z][A-Za-z0-9]*")) {
                throw new ModelException(at + ".id", "must be a name in camelCase");
            }
            if (!sectionIds.add(s.id())) {
                throw new ModelException(at + ".id", "duplicate section id");
            }
            if (model.terms(s).isEmpty()) {
                throw new ModelException(at + ".id", "the section has no terms");
            }
        }
        Set<String> critIds = new HashSet<>();
        for (int i = 0; i < model.criteria().size(); i++) {
            CriterionDef c = model.criteria().get(i);
            String at = "criteria[" + i + "] (" + c.id() + ")";
            if (!critIds.add(c.id())) {
                throw new ModelException(at + ".id", "duplicate criterion id");
            }
            validateCriterion(model, c, at);
        }
        for (Side side : Side.values()) {
            if (model.criteria(side).stream().noneMatch(c -> c.weight() > 0)) {
                throw new ModelException(
                        "criteria", "side " + side + " needs at least one criterion with a positive weight");
            }
        }
        Set<String> scenarioIds = new HashSet<>();
        for (int i = 0; i < model.scenarios().size(); i++) {
            Scenario s = model.scenarios().get(i);
            String at = "scenarios[" + i + "] (" + s.id() + ")";
            if (!scenarioIds.add(s.id())) {
                throw new ModelException(at + ".id", "duplicate scenario id");
            }
            validateScenario(model, s, at);
        }
        if (model.scenarios().isEmpty()) {
            throw new ModelException("scenarios", "the model has no no-deal scenario");
        }
        Set<String> profileIds = new HashSet<>();
        for (int i = 0; i < model.profiles().size(); i++) {
            Profile p = model.profiles().get(i);
            String at = "profiles[" + i + "] (" + p.id() + ")";
            if (!profileIds.add(p.id())) {
                throw new ModelException(at + ".id", "duplicate profile id");
            }
            validateProfile(model, p, at);
        }
    }

    private static void validateTerm(DealModel model, TermDef t, String at) {
        if (t.kind() == null) {
            throw new ModelException(at + ".kind", "is required (NUMBER, INTEGER, BOOLEAN or ENUM)");
        }
        if (t.description() == null || t.description().isBlank()) {
            throw new ModelException(at + ".description", "is required");
        }
        if (t.phrase() == null || !t.phrase().contains("{value}")) {
            throw new ModelException(at + ".phrase", "is required and must contain {value}");
        }
        switch (t.kind()) {
            case NUMBER, INTEGER -> {
                if (!(t.min() < t.max())) {
                    throw new ModelException(at + ".range", "min must be below max");
                }
                if (t.unit() == null || t.unit().isBlank()) {
                    throw new ModelException(at + ".unit", "is required for a numeric term");
                }
            }
            case ENUM -> {
                if (t.values().size() < 2
                        || new HashSet<>(t.values()).size() != t.values().size()) {
                    throw new ModelException(at + ".values", "an enum needs at least two distinct values");
                }
            }
            case BOOLEAN -> {}
        }
        boolean needsNeutral = !t.inheritsScenario() && t.derivedFrom() == null;
        if (needsNeutral) {
            String problem = t.rangeProblem(t.neutral());
            if (problem != null) {
                throw new ModelException(at + ".neutral", problem);
            }
        } else if (!Double.isNaN(t.neutral())) {
            throw new ModelException(
                    at + ".neutral", "a term that inherits the scenario or derives its value has no neutral value");
        }
        if (t.levels().isEmpty()) {
            throw new ModelException(at + ".levels", "at least one search level is required");
        }
        for (int i = 0; i < t.levels().size(); i++) {
            String problem = t.rangeProblem(t.levels().get(i));
            if (problem != null) {
                throw new ModelException(at + ".levels[" + i + "]", problem);
            }
        }
        if (t.pledge() != null && (t.kind() == TermKind.NUMBER || t.kind() == TermKind.INTEGER) && t.min() > 0) {
            throw new ModelException(at + ".pledge", "a numeric pledge must allow 0");
        }
        if (t.alternativeOf() != null) {
            TermDef target = model.term(t.alternativeOf().term())
                    .orElseThrow(() -> new ModelException(
                            at + ".alternativeOf.term",
                            "unknown term " + t.alternativeOf().term()));
            if (target.kind() != TermKind.NUMBER
                    || t.kind() != TermKind.NUMBER
                    || !(t.alternativeOf().factor() > 0)) {
                throw new ModelException(at + ".alternativeOf", "both terms must be numbers and the factor positive");
            }
            if (!java.util.Objects.equals(target.pledge(), t.pledge())) {
                throw new ModelException(at + ".pledge", "must equal the pledge category of " + target.id());
            }
        }
        if (t.derivedFrom() != null) {
            TermDef source = model.term(t.derivedFrom().term())
                    .orElseThrow(() -> new ModelException(
                            at + ".derivedFrom.term",
                            "unknown term " + t.derivedFrom().term()));
            if (source.kind() != TermKind.ENUM
                    || !t.derivedFrom().values().keySet().equals(new HashSet<>(source.values()))) {
                throw new ModelException(
                        at + ".derivedFrom.values", "must give a value for every value of " + source.id());
            }
            t.derivedFrom().values().forEach((k, v) -> {
                String problem = t.rangeProblem(v);
                if (problem != null) {
                    throw new ModelException(at + ".derivedFrom.values." + k, problem);
                }
            });
        }
    }

    private static void validateCriterion(DealModel model, CriterionDef c, String at) {
        if (c.id() == null || !c.id().matches("[a-z][A-Za-z0-9]*")) {
            throw new ModelException(at + ".id", "must be a camelCase word");
        }
        if (c.side() == null) {
            throw new ModelException(at + ".side", "must be US or CN");
        }
        if (!(c.weight() >= 0) || Double.isInfinite(c.weight())) {
            throw new ModelException(at + ".weight", "must be a non-negative number");
        }
        if (c.shape() == null
                || (c.shape().kind() == Shape.Kind.SATURATING && !(c.shape().scale() > 0))) {
            throw new ModelException(at + ".shape", "SATURATING needs a positive scale");
        }
        if (c.components().isEmpty()) {
            throw new ModelException(at + ".components", "a criterion needs at least one component");
        }
        for (int k = 0; k < c.components().size(); k++) {
            Component comp = c.components().get(k);
            String cat = at + ".components[" + k + "] (" + comp.term() + ")";
            TermDef term = model.term(comp.term()).orElseThrow(() -> new ModelException(cat + ".term", "unknown term"));
            if (term.alternativeOf() != null) {
                throw new ModelException(
                        cat + ".term",
                        "score " + term.alternativeOf().term() + " instead: " + term.id() + " is folded into it");
            }
            validateFunction(term, comp.function(), cat);
            if (comp.gate() != null && comp.gate().onPledges() && !(comp.gate().per() > 0)) {
                throw new ModelException(cat + ".gate", "per must be positive");
            }
            if (comp.gate() != null && !comp.gate().onPledges()) {
                TermDef gate = model.term(comp.gate().term())
                        .orElseThrow(() -> new ModelException(
                                cat + ".gate.term",
                                "unknown term " + comp.gate().term()));
                if ((gate.kind() != TermKind.NUMBER && gate.kind() != TermKind.INTEGER)
                        || !(comp.gate().per() > 0)) {
                    throw new ModelException(cat + ".gate", "the gate term must be numeric and per positive");
                }
            }
        }
    }

    private static void validateFunction(TermDef term, ScoreFunction fn, String at) {
        boolean numeric = term.kind() == TermKind.NUMBER || term.kind() == TermKind.INTEGER;
        if (fn instanceof ScoreFunction.Linear l) {
            if (!numeric || !Double.isFinite(l.slope()) || !(l.per() > 0)) {
                throw new ModelException(at + ".linear", "needs a numeric term, a finite slope and a positive per");
            }
        } else if (fn instanceof ScoreFunction.Points p) {
            if (!numeric || p.xs().size() < 2 || p.xs().size() != p.ys().size()) {
                throw new ModelException(at + ".points", "needs a numeric term and at least two [x, y] points");
            }
            for (int i = 1; i < p.xs().size(); i++) {
                if (!(p.xs().get(i) > p.xs().get(i - 1))) {
                    throw new ModelException(at + ".points[" + i + "]", "x values must increase");
                }
            }
        } else if (fn instanceof ScoreFunction.Levels lv) {
            if (numeric) {
                throw new ModelException(at + ".levels", "needs an enum or boolean term");
            }
            List<String> allowed = term.kind() == TermKind.BOOLEAN ? List.of("false", "true") : term.values();
            for (Map.Entry<String, Double> e : lv.scores().entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw new ModelException(
                            at + ".levels." + e.getKey(), "not a value of " + term.id() + " " + allowed);
                }
                if (!Double.isFinite(e.getValue())) {
                    throw new ModelException(at + ".levels." + e.getKey(), "must be a finite number");
                }
            }
        } else {
            throw new ModelException(at, "a component needs linear, points or levels");
        }
    }

    /** Checks one scenario against the model's terms; {@code at} prefixes the entry of the problem. */
    public static void validateScenario(DealModel model, Scenario s, String at) {
        if (s.id() == null || !s.id().matches("[A-Z][A-Z0-9_]*")) {
            throw new ModelException(at + ".id", "must be UPPER_SNAKE");
        }
        for (Map.Entry<String, Object> e : s.values().entrySet()) {
            TermDef t = model.term(e.getKey())
                    .orElseThrow(() -> new ModelException(at + ".values." + e.getKey(), "unknown term"));
            String problem = valueProblem(t, e.getValue());
            if (problem != null) {
                throw new ModelException(at + ".values." + e.getKey(), problem);
            }
        }
        for (TermDef t : model.terms()) {
            if (t.inheritsScenario() && !s.values().containsKey(t.id())) {
                throw new ModelException(at + ".values", "must set " + t.id() + " (it inherits the scenario)");
            }
        }
        for (int i = 0; i < s.threats().size(); i++) {
            Threat th = s.threats().get(i);
            String tat = at + ".threats[" + i + "]";
            TermDef t = model.term(th.term())
                    .orElseThrow(() -> new ModelException(tat + ".term", "unknown term " + th.term()));
            if (t.kind() != TermKind.NUMBER && t.kind() != TermKind.INTEGER) {
                throw new ModelException(tat + ".term", "only numeric terms can be threatened");
            }
            if (!(th.probability() >= 0 && th.probability() <= 1)) {
                throw new ModelException(tat + ".probability", "must be between 0 and 1");
            }
            String problem = t.kind() == TermKind.NUMBER ? t.rangeProblem(th.value()) : null;
            if (problem != null) {
                throw new ModelException(tat + ".value", problem);
            }
        }
    }

    /** Why a raw value (Number, Boolean or enum name) is not allowed for the term, or null. */
    /**
     * Why a raw value (a JSON or YAML scalar) is not a value of the term, or null when it is: the
     * wrong kind of value (saying what it was), a number that is not finite, out of range, or not
     * whole where a whole number is wanted.
     */
    public static String valueProblem(TermDef t, Object raw) {
        boolean fits = switch (t.kind()) {
            case NUMBER, INTEGER -> raw instanceof Number;
            case BOOLEAN -> raw instanceof Boolean;
            case ENUM -> raw instanceof String;
        };
        if (!fits) {
            String was = " (was "
                    + (raw instanceof String s
                            ? "\"" + s + "\""
                            : raw instanceof java.util.Map
                                    ? "an object"
                                    : raw instanceof java.util.List ? "a list" : String.valueOf(raw))
                    + ")";
            return switch (t.kind()) {
                case NUMBER -> "must be a number" + was;
                case INTEGER -> "must be a whole number" + was;
                case BOOLEAN -> "must be true or false" + was;
                case ENUM -> "must be a string" + was;
            };
        }
        if (t.kind() == TermKind.ENUM && Double.isNaN(t.encode(raw))) {
            return "must be one of " + String.join(", ", t.values());
        }
        double v = t.encode(raw);
        if (t.kind() == TermKind.INTEGER && !Double.isInfinite(v) && v != Math.rint(v)) {
            return "must be a whole number (was " + raw + ")";
        }
        return t.rangeProblem(v);
    }

    public static void validateProfile(DealModel model, Profile p, String at) {
        if (p.id() == null || !p.id().matches("[a-z][a-z0-9-]{0,63}")) {
            throw new ModelException(at + ".id", "must be lower-case kebab-case, at most 64 characters");
        }
        for (Side side : Side.values()) {
            Map<String, Double> w = p.weights().get(side);
            if (w == null) {
                throw new ModelException(at + ".weights." + side, "weights for " + side + " are required");
            }
            Set<String> known = new HashSet<>();
            model.criteria(side).forEach(c -> known.add(c.id()));
            if (!w.keySet().equals(known)) {
                Set<String> missing = new HashSet<>(known);
                missing.removeAll(w.keySet());
                Set<String> extra = new HashSet<>(w.keySet());
                extra.removeAll(known);
                throw new ModelException(
                        at + ".weights." + side,
                        (extra.isEmpty() ? "" : "unknown criteria " + extra + " ")
                                + (missing.isEmpty() ? "" : "missing criteria " + missing));
            }
            w.forEach((k, v) -> {
                if (v == null || !(v >= 0) || Double.isInfinite(v)) {
                    throw new ModelException(at + ".weights." + side + "." + k, "must be a non-negative number");
                }
            });
            if (w.values().stream().noneMatch(v -> v > 0)) {
                throw new ModelException(at + ".weights." + side, "at least one weight must be positive");
            }
            List<FactionDef> fs = p.factions(side);
            if (fs.isEmpty()) {
                throw new ModelException(at + ".factions", side + " needs at least one faction");
            }
            double clout = 0;
            for (FactionDef f : fs) {
                String fat = at + ".factions." + f.id();
                if (f.id() == null || !f.id().matches("[a-z][A-Za-z0-9]*")) {
                    throw new ModelException(fat, "faction id must be a camelCase word");
                }
                if (!(f.clout() >= 0 && f.clout() <= 1)) {
                    throw new ModelException(fat + ".clout", "must be between 0 and 1");
                }
                clout += f.clout();
                if (f.veto() == null) {
                    throw new ModelException(fat + ".veto", "must be NONE, FULL or SCOPED");
                }
                if (f.veto() == VetoKind.SCOPED && f.vetoScope().isEmpty()) {
                    throw new ModelException(fat + ".vetoScope", "a SCOPED veto needs at least one term");
                }
                for (String s : f.vetoScope()) {
                    if (!model.knowsTermPattern(s)) {
                        throw new ModelException(fat + ".vetoScope", "unknown term " + s);
                    }
                }
                f.multipliers().forEach((k, v) -> {
                    if (!known.contains(k)) {
                        throw new ModelException(fat + ".multipliers." + k, "unknown " + side + " criterion");
                    }
                    if (v == null || !(v >= 0 && v <= MAX_MULTIPLIER)) {
                        throw new ModelException(fat + ".multipliers." + k, "must be between 0 and " + MAX_MULTIPLIER);
                    }
                });
                boolean anyWeight = w.entrySet().stream().anyMatch(e -> e.getValue() * f.multiplier(e.getKey()) > 0);
                if (!anyWeight) {
                    throw new ModelException(
                            fat + ".multipliers", "leave the faction at least one criterion with a positive weight");
                }
            }
            if (Math.abs(clout - 1.0) > CLOUT_TOLERANCE) {
                throw new ModelException(
                        at + ".factions",
                        "the clout of " + side + " factions must sum to 1 (is " + Numbers.plain(Numbers.round4(clout))
                                + ")");
            }
        }
        Set<String> factionIds = new HashSet<>();
        for (FactionDef f : p.factions()) {
            if (!factionIds.add(f.id())) {
                throw new ModelException(at + ".factions." + f.id(), "duplicate faction id");
            }
        }
        validateCredibility(model, p.credibility(), at + ".credibility");
        Settings s = p.settings();
        if (s == null
                || !(s.stanceMargin() >= 0)
                || !(s.vetoTemperature() > 0)
                || !(s.quorumUs() >= 0 && s.quorumUs() < 1)
                || !(s.quorumCn() >= 0 && s.quorumCn() < 1)
                || !(s.relativeStanceMargin() >= 0 && s.relativeStanceMargin() <= 1)) {
            throw new ModelException(
                    at + ".settings",
                    "needs stanceMargin ≥ 0, vetoTemperature > 0, quorums in [0, 1) and relativeStanceMargin in [0, 1]");
        }
    }

    private static void validateCredibility(DealModel model, CredibilityParams c, String at) {
        if (c == null) {
            throw new ModelException(at, "is required");
        }
        for (TermDef t : model.terms()) {
            if (t.pledge() != null && !c.trackRecords().containsKey(t.pledge())) {
                throw new ModelException(
                        at + ".trackRecords", "no track record for pledge category '" + t.pledge() + "' of " + t.id());
            }
        }
        c.trackRecords().forEach((k, v) -> {
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new ModelException(at + ".trackRecords." + k, "must be between 0 and 1");
            }
        });
        for (String cat : c.purchaseCategories()) {
            if (!c.trackRecords().containsKey(cat)) {
                throw new ModelException(at + ".purchaseCategories", "no track record for " + cat);
            }
        }
        checkFactors(model, "commitment.form", c.formFactors(), at + ".formFactors");
        checkFactors(model, "commitment.enforcement", c.enforcementFactors(), at + ".enforcementFactors");
        if (!(c.baselineUsdBn() > 0)
                || !(c.referenceGrowth() > 0)
                || !(c.referenceDelivery() > 0 && c.referenceDelivery() <= 1)
                || !(c.excessBelief() >= 0 && c.excessBelief() <= 1)) {
            throw new ModelException(
                    at,
                    "needs baselineUsdBn > 0, referenceGrowth > 0, referenceDelivery in (0, 1] and excessBelief in [0, 1]");
        }
    }

    private static void checkFactors(DealModel model, String termId, Map<String, Double> factors, String at) {
        TermDef t =
                model.term(termId).orElseThrow(() -> new ModelException("terms", "the model needs the term " + termId));
        if (!factors.keySet().equals(new HashSet<>(t.values()))) {
            throw new ModelException(at, "must give a factor for every value of " + termId + " " + t.values());
        }
        factors.forEach((k, v) -> {
            if (v == null || !(v >= 0 && v <= 2)) {
                throw new ModelException(at + "." + k, "must be between 0 and 2");
            }
        });
    }
}
