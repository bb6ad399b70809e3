package dev.dealeval.application.catalog;

/** What an If-Match header asks for, as the services take it. */
public final class IfMatch {
    /** {@code If-Match: *}: whatever version is current. */
    public static final long ANY = -1;

    private IfMatch() {}
}
