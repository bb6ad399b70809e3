package dev.dealeval.domain.model;

/**
 * Scales a component by {@code min(1, value(term) / per)}: the equity cap and technology licensing
 * matter only in proportion to the investment they come with.
 */
public record Gate(String term, double per) {
}
