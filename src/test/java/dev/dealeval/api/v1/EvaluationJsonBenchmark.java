package dev.dealeval.api.v1;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.api.v1.dto.EvaluationResponse;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.model.DealModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * Writing an explained evaluation as JSON (about 12 KB, 250 numbers), the larger part of the explained
 * view's CPU under HTTP load: {@code json} writes one of 1,024 seeded evaluations' responses, {@code
 * evaluateAndJson} also computes and maps it, as the endpoint does. The mapper writes doubles as the
 * service's does (Schubfach). Run with {@code bench/jmh.sh EvaluationJsonBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EvaluationJsonBenchmark {
    private static final int N = 1024;

    private CompiledModel model;
    private dev.dealeval.domain.engine.Bundle[] bundles;
    private int[] scenario;
    private EvaluationResponse[] responses;
    private ObjectWriter writer;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    private int next;

    @Setup
    public void setUp() {
        DealModel m = ModelFixtures.defaultModel();
        model = TestModels.compile(m, "default");
        var seeded = TestModels.seededBundles(m, N, 2025, 0.6);
        bundles = seeded.bundles();
        scenario = seeded.scenario();
        responses = new EvaluationResponse[N];
        for (int i = 0; i < N; i++) {
            responses[i] = DtoMapper.evaluation(Evaluator.evaluate(model, bundles[i], scenario[i], List.of()));
        }
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().configure(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature(), true);
        writer = mapper.writerFor(EvaluationResponse.class);
    }

    @Benchmark
    public int json() throws IOException {
        out.reset();
        writer.writeValue(out, responses[next++ & (N - 1)]);
        return out.size();
    }

    @Benchmark
    public int evaluateAndJson() throws IOException {
        int i = next++ & (N - 1);
        out.reset();
        writer.writeValue(out, DtoMapper.evaluation(Evaluator.evaluate(model, bundles[i], scenario[i], List.of())));
        return out.size();
    }
}
