package dev.dealeval.application.error;

/** A write to a versioned resource came without If-Match; maps to 428. */
public final class PreconditionRequiredException extends ServiceException {
    public PreconditionRequiredException(String kind, String id) {
        super("Changing the " + kind + " '" + id + "' needs an If-Match header with its current ETag (from GET).");
    }
}
