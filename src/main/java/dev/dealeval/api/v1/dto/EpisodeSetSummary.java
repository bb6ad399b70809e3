package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "An episode set as a listing shows it: without its episodes (GET /api/v1/episode-sets/{id} has them).")
public record EpisodeSetSummary(
        @Schema(examples = "built-in") String id,
        String name,
        String description,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The set its episodes were copied from.")
        String basedOn,

        boolean builtIn,

        @Schema(description = "1 for the built-in set; grows by one per write.")
        long version,

        @Schema(description = "How many episodes it holds.") int episodeCount) {}
