package dev.dealeval.application.analysis;

import dev.dealeval.application.catalog.DomainService;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.ProfileOverrides;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.ModelValidator;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.TermDef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How every analysis reads its request: the model, scenario and profile (or imported domain) it
 * names, its bundles and the terms it varies, each checked, every problem collected before any
 * work starts.
 */
@ApplicationScoped
public class AnalysisInputs {
    private final ModelRegistry registry;
    private final EvaluationService evaluations;
    private final DomainService domains;

    public AnalysisInputs(ModelRegistry registry, EvaluationService evaluations, DomainService domains) {
        this.registry = registry;
        this.evaluations = evaluations;
        this.domains = domains;
    }

    /**
     * A bundle with an optional name, as raw values keyed by term id: terms for the U.S.–China model,
     * outcome (issue → value) for an imported domain; null when the request left it out.
     */
    public record NamedBundle(String name, Map<String, Object> terms, Map<String, Object> outcome) {}

    /** A term to vary and its candidate levels as a client writes them (null or empty: the model's levels). */
    public record TermLevels(String term, List<Object> levels) {}

    /** Which model, scenario and profile a request names: the U.S.–China model's, or an imported domain (null: none). */
    public record Subject(String scenario, String profile, ProfileOverrides overrides, String domain) {}

    /** The U.S.–China model. */
    public DealModel model() {
        return registry.model();
    }

    /** The context of a scenario and profile of the U.S.–China model (null, with violations, when unknown). */
    public EvaluationService.Context context(String scenario, String profile, List<Violation> violations) {
        return evaluations.context(scenario, profile, null, violations);
    }

    /**
     * The compiled model, scenario and profile a request names; null, with violations, when it names
     * something unknown. A domain that cannot be used stops the request here, with every violation
     * so far: without its issues the bundles cannot be read.
     */
    public EvaluationService.Context context(Subject subject, List<Violation> violations) {
        if (subject.domain() == null) {
            return evaluations.context(subject.scenario(), subject.profile(), subject.overrides(), violations);
        }
        // A domain brings its own preferences and its disagreement point.
        int before = violations.size();
        if (subject.scenario() != null) {
            violations.add(new Violation(
                    "scenario", "leave it out with a domain: no deal gives each party its reservation value"));
        }
        if (subject.profile() != null) {
            violations.add(
                    new Violation("profile", "leave it out with a domain: the parties' preferences are the domain's"));
        }
        if (subject.overrides() != null && !subject.overrides().isEmpty()) {
            violations.add(new Violation(
                    "overrides", "leave them out with a domain: change its preferences with PUT /api/v1/domains/{id}"));
        }
        DomainService.Compiled d = domains.compiled(subject.domain(), "domain", violations);
        if (d == null || violations.size() > before) {
            throwIfAny(violations);
        }
        return new EvaluationService.Context(d.model(), 0, List.of(), d.definition());
    }

    /**
     * Whether a subject names a scenario, profile (and overrides) or domain that can be used: its
     * problems, each field prefixed (settings[2].scenario), are added to violations.
     */
    public void checkSubject(Subject subject, String prefix, List<Violation> violations) {
        List<Violation> found = new ArrayList<>();
        try {
            context(subject, found);
        } catch (InvalidInputException e) {
            found = e.violations();
        }
        found.forEach(v -> violations.add(new Violation(prefix + "." + v.field(), v.message())));
    }

    /** The model a request's bundles are read against: the context's, or the U.S.–China model when it is unknown. */
    public DealModel model(EvaluationService.Context ctx) {
        return ctx == null ? registry.model() : ctx.model().model();
    }

