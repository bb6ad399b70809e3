package dev.dealeval.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Stored evaluations: saved inside the caller's transaction, read back exactly as returned. */
@ApplicationScoped
public class EvaluationHistory {
    private final EvaluationStore store;

    public EvaluationHistory(EvaluationStore store) {
        this.store = store;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(StoredEvaluation evaluation) {
        store.save(evaluation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredEvaluation> find(String id) {
        return store.find(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StoredEvaluation> list(EvaluationStore.Filter filter, int page, int size) {
        return new Page<>(store.list(filter, page * size, size), page, size, store.count(filter));
    }
}
