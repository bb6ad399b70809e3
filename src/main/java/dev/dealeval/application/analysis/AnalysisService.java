package dev.dealeval.application.analysis;

import dev.dealeval.application.catalog.DomainService;
import dev.dealeval.application.error.BusyException;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.analysis.Comparison;
import dev.dealeval.domain.analysis.Counteroffers;
import dev.dealeval.domain.analysis.Objective;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.analysis.Sensitivity;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.ProfileOverrides;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.genius.AdditiveExport;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.ModelValidator;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deal-space analyses (README, Deal-space analyses): comparisons, searches, counteroffers and sensitivity.
 * Validates every input and every cap before any work starts, then runs the pure domain
 * analyses; searches and sensitivity analyses share one pool of worker threads.
 */
@ApplicationScoped
public class AnalysisService {
    private final ModelRegistry registry;
    private final EvaluationService evaluations;
    private final DomainService domains;
    private final DealevalConfig.Analysis limits;
    private final ExecutorService pool;
    private final int threads;
    private final DistributionSummary searchSizes;
    private final MeterRegistry meters;
    /** Turns for the heavy analyses (searches, sensitivity): bounded, so overload gets a fast 503, not a growing queue. */
    private final java.util.concurrent.Semaphore turns;

    public AnalysisService(
            ModelRegistry registry,
            EvaluationService evaluations,
            DomainService domains,
            DealevalConfig config,
            MeterRegistry meters) {
        this.registry = registry;
        this.evaluations = evaluations;
        this.domains = domains;
        this.limits = config.analysis();
        this.meters = meters;
        this.threads =
                limits.threads() > 0 ? limits.threads() : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dealeval-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.turns = new java.util.concurrent.Semaphore(limits.maxConcurrent(), true);
        this.searchSizes = DistributionSummary.builder("dealeval.search.bundles")
                .description("Bundles examined per search")
                .baseUnit("bundles")
                .register(meters);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
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

    // ------------------------------------------------------------------ comparisons

    public record Compared(
            EvaluationService.Context context,
            Objective objective,
            List<String> names,
            List<Evaluation> evaluations,
            List<Comparison.Ranked> ranking) {}

    public Compared compare(Subject subject, List<NamedBundle> bundles, Objective objective) {
        List<Violation> violations = new ArrayList<>();
        checkSize("bundles", bundles.size(), 1, limits.maxComparisonBundles(), violations);
        EvaluationService.Context ctx = context(subject, violations);
        List<Bundle> read = readAll("bundles", bundles, ctx, violations);
        throwIfAny(violations);
        return timer("comparison").record(() -> {
            List<Evaluation> evs = new ArrayList<>();
            double[] us = new double[read.size()];
            double[] cn = new double[read.size()];
            for (int i = 0; i < read.size(); i++) {
                Evaluation e = Evaluator.evaluate(ctx.model(), read.get(i), ctx.scenario(), List.of());
                evs.add(e);
                us[i] = e.side(Side.US).surplus();
                cn[i] = e.side(Side.CN).surplus();
            }
            return new Compared(
                    ctx,
                    objective,
                    bundles.stream().map(NamedBundle::name).toList(),
                    evs,
                    Comparison.rank(us, cn, objective));
        });
    }

    // ------------------------------------------------------------------ searches

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

    /** Frontier bundles listed when a request does not say. */
    public static final int DEFAULT_FRONTIER_LIMIT = 200;

    /**
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

    public Searched search(SearchCommand cmd) {
        return search(cmd, false, limits.maxSearchBundles());
    }

    /**
     * The search, keeping the frontiers negotiators bid from as well when asked (simulations),
     * in a space of at most maxBundles.
     */
    Searched search(SearchCommand cmd, boolean offerFrontiers, long maxBundles) {
        List<Violation> violations = new ArrayList<>();
        EvaluationService.Context ctx = context(cmd.subject(), violations);
        DealModel model = ctx == null ? registry.model() : ctx.model().model();
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
        List<Bundle> refBundles = readAll("references", refs, ctx, violations);
        int beforeTerms = violations.size();
        List<Search.Dimension> dims = dimensions(model, "terms", cmd.terms(), true, violations);
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
        int frontierLimit = cmd.frontierLimit() == null
                ? Math.min(DEFAULT_FRONTIER_LIMIT, limits.maxFrontierBundles())
                : cmd.frontierLimit();
        checkSize("frontierLimit", frontierLimit, 1, limits.maxFrontierBundles(), violations);
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
        Search.Result result = withTurn(() -> Search.run(m, spec, pool));
        long elapsed = System.nanoTime() - t0;
        searchSizes.record(result.examined());
        timer("search").record(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
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
        java.math.BigInteger n = java.math.BigInteger.ONE;
        for (Search.Dimension d : dims) {
            n = n.multiply(java.math.BigInteger.valueOf(d.levels().length));
        }
        return n.bitLength() < 63 ? Numbers.grouped(n.longValue()) : n.toString();
    }

    /**
     * The dimensions a request names, validated: known terms, no repeats, levels of the right kind
     * and range, none repeated; the model's levels when a request gives none.
     */
    private static List<Search.Dimension> dimensions(
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

    // ------------------------------------------------------------------ counteroffers

    public record CounterofferCommand(Subject subject, Map<String, Object> bundle, List<TermLevels> terms, int limit) {}

    /** @param given the terms the caller's bundle states */
    public record Countered(EvaluationService.Context context, boolean[] given, Counteroffers.Result result) {}

    public Countered counteroffers(CounterofferCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        EvaluationService.Context ctx = context(cmd.subject(), violations);
        BundleReader.Result bundle =
                BundleReader.read(registry.model(), cmd.bundle() == null ? Map.of() : cmd.bundle(), "bundle");
        violations.addAll(bundle.violations());
        List<Search.Dimension> dims = dimensions(registry.model(), "terms", cmd.terms(), false, violations);
        checkSize("limit", cmd.limit(), 1, limits.maxCounteroffers(), violations);
        throwIfAny(violations);
        return timer("counteroffers").record(() -> {
            double[] x = ctx.model().resolve(bundle.bundle(), ctx.scenario());
            return new Countered(
                    ctx,
                    bundle.bundle().given(),
                    Counteroffers.find(ctx.model(), ctx.scenario(), x, dims, cmd.limit()));
        });
    }

    // ------------------------------------------------------------------ sensitivity

    public record SensitivityCommand(
            Subject subject,
            List<NamedBundle> bundles,
            int samples,
            long seed,
            double weightConcentration,
            double cloutConcentration,
            double credibilityConcentration,
            Objective objective,
            double tornadoStep) {}

    public record Analysed(
            EvaluationService.Context context, Objective objective, List<String> names, Sensitivity.Result result) {}

    public Analysed sensitivity(SensitivityCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        checkSize("bundles", cmd.bundles().size(), 1, limits.maxSensitivityBundles(), violations);
        checkSize("samples", cmd.samples(), 1, limits.maxSensitivitySamples(), violations);
        EvaluationService.Context ctx = context(cmd.subject(), violations);
        List<Bundle> read = readAll("bundles", cmd.bundles(), ctx, violations);
        throwIfAny(violations);
        return withTurn(() -> timer("sensitivity").record(() -> {
            List<double[]> xs = read.stream()
                    .map(b -> ctx.model().resolve(b, ctx.scenario()))
                    .toList();
            Sensitivity.Spec spec = new Sensitivity.Spec(
                    cmd.samples(),
                    cmd.seed(),
                    cmd.weightConcentration(),
                    cmd.cloutConcentration(),
                    cmd.credibilityConcentration(),
                    cmd.objective(),
                    cmd.tornadoStep(),
                    threads);
            return new Analysed(
                    ctx,
                    cmd.objective(),
                    cmd.bundles().stream().map(NamedBundle::name).toList(),
                    Sensitivity.run(ctx.model(), ctx.scenario(), xs, spec, pool));
        }));
    }

    // ------------------------------------------------------------------ GENIUS export

    /** Sampled bundles an export fits on when a request does not say, and the most it may ask for. */
    public static final int DEFAULT_EXPORT_SAMPLES = 20_000;

    public static final int MAX_EXPORT_SAMPLES = 200_000;

    public record Exported(
            EvaluationService.Context context, List<Search.Dimension> dimensions, AdditiveExport.Result result) {}

    /**
     * The model's default deal space at a scenario and profile as a GENIUS domain with two parties,
     * each side's utility replaced by its additive approximation ({@link AdditiveExport}).
     */
    public Exported exportGenius(String scenario, String profile, Integer samples, Long seed) {
        List<Violation> violations = new ArrayList<>();
        int n = samples == null ? DEFAULT_EXPORT_SAMPLES : samples;
        checkSize("samples", n, 1_000, MAX_EXPORT_SAMPLES, violations);
        EvaluationService.Context ctx = evaluations.context(scenario, profile, null, violations);
        throwIfAny(violations);
        CompiledModel m = ctx.model();
        List<Search.Dimension> dims = Search.defaultDimensions(m.model());
        double[] base = m.resolve(Bundle.empty(m.termCount()), ctx.scenario());
        String name = "U.S.-China deal space ("
                + m.model().scenarios().get(ctx.scenario()).id() + ", "
                + m.profile().id() + " profile)";
        return withTurn(() -> timer("export")
                .record(() -> new Exported(
                        ctx,
                        dims,
                        AdditiveExport.export(name, m, ctx.scenario(), base, dims, n, seed == null ? 1 : seed))));
    }

    /** Runs a heavy analysis when a turn is free within the configured wait, else refuses it. */
    <T> T withTurn(java.util.function.Supplier<T> work) {
        boolean got;
        try {
            got = turns.tryAcquire(limits.busyWait().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new BusyException(
                    limits.maxConcurrent() + " searches and sensitivity analyses are already running or waiting; "
                            + "try again shortly.",
                    1);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    // ------------------------------------------------------------------ shared

    /**
     * The compiled model, scenario and profile a request names; null, with violations, when it names
     * something unknown. A domain that cannot be used stops the request here, with every violation
     * so far: without its issues the bundles cannot be read.
     */
    private EvaluationService.Context context(Subject subject, List<Violation> violations) {
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
    void checkSubject(Subject subject, String prefix, List<Violation> violations) {
        List<Violation> found = new ArrayList<>();
        try {
            context(subject, found);
        } catch (InvalidInputException e) {
            found = e.violations();
        }
        found.forEach(v -> violations.add(new Violation(prefix + "." + v.field(), v.message())));
    }

    /**
     * Each named bundle read against the context's model: the bundle of the U.S.–China model, or
     * a domain's outcome, which must give every issue a value. Nothing is read when the context is
     * unknown (its violation says why).
     */
    private List<Bundle> readAll(
            String field, List<NamedBundle> bundles, EvaluationService.Context ctx, List<Violation> violations) {
        List<Bundle> out = new ArrayList<>();
        boolean domain = ctx != null && ctx.domain() != null;
        DealModel model = ctx == null ? registry.model() : ctx.model().model();
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

    /** Time spent in each kind of analysis (the registry keeps one timer per kind). */
    Timer timer(String kind) {
        return Timer.builder("dealeval.analysis")
                .description("Time spent in deal-space analyses")
                .tag("kind", kind)
                .register(meters);
    }

    static void checkSize(String field, long value, long min, long max, List<Violation> violations) {
        if (value < min || value > max) {
            violations.add(new Violation(
                    field,
                    "must be between " + Numbers.grouped(min) + " and " + Numbers.grouped(max)
                            + " (the configured limit)"));
        }
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            violations.sort(java.util.Comparator.comparing(Violation::field));
            throw new InvalidInputException(violations);
        }
    }
}
