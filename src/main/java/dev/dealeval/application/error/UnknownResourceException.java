package dev.dealeval.application.error;

/** A path names a resource that does not exist; maps to 404. */
public final class UnknownResourceException extends ServiceException {
    private final String kind;
    private final String id;

    public UnknownResourceException(String kind, String id) {
        super("No " + kind + " with id '" + id + "'");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
