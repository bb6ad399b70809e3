package dev.dealeval.application.analysis.search;

import static dev.dealeval.application.analysis.AnalysisInputs.checkSize;
import static dev.dealeval.application.analysis.AnalysisInputs.throwIfAny;

import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.analysis.AnalysisInputs;
import dev.dealeval.application.analysis.AnalysisInputs.NamedBundle;
import dev.dealeval.application.analysis.AnalysisInputs.Subject;
import dev.dealeval.application.analysis.AnalysisInputs.TermLevels;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Numbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Searches of the deal space (docs/analyses.md): checks the space against the budget before any
 * bundle is scored, runs the exhaustive search on the shared pool, and answers with its decided
 * {@link SearchReport}.
 */
@ApplicationScoped
public class SearchService {
    /** Frontier bundles listed when a request does not say. */
    public static final int DEFAULT_FRONTIER_LIMIT = 200;

    private final AnalysisInputs inputs;
    private final AnalysisCapacity capacity;

    public SearchService(AnalysisInputs inputs, AnalysisCapacity capacity) {
        this.inputs = inputs;
        this.capacity = capacity;
    }

    /**
     * @param terms   the terms to vary (null or empty: the model's default search subset, less the terms the base fixes)
     * @param budget  the most bundles the caller will have examined (null: the configured maximum)
     */
    public record SearchCommand(
            Subject subject,
            Map<String, Object> base,
            List<TermLevels> terms,
            Double minUsSurplus,
            Double minCnSurplus,
            Long budget,
            Integer frontierLimit,
            List<NamedBundle> references) {}

    /**
     * A search run, before it is reported.
     *
     * @param searched  which terms a result bundle states: the base bundle's given terms and the searched ones
     * @param references each reference's evaluation, in request order
     */
    public record Searched(
            EvaluationService.Context context,
            Search.Spec spec,
            boolean[] searched,
            Search.Result result,
            int frontierLimit,
            List<String> referenceNames,
            List<Evaluation> references,
            long elapsedNanos) {}

    public SearchReport search(SearchCommand cmd) {
        return SearchReport.of(explore(cmd, false, capacity.limits().maxSearchBundles()));
    }

    /**
     * The search, keeping the frontiers negotiators bid from as well when asked (simulations),
     * in a space of at most maxBundles.
     */
    public Searched explore(SearchCommand cmd, boolean offerFrontiers, long maxBundles) {
        List<Violation> violations = new ArrayList<>();
        EvaluationService.Context ctx = inputs.context(cmd.subject(), violations);
        DealModel model = inputs.model(ctx);
        boolean domain = ctx != null && ctx.domain() != null;
        if (domain && cmd.base() != null && !cmd.base().isEmpty()) {
            violations.add(new Violation(
                    "base",
                    "leave it out with a domain: every issue is searched (terms may narrow an issue's values)"));
        }
        BundleReader.Result base =
                BundleReader.read(model, cmd.base() == null || domain ? Map.of() : cmd.base(), "base");
        violations.addAll(base.violations());
        List<NamedBundle> refs = cmd.references() == null ? List.of() : cmd.references();
        List<Bundle> refBundles = inputs.readAll("references", refs, ctx, violations);
        int beforeTerms = violations.size();
        List<Search.Dimension> dims = AnalysisInputs.dimensions(model, "terms", cmd.terms(), true, violations);
        if (domain) {
            // every issue, in the domain's order (so a bundle's index is its outcome's), with the values the request
            // narrows it to
            List<Search.Dimension> listed = dims;
            dims = Search.defaultDimensions(model).stream()
                    .map(d -> listed.stream()
                            .filter(l -> l.term() == d.term())
                            .findFirst()
                            .orElse(d))
                    .toList();
        } else if (cmd.terms() == null || cmd.terms().isEmpty()) {
            // the default subset, less the terms the base bundle fixes
            boolean[] fixed = base.bundle().given();
            dims = dims.stream().filter(d -> !fixed[d.term()]).toList();
        }
        boolean termsValid = violations.size() == beforeTerms;
        long budget = cmd.budget() == null ? maxBundles : cmd.budget();
        if (budget < 1 || budget > maxBundles) {
            violations.add(new Violation(
                    "budget",
                    "must be between 1 and " + Numbers.grouped(maxBundles) + " bundles (the configured maximum)"));
        } else if (termsValid && Search.size(dims) > budget) {
            violations.add(new Violation(
                    cmd.terms() == null || cmd.terms().isEmpty() ? "budget" : "terms",
                    "the deal space holds "
                            + sizeText(dims) + " bundles, more than the budget of " + Numbers.grouped(budget)
                            + (budget < maxBundles
                                    ? " (the budget may be raised to " + Numbers.grouped(maxBundles) + ")"
                                    : "")
                            + (domain
                                    ? "; narrow some issues to fewer values in terms"
                                    : "; search fewer terms or fewer levels, or fix some terms in the base bundle")));
        }
        int maxFrontier = capacity.limits().maxFrontierBundles();
        int frontierLimit =
                cmd.frontierLimit() == null ? Math.min(DEFAULT_FRONTIER_LIMIT, maxFrontier) : cmd.frontierLimit();
        checkSize("frontierLimit", frontierLimit, 1, maxFrontier, violations);
        double minUs = cmd.minUsSurplus() == null ? Double.NEGATIVE_INFINITY : cmd.minUsSurplus();
        double minCn = cmd.minCnSurplus() == null ? Double.NEGATIVE_INFINITY : cmd.minCnSurplus();
        throwIfAny(violations);

        CompiledModel m = ctx.model();
        Search.Spec spec = new Search.Spec(
                m.resolve(base.bundle(), ctx.scenario()), ctx.scenario(), dims, minUs, minCn, offerFrontiers);
        boolean[] searched = base.bundle().given().clone();
        for (Search.Dimension d : dims) {
            searched[d.term()] = true;
        }
        long t0 = System.nanoTime();
        Search.Result result = capacity.withTurn(() -> Search.run(m, spec, capacity.pool()));
        long elapsed = System.nanoTime() - t0;
        capacity.searched(result.examined(), elapsed);
        List<Evaluation> refEvals = refBundles.stream()
                .map(b -> Evaluator.evaluate(m, b, ctx.scenario(), List.of()))
                .toList();
        return new Searched(
                ctx,
                spec,
                searched,
                result,
                frontierLimit,
                refs.stream().map(NamedBundle::name).toList(),
                refEvals,
                elapsed);
    }

    /** The space's size in words, also when it overflows a long. */
    private static String sizeText(List<Search.Dimension> dims) {
        BigInteger n = BigInteger.ONE;
        for (Search.Dimension d : dims) {
            n = n.multiply(BigInteger.valueOf(d.levels().length));
        }
        return n.bitLength() < 63 ? Numbers.grouped(n.longValue()) : n.toString();
    }
}
