package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.analysis.Simulation;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A simulated negotiation: every offer made, every round, and how it ended, beside the frontier of bundles both "
                        + "sides would ratify and its Nash bundle.")
public record SimulationResponse(
        String scenario,
        String profile,
        long profileVersion,
        int deadline,
        Side starts,
        long seed,

        @Schema(description = "The strategies as played, by side (US, CN), with their exponents.")
        Map<Side, StrategyPlayed> strategies,

        SearchResponse.SearchSpace space,

        @Schema(description = "Each side's utility without a deal: its reservation value.")
        SearchResponse.NoDealPoint noDeal,

        @Schema(description = "Every distinct bundle offered, in order of its first offer; rounds refer to them by id.")
        List<Offer> offers,

        List<RoundPlayed> rounds,
        Outcome outcome,

        @Schema(
                description =
                        "The Nash bundle of the bundles both sides would ratify (the search's), for comparison; absent when there is none.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        SearchResponse.FoundBundle nash,

        @Schema(description = "Wall-clock time of the search and the negotiation.")
        long elapsedMillis,

        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) AnalysedDomain domain) {

    public record StrategyPlayed(Simulation.Kind kind, double exponent, double window) {}

    public record Offer(
            @Schema(description = "Position in offers.") int id,

            @Schema(description = "Position of the bundle in the searched space's enumeration order.")
            long index,

            double usSurplus,
            double cnSurplus,
            double usUtility,
            double cnUtility,

            @Schema(description = "Whether the U.S. government would ratify it.")
            boolean usRatifies,

            boolean cnRatifies,
            @JsonInclude(JsonInclude.Include.NON_NULL) BundleTerms bundle,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> outcome) {}

    public record RoundPlayed(
            int round,
            Side proposer,
            @Schema(description = "The offer's id.") int offer,

            @Schema(description = "The surplus the proposer asked for in this round.")
            double proposerTarget,

            double usSurplus,
            double cnSurplus,
            double usUtility,
            double cnUtility,

            @Schema(description = "Whether the other side accepted it (the last round, if any).")
            boolean accepted) {}

    @Schema(
            description =
                    "How the talks ended. On agreement: the accepted offer and its evaluation, and how far it lies from the "
                            + "frontier and from the Nash bundle (Euclidean distance in surplus). An agreement one government would not ratify is reported "
                            + "as such (ratifiedByBoth false): only a ratification-aware side never proposes one. On breakdown: no deal, surplus 0 each.")
    public record Outcome(
            boolean agreed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer round,
            @JsonInclude(JsonInclude.Include.NON_NULL) Side acceptedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer offer,
            boolean ratifiedByBoth,
            @JsonInclude(JsonInclude.Include.NON_NULL) Verdict verdict,
            double usSurplus,
            double cnSurplus,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double usRatificationProbability,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double cnRatificationProbability,
            double nashProduct,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double distanceToFrontier,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double distanceToNash,
            String summary) {}
}
