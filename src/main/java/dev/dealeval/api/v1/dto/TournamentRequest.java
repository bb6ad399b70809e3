package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import dev.dealeval.domain.analysis.Simulation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A tournament, as the ANAC competitions run them: every ordered pair of the strategies (the first playing the U.S., "
                        + "the second China, a strategy also against itself) negotiates in every setting — each scenario with each profile, or each "
                        + "imported domain — over the same deal space.")
public record TournamentRequest(
        @NotNull(message = "is required: at least two strategies")
        @Size(min = 2, max = 8, message = "must hold between 2 and 8 strategies")
        List<@Valid @NotNull(message = "must not be null") NamedStrategy> strategies,

        @Size(max = 16, message = "must hold at most 16 scenarios")
        @Schema(description = "Scenario ids; default the configured one.")
        List<
                        @NotNull(message = "must not be null")
                        @Pattern(regexp = Ids.SCENARIO, message = Ids.SCENARIO_MESSAGE) String>
                scenarios,

        @Size(max = 16, message = "must hold at most 16 profiles")
        @Schema(description = "Profile ids; default the configured one.")
        List<
                        @NotNull(message = "must not be null")
                        @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE) String>
                profiles,

        @Size(max = 16, message = "must hold at most 16 domains")
        @Schema(description = "Imported domains to play in instead of scenarios and profiles.")
        List<@NotNull(message = "must not be null") @Pattern(regexp = Ids.DOMAIN, message = Ids.DOMAIN_MESSAGE) String>
                domains,

        @Min(value = 1, message = "must be at least 1")
        @Schema(description = "Rounds before each negotiation breaks down; default 100.", examples = "100")
        Integer deadline,

        @Schema(description = "Random seed of the whole tournament (default 1).", examples = "1")
        Long seed,

        @Valid BundleTerms base,

        @Size(max = 40, message = "must hold at most 40 terms")
        List<@Valid @NotNull(message = "must not be null") SearchTerm> terms,

        @Min(value = 1, message = "must be at least 1")
        @Schema(description = "The most bundles searched per setting (at most the configured 2,000,000).")
        Long budget) {

    @Schema(description = "A strategy with a name for the results (default its kind).")
    public record NamedStrategy(
            @Size(max = 40, message = "must be at most 40 characters") @Schema(examples = "hardliner")
            String name,

            @NotNull(message = "is required") Simulation.Kind kind,

            @Schema(description = "e, for TIME_DEPENDENT and RATIFICATION_AWARE.")
            Double exponent,

            @Schema(description = "Width of the band offers are drawn from (see the simulation request).")
            Double window) {}
}
