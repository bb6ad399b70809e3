package dev.dealeval.domain.model;

import java.util.List;
import java.util.Map;

/**
 * A faction inside a government (docs/model.md, "Factions and stances"). Its criterion weights are the side's weights
 * times its multipliers, renormalised (docs/model.md, "Factions and stances").
 *
 * @param vetoScope term ids or section wildcards ({@code tiktok.*}) for a SCOPED veto
 */
public record FactionDef(
        String id,
        Side side,
        String name,
        String description,
        double clout,
        VetoKind veto,
        List<String> vetoScope,
        Map<String, Double> multipliers) {

    public FactionDef {
        vetoScope = vetoScope == null ? List.of() : List.copyOf(vetoScope);
        multipliers = multipliers == null ? Map.of() : Map.copyOf(multipliers);
    }

    public double multiplier(String criterion) {
        return multipliers.getOrDefault(criterion, 1.0);
    }

    /** True when the term is inside this faction's veto scope. */
    public boolean scopes(String termId) {
        for (String s : vetoScope) {
            if (s.equals(termId) || (s.endsWith(".*") && termId.startsWith(s.substring(0, s.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    public FactionDef withClout(double newClout) {
        return new FactionDef(id, side, name, description, newClout, veto, vetoScope, multipliers);
    }
}
