package dev.dealeval.bench;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.BundleGenerator;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.analysis.Frontier;
import dev.dealeval.domain.analysis.Objective;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.analysis.Sensitivity;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.model.DealModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The deal-space targets of docs/benchmarks.md, on the default model:
 * <ul>
 *   <li>frontier: sort and sweep of 10^6 anti-correlated points (target ≤ 0.3 s);</li>
 *   <li>search: every bundle scored with both ratification tests, the frontier and the four
 *       solutions, on both cores — the default space (1,152,000 bundles, target ≤ 1 s) and that
 *       space times China's tariff and services purchases (10,368,000, target ≤ 10 s);</li>
 *   <li>sensitivity: 10,000 SMAA samples over 50 bundles (target ≤ 1 s).</li>
 * </ul>
 * Run with {@code bench/jmh.sh AnalysisBenchmark}; add {@code -prof gc} for allocation per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class AnalysisBenchmark {
    private static final int POINTS = 1_000_000;

    @Param({"1152000", "10368000"})
    public long searchSize;

    private CompiledModel model;
    private ExecutorService pool;
    private Search.Spec search;
    private double[] x;
    private double[] y;
    private List<double[]> smaaBundles;
    private int scenario;

    @Setup(Level.Trial)
    public void setUp() {
        DealModel m = ModelFixtures.defaultModel();
        model = TestModels.compile(m, "default");
        scenario = model.scenarioIndex("GENEVA_2025");
        pool = Executors.newFixedThreadPool(2);
        List<Search.Dimension> dims = new ArrayList<>(Search.defaultDimensions(model.model()));
        if (searchSize > 1_152_000) {
            dims.add(dimension(m, "chinaMeasures.tariffPct"));
            dims.add(dimension(m, "purchases.servicesUsdBnPerYear"));
        }
        search = new Search.Spec(
                model.resolve(Bundle.empty(m.terms().size()), scenario),
                scenario,
                dims,
                Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        if (search.size() != searchSize) {
            throw new IllegalStateException("space of " + search.size() + " bundles, expected " + searchSize);
        }
        // anti-correlated: points near the line x + y = 1, so a large share of them is on the frontier
        SplittableRandom r = new SplittableRandom(42);
        x = new double[POINTS];
        y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double t = r.nextDouble();
            double off = r.nextDouble() * 0.01;
            x[i] = t - off;
            y[i] = 1 - t - off;
        }
        BundleGenerator gen = new BundleGenerator(m, 50, 0.5);
        smaaBundles = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            smaaBundles.add(model.resolve(TestModels.bundle(m, gen.next()), scenario));
        }
    }

    private Search.Dimension dimension(DealModel m, String term) {
        int t = m.termIndex(term);
        return new Search.Dimension(
                t,
                m.terms().get(t).levels().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    /** 10^6 anti-correlated points: sort and sweep (the same for both searchSize values; run with -p searchSize=1152000). */
    @Benchmark
    public int frontier() {
        return Frontier.positions(x, y, POINTS).length;
    }

    @Benchmark
    public Search.Result search() {
        return Search.run(model, search, pool);
    }

    /** 10,000 samples × 50 bundles with the default concentrations of the API, on two threads. */
    @Benchmark
    public Sensitivity.Result sensitivity() {
        return Sensitivity.run(
                model, scenario, smaaBundles, new Sensitivity.Spec(10_000, 7, 100, 100, 20, Objective.NASH, 0.2, 2));
    }
}
