package dev.dealeval.domain.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A complete set of preferences to evaluate with: side weights, factions, credibility and
 * decision settings. Weights are normalised per side when compiled, so only their ratios matter.
 */
public record Profile(
        String id,
        String name,
        String description,
        List<String> sources,
        boolean builtIn,
        long version,
        Map<Side, Map<String, Double>> weights,
        List<FactionDef> factions,
        CredibilityParams credibility,
        Settings settings) {

    public Profile {
        sources = sources == null ? List.of() : List.copyOf(sources);
        EnumMap<Side, Map<String, Double>> w = new EnumMap<>(Side.class);
        weights.forEach((k, v) -> w.put(k, Map.copyOf(v)));
        weights = java.util.Collections.unmodifiableMap(w);
        factions = List.copyOf(factions);
    }

    public List<FactionDef> factions(Side side) {
        return factions.stream().filter(f -> f.side() == side).toList();
    }
}
