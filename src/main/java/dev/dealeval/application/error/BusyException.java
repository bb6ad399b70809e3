package dev.dealeval.application.error;

/** The service is running as many heavy analyses as it is configured to: try again shortly (503). */
public final class BusyException extends ServiceException {
    private final int retryAfterSeconds;

    public BusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
