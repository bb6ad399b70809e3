package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.engine.Verdict;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "What a search found. Feasible: both sides ratify (and the minimum surpluses hold). The Pareto frontier is that "
                        + "of the feasible bundles' (U.S. surplus, China surplus), U.S. surplus ascending. The solutions are chosen among feasible "
                        + "bundles that both sides strictly prefer to no deal, and are always frontier bundles.")
public record SearchResponse(
        String scenario,
        String profile,
        long profileVersion,
        SearchSpace space,
        SearchCounts counts,

        @Schema(description = "Each side's utility without a deal; the no-deal point is (0, 0) in surplus.")
        NoDealPoint noDeal,

        @Schema(
                description =
                        "S*: each side's best surplus among feasible bundles both sides prefer to no deal; absent when there are none.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        IdealPoint ideal,

        FrontierResult frontier,
        BargainingSolutions solutions,
        List<ReferenceResult> references,

        @Schema(description = "Wall-clock time of the search itself.")
        long elapsedMillis,

        @Schema(description = "How ties and duplicates are resolved.")
        String rules,

        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) AnalysedDomain domain) {

    public record SearchSpace(
            @Schema(description = "Bundles in the space: the product of the level counts.")
            long size,

            List<SearchTerm> terms) {}

    public record SearchCounts(
            long examined,
            long usRatifies,
            long cnRatifies,

            @Schema(description = "Both ratify and the minimum surpluses hold.")
            long feasible,

            @Schema(description = "Feasible and both surpluses above 0.")
            long bothGain) {}

    public record NoDealPoint(double usUtility, double cnUtility) {}

    public record IdealPoint(double usSurplus, double cnSurplus) {}

    public record FrontierResult(
            @Schema(description = "Bundles on the frontier.")
            int size,

            @Schema(description = "Bundles listed (size, or frontierLimit when the frontier is longer).")
            int shown,

            List<FoundBundle> bundles) {}

    @Schema(
            description =
                    "A feasible bundle of the space; post its bundle to /api/v1/evaluations (same scenario and profile) for the "
                            + "full explanation, with the same surpluses. For a domain, an outcome: post it to /api/v1/comparisons with the domain for "
                            + "the same surpluses.")
    public record FoundBundle(
            @Schema(description = "Position in the enumeration order.")
            long index,

            double usSurplus,
            double cnSurplus,
            double nashProduct,
            double welfare,

            @Schema(
                    description =
                            "Other feasible bundles with exactly these surpluses (the earliest in enumeration order is shown).")
            long equivalents,

            @JsonInclude(JsonInclude.Include.NON_NULL) BundleTerms bundle,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "With a domain: the outcome, each issue's value by issue name (instead of bundle).")
            java.util.Map<String, Object> outcome) {}

    @Schema(
            description =
                    "The bargaining solutions among the feasible bundles both sides prefer to no deal; each absent when there are none.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BargainingSolutions(
            @Schema(description = "argmax S(US)·S(CN).") FoundBundle nash,

            @Schema(description = "argmax min(S(US)/S*(US), S(CN)/S*(CN)).")
            FoundBundle kalaiSmorodinsky,

            @Schema(description = "argmax min(S(US), S(CN)).")
            FoundBundle egalitarian,

            @Schema(description = "argmax S(US) + S(CN).") FoundBundle utilitarian) {}

    public record ReferenceResult(
            String name,
            double usSurplus,
            double cnSurplus,
            Verdict verdict,

            @Schema(description = "Both ratify and the minimum surpluses hold.")
            boolean feasible,

            @Schema(
                    description =
                            "The frontier bundle with the largest Nash product among those at least as good for both sides and "
                                    + "better for one; absent when none is.")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            FoundBundle dominatedBy) {}
}
