package dev.dealeval.domain.model;

import java.util.Map;

/**
 * What enforces the other side's promises (docs/model.md "Credibility"): the believing side's own
 * measures, as a linear form of terms, {@code E(x) = base + Σ coefficient(t) × x(t)} - for the
 * U.S.–China model the U.S. tariffs on Chinese goods in average points. A bundle that lifts a share g
 * of the measures in force on the scenario's day leaves its pledges enforced only by the rest: each
 * is believed at (1 − g) of its credibility.
 *
 * @param base     E of a bundle whose terms are all 0
 * @param measures each term's coefficient (a NUMBER or INTEGER term)
 */
public record EnforcingMeasures(double base, Map<String, Double> measures) {
    public EnforcingMeasures {
        measures = Map.copyOf(measures);
    }
}
