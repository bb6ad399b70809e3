package dev.dealeval.application;

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
 * The deal-space analyses of DESIGN.md §3: comparisons, searches, counteroffers and sensitivity.
 * Validates every input and every cap before any work starts, then runs the pure domain
 * analyses; searches and sensitivity analyses share one pool of worker threads.
 */
@ApplicationScoped
public class AnalysisService {
    private final ModelRegistry registry;
    private final EvaluationService evaluations;
    private final DealevalConfig.Analysis limits;
    private final ExecutorService pool;
    private final int threads;
    private final DistributionSummary searchSizes;
    private final MeterRegistry meters;
    /** Turns for the heavy analyses (searches, sensitivity): bounded, so overload gets a fast 503, not a growing queue. */
    private final java.util.concurrent.Semaphore turns;

    public AnalysisService(ModelRegistry registry, EvaluationService evaluations, DealevalConfig config, MeterRegistry meters) {
        this.registry = registry;
        this.evaluations = evaluations;
        this.limits = config.analysis();
        this.meters = meters;
        this.threads = limits.threads() > 0 ? limits.threads() : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dealeval-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.turns = new java.util.concurrent.Semaphore(limits.maxConcurrent(), true);
        this.searchSizes = DistributionSummary.builder("dealeval.search.bundles").description("Bundles examined per search")
                .baseUnit("bundles").register(meters);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** A bundle with an optional name, as raw values keyed by term id. */
    public record NamedBundle(String name, Map<String, Object> terms) {
    }

    /** A term to vary and its candidate levels as a client writes them (null: the model's levels). */
    public record TermLevels(String term, List<Object> levels) {
    }

    /** Which model, scenario and profile a request names. */
    public record Subject(String scenario, String profile, ProfileOverrides overrides) {
    }

    // ------------------------------------------------------------------ comparisons

    public record Compared(EvaluationService.Context context, Objective objective, List<String> names, List<Evaluation> evaluations,
                           List<Comparison.Ranked> ranking) {
    }

    public Compared compare(Subject subject, List<NamedBundle> bundles, Objective objective) {
        List<Violation> violations = new ArrayList<>();
        checkSize("bundles", bundles.size(), 1, limits.maxComparisonBundles(), violations);
        EvaluationService.Context ctx = context(subject, violations);
        List<Bundle> read = readAll("bundles", bundles, violations);
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
            return new Compared(ctx, objective, bundles.stream().map(NamedBundle::name).toList(), evs, Comparison.rank(us, cn, objective));
        });
    }

    // ------------------------------------------------------------------ searches

    /**
     * @param terms   the terms to vary (null or empty: the model's default search subset, less the terms the base fixes)
     * @param budget  the most bundles the caller will have examined (null: the configured maximum)
     */
    public record SearchCommand(Subject subject, Map<String, Object> base, List<TermLevels> terms, Double minUsSurplus,
                                Double minCnSurplus, Long budget, Integer frontierLimit, List<NamedBundle> references) {
    }

    /** Frontier bundles listed when a request does not say. */
    public static final int DEFAULT_FRONTIER_LIMIT = 200;

    /**
     * @param searched  which terms a result bundle states: the base bundle's given terms and the searched ones
     * @param references each reference's evaluation, in request order
     */
    public record Searched(EvaluationService.Context context, Search.Spec spec, boolean[] searched, Search.Result result,
                           int frontierLimit, List<String> referenceNames, List<Evaluation> references, long elapsedNanos) {
    }

    public Searched search(SearchCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        EvaluationService.Context ctx = context(cmd.subject(), violations);
        BundleReader.Result base = BundleReader.read(registry.model(), cmd.base() == null ? Map.of() : cmd.base(), "base");
        violations.addAll(base.violations());
        List<NamedBundle> refs = cmd.references() == null ? List.of() : cmd.references();
        List<Bundle> refBundles = readAll("references", refs, violations);
        int beforeTerms = violations.size();
        List<Search.Dimension> dims = dimensions("terms", cmd.terms(), true, violations);
        if (cmd.terms() == null || cmd.terms().isEmpty()) {
            // the default subset, less the terms the base bundle fixes
            boolean[] fixed = base.bundle().given();
            dims = dims.stream().filter(d -> !fixed[d.term()]).toList();
        }
        boolean termsValid = violations.size() == beforeTerms;
        long budget = cmd.budget() == null ? limits.maxSearchBundles() : cmd.budget();
        if (budget < 1 || budget > limits.maxSearchBundles()) {
            violations.add(new Violation("budget", "must be between 1 and " + Numbers.grouped(limits.maxSearchBundles())
                    + " bundles (the configured maximum)"));
        } else if (termsValid && Search.size(dims) > budget) {
            violations.add(new Violation(cmd.terms() == null || cmd.terms().isEmpty() ? "budget" : "terms", "the deal space holds "
                    + sizeText(dims) + " bundles, more than the budget of " + Numbers.grouped(budget)
                    + (budget < limits.maxSearchBundles() ? " (the budget may be raised to " + Numbers.grouped(limits.maxSearchBundles()) + ")" : "")
                    + "; search fewer terms or fewer levels, or fix some terms in the base bundle"));
        }
        int frontierLimit = cmd.frontierLimit() == null ? Math.min(DEFAULT_FRONTIER_LIMIT, limits.maxFrontierBundles()) : cmd.frontierLimit();
        checkSize("frontierLimit", frontierLimit, 1, limits.maxFrontierBundles(), violations);
        double minUs = cmd.minUsSurplus() == null ? Double.NEGATIVE_INFINITY : cmd.minUsSurplus();
        double minCn = cmd.minCnSurplus() == null ? Double.NEGATIVE_INFINITY : cmd.minCnSurplus();
        throwIfAny(violations);

        CompiledModel m = ctx.model();
        Search.Spec spec = new Search.Spec(m.resolve(base.bundle(), ctx.scenario()), ctx.scenario(), dims, minUs, minCn);
        boolean[] searched = base.bundle().given().clone();
        for (Search.Dimension d : dims) {
            searched[d.term()] = true;
        }
        long t0 = System.nanoTime();
        Search.Result result = withTurn(() -> Search.run(m, spec, pool));
        long elapsed = System.nanoTime() - t0;
        searchSizes.record(result.examined());
        timer("search").record(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
        List<Evaluation> refEvals = refBundles.stream().map(b -> Evaluator.evaluate(m, b, ctx.scenario(), List.of())).toList();
        return new Searched(ctx, spec, searched, result, frontierLimit, refs.stream().map(NamedBundle::name).toList(), refEvals, elapsed);
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
    private List<Search.Dimension> dimensions(String field, List<TermLevels> terms, boolean defaultSubsetOnly, List<Violation> violations) {
        if (terms == null || terms.isEmpty()) {
            return Search.modelDimensions(registry.model(), defaultSubsetOnly);
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
            int t = registry.model().termIndex(tl.term());
            if (t < 0) {
                violations.add(new Violation(at + ".term", "unknown term '" + tl.term() + "' (GET /api/v1/terms lists them)"));
                continue;
            }
            if (!seen.add(tl.term())) {
                violations.add(new Violation(at + ".term", "'" + tl.term() + "' is listed twice"));
                continue;
            }
            TermDef def = registry.model().terms().get(t);
            if (tl.levels() == null) {
                if (def.levels().isEmpty()) {
                    violations.add(new Violation(at + ".levels", "'" + tl.term() + "' has no default levels; give them"));
                    continue;
                }
                out.add(new Search.Dimension(t, def.levels().stream().mapToDouble(Double::doubleValue).toArray()));
                continue;
            }
            if (tl.levels().isEmpty()) {
                violations.add(new Violation(at + ".levels", "must hold at least one level (leave it out for the model's levels)"));
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

    public record CounterofferCommand(Subject subject, Map<String, Object> bundle, List<TermLevels> terms, int limit) {
    }

    /** @param given the terms the caller's bundle states */
    public record Countered(EvaluationService.Context context, boolean[] given, Counteroffers.Result result) {
    }

    public Countered counteroffers(CounterofferCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        EvaluationService.Context ctx = context(cmd.subject(), violations);
        BundleReader.Result bundle = BundleReader.read(registry.model(), cmd.bundle() == null ? Map.of() : cmd.bundle(), "bundle");
        violations.addAll(bundle.violations());
        List<Search.Dimension> dims = dimensions("terms", cmd.terms(), false, violations);
        checkSize("limit", cmd.limit(), 1, limits.maxCounteroffers(), violations);
        throwIfAny(violations);
        return timer("counteroffers").record(() -> {
            double[] x = ctx.model().resolve(bundle.bundle(), ctx.scenario());
            return new Countered(ctx, bundle.bundle().given(), Counteroffers.find(ctx.model(), ctx.scenario(), x, dims, cmd.limit()));
        });
    }

    // ------------------------------------------------------------------ sensitivity

    public record SensitivityCommand(Subject subject, List<NamedBundle> bundles, int samples, long seed, double weightConcentration,
                                     double cloutConcentration, double credibilityConcentration, Objective objective, double tornadoStep) {
    }

    public record Analysed(EvaluationService.Context context, Objective objective, List<String> names, Sensitivity.Result result) {
    }

    public Analysed sensitivity(SensitivityCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        checkSize("bundles", cmd.bundles().size(), 1, limits.maxSensitivityBundles(), violations);
        checkSize("samples", cmd.samples(), 1, limits.maxSensitivitySamples(), violations);
        EvaluationService.Context ctx = context(cmd.subject(), violations);
        List<Bundle> read = readAll("bundles", cmd.bundles(), violations);
        throwIfAny(violations);
        return withTurn(() -> timer("sensitivity").record(() -> {
            List<double[]> xs = read.stream().map(b -> ctx.model().resolve(b, ctx.scenario())).toList();
            Sensitivity.Spec spec = new Sensitivity.Spec(cmd.samples(), cmd.seed(), cmd.weightConcentration(), cmd.cloutConcentration(),
                    cmd.credibilityConcentration(), cmd.objective(), cmd.tornadoStep(), threads);
            return new Analysed(ctx, cmd.objective(), cmd.bundles().stream().map(NamedBundle::name).toList(), Sensitivity.run(ctx.model(), ctx.scenario(), xs, spec, pool));
        }));
    }

    /** Runs a heavy analysis when a turn is free within the configured wait, else refuses it. */
    private <T> T withTurn(java.util.function.Supplier<T> work) {
        boolean got;
        try {
            got = turns.tryAcquire(limits.busyWait().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new BusyException(limits.maxConcurrent() + " searches and sensitivity analyses are already running or waiting; "
                    + "try again shortly.", 1);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    // ------------------------------------------------------------------ shared

    private EvaluationService.Context context(Subject subject, List<Violation> violations) {
        return evaluations.context(subject.scenario(), subject.profile(), subject.overrides(), violations);
    }

    private List<Bundle> readAll(String field, List<NamedBundle> bundles, List<Violation> violations) {
        List<Bundle> out = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            NamedBundle b = bundles.get(i);
            if (b == null) {
                violations.add(new Violation(field + "[" + i + "]", "must not be null"));
                continue;
            }
            BundleReader.Result r = BundleReader.read(registry.model(), b.terms() == null ? Map.of() : b.terms(), field + "[" + i + "].bundle");
            violations.addAll(r.violations());
            out.add(r.bundle());
        }
        return out;
    }

    /** Time spent in each kind of analysis (the registry keeps one timer per kind). */
    private Timer timer(String kind) {
        return Timer.builder("dealeval.analysis").description("Time spent in deal-space analyses").tag("kind", kind).register(meters);
    }

    private static void checkSize(String field, long value, long min, long max, List<Violation> violations) {
        if (value < min || value > max) {
            violations.add(new Violation(field, "must be between " + Numbers.grouped(min) + " and " + Numbers.grouped(max)
                    + " (the configured limit)"));
        }
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            violations.sort(java.util.Comparator.comparing(Violation::field));
            throw new InvalidInputException(violations);
        }
    }
}
