package dev.dealeval.domain.model;

/**
 * A measure threatened in a scenario: without a deal the term is expected at
 * {@code (1 - probability) * current + probability * value}; a deal that leaves the term out
 * keeps the current value (the threat is withdrawn).
 */
public record Threat(String term, double value, double probability, String description) {}
