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
                                + "stays refused by its giver (docs/backtest.md \"Fitting\"). The out-of-fold scores are then "
                                + "those of this fit.",
                examples = "true")
        Boolean weights) {

    /** Whether the weights are fitted too. */
    public boolean fitsWeights() {
        return Boolean.TRUE.equals(weights);
    }
}
