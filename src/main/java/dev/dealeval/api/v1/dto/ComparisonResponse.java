package dev.dealeval.api.v1.dto;

import dev.dealeval.domain.analysis.Objective;
import dev.dealeval.domain.engine.Verdict;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The bundles best first, each with its evaluation summary and its Pareto dominance relations.")
public record ComparisonResponse(
        String scenario,
        String profile,
        long profileVersion,
        Objective objective,
        List<RankedBundle> ranking,
        List<String> warnings,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        AnalysedDomain domain) {

    /**
     * @param index position in the request
     */
    @Schema(
            description =
                    "One bundle's place in the ranking. Ties in the objective go to the larger welfare, then to the earlier "
                            + "bundle in the request. dominates/dominatedBy list request positions: a bundle dominates another when it is at least as "
                            + "good for both sides and strictly better for one.")
    public record RankedBundle(
            int rank,
            int index,
            String name,
            double objective,
            double usSurplus,
            double cnSurplus,
            double usUtility,
            double cnUtility,
            boolean usRatifies,
            boolean cnRatifies,
            double usRatificationProbability,
            double cnRatificationProbability,
            Verdict verdict,
            double nashProduct,
            double welfare,
            double agreementProbability,

            @Schema(description = "No other bundle in the request dominates it.")
            boolean efficient,

            List<Integer> dominates,
            List<Integer> dominatedBy) {}
}
