package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import dev.dealeval.config.DealevalConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "An episode set to create (POST) or replace (PUT): its episodes in full, each checked against the model and "
                        + "the scenarios. To re-code an episode, copy a set's episodes (GET /api/v1/episode-sets/built-in), change "
                        + "that one and store them under an id of your own with basedOn naming the set copied.")
public record EpisodeSetRequest(
        @Pattern(regexp = Ids.EPISODE_SET, message = "must be lower-case kebab-case, at most 64 characters")
        @Schema(
                description = "Id of the new set (POST only; PUT takes it from the path).",
                examples = "london-at-level-two")
        String id,

        @Size(max = 64, message = "must be at most 64 characters")
        @Schema(description = "The set these episodes were copied from (optional).", examples = "built-in")
        String basedOn,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,

        @NotNull
        @Size(
                min = 1,
                max = DealevalConfig.Limits.MAX_EPISODES_PER_SET,
                message = "must hold between 1 and " + DealevalConfig.Limits.MAX_EPISODES_PER_SET + " episodes")
        List<@Valid EpisodeDocument> episodes) {}
