package dev.dealeval.bench;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's two paths (docs/benchmarks.md): a fully explained evaluation (target ≤ 20 µs) and the
 * utility-only scoring a search runs per bundle, with both ratification tests (target ≥ 2 million
 * bundles per second per core). Bundles are 1,024 seeded random ones over every term, cycled so
 * nothing is constant-folded. Run with bench/jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EvaluationBenchmark {
    private static final int N = 1024;

    private CompiledModel model;
    private Work work;
    private Bundle[] bundles;
    private double[][] resolved;
    private int[] scenario;
    private int next;

    @Setup
    public void setUp() {
        DealModel m = ModelFixtures.defaultModel();
        model = TestModels.compile(m, "default");
        work = model.newWork();
        var seeded = TestModels.seededBundles(m, N, 2025, 0.6);
        bundles = seeded.bundles();
        scenario = seeded.scenario();
        resolved = new double[N][];
        for (int i = 0; i < N; i++) {
            resolved[i] = model.resolve(bundles[i], scenario[i]);
        }
    }

    /** Everything the API returns: criteria, per-term contributions, factions with reasons, credibility, warnings. */
    @Benchmark
    public Evaluation explained() {
        int i = next++ & (N - 1);
        return Evaluator.evaluate(model, bundles[i], scenario[i], List.of());
    }

    /** What a search does per bundle: both utilities, every faction's utility and both ratification tests. */
    @Benchmark
    public int utilityOnly() {
        int i = next++ & (N - 1);
        double[] x = resolved[i];
        int s = scenario[i];
        model.score(x, s, work);
        boolean us = model.ratifies(Side.US, x, s, work);
        boolean cn = model.ratifies(Side.CN, x, s, work);
        return (us ? 1 : 0) + (cn ? 2 : 0) + (int) work.utility(Side.US);
    }
}
