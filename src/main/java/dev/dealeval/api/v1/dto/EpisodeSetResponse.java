package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An episode set the backtest can run (GET /api/v1/backtests?episodeSet=id).")
public record EpisodeSetResponse(
        @Schema(examples = "built-in") String id,
        String name,
        String description,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The set its episodes were copied from.")
        String basedOn,

        @Schema(description = "True for the built-in episodes (read-only).")
        boolean builtIn,

        @Schema(description = "1 for the built-in set; grows by one per write (also the ETag).")
        long version,

        List<EpisodeDocument> episodes,

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Episodes considered and left out, with the reason (the built-in set's).")
        List<BacktestResponse.Excluded> excluded) {}
