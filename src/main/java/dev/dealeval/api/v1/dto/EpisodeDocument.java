package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.api.v1.Ids;
import dev.dealeval.domain.backtest.Episode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One episode of an episode set, in the fields of the episodes file
 * (src/main/resources/model/backtest.yaml), as requests write it and answers show it: an episode read
 * from GET /api/v1/episode-sets/{id} can be sent back unchanged.
 */
@Schema(
        name = "Episode",
        description =
                "A real episode: the status quo it was decided against, the bundle as the record describes it, and what "
                        + "each government did (docs/episodes.md, Rules of encoding).")
public record EpisodeDocument(
        @NotNull
        @Pattern(regexp = Ids.EPISODE, message = Ids.EPISODE_MESSAGE)
        @Schema(examples = "london-framework-2025")
        String id,

        @NotNull @Size(max = 10) @Schema(description = "When it was decided, yyyy-mm-dd.", examples = "2025-06-11")
        String date,

        @NotBlank @Size(max = 200) String title,
        @NotNull Episode.Kind kind,

        @NotNull
        @Pattern(regexp = Ids.SCENARIO, message = Ids.SCENARIO_MESSAGE)
        @Schema(
                description = "The scenario it was decided against (its status quo), built in or stored.",
                examples = "GENEVA_2025")
        String scenario,

        @NotNull @Schema(description = "What was on the table, in the form it took (its commitment.form).")
        BundleTerms bundle,

        @NotNull @Valid EpisodeDecisions decisions,

        @NotBlank @Size(max = 2000) @Schema(description = "What happened, in a sentence or two.")
        String record,

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Size(max = 2000)
        @Schema(description = "The judgement calls of the encoding.")
        String encoding,

        @NotNull @Size(min = 1, max = 20, message = "must name between 1 and 20 sources")
        List<@NotBlank @Size(max = 500) String> sources) {}
