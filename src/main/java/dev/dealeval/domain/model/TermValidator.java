package dev.dealeval.domain.model;

import java.util.HashSet;

/** Checks one term definition of a deal model: its kind, values, range, neutral value, pledge and links. */
final class TermValidator {
    private TermValidator() {}

    static void validate(DealModel model, TermDef t, String at) {
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
}
