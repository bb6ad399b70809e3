package dev.dealeval.domain.model;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a deal model and its profiles for internal consistency. The first problem found is
 * thrown as a {@link ModelException} whose entry names where it is, so a broken model file stops
 * start-up with a message a person can act on. Ids, sections and the model's shape are checked
 * here; each term, criterion and profile by {@link TermValidator}, {@link CriterionValidator} and
 * {@link ProfileValidator}.
 */
public final class ModelValidator {
    /** Faction multipliers outside this range are almost certainly typos. */
    public static final double MAX_MULTIPLIER = 10.0;

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
            TermValidator.validate(model, t, at);
            if (model.section(t.section()).isEmpty()) {
                throw new ModelException(
                        at + ".id", "its section '" + t.section() + "' is not declared under sections");
            }
        }
        validateCoercion(model);
        validateEnforcement(model);
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
            CriterionValidator.validate(model, c, at);
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

    /** The coercion rule names a BOOLEAN term and a side that gives some section. */
    private static void validateCoercion(DealModel model) {
        Coercion c = model.coercion();
        if (c == null) {
            return;
        }
        TermDef t = model.term(c.term()).orElseThrow(() -> new ModelException("coercion.term", "unknown term"));
        if (t.kind() != TermKind.BOOLEAN) {
            throw new ModelException("coercion.term", "must be a BOOLEAN term");
        }
        if (c.side() == null || model.sections().stream().noneMatch(sec -> sec.giver() == c.side())) {
            throw new ModelException("coercion.side", "must be a side that gives some section");
        }
    }

    /**
     * The enforcing measures name NUMBER or INTEGER terms with finite, non-zero coefficients, and measure
     * no less than 0 anywhere in the terms' ranges, so that the share of them a bundle lifts is a share.
     */
    private static void validateEnforcement(DealModel model) {
        EnforcingMeasures e = model.enforcement();
        if (e == null) {
            return;
        }
        if (!Double.isFinite(e.base())) {
            throw new ModelException("enforcement.base", "must be a finite number");
        }
        if (e.measures().isEmpty()) {
            throw new ModelException("enforcement.measures", "must name at least one term");
        }
        double least = e.base();
        for (var m : e.measures().entrySet()) {
            String at = "enforcement.measures." + m.getKey();
            TermDef t = model.term(m.getKey()).orElseThrow(() -> new ModelException(at, "unknown term"));
            if (t.kind() != TermKind.NUMBER && t.kind() != TermKind.INTEGER) {
                throw new ModelException(at, "must be a NUMBER or INTEGER term");
            }
            double c = m.getValue() == null ? Double.NaN : m.getValue();
            if (!Double.isFinite(c) || c == 0) {
                throw new ModelException(at, "must be a finite, non-zero coefficient");
            }
            least += Math.min(c * t.min(), c * t.max());
        }
        if (least < 0) {
            throw new ModelException("enforcement", "must measure at least 0 over the terms' ranges");
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
        for (Map.Entry<String, Object> e : s.freshMeasures().entrySet()) {
            String fat = at + ".freshMeasures." + e.getKey();
            TermDef t = model.term(e.getKey()).orElseThrow(() -> new ModelException(fat, "unknown term"));
            if (!s.values().containsKey(t.id())) {
                throw new ModelException(fat, "must be a measure the scenario's values set");
            }
            Coercion c = model.coercion();
            if (c == null || model.giver(t) == null || model.giver(t) == c.side()) {
                throw new ModelException(fat, "must be a term the side that coerces gives (the model's coercion rule)");
            }
            String problem = valueProblem(t, e.getValue());
            if (problem != null) {
                throw new ModelException(fat, problem);
            }
            if (t.encode(e.getValue()) == t.encode(s.values().get(t.id()))) {
                throw new ModelException(
                        fat, "must differ from the value in force (it is the value before the measure)");
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

    /** Checks one profile against the model; {@code at} prefixes the entry of the problem. */
    public static void validateProfile(DealModel model, Profile p, String at) {
        ProfileValidator.validate(model, p, at);
    }
}
