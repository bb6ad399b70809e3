package dev.dealeval.bench;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.model.DealModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows that a search's memory does not grow with the space (docs/analyses.md): runs one search of
 * the given size, then runs it again while sampling the live heap (after a forced full collection)
 * and prints the largest. Run by bench/search-memory.sh, each size in a
 * fresh JVM with the same small heap.
 */
public final class SearchMemoryProbe {
    private SearchMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        long wanted = Long.parseLong(args[0]);
        DealModel m = ModelFixtures.defaultModel();
        CompiledModel model = TestModels.compile(m, "default");
        int s = model.scenarioIndex("GENEVA_2025");
        List<Search.Dimension> dims = new ArrayList<>(Search.defaultDimensions(model.model()));
        for (String extra :
                new String[] {"chinaMeasures.tariffPct", "purchases.servicesUsdBnPerYear", "geopolitics.northKorea"}) {
            if (Search.size(dims) >= wanted) {
                break;
            }
            int t = m.termIndex(extra);
            dims.add(new Search.Dimension(
                    t,
                    m.terms().get(t).levels().stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray()));
        }
        while (Search.size(dims) > wanted) {
            dims.remove(0);
        }
        Search.Spec spec = new Search.Spec(
                model.resolve(Bundle.empty(m.terms().size()), s),
                s,
                dims,
                Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Search.run(
                model,
                new Search.Spec(
                        spec.base(),
                        s,
                        dims.subList(0, Math.min(4, dims.size())),
                        spec.minUsSurplus(),
                        spec.minCnSurplus()),
                pool); // class loading and a little JIT before measuring
        long t0 = System.nanoTime();
        Search.Result r = Search.run(model, spec, pool);
        double secs = (System.nanoTime() - t0) / 1e9;
        // The same search again while a sampler forces a full collection every 50 ms and reads the
        // heap still in use: the live set, whatever the collector would otherwise have left behind.
        AtomicLong peak = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                samples.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        Search.run(model, spec, pool);
        sampler.interrupt();
        sampler.join();
        pool.shutdown();
        System.out.printf(
                "%,14d bundles  %6.2f s  frontier %4d  live heap during the search: peak %5.1f MB over %d samples (heap limit %d MB)%n",
                r.examined(),
                secs,
                r.frontier().size(),
                peak.get() / 1048576.0,
                samples.get(),
                Runtime.getRuntime().maxMemory() / 1048576);
    }
}
