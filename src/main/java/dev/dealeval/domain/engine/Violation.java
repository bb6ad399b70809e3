package dev.dealeval.domain.engine;

/** One invalid input: {@code field} is a JSON path such as {@code bundle.purchases.years}. */
public record Violation(String field, String message) {}
