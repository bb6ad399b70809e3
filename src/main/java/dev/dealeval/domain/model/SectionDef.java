package dev.dealeval.domain.model;

/**
 * A section of a deal bundle: the terms whose ids start with {@code id.} are written together, as
 * {@code {"id": {"name": value}}}. The description is what the API's documentation says of it.
 *
 * @param giver the side that gives what the section's terms hold (China's purchases, the U.S.'s
 *              concessions), or null for terms of form and process; coercion reads it
 */
public record SectionDef(String id, String description, Side giver) {
    /** A section no side gives. */
    public SectionDef(String id, String description) {
        this(id, description, null);
    }
}
