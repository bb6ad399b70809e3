package dev.dealeval.application.error;

/** The write contradicts the resource's state (a built-in is read-only, an id is taken); maps to 409. */
public final class ConflictException extends ServiceException {
    public ConflictException(String message) {
        super(message);
    }
}
