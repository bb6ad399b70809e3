package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.backtest.Perturbations;
import dev.dealeval.domain.model.Side;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "How fragile the backtest's verdicts are: every episode read again with one thing an analyst might "
                        + "reasonably have coded otherwise, and the readings that change the model's ratification of a side "
                        + "whose decision is on record (docs/backtest.md \"Robustness\").")
public record RobustnessResponse(
        @Schema(description = "Profile the episodes were judged with.")
        String profile,

        @Schema(description = "Its version.") long profileVersion,

        @Schema(description = "Episode set that was read (built-in, or a stored one).", examples = "built-in")
        String episodeSet,

        @Schema(description = "Its version.") long episodeSetVersion,
        @Schema(description = "Version of the deal model.") String modelVersion,

        @Schema(
                description = "Which readings were made: ALLOWED, those the encoding rules allow, or AS_FIRST_STATED, "
                        + "those too that they forbid.")
        Perturbations.Readings readings,

        @Schema(description = "Episodes read.", minimum = "0")
        int episodes,

        @Schema(description = "Single perturbations run over all of them.", minimum = "0")
        int perturbations,

        @Schema(description = "Perturbations that flip at least one recorded side's ratification.", minimum = "0")
        int flips,

        @Schema(description = "flips / perturbations (0 when nothing was perturbed).", minimum = "0", maximum = "1")
        double flipShare,

        @Schema(
                description =
                        "Recorded side decisions judged over the perturbed readings: each perturbation counts each "
                                + "recorded decision of its episode once.",
                minimum = "0")
        int readingDecisions,

        @Schema(description = "Those the model's ratification under the reading matches.", minimum = "0")
        int readingDecisionsRight,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description =
                        "readingDecisionsRight / readingDecisions: the share of recorded decisions the model gets "
                                + "right when one judgement of each episode is coded otherwise. Beside the backtest's sideHitRate "
                                + "(the episodes as encoded), it is what to expect from the same episodes encoded by other hands. "
                                + "Absent when nothing was perturbed.",
                minimum = "0",
                maximum = "1")
        Double readingSideHitRate,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description =
                        "Mean of (ratificationProbability - decision)^2 over the same readings and decisions, the "
                                + "backtest's sideBrierScore under the perturbed readings. Absent when nothing was perturbed.",
                minimum = "0",
                maximum = "1")
        Double readingSideBrierScore,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Mean of (agreementProbability - outcome)^2 over the perturbed readings of the episodes "
                        + "with a known outcome (1 when both governments accepted, 0 when one rejected): the backtest's "
                        + "brierScore under the readings. Absent when no such reading was made.",
                minimum = "0",
                maximum = "1")
        Double readingBrierScore,

        @Schema(description = "Ids of the episodes with at least one flip, in the set's order.")
        List<String> touched,

        @Schema(description = "Every flip, episode by episode.")
        List<Flip> flipped,

        @Schema(description = "What is perturbed and what counts as a flip.")
        String rules) {

    @Schema(name = "RobustnessFlip", description = "One perturbation that changes a recorded side's verdict.")
    public record Flip(
            @Schema(description = "Episode id.", examples = "huawei-licences-2019")
            String episode,

            @Schema(
                    description = "What was changed, as `term from -> to` or `scenario from -> to`.",
                    examples = "usConcessions.companyRelief LICENCES -> NONE")
            String perturbation,

            @Schema(description = "The sides with a recorded decision whose ratification it changes.")
            List<Side> sides) {}
}
