package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A bundle to repair, usually one a side would not ratify.")
public record CounterofferRequest(
        @NotNull(message = "is required (use {} for no deal)") @Valid
        BundleTerms bundle,

        @Size(max = 40, message = "must hold at most 40 terms")
        @Schema(
                description =
                        "Terms that may change and their candidate levels; left out, every term with levels in the model, at "
                                + "those levels.")
        List<@Valid @NotNull(message = "must not be null") SearchTerm> terms,

        @Min(value = 1, message = "must be at least 1")
        @Schema(
                description = "How many counteroffers to return, best first (default 10, at most the configured 50).",
                examples = "10")
        Integer limit,

        @Pattern(regexp = Ids.SCENARIO, message = Ids.SCENARIO_MESSAGE)
        @Schema(
                description = "No-deal scenario id; default from configuration (GENEVA_2025).",
                examples = "GENEVA_2025")
        String scenario,

        @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
        @Schema(description = "Profile id; default from configuration (default).", examples = "default")
        String profile,

        @Valid Overrides overrides) {}
