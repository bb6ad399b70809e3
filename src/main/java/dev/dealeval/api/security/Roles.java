package dev.dealeval.api.security;

/** The roles an API key can carry. */
public final class Roles {
    /** May create, replace and delete profiles and scenarios. */
    public static final String EDITOR = "editor";

    private Roles() {}
}
