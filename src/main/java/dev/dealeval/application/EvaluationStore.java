package dev.dealeval.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the evaluation history. */
public interface EvaluationStore {

    void save(StoredEvaluation evaluation);

    Optional<StoredEvaluation> find(String id);

    /** Filters; null means any. */
    record Filter(String profileId, String scenarioId, String verdict, Instant from, Instant to) {
    }

    /** Newest first (created_at, then id, descending): a stable order. */
    List<StoredEvaluation> list(Filter filter, int offset, int limit);

    long count(Filter filter);
}
