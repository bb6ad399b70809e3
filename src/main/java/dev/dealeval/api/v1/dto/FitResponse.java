package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A profile fitted to an episode set, with its in-sample and out-of-fold scores.")
public record FitResponse(
        @Schema(
                description =
                        "The fitted profile as changes to the profile fitted (basedOn): its decision settings, its belief in a "
                                + "floated proposal (credibility.formFactors.FLOATED_PROPOSAL) and, when the weights were fitted, "
                                + "the weights of both sides. POST it to /api/v1/profiles unchanged to keep it.")
        ProfileRequest profile,

        @Schema(description = "Episode set fitted to.", examples = "built-in")
        String episodeSet,

        @Schema(
                description =
                        "The fitted profile's backtest on the set (GET /api/v1/backtests gives the same once it is stored).")
        BacktestResponse.Summary inSample,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description =
                        "Each episode judged by the profile fitted to all the others; absent for a set of more than 120 episodes.")
        BacktestResponse.Summary leaveOneOut,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description =
                        "The episodes from splitDate on, judged by the profile fitted to those before it; absent unless the set has "
                                + "episodes on both sides of it.")
        BacktestResponse.Summary temporal,

        @Schema(description = "The temporal split's date.", examples = "2025-01-01")
        String splitDate,

        @Schema(
                description =
                        "Mean log-loss of the fitted ratification probabilities against the side decisions, in sample.")
        double meanLogLoss,

        @Schema(description = "Side decisions (each government's on each episode) the profile was fitted to.")
        int sideDecisions) {}
