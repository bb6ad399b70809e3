package dev.dealeval.application.error;

/** A conditional write found another version than the one it was based on; maps to 412. */
public final class VersionConflictException extends ServiceException {
    public VersionConflictException(String kind, String id, long expected, Long actual) {
        super("The " + kind + " '" + id + "' is at version " + (actual == null ? "unknown" : actual) + ", not "
                + expected + " as If-Match says; read it again and retry.");
    }
}
