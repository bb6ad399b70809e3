package dev.dealeval.application.catalog;

import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.application.port.ScenarioStore;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.ModelValidator;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.Threat;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No-deal scenarios: the built-in ones of the model file (read-only) and user-defined ones of the
 * {@link ScenarioStore}.
 */
@ApplicationScoped
public class ScenarioService extends CatalogService<Scenario, ScenarioService.Draft> {
    private final ModelRegistry registry;
    private final VersionedCatalog<Scenario> catalog;

    public ScenarioService(ModelRegistry registry, ScenarioStore store) {
        this.registry = registry;
        this.catalog = new VersionedCatalog<>("scenario", registry::scenarios, store, Scenario::id, Scenario::version);
    }

    @Override
    VersionedCatalog<Scenario> catalog() {
        return catalog;
    }

    /**
     * A scenario as written by a user: its own term values over those of {@code basedOn} (a
     * scenario id, or null for none), threats, and where it comes from.
     */
    public record Draft(
            String basedOn,
            String name,
            String date,
            String description,
            Map<String, Object> values,
            List<Threat> threats,
            Map<String, Object> freshMeasures,
            List<String> sources) {}

    /** The complete scenario, validated against the model's terms before anything is written. */
    @Override
    Scenario resolve(String id, long version, Draft d) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (d.basedOn() != null) {
            Scenario base = find(d.basedOn())
                    .orElseThrow(() -> new InvalidInputException(
                            List.of(new Violation("basedOn", "unknown scenario '" + d.basedOn() + "'"))));
            values.putAll(base.values());
        }
        if (d.values() != null) {
            values.putAll(d.values());
        }
        if (d.name() == null || d.name().isBlank()) {
            throw new InvalidInputException(List.of(new Violation("name", "is required")));
        }
        Scenario s = new Scenario(
                id,
                d.name(),
                d.date() == null ? "" : d.date(),
                d.description() == null ? "" : d.description(),
                values,
                d.threats(),
                d.sources(),
                false,
                version,
                null,
                d.freshMeasures());
        try {
            ModelValidator.validateScenario(registry.model(), s, "");
        } catch (ModelException e) {
            String field = e.entry().startsWith(".") ? e.entry().substring(1) : e.entry();
            throw new InvalidInputException(List.of(
                    new Violation(field, e.getMessage().substring(e.entry().length() + 2))));
        }
        return s;
    }
}
