package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.analysis.Objective;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Bundles to test against uncertain weights, faction clout and credibility (SMAA).")
public record SensitivityRequest(
        @NotNull(message = "is required")
        @Size(min = 1, max = DealevalConfig.Analysis.MAX_BUNDLES_PER_REQUEST, message = "must hold at least one bundle")
        @Schema(
                description =
                        "The bundles: at most dealeval.analysis.max-sensitivity-bundles (50 by default; the configuration "
                                + "allows at most 1,000).")
        List<@Valid @NotNull(message = "must not be null") LabelledBundle> bundles,

        @Min(value = 1, message = "must be at least 1")
        @Schema(description = "Monte Carlo samples (default 2,000; at most the configured 10,000).", examples = "2000")
        Integer samples,

        @Schema(
                description = "Random seed: the same request with the same seed gives the same answer (default 1).",
                examples = "1")
        Long seed,

        @DecimalMin(value = "0.1", message = "must be between 0.1 and 1000000000")
        @DecimalMax(value = "1e9", message = "must be between 0.1 and 1000000000")
        @Schema(
                description =
                        "Concentration α of the Dirichlet around each side's weights: larger is tighter (default 100).",
                examples = "100")
        Double weightConcentration,

        @DecimalMin(value = "0.1", message = "must be between 0.1 and 1000000000")
        @DecimalMax(value = "1e9", message = "must be between 0.1 and 1000000000")
        @Schema(
                description = "Concentration of the Dirichlet around each side's faction clouts (default 100).",
                examples = "100")
        Double cloutConcentration,

        @DecimalMin(value = "0.1", message = "must be between 0.1 and 1000000000")
        @DecimalMax(value = "1e9", message = "must be between 0.1 and 1000000000")
        @Schema(
                description = "Concentration κ of the Beta around each pledge category's track record (default 20).",
                examples = "20")
        Double credibilityConcentration,

        @Schema(description = "What ranks the bundles in each sample; default NASH.")
        Objective objective,

        @DecimalMin(value = "0", message = "must be between 0 and 0.9")
        @DecimalMax(value = "0.9", message = "must be between 0 and 0.9")
        @Schema(
                description = "One-at-a-time change of each weight for the tornado (default 0.2 = ±20%).",
                examples = "0.2")
        Double tornadoStep,

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
