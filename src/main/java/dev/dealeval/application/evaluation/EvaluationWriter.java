package dev.dealeval.application.evaluation;

import dev.dealeval.application.error.DatabaseErrors;
import dev.dealeval.application.port.EvaluationStore;
import dev.dealeval.application.port.StoredEvaluation;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Stores evaluations by group commit: one writer thread takes every evaluation waiting and writes
 * them in one transaction, so a burst costs one synchronous disk write instead of one each. A caller
 * is answered only after the transaction holding its evaluation has committed (the future completes
 * then), so nothing acknowledged can be lost. If a batch fails while the database is reachable, each
 * of its evaluations is retried in a transaction of its own, so one bad row fails only its own
 * request; if the database cannot be reached, the whole batch fails at once.
 */
@ApplicationScoped
public class EvaluationWriter {
    private static final Logger LOG = Logger.getLogger(EvaluationWriter.class);
    /** Most evaluations in one transaction (about 13 KB each). */
    static final int MAX_BATCH = 256;

    private record Pending(StoredEvaluation evaluation, CompletableFuture<Void> done) {}

    private final EvaluationStore store;
    private final DistributionSummary batchSize;
    private final Timer commitTime;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread writer;

    public EvaluationWriter(EvaluationStore store, MeterRegistry meters) {
        this.store = store;
        this.batchSize = DistributionSummary.builder("dealeval.evaluations.batch.size")
                .description("Stored evaluations written by one group commit")
                .register(meters);
        this.commitTime = Timer.builder("dealeval.evaluations.batch.commit")
                .description("Time to insert and commit one group of stored evaluations")
                .register(meters);
    }

    @PostConstruct
    void start() {
        writer = new Thread(this::loop, "dealeval-evaluation-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Stores the evaluation; completes once it is committed, or exceptionally with why it could not be. */
    public CompletableFuture<Void> write(StoredEvaluation evaluation) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the service is stopping"));
            return done;
        }
        queue.add(new Pending(evaluation, done));
        return done;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    // Finish what was accepted before stopping.
                    List<Pending> rest = new ArrayList<>();
                    queue.drainTo(rest);
                    if (!rest.isEmpty()) {
                        commit(rest);
                    }
                    return;
                }
            } catch (RuntimeException | Error e) {
                LOG.error("evaluation writer", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<StoredEvaluation> evaluations =
                    batch.stream().map(Pending::evaluation).toList();
            batchSize.record(evaluations.size());
            commitTime.record(() -> QuarkusTransaction.requiringNew().run(() -> store.saveAll(evaluations)));
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1 || DatabaseErrors.unavailable(batchFailed)) {
                // Nothing to single out, or the database is away: each request gets the failure now (503), not a retry
                // each.
                batch.forEach(p -> p.done().completeExceptionally(batchFailed));
                return;
            }
            for (Pending p : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> store.save(p.evaluation()));
                    p.done().complete(null);
                } catch (RuntimeException e) {
                    p.done().completeExceptionally(e);
                }
            }
        }
    }
}
