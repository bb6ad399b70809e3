package dev.dealeval.domain.model;

import java.util.List;
import java.util.Map;

/** Checks one criterion of a deal model: its side, weight, shape, and each component's term, score function and gate. */
final class CriterionValidator {
    private CriterionValidator() {}

    static void validate(DealModel model, CriterionDef c, String at) {
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
            if (comp.onPledgesTotal()) {
                validateAggregate(model, comp, cat);
                continue;
            }
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

    /** A component on the pledges over the whole term: a numeric function, no gate, and a model with pledges. */
    private static void validateAggregate(DealModel model, Component comp, String at) {
        if (comp.function() instanceof ScoreFunction.Levels || comp.gate() != null) {
            throw new ModelException(
                    at, "a component on " + Component.PLEDGES_TOTAL + " needs linear or points and no gate");
        }
        if (model.terms().stream().noneMatch(t -> t.pledge() != null && t.kind() == TermKind.NUMBER)) {
            throw new ModelException(at + ".term", Component.PLEDGES_TOTAL + " needs terms that pledge purchases");
        }
        validateFunction(AGGREGATE, comp.function(), at);
    }

    /** Stands for the pledges over the whole term when its function is checked. */
    private static final TermDef AGGREGATE = new TermDef(
            Component.PLEDGES_TOTAL,
            TermKind.NUMBER,
            "USD bn",
            0,
            Double.MAX_VALUE,
            0,
            false,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            null);

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
}
