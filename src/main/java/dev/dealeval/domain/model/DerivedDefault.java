package dev.dealeval.domain.model;

import java.util.Map;

/**
 * A term with no neutral value of its own: when a bundle omits it, its value follows another
 * (enum) term, e.g. ByteDance's remaining stake follows the TikTok structure.
 */
public record DerivedDefault(String term, Map<String, Double> values) {
    public DerivedDefault {
        values = Map.copyOf(values);
    }
}
