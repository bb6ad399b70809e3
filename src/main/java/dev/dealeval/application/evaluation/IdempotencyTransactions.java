package dev.dealeval.application.evaluation;

import dev.dealeval.application.error.IdempotencyMismatchException;
import dev.dealeval.application.port.IdempotencyStore;
import dev.dealeval.application.port.IdempotencyStore.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** The transactions of {@link Idempotency} (a separate bean so that each call goes through the transaction interceptor). */
@ApplicationScoped
public class IdempotencyTransactions {
    private final IdempotencyStore store;

    public IdempotencyTransactions(IdempotencyStore store) {
        this.store = store;
    }

    @Transactional
    public Outcome once(Supplier<Outcome> work) {
        return work.get();
    }

    /** Reserve the key, do the work, record its outcome: all or nothing. */
    @Transactional
    public Outcome firstTime(String scope, String key, String requestHash, Supplier<Outcome> work) {
        store.reserve(scope, key, requestHash);
        Outcome outcome = work.get();
        store.complete(scope, key, outcome);
        return outcome;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome replay(String scope, String key, String requestHash) {
        IdempotencyStore.Recorded recorded = store.find(scope, key)
                .orElseThrow(() -> new IllegalStateException("idempotency key " + key + " vanished"));
        if (!recorded.requestHash().equals(requestHash)) {
            throw new IdempotencyMismatchException(key);
        }
        return recorded.outcome();
    }
}
