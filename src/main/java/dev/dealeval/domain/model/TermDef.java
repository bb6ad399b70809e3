package dev.dealeval.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One term of a deal bundle (docs/model.md, "Terms and bundles").
 *
 * @param id            section.name, e.g. {@code purchases.agricultureUsdBnPerYear}
 * @param neutral       the "no commitment" value, encoded (enum index, 0/1); NaN when the term
 *                      inherits its value from the scenario or derives it from another term
 * @param inheritsScenario tariff and control levels: an omitted value comes from the scenario
 * @param values        the enum values (ENUM only), in order of their encoding
 * @param levels        default candidate values for searches, encoded
 * @param pledge        credibility category when the term is a Chinese promise, else null
 * @param phrase        how a reason names this term with its value; {@code {value}} is replaced
 */
public record TermDef(
        String id,
        TermKind kind,
        String unit,
        double min,
        double max,
        double neutral,
        boolean inheritsScenario,
        List<String> values,
        List<Double> levels,
        boolean searchDefault,
        String pledge,
        AlternativeUnit alternativeOf,
        DerivedDefault derivedFrom,
        String phrase,
        String description) {

    public TermDef {
        values = values == null ? List.of() : List.copyOf(values);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** The section the id names before its dot; empty for an imported domain's issue, whose id has none. */
    public String section() {
        int dot = id.indexOf('.');
        return dot < 0 ? "" : id.substring(0, dot);
    }

    public String name() {
        return id.substring(id.indexOf('.') + 1);
    }

    public boolean isPledge() {
        return pledge != null;
    }

    /**
     * Every value the model lists for the term, as a bundle gives it: each enum value, both booleans,
     * or the search levels with the ends of the range: the values the property checks and the fit of the
     * weights move a term to, one at a time.
     */
    public List<Object> listedValues() {
        return switch (kind) {
            case ENUM -> new ArrayList<>(values);
            case BOOLEAN -> List.of(true, false);
            case NUMBER, INTEGER -> {
                TreeSet<Double> v = new TreeSet<>(levels);
                v.add(min());
                v.add(max());
                yield new ArrayList<>(v);
            }
        };
    }

    /** Encodes a raw JSON/YAML value (Number, Boolean or String) or returns NaN when it does not fit the kind. */
    public double encode(Object raw) {
        return switch (kind) {
            case NUMBER, INTEGER -> raw instanceof Number n ? n.doubleValue() : Double.NaN;
            case BOOLEAN -> raw instanceof Boolean b ? (b ? 1.0 : 0.0) : Double.NaN;
            case ENUM -> {
                int i = raw instanceof String s ? values.indexOf(s) : -1;
                yield i >= 0 ? i : Double.NaN;
            }
        };
    }

    /** The value as a person or a JSON document would write it. */
    public Object decode(double encoded) {
        return switch (kind) {
            case NUMBER -> encoded;
            case INTEGER -> (long) encoded;
            case BOOLEAN -> encoded != 0.0;
            case ENUM -> values.get((int) encoded);
        };
    }

    /** Why {@code encoded} is not an allowed value, or null when it is. */
    public String rangeProblem(double encoded) {
        if (Double.isNaN(encoded) || Double.isInfinite(encoded)) {
            return "must be a finite number";
        }
        if (kind == TermKind.NUMBER || kind == TermKind.INTEGER) {
            if (encoded < min || encoded > max) {
                return "must be between " + Numbers.plain(min) + " and " + Numbers.plain(max) + " (" + unit + ")";
            }
            if (kind == TermKind.INTEGER && encoded != Math.rint(encoded)) {
                return "must be a whole number";
            }
        }
        return null;
    }
}
