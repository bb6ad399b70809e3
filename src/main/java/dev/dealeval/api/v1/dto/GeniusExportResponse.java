package dev.dealeval.api.v1.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "The U.S.-China model's default deal space at one scenario and profile as a GENIUS domain with two parties "
                        + "(party 1 the United States, party 2 China). GENIUS utilities are additive over issues and the model's are not, so each "
                        + "side's utility is its best additive approximation over the space (ANOVA main effects, estimated on a seeded uniform "
                        + "sample scored by the engine); fit says how close it is. Factions, ratification and credibility's coupling of terms do "
                        + "not carry over.")
public record GeniusExportResponse(
        String scenario,
        String profile,
        long profileVersion,

        @Schema(description = "The files, ready for other tools, or to POST (with an id) to /api/v1/domains.")
        DomainRequest domain,

        @Schema(description = "The exported issues: the model's default search terms, each over its search levels.")
        List<String> terms,

        @Schema(description = "Outcomes in the exported domain.")
        long outcomes,

        ExportFit fit) {

    public record ExportFit(
            @Schema(description = "Bundles sampled uniformly from the space and scored by the engine.")
            int samples,

            @Schema(description = "The seed of the sample: the same request gives the same files.")
            long seed,

            SideFit us,
            SideFit cn) {}

    @Schema(
            description =
                    "How one side's additive approximation fits the model on the sample, in utility points, and the map back: "
                            + "model utility ~ low + range x GENIUS utility.")
    public record SideFit(
            @Schema(description = "Share of the utility's variance over the sample that the additive form explains.")
            double rSquared,

            double rootMeanSquareError,
            double maxAbsoluteError,
            double low,
            double range,

            @Schema(description = "The side's utility without a deal in the scenario (points).")
            double noDealUtility,

            @Schema(description = "The same on the GENIUS scale, the party's reservation value.")
            double reservationValue,

            @Schema(
                    description =
                            "The no-deal utility lies outside the approximation's range, so the reservation value is clipped "
                                    + "to 0 or 1.")
            boolean reservationClipped) {}
}
