package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One bundle to evaluate against a no-deal scenario with a profile of weights and factions.")
public record EvaluateRequest(
        @NotNull(message = "is required (use {} for no deal)")
        BundleTerms bundle,

        @Pattern(regexp = Ids.SCENARIO, message = Ids.SCENARIO_MESSAGE)
        @Schema(
                description = "No-deal scenario id (GET /api/v1/scenarios); default from configuration (GENEVA_2025).",
                examples = "GENEVA_2025")
        String scenario,

        @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
        @Schema(
                description = "Profile id (GET /api/v1/profiles); default from configuration (default).",
                examples = "default")
        String profile,

        Overrides overrides) {}
