package dev.dealeval.api.v1.dto;

import dev.dealeval.domain.engine.Verdict;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "The best bundles one or two moves away that both sides ratify, best Nash product first. A two-term change is "
                        + "offered only when it beats each of its moves made alone, so no counteroffer carries a move that adds nothing. When the "
                        + "bundle already passes, only changes that raise its Nash product are offered. Ties: fewer changes, then larger welfare.")
public record CounterofferResponse(
        String scenario,
        String profile,
        long profileVersion,
        OriginalBundle original,
        @Schema(description = "Changed bundles scored.") long examined,

        @Schema(description = "Counteroffers found (before the limit).")
        int found,

        List<Counteroffer> counteroffers,
        List<String> warnings) {

    public record OriginalBundle(
            double usSurplus,
            double cnSurplus,
            boolean usRatifies,
            boolean cnRatifies,
            Verdict verdict,
            double nashProduct) {}

    public record Counteroffer(
            int rank,

            @Schema(
                    description =
                            "The original bundle with the changes; post it to /api/v1/evaluations to see it pass.")
            BundleTerms bundle,

            List<TermChange> changes,
            double usSurplus,
            double cnSurplus,
            double nashProduct,
            double welfare,

            @Schema(description = "U.S. utility gained (negative: lost) against the original bundle.")
            double usUtilityChange,

            @Schema(description = "China's utility gained (negative: lost) against the original bundle.")
            double cnUtilityChange) {}

    @Schema(
            description =
                    "One term moved, with what it is worth to each side inside the counteroffer: U(counteroffer) − U(counteroffer "
                            + "with this term back at its old value).")
    public record TermChange(
            String term,
            Object from,
            Object to,
            double usUtilityChange,
            double cnUtilityChange,

            @Schema(description = "The side the change costs: US, CN, BOTH, or NEITHER.", examples = "US")
            String concededBy,

            @Schema(
                    description =
                            "What it costs the conceding side (the larger loss when both lose), in utility points; 0 when neither loses.")
            double cost,

            @Schema(
                    description =
                            "In words, e.g. \"usConcessions.exportControlLevel 0 → 2: costs the U.S. 3.1 points, worth 4.2 to China\".")
            String summary) {}
}
