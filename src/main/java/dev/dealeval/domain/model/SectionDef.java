package dev.dealeval.domain.model;

/**
 * A section of a deal bundle: the terms whose ids start with {@code id.} are written together, as
 * {@code {"id": {"name": value}}}. The description is what the API's documentation says of it.
 */
public record SectionDef(String id, String description) {}
