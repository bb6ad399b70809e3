package dev.dealeval.application.port;

import java.util.Optional;

/** Port: outcomes of creating POSTs by Idempotency-Key, in the same transaction as the creation. */
public interface IdempotencyStore {

    /** What a creating POST answered, to replay it. */
    record Outcome(int status, String location, String etag, String body) {}

    record Recorded(String requestHash, Outcome outcome) {}

    /**
     * Reserves the key for this request, flushing at once so that a concurrent request with the
     * same key waits on the row and then fails; the caller then replays the winner's outcome.
     *
     * @throws KeyTakenException when the key is already recorded (now or by a concurrent request)
     */
    void reserve(String scope, String key, String requestHash);

    /** Fills in the outcome of a reserved key (same transaction). */
    void complete(String scope, String key, Outcome outcome);

    Optional<Recorded> find(String scope, String key);

    /** The key is recorded already. */
    class KeyTakenException extends RuntimeException {
        public KeyTakenException(Throwable cause) {
            super("idempotency key already recorded", cause);
        }
    }
}
