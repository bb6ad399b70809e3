package dev.dealeval.domain.model;

import java.util.Map;

/**
 * How much the U.S. believes a Chinese pledge (docs/model.md, "Credibility"):
 * {@code credible = pledge x trackRecord(category) x realism x form x enforcement}, capped at the pledge.
 *
 * @param trackRecords      delivered share by pledge category (agriculture, energy, ..., policy)
 * @param formFactors       by commitment.form
 * @param enforcementFactors by commitment.enforcement
 * @param baselineUsdBn     U.S. exports to China the pledge grows from ($B/yr, 2017)
 * @param referenceGrowth   the yearly export growth Phase One required (0.33)
 * @param referenceDelivery the share of a pledge at that pace that is delivered (Phase One's 0.577)
 * @param excessBelief      how much of the expected delivery beyond that pace is believed
 * @param purchaseCategories the pledge categories that are purchases ($B/yr) and subject to realism
 */
public record CredibilityParams(
        Map<String, Double> trackRecords,
        Map<String, Double> formFactors,
        Map<String, Double> enforcementFactors,
        double baselineUsdBn,
        double referenceGrowth,
        double referenceDelivery,
        double excessBelief,
        java.util.List<String> purchaseCategories) {

    public CredibilityParams {
        trackRecords = Map.copyOf(trackRecords);
        formFactors = Map.copyOf(formFactors);
        enforcementFactors = Map.copyOf(enforcementFactors);
        purchaseCategories = java.util.List.copyOf(purchaseCategories);
    }
}
