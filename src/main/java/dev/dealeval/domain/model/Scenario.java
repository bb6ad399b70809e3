package dev.dealeval.domain.model;

import java.util.List;
import java.util.Map;

/**
 * A no-deal scenario (docs/model.md, "No-deal scenarios"): the status quo each side falls back to.
 *
 * @param values  raw term values (Number, Boolean or enum name) that the status quo fixes
 * @param version 1 for built-in scenarios; grows by one per write for user-defined ones
 * @param reservation each side's utility without a deal, given outright (an imported domain's reservation
 *                values, on the model's utility scale), or null: the utility of the no-deal bundle the
 *                values and threats define
 * @param freshMeasures the other side's measures among the values that took effect in the month before
 *                the scenario's date, each term with the raw value it had before (docs/model.md
 *                "Coercion"): a deal that pays for nothing but their withdrawal is made under coercion
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
        long version,
        Map<Side, Double> reservation,
        Map<String, Object> freshMeasures) {

    public Scenario {
        values = Map.copyOf(values);
        threats = threats == null ? List.of() : List.copyOf(threats);
        sources = sources == null ? List.of() : List.copyOf(sources);
        reservation = reservation == null ? null : Map.copyOf(reservation);
        freshMeasures = freshMeasures == null ? Map.of() : Map.copyOf(freshMeasures);
    }

    /** This scenario as a user-defined one with the given id and version: what a store holds. */
    public Scenario stored(String id, long version) {
        return new Scenario(
                id, name, date, description, values, threats, sources, false, version, reservation, freshMeasures);
    }

    /** A status quo given by term values and threats. */
    public Scenario(
            String id,
            String name,
            String date,
            String description,
            Map<String, Object> values,
            List<Threat> threats,
            List<String> sources,
            boolean builtIn,
            long version) {
        this(id, name, date, description, values, threats, sources, builtIn, version, null, Map.of());
    }
}
