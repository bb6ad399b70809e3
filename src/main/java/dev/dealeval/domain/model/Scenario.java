package dev.dealeval.domain.model;

import java.util.List;
import java.util.Map;

/**
 * A no-deal scenario (DOMAIN.md §5): the status quo each side falls back to.
 *
 * @param values  raw term values (Number, Boolean or enum name) that the status quo fixes
 * @param version 1 for built-in scenarios; grows by one per write for user-defined ones
 */
public record Scenario(
        String id,
        String name,
        String date,
        String description,
        Map<String, Object> values,
        List<Threat> threats,
        List<String> sources,
        boolean builtIn,
        long version) {

    public Scenario {
        values = Map.copyOf(values);
        threats = threats == null ? List.of() : List.copyOf(threats);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
