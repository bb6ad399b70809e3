package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "Per-request changes to the profile. Weights replace the named criteria's weights (each side is then "
                        + "renormalised, so only ratios matter); faction fields replace the named faction's values. If changed clouts no longer "
                        + "sum to 1 on a side, that side's clouts are rescaled and a warning says so.")
public record Overrides(
        @Schema(description = "Criterion weights by side, e.g. {\"US\": {\"nationalSecurity\": 0.3}}.") @Size(max = 2)
        Map<Side, @Size(max = 200) Map<String, Double>> weights,

        @Schema(description = "Faction parameters by faction id.") @Size(max = 100)
        Map<String, @Valid FactionOverride> factions) {

    @Schema(description = "Changes to one faction; fields left out keep the profile's values.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FactionOverride(
            @Schema(description = "Share of the side's decision weight (0-1).", examples = "0.2")
            Double clout,

            @Schema(description = "Multipliers on the side's criterion weights (0-10), by criterion id.")
            @Size(max = 200)
            Map<String, Double> multipliers,

            VetoKind veto,

            @Schema(description = "Terms (or section.* wildcards) a SCOPED veto covers.") @Size(max = 200)
            List<@Size(max = 100) String> vetoScope) {}
}
