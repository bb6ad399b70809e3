package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dealeval.domain.backtest.Episode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "What each government did: ACCEPTED (signed, announced, implemented or itself proposed) or REJECTED "
                        + "(refused, ignored or answered with escalation). At least one; a side left out is not scored.")
public record EpisodeDecisions(
        @JsonProperty("US") @JsonInclude(JsonInclude.Include.NON_NULL)
        Episode.Decision us,

        @JsonProperty("CN") @JsonInclude(JsonInclude.Include.NON_NULL)
        Episode.Decision cn) {}
