package dev.dealeval.api.v1.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One episode of the backtest with the model's full, explained evaluation of its bundle.")
public record BacktestEpisodeResponse(
        @Schema(description = "The episode, what happened and the model's verdict.")
        BacktestResponse.EpisodeResult episode,

        @Schema(description = "The explained evaluation, as POST /api/v1/evaluations answers it.")
        EvaluationResponse evaluation) {}
