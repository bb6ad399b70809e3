package dev.dealeval.application.evaluation;

import dev.dealeval.application.port.IdempotencyStore;
import dev.dealeval.application.port.IdempotencyStore.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs a creating request at most once per Idempotency-Key. The key is recorded in the same
 * transaction as what the request creates; a repeat (or a concurrent twin that lost the race on the
 * key's row) gets the recorded status and body again; the same key with another request gets 422.
 */
@ApplicationScoped
public class Idempotency {
    private final IdempotencyTransactions tx;

    public Idempotency(IdempotencyTransactions tx) {
        this.tx = tx;
    }

    /**
     * @param key         the Idempotency-Key header, or null to just run the work in a transaction
     * @param requestHash a hash of the canonical request
     */
    public Outcome run(String scope, String key, String requestHash, Supplier<Outcome> work) {
        if (key == null) {
            return tx.once(work);
        }
        try {
            return tx.firstTime(scope, key, requestHash, work);
        } catch (IdempotencyStore.KeyTakenException taken) {
            return tx.replay(scope, key, requestHash);
        }
    }
}
