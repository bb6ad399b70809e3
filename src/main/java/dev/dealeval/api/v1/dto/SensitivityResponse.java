package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.analysis.Objective;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "Stochastic multicriteria acceptability analysis: in each sample the weights of both sides are drawn from a "
                        + "Dirichlet around the profile's, the faction clouts likewise, and each pledge category's track record from a Beta around "
                        + "the profile's; every bundle is scored, ranked by the objective and tested for ratification. Ties in a sample go to the "
                        + "earlier bundle. Every share is a Monte Carlo estimate with standard error √(p(1−p)/samples): at most 0.011 for 2,000 "
                        + "samples, 0.005 for 10,000. Plus a one-at-a-time tornado with everything else at the profile's values.")
public record SensitivityResponse(
        String scenario,
        String profile,
        long profileVersion,
        int samples,
        long seed,
        Objective objective,
        List<SampledBundle> bundles,

        @Schema(description = "Bars by swing, largest first.")
        List<TornadoEntry> tornado,

        List<String> warnings,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        AnalysedDomain domain) {

    public record SampledBundle(
            int index,
            String name,

            @Schema(description = "Share of samples in which the bundle ranks 1st, 2nd, ...")
            List<Double> rankAcceptability,

            @Schema(description = "Share of samples in which the U.S. ratifies.")
            double usRatificationProbability,

            @Schema(description = "Share of samples in which China ratifies.")
            double cnRatificationProbability,

            @Schema(description = "Share of samples in which both ratify (verdict AGREEMENT_LIKELY).")
            double agreementProbability,

            @Schema(
                    description =
                            "The mean weights, by side and criterion, of the samples in which this bundle ranks first; absent when it "
                                    + "never does.")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Map<Side, Map<String, Double>> centralWeights,

            double meanUsSurplus,
            double meanCnSurplus,
            double meanObjective,

            @Schema(description = "The objective at the profile's own weights.")
            double baseObjective,

            @Schema(description = "The rank at the profile's own weights.")
            int baseRank) {}

    public record TornadoEntry(
            Side side,
            String criterion,

            @Schema(description = "The largest change of any bundle's objective between the lowered and raised weight.")
            double swing,

            @Schema(description = "Each bundle's objective with this weight lowered by the step (side renormalised).")
            List<Double> low,

            @Schema(description = "Each bundle's objective with this weight raised by the step.")
            List<Double> high,

            @Schema(description = "Position of the top bundle with the weight lowered.")
            int leaderLow,

            @Schema(description = "Position of the top bundle with the weight raised.")
            int leaderHigh,

            @Schema(description = "Positions of bundles whose verdict (both ratify or not) changes at either end.")
            List<Integer> verdictChanges) {}
}
