package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A deal space to search: the product of the candidate levels of some terms, every other term at the base "
                        + "bundle's value. For an imported domain (domain), every issue is searched: terms may narrow an issue's values, "
                        + "and base is left out.")
public record SearchRequest(
        @Schema(
                description =
                        "The bundle the other terms come from; default {} (no-deal values). A term fixed here keeps its value in "
                                + "every searched bundle unless terms lists it.")
        @Valid
        BundleTerms base,

        @Size(max = 40, message = "must hold at most 40 terms")
        @Schema(
                description =
                        "Terms to vary, in enumeration order (the last one fastest); left out, the model's default subset of ten "
                                + "terms (1,152,000 bundles), less any of them the base bundle fixes.")
        List<@Valid @NotNull(message = "must not be null") SearchTerm> terms,

        @DecimalMin(value = "-100", message = "must be between -100 and 100")
        @DecimalMax(value = "100", message = "must be between -100 and 100")
        @Schema(
                description = "Only bundles giving the U.S. at least this surplus (utility points) are feasible.",
                examples = "0")
        Double minUsSurplus,

        @DecimalMin(value = "-100", message = "must be between -100 and 100")
        @DecimalMax(value = "100", message = "must be between -100 and 100")
        @Schema(description = "Only bundles giving China at least this surplus are feasible.", examples = "0")
        Double minCnSurplus,

        @Min(value = 1, message = "must be at least 1")
        @Schema(
                description =
                        "The most bundles the caller wants examined; a larger space is refused up front. Default and maximum "
                                + "from configuration (10,000,000).",
                examples = "2000000")
        Long budget,

        @Min(value = 1, message = "must be at least 1")
        @Max(value = 100000, message = "must be at most 100000")
        @Schema(
                description =
                        "Most frontier bundles to list (default 200, at most the configured 1,000); a longer frontier is thinned "
                                + "evenly, keeping its ends and the solutions.",
                examples = "200")
        Integer frontierLimit,

        @Size(max = 20, message = "must hold at most 20 bundles")
        @Schema(
                description =
                        "Bundles to place next to the frontier (and on the chart): their surpluses, verdict and a frontier bundle "
                                + "that dominates them.")
        List<@Valid @NotNull(message = "must not be null") LabelledBundle> references,

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
