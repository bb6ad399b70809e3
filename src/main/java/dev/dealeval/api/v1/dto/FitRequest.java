package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The profile to fit and the episodes to fit it to.")
public record FitRequest(
        @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
        @Schema(
                description = "Profile to fit, built in or stored (default: the configured default profile).",
                examples = "default")
        String profile,

        @Pattern(regexp = Ids.EPISODE_SET, message = Ids.EPISODE_SET_MESSAGE)
        @Schema(
                description =
                        "Episode set to fit to, built in or stored (GET /api/v1/episode-sets; default: built-in).",
                examples = "built-in")
        String episodeSet,

        @Schema(
                description =
                        "Also fit the criterion weights of both sides (default false): each weight's log is shrunk toward the "
                                + "profile's with standard deviation 0.5, and every single concession for nothing of the model "
                                + "stays refused by its giver, and every single move of a term, from every scenario, keeps for "
                                + "each side and faction the direction the profile gives it (docs/fitting.md). "
                                + "The out-of-fold scores are then those of this fit.",
                examples = "true")
        Boolean weights,

        @Schema(
                description =
                        "Also fit the factions' clouts of both sides (default false): each clout's log is shrunk toward the "
                                + "profile's with standard deviation 0.5, each side's renormalised to sum to 1, under the same "
                                + "rule that every single concession for nothing stays refused (docs/fitting.md). "
                                + "The out-of-fold scores are then those of this fit.",
                examples = "true")
        Boolean clouts) {

    /** Whether the weights are fitted too. */
    public boolean fitsWeights() {
        return Boolean.TRUE.equals(weights);
    }

    /** Whether the clouts are fitted too. */
    public boolean fitsClouts() {
        return Boolean.TRUE.equals(clouts);
    }
}
