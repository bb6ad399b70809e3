package dev.dealeval.application.evaluation;

import dev.dealeval.application.port.EvaluationStore;
import dev.dealeval.application.port.Page;
import dev.dealeval.application.port.StoredEvaluation;
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
    public Page<StoredEvaluation.Entry> list(EvaluationStore.Filter filter, int page, int size) {
        return new Page<>(store.list(filter, page * size, size), page, size, store.count(filter));
    }

    /** A page after a cursor (null: the newest), and the cursor of the next page (null when this one is the last). */
    public record CursorPage(java.util.List<StoredEvaluation.Entry> items, EvaluationStore.Cursor next) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public CursorPage listAfter(EvaluationStore.Filter filter, EvaluationStore.Cursor after, int size) {
        // One more than asked tells whether there is a next page without counting.
        var items = store.listAfter(filter, after, size + 1);
        if (items.size() <= size) {
            return new CursorPage(items, null);
        }
        var page = items.subList(0, size);
        StoredEvaluation.Entry last = page.get(size - 1);
        return new CursorPage(java.util.List.copyOf(page), new EvaluationStore.Cursor(last.createdAt(), last.id()));
    }
}
