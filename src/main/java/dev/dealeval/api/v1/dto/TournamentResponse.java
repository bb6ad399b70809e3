package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.analysis.Simulation;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "What a tournament found: per ordered pair of strategies, over every setting, how often the sides agreed, how "
                        + "often both governments would ratify the agreement, what each side gained on average (0 for a breakdown or an agreement a "
                        + "government would refuse) and how long it took; and the strategies ranked by what they gained on average.")
public record TournamentResponse(
        List<Entrant> strategies,
        List<Setting> settings,
        int deadline,
        long seed,

        @Schema(description = "Negotiations played: strategies² × settings.")
        long simulations,

        List<Pair> pairs,
        List<Standing> ranking,

        @Schema(description = "Wall-clock time of the searches and the negotiations.")
        long elapsedMillis) {

    public record Entrant(String name, Simulation.Kind kind, double exponent, double window) {}

    @Schema(description = "One setting: a scenario and a profile, or an imported domain (the others absent).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Setting(String scenario, String profile, String domain) {}

    public record Pair(
            @Schema(description = "The strategy playing the U.S. (party 1).")
            String us,

            @Schema(description = "The strategy playing China (party 2).")
            String cn,

            int played,

            @Schema(description = "Negotiations that ended in an accepted offer.")
            int agreements,

            @Schema(description = "Agreements both governments would ratify.")
            int ratified,

            @Schema(description = "ratified / played.") double agreementRate,
            double meanUsSurplus,
            double meanCnSurplus,

            @Schema(description = "Mean rounds to agreement, a breakdown counting the deadline.")
            double meanRounds) {}

    @Schema(
            description =
                    "A strategy's mean surplus over every negotiation it played, on either side, and its agreement rate there.")
    public record Standing(int rank, String strategy, double meanSurplus, double agreementRate) {}
}
