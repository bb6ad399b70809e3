package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.analysis.Objective;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Bundles to rank against one scenario and profile.")
public record ComparisonRequest(
        @NotNull(message = "is required")
        @Size(min = 1, max = DealevalConfig.Analysis.MAX_BUNDLES_PER_REQUEST, message = "must hold at least one bundle")
        @Schema(
                description =
                        "The bundles: at most dealeval.analysis.max-comparison-bundles (200 by default; the configuration "
                                + "allows at most 1,000).")
        List<@Valid @NotNull(message = "must not be null") LabelledBundle> bundles,

        @Schema(description = "What \"better\" means; default NASH.")
        Objective objective,

        @Pattern(regexp = Ids.SCENARIO, message = Ids.SCENARIO_MESSAGE)
        @Schema(
                description = "No-deal scenario id; default from configuration (GENEVA_2025).",
                examples = "GENEVA_2025")
        String scenario,

        @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
        @Schema(description = "Profile id; default from configuration (default).", examples = "default")
        String profile,

        @Pattern(regexp = Ids.DOMAIN, message = Ids.DOMAIN_MESSAGE)
        @Schema(
                description =
                        "An imported negotiation domain (POST /api/v1/domains) to analyse instead of the U.S.-China model. Its "
                                + "bundles are outcomes (write them in outcome), party 1 takes the US fields and party 2 the CN fields, utilities are "
                                + "GENIUS utilities (0-1), and no deal gives each party its reservation value; leave scenario, profile and overrides "
                                + "out.",
                examples = "laptop")
        String domain,

        @Valid Overrides overrides) {}
