package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.ModelValidator;
import dev.dealeval.domain.model.TermDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns raw term values keyed by term id ({@code purchases.years → 2}) into a {@link Bundle},
 * collecting every problem as a {@link Violation} named by its JSON path. A null value means the
 * term is omitted; a bare section id ({@code purchases}) is a section written without terms.
 */
public final class BundleReader {
    private BundleReader() {}

    public record Result(Bundle bundle, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * @param prefix JSON path of the bundle object in the request, e.g. {@code bundle}
     */
    public static Result read(DealModel model, Map<String, ?> raw, String prefix) {
        int n = model.terms().size();
        Bundle b = Bundle.empty(n);
        double[] values = b.values();
        boolean[] given = b.given();
        List<Violation> violations = new ArrayList<>();
        java.util.Set<String> unknownSections = new java.util.HashSet<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            String field = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            int t = model.termIndex(e.getKey());
            if (t < 0) {
                int dot = e.getKey().indexOf('.');
                String section = dot < 0 ? e.getKey() : e.getKey().substring(0, dot);
                if (model.section(section).isEmpty()) {
                    if (unknownSections.add(section)) {
                        violations.add(new Violation(
                                prefix.isEmpty() ? section : prefix + "." + section,
                                "unknown section; allowed here: "
                                        + String.join(
                                                ", ",
                                                model.sections().stream()
                                                        .map(s -> s.id())
                                                        .sorted()
                                                        .toList())));
                    }
                } else if (dot >= 0) {
                    violations.add(new Violation(
                            field,
                            "unknown term; allowed here: "
                                    + String.join(
                                            ", ",
                                            model.terms(model.section(section).get()).stream()
                                                    .map(TermDef::name)
                                                    .sorted()
                                                    .toList())));
                }
                // A bare section id is a section written without terms.
                continue;
            }
            if (e.getValue() == null) {
                continue;
            }
            TermDef def = model.terms().get(t);
            String problem = ModelValidator.valueProblem(def, e.getValue());
            if (problem != null) {
                violations.add(new Violation(field, problem));
                continue;
            }
            values[t] = def.encode(e.getValue());
            given[t] = true;
        }
        violations.sort(java.util.Comparator.comparing(Violation::field));
        return new Result(b, List.copyOf(violations));
    }
}
