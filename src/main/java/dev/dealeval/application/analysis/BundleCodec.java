package dev.dealeval.application.analysis;

import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.model.TermDef;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place an analysis turns an encoded bundle back into what a client writes: the terms of
 * the U.S.–China model by term id ({@code purchases.years → 2}), or an imported domain's outcome
 * (each issue's value by issue name, in the domain's order).
 */
public final class BundleCodec {
    private final List<TermDef> terms;
    private final boolean domain;

    /** A bundle as a client writes it: its terms, or a domain's outcome; the other is null. */
    public record Decoded(Map<String, Object> terms, Map<String, Object> outcome) {}

    public BundleCodec(EvaluationService.Context context) {
        this(context.model().model().terms(), context.domain() != null);
    }

    /** The codec of the U.S.–China model's terms (term t is terms.get(t)). */
    public BundleCodec(List<TermDef> terms) {
        this(terms, false);
    }

    private BundleCodec(List<TermDef> terms, boolean domain) {
        this.terms = terms;
        this.domain = domain;
    }

    /** The bundle: a domain's whole outcome, or the U.S.–China terms marked in stated. */
    public Decoded decode(double[] x, boolean[] stated) {
        return domain ? new Decoded(null, outcome(x)) : new Decoded(terms(x, stated), null);
    }

    /** The terms marked in stated, by term id (derived terms show the value they derive; unset ones are left out). */
    public Map<String, Object> terms(double[] x, boolean[] stated) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int t = 0; t < x.length; t++) {
            if (stated[t] && !Double.isNaN(x[t])) {
                out.put(terms.get(t).id(), terms.get(t).decode(x[t]));
            }
        }
        return out;
    }

    /** A domain's outcome: each issue's value by issue name, in the domain's order. */
    public Map<String, Object> outcome(double[] x) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int t = 0; t < terms.size(); t++) {
            out.put(terms.get(t).id(), terms.get(t).decode(x[t]));
        }
        return out;
    }

    /** A term's id. */
    public String id(int term) {
        return terms.get(term).id();
    }

    /** A searched term's candidate levels as a client writes them. */
    public List<Object> levels(Search.Dimension d) {
        TermDef def = terms.get(d.term());
        return Arrays.stream(d.levels()).mapToObj(def::decode).toList();
    }
}
