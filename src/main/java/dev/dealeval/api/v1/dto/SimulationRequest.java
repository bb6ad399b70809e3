package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import dev.dealeval.domain.analysis.Simulation;
import dev.dealeval.domain.model.Side;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A negotiation to simulate: the two sides' strategies, a deadline in rounds, who opens, and the deal space the "
                        + "offers come from (as a search states it: base, terms, budget, scenario, profile, or an imported domain).")
public record SimulationRequest(
        @NotNull(message = "is required: a strategy for each side") @Valid
        Strategies strategies,

        @Min(value = 1, message = "must be at least 1")
        @Schema(
                description =
                        "Rounds (offers) before the talks break down; default 100, at most the configured 10,000.",
                examples = "100")
        Integer deadline,

        @Schema(description = "The side that makes the first offer; default US (party 1 for a domain).")
        Side starts,

        @Schema(
                description =
                        "Random seed: the same request with the same seed plays the same negotiation (default 1).",
                examples = "1")
        Long seed,

        @Schema(description = "As in a search: the bundle the unsearched terms come from.") @Valid
        BundleTerms base,

        @Size(max = 40, message = "must hold at most 40 terms")
        @Schema(
                description =
                        "As in a search: the terms offers vary, with their levels; default the model's ten-term subset.")
        List<@Valid @NotNull(message = "must not be null") SearchTerm> terms,

        @Min(value = 1, message = "must be at least 1")
        @Schema(
                description =
                        "The most bundles the caller wants searched for the offers (default and maximum from configuration).")
        Long budget,

        @Pattern(regexp = Ids.SCENARIO, message = Ids.SCENARIO_MESSAGE)
        @Schema(
                description = "No-deal scenario id: each side's reservation value is its utility there.",
                examples = "GENEVA_2025")
        String scenario,

        @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
        @Schema(description = "Profile id; default from configuration (default).", examples = "default")
        String profile,

        @Pattern(regexp = Ids.DOMAIN, message = Ids.DOMAIN_MESSAGE)
        @Schema(
                description =
                        "An imported negotiation domain to negotiate instead (its two parties in the US and CN places); leave "
                                + "scenario, profile, overrides and base out.",
                examples = "laptop")
        String domain,

        @Valid Overrides overrides) {

    @Schema(description = "A strategy for each side.")
    public record Strategies(
            @NotNull(message = "is required") @Valid StrategyRequest us,
            @NotNull(message = "is required") @Valid StrategyRequest cn) {}

    @Schema(
            description =
                    "How a side negotiates. Time-dependent kinds ask target(t) = Pmax - (Pmax - Pmin)·t^(1/e) at time t from 0 "
                            + "to 1 (Pmax its best surplus among the bundles it bids from, Pmin 0, its reservation value): BOULWARE e = 0.2, LINEAR "
                            + "1, CONCEDER 2, TIME_DEPENDENT any e. TIT_FOR_TAT asks its best surplus less what the other side's offers have conceded "
                            + "to it since its first (counted from its reservation value when the first was worse than no deal). RATIFICATION_AWARE is time-dependent (e default 1) and bids only bundles its own government "
                            + "would ratify. Every side accepts only an offer at least at its reservation value, that its government would ratify, "
                            + "and worth at least what it would ask next.")
    public record StrategyRequest(
            @NotNull(message = "is required") Simulation.Kind kind,

            @Schema(description = "e, for TIME_DEPENDENT and RATIFICATION_AWARE (0.01-100).", examples = "0.5")
            Double exponent,

            @Schema(
                    description =
                            "Offers are drawn at random (seeded) among the side's frontier bundles worth between its target and "
                                    + "target + window to it; default 0 (the bundle just above the target). Utility points, or GENIUS utility for a "
                                    + "domain.",
                    examples = "0")
            Double window) {}
}
