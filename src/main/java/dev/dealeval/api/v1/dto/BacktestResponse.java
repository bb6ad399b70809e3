package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.engine.Verdict;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "The model judged against the record: every real episode of the backtest run through one profile, "
                        + "the model's verdict beside what each government did, and the scores.")
public record BacktestResponse(
        @Schema(description = "Profile the episodes were judged with.")
        String profile,

        @Schema(description = "Its version.") long profileVersion,

        @Schema(description = "Episode set that was run (built-in, or a stored one).", examples = "built-in")
        String episodeSet,

        @Schema(description = "Its version.") long episodeSetVersion,
        @Schema(description = "Version of the deal model.") String modelVersion,

        @Schema(description = "In sample: every episode judged by the profile as it is.")
        Summary summary,

        OutOfFold outOfFold,

        @Schema(
                description =
                        "How well the probabilities are calibrated: the bins of the reliability diagram (GET /api/v1/backtests/reliability) and their scores, "
                                + "over the leave-one-out forecasts (each episode's from a fit without it) when the set has them, else in sample.")
        Reliability reliability,

        List<EpisodeResult> episodes,

        @Schema(
                description =
                        "Episodes considered and left out, with the reason (the model has no term for what decided them).")
        List<Excluded> excluded,

        @Schema(description = "How the scores are computed.")
        String rules) {

    @Schema(
            name = "BacktestOutOfFold",
            description = "The scores of episodes judged by a profile fitted without them (docs/fitting.md: the "
                    + "decision settings and the belief in a floated proposal refitted, from the model's prior).")
    public record OutOfFold(
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Each episode judged by a fit to all the others. Absent for a set of more than 120 episodes.")
            Summary leaveOneOut,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Fitted on the episodes before splitDate, scored on the others. Absent unless episodes fall on both sides of it.")
            Summary temporal,

            @Schema(description = "The temporal split's date.", examples = "2025-01-01")
            String splitDate,

            @Schema(description = "Episodes before splitDate, the temporal fit's.")
            int fittedOnEpisodes) {}

    @Schema(name = "BacktestSummary", description = "How well the verdicts match the record.")
    public record Summary(
            @Schema(description = "Episodes judged.") int episodes,

            @Schema(
                    description =
                            "Episodes where every recorded decision matches the model's ratification of that side.")
            int agreeing,

            @Schema(description = "agreeing / episodes.") double hitRate,

            @Schema(description = "Decisions on record (a government's decision on an episode).")
            int sideDecisions,

            @Schema(description = "Of those, how many the model's ratification matches.")
            int sideAgreeing,

            @Schema(description = "sideAgreeing / sideDecisions.")
            double sideHitRate,

            @Schema(description = "Episodes with a known outcome (both accepted, or one rejected) in the Brier score.")
            int scoredOutcomes,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Mean of (agreementProbability - outcome)^2, outcome 1 when both governments accepted, 0 when one rejected; 0 is perfect, 0.25 is a coin toss. "
                                    + "Absent when no episode has a known outcome (a set whose every episode records one side only).")
            Double brierScore,

            @Schema(
                    description =
                            "The Brier score of always forecasting the episodes' base rate of agreement b: b(1 - b).")
            double referenceBrierScore,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "1 - brierScore / referenceBrierScore: above 0, better than the base rate; 1 is perfect. Absent when the "
                                    + "reference is 0 (every known outcome alike, as in a set of signed deals only): there is no base rate to beat.")
            Double brierSkillScore,

            @Schema(description = "Mean of (ratificationProbability - decision)^2 over every recorded side decision.")
            double sideBrierScore) {}

    @Schema(
            name = "BacktestReliability",
            description =
                    "The model's probabilities as forecasts, in 5 bins of predicted probability of width 0.2 ([0, 0.2), ..., [0.8, 1]).")
    public record Reliability(
            @Schema(description = "Each ratificationProbability against the side's recorded decision (1: ACCEPTED).")
            ReliabilitySeries sideDecisions,

            @Schema(
                    description =
                            "Each agreementProbability against the episode's outcome (1: both accepted, 0: one rejected), over the episodes with a known outcome.")
            ReliabilitySeries agreement) {}

    @Schema(name = "BacktestReliabilitySeries", description = "One series of forecasts, its bins and scores.")
    public record ReliabilitySeries(
            @Schema(description = "Forecasts in the series.")
            int forecasts,

            @Schema(description = "The bins holding at least one forecast, in order of probability.")
            List<ReliabilityBin> bins,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Expected calibration error: the mean over forecasts of |observed - meanPredicted| of their bin; 0 is perfectly calibrated. Absent without forecasts.")
            Double ece,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Reliability term of the Brier score's decomposition (Murphy 1973): the mean over forecasts of (meanPredicted - observed)^2 of their bin. Absent without forecasts.")
            Double reliability,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Resolution term: the mean over forecasts of (observed of their bin - base rate)^2; higher separates outcomes better. Absent without forecasts.")
            Double resolution,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Uncertainty term: b(1 - b), b the share of outcomes that are 1. Brier score = reliability - resolution + uncertainty when a bin's forecasts are equal. Absent without forecasts.")
            Double uncertainty) {}

    @Schema(
            name = "BacktestReliabilityBin",
            description = "One bin of predicted probability: a point of the reliability diagram.")
    public record ReliabilityBin(
            @Schema(description = "Lower edge of the bin (included).")
            double from,

            @Schema(description = "Upper edge (excluded, except 1).")
            double to,

            @Schema(description = "Forecasts in the bin.") int count,

            @Schema(description = "Their mean predicted probability.")
            double meanPredicted,

            @Schema(description = "The share of their outcomes that are 1.")
            double observed,

            @Schema(description = "Lower end of the Wilson 90% interval of observed.")
            double low,

            @Schema(description = "Upper end of the Wilson 90% interval of observed.")
            double high) {}

    @Schema(name = "BacktestEpisode", description = "One real episode, what happened and what the model says.")
    public record EpisodeResult(
            @Schema(examples = "geneva-truce-2025") String id,

            @Schema(description = "When it was decided.", examples = "2025-05-12")
            String date,

            String title,
            Episode.Kind kind,

            @Schema(
                    description = "The scenario it was decided against (its status quo), built in or stored.",
                    examples = "APR_2025")
            String scenario,

            @Schema(
                    description =
                            "The bundle as the record describes it, as a request writes it: POST it to /api/v1/evaluations with the scenario to see the full explanation.")
            BundleTerms bundle,

            @Schema(
                    description =
                            "What each government did, by side (US, CN); a side without a recorded decision is absent.")
            Map<String, Episode.Decision> happened,

            @Schema(description = "The model's verdict and probabilities.")
            Judgement model,

            @Schema(description = "Every recorded decision matches the model's ratification of that side.")
            boolean agrees,

            @Schema(description = "What happened.") String record,

            @JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(description = "The judgement calls of the encoding.")
            String encoding,

            List<String> sources) {}

    @Schema(name = "BacktestJudgement", description = "The model's verdict on an episode.")
    public record Judgement(
            Verdict verdict,
            @Schema(description = "P(US) x P(CN).") double agreementProbability,
            @Schema(description = "By side (US, CN).") Map<String, SideJudgement> sides) {}

    @Schema(name = "BacktestSide", description = "One side's ratification of an episode's bundle.")
    public record SideJudgement(
            boolean ratified,
            double ratificationProbability,

            @Schema(description = "Utility over no deal in the episode's scenario, points.")
            double surplus,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Whether it matches the government's recorded decision (absent without one).")
            Boolean agrees) {}

    @Schema(name = "BacktestExclusion", description = "An episode left out of the backtest.")
    public record Excluded(String id, String date, String title, String reason) {}
}
