package dev.dealeval.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the evaluation history. */
public interface EvaluationStore {

    void save(StoredEvaluation evaluation);

    /** Stores them all in the caller's transaction, as one batch of statements. */
    void saveAll(List<StoredEvaluation> evaluations);

    Optional<StoredEvaluation> find(String id);

    /** Filters; null means any. */
    record Filter(String profileId, String scenarioId, String verdict, Instant from, Instant to) {}

    /** Newest first (created_at, then id, descending): a stable order. Entries only: no request or answer is read. */
    List<StoredEvaluation.Entry> list(Filter filter, int offset, int limit);

    /** A position in that order: the evaluations after it are older, or as old with a smaller id. */
    record Cursor(Instant createdAt, String id) {}

    /**
     * The first {@code limit} evaluations after the cursor (null: from the newest), in the same order:
     * keyset paging, which neither repeats nor skips while newer evaluations are stored.
     */
    List<StoredEvaluation.Entry> listAfter(Filter filter, Cursor after, int limit);

    long count(Filter filter);
}
