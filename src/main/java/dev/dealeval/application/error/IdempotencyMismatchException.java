package dev.dealeval.application.error;

/** An Idempotency-Key reused with a different request; maps to 422. */
public final class IdempotencyMismatchException extends ServiceException {
    public IdempotencyMismatchException(String key) {
        super("The Idempotency-Key '" + key
                + "' was first used with a different request; use a new key for a new request.");
    }
}
