package dev.dealeval.application.analysis;

import dev.dealeval.application.error.BusyException;
import dev.dealeval.config.DealevalConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the deal-space analyses share: one pool of worker threads (searches, sensitivity analyses
 * and exports split their work over it), a bounded number of turns for the heavy ones (overload gets
 * a fast 503, not a growing queue) and their metrics.
 */
@ApplicationScoped
public class AnalysisCapacity {
    /** What takes a turn: every request whose work can cost seconds of CPU. */
    public static final String HEAVY = "searches (simulations' and exports' among them), sensitivity analyses,"
            + " counteroffers, fits, robustness runs, out-of-fold backtests";

    private final DealevalConfig.Analysis limits;
    private final ExecutorService pool;
    private final int threads;
    private final Semaphore turns;
    private final MeterRegistry meters;
    private final DistributionSummary searchSizes;

    public AnalysisCapacity(DealevalConfig config, MeterRegistry meters) {
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
        this.turns = new Semaphore(limits.maxConcurrent(), true);
        this.searchSizes = DistributionSummary.builder("dealeval.search.bundles")
                .description("Bundles examined per search")
                .baseUnit("bundles")
                .register(meters);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** The analyses' configured limits. */
    public DealevalConfig.Analysis limits() {
        return limits;
    }

    /** The worker threads the heavy analyses split their work over. */
    public ExecutorService pool() {
        return pool;
    }

    /** How many worker threads the pool has. */
    public int threads() {
        return threads;
    }

    /** Runs a heavy analysis when a turn is free within the configured wait, else refuses it. */
    public <T> T withTurn(Supplier<T> work) {
        boolean got;
        try {
            got = turns.tryAcquire(limits.busyWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new BusyException(
                    limits.maxConcurrent() + " heavy analyses (" + HEAVY + ") are already running or waiting; "
                            + "try again shortly.",
                    1);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    /** Time spent in each kind of analysis (the registry keeps one timer per kind). */
    public Timer timer(String kind) {
        return Timer.builder("dealeval.analysis")
                .description("Time spent in deal-space analyses")
                .tag("kind", kind)
                .register(meters);
    }

    /** Records a search: how many bundles it examined and how long it took. */
    public void searched(long examined, long elapsedNanos) {
        searchSizes.record(examined);
        timer("search").record(elapsedNanos, TimeUnit.NANOSECONDS);
    }
}
