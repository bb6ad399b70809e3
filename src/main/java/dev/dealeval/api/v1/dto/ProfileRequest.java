package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.api.v1.Ids;
import dev.dealeval.domain.model.Side;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description =
                "A profile to create (POST) or to replace (PUT): changes to a base profile's weights, factions, credibility "
                        + "and settings. The result is validated as a whole: weights non-negative with at least one positive per side, clouts "
                        + "summing to 1 per side, multipliers 0-10, known criteria and factions.")
public record ProfileRequest(
        @Pattern(regexp = Ids.PROFILE, message = "must be lower-case kebab-case, at most 64 characters")
        @Schema(
                description = "Id of the new profile (POST only; PUT takes it from the path).",
                examples = "tariff-hawk")
        String id,

        @Schema(description = "Profile the changes apply to (default: default).", examples = "default")
        @Size(max = 64, message = "must be at most 64 characters")
        String basedOn,

        @NotBlank @Size(max = 200) @Schema(examples = "Tariff hawk")
        String name,

        @Size(max = 2000) String description,
        @Size(max = 20) List<@Size(max = 500) String> sources,

        @Schema(
                description =
                        "Criterion weights by side that replace the base's (each side is renormalised when used).")
        @Size(max = 2)
        Map<Side, @Size(max = 200) Map<String, Double>> weights,

        @Schema(description = "Faction parameters by faction id that replace the base's.") @Size(max = 100)
        Map<String, Overrides.@Valid FactionOverride> factions,

        Credibility credibility,
        Settings settings) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CredibilityChanges", description = "Credibility parameters that replace the base's.")
    public record Credibility(
            @Size(max = 200) Map<String, Double> trackRecords,
            @Size(max = 200) Map<String, Double> formFactors,
            @Size(max = 200) Map<String, Double> enforcementFactors,
            Double baselineUsdBn,
            Double referenceGrowth,
            Double referenceDelivery,
            Double excessBelief) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SettingsChanges", description = "Decision settings that replace the base's.")
    public record Settings(
            Double stanceMargin,
            Double temperature,
            @Size(max = 2) Map<Side, Double> threshold,

            @Schema(description = "rho in [0, 1]: a faction's stance margin is min(stanceMargin, rho x its stake).")
            Double relativeStanceMargin,

            @Schema(description = "gamma in [0, 1000] utility points: a faction's support is S / (G + gamma).")
            Double stakeFloor,

            @Schema(description = "epsilon in [0, 0.5): no ratification probability is below it or above 1 - epsilon.")
            Double probabilityFloor) {}
}
