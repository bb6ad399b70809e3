package dev.dealeval.domain.model;

import java.util.List;

/**
 * A criterion of one side (docs/model.md, "Criteria and weights"): {@code value = clamp01(shape(base + sum of components))}.
 *
 * @param weight  the default priority weight (a profile may change it)
 * @param formula the formula in words, for people
 */
public record CriterionDef(
        String id,
        Side side,
        double weight,
        String formula,
        String description,
        double base,
        Shape shape,
        List<Component> components) {

    public CriterionDef {
        components = List.copyOf(components);
    }
}