    /**
     * Each named bundle read against the context's model: the bundle of the U.S.–China model, or
     * a domain's outcome, which must give every issue a value. Nothing is read when the context is
     * unknown (its violation says why).
     */
    public List<Bundle> readAll(
            String field, List<NamedBundle> bundles, EvaluationService.Context ctx, List<Violation> violations) {
        List<Bundle> out = new ArrayList<>();
        boolean domain = ctx != null && ctx.domain() != null;
        DealModel model = model(ctx);
        for (int i = 0; i < bundles.size(); i++) {
            NamedBundle b = bundles.get(i);
            String at = field + "[" + i + "]";
            if (b == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            Map<String, Object> raw = domain ? b.outcome() : b.terms();
            if (raw == null) {
                violations.add(new Violation(
                        at + (domain ? ".outcome" : ".bundle"),
                        domain
                                ? "is required with a domain: a value for every issue"
                                : "is required (use {} for no deal)"));
                continue;
            }
            // The other form, left out or empty (generated clients send empty maps for unset ones).
            Map<String, Object> other = domain ? b.terms() : b.outcome();
            if (other != null && !other.isEmpty()) {
                violations.add(new Violation(
                        at + (domain ? ".bundle" : ".outcome"),
                        domain
                                ? "leave it out with a domain: write the outcome"
                                : "only with a domain; write the bundle"));
            }
            BundleReader.Result r = BundleReader.read(model, raw, at + (domain ? ".outcome" : ".bundle"));
            violations.addAll(r.violations());
            if (domain) {
                for (int t = 0; t < model.terms().size(); t++) {
                    if (!r.bundle().given()[t]) {
                        violations.add(new Violation(
                                at + ".outcome." + model.terms().get(t).id(),
                                "is required: an outcome gives every issue a value"));
                    }
                }
            }
            out.add(r.bundle());
        }
        return out;
    }

    /**
     * The dimensions a request names, validated: known terms, no repeats, levels of the right kind
     * and range, none repeated; the model's levels when a request gives none.
     */
    public static List<Search.Dimension> dimensions(
            DealModel model,
            String field,
            List<TermLevels> terms,
            boolean defaultSubsetOnly,
            List<Violation> violations) {
        if (terms == null || terms.isEmpty()) {
            return Search.modelDimensions(model, defaultSubsetOnly);
        }
        List<Search.Dimension> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            String at = field + "[" + i + "]";
            TermLevels tl = terms.get(i);
            if (tl == null || tl.term() == null) {
                violations.add(new Violation(at + ".term", "is required"));
                continue;
            }
            int t = model.termIndex(tl.term());
            if (t < 0) {
                violations.add(
                        new Violation(at + ".term", "unknown term '" + tl.term() + "' (GET /api/v1/terms lists them)"));
                continue;
            }
            if (!seen.add(tl.term())) {
                violations.add(new Violation(at + ".term", "'" + tl.term() + "' is listed twice"));
                continue;
            }
            TermDef def = model.terms().get(t);
            if (tl.levels() == null || tl.levels().isEmpty()) {
                if (def.levels().isEmpty()) {
                    violations.add(
                            new Violation(at + ".levels", "'" + tl.term() + "' has no default levels; give them"));
                    continue;
                }
                out.add(new Search.Dimension(
                        t,
                        def.levels().stream().mapToDouble(Double::doubleValue).toArray()));
                continue;
            }
            double[] levels = new double[tl.levels().size()];
            Set<Double> distinct = new HashSet<>();
            for (int j = 0; j < levels.length; j++) {
                Object raw = tl.levels().get(j);
                String problem = raw == null ? "must not be null" : ModelValidator.valueProblem(def, raw);
                if (problem == null && !distinct.add(def.encode(raw))) {
                    problem = "repeats an earlier level";
                }
                if (problem != null) {
                    violations.add(new Violation(at + ".levels[" + j + "]", problem));
                    continue;
                }
                levels[j] = def.encode(raw);
            }
            out.add(new Search.Dimension(t, levels));
        }
        return out;
    }

    /** Adds a violation when value is outside [min, max], the configured limits. */
    public static void checkSize(String field, long value, long min, long max, List<Violation> violations) {
        if (value < min || value > max) {
            violations.add(new Violation(
                    field,
                    "must be between " + Numbers.grouped(min) + " and " + Numbers.grouped(max)
                            + " (the configured limit)"));
        }
    }

    /** Refuses the request with every violation found, by field. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            throw new InvalidInputException(violations);
        }
    }
}
