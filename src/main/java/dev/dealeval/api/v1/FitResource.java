package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.FitRequest;
import dev.dealeval.api.v1.dto.FitResponse;
import dev.dealeval.api.v1.dto.Overrides;
import dev.dealeval.api.v1.dto.ProfileRequest;
import dev.dealeval.application.backtest.BacktestService;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.Fitting;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fitting procedure of docs/fitting.md on request: a profile fitted to an episode set. */
@Path("/api/v1/fits")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backtest")
public class FitResource {
    private final BacktestService backtests;

    public FitResource(BacktestService backtests) {
        this.backtests = backtests;
    }

    @POST
    @Operation(
            operationId = "fitProfile",
            summary = "Fit a profile to an episode set, with its out-of-fold scores",
            description =
                    "Fits the parameters the episodes inform - the ratification rule's temperature, thresholds, stake floor and "
                            + "probability floor, the belief in a floated proposal and, with weights: true, the criterion weights "
                            + "of both sides and, with clouts: true, the factions' clouts - to the set's recorded side decisions by "
                            + "penalised log-loss from the model's prior (docs/fitting.md), and returns the fitted profile "
                            + "as changes to the profile fitted (POST it to /api/v1/profiles unchanged to keep it), its in-sample "
                            + "backtest summary, and the procedure's out-of-fold scores on the set: leave-one-out and the temporal "
                            + "split, as GET /api/v1/backtests gives them. Stores nothing. It takes seconds: it runs in a turn of "
                            + "the analyses' capacity, as searches do. " + BacktestResource.RULES)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FitRequest.class),
                            examples = {
                                @ExampleObject(name = "fitDefault", ref = "fitDefault"),
                                @ExampleObject(name = "fitWeights", ref = "fitWeights"),
                                @ExampleObject(name = "fitClouts", ref = "fitClouts")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The fitted profile and its scores",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FitResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown profile or episode set, or a set with fewer than 2 side decisions")
    @APIResponse(
            responseCode = "409",
            description =
                    "The built-in episodes do not fit the model file configured, or a stored set no longer fits the model or its scenarios")
    @APIResponse(responseCode = "503", description = SearchResource.BUSY)
    public FitResponse fit(@NotNull(message = "a JSON body is required") @Valid FitRequest request) {
        BacktestService.Fitted f = backtests.fit(
                request.profile(),
                request.episodeSet(),
                new Fitting.Scope(request.fitsWeights(), request.fitsClouts()));
        BacktestService.OutOfFold oof = f.outOfFold();
        return new FitResponse(
                profile(f),
                f.set().id(),
                BacktestResource.summary(f.inSample()),
                oof.leaveOneOut() == null ? null : BacktestResource.summary(oof.leaveOneOut()),
                oof.temporal() == null ? null : BacktestResource.summary(oof.temporal()),
                BacktestService.TEMPORAL_SPLIT,
                f.meanLogLoss(),
                f.sideDecisions());
    }

    /** The fitted profile as a POST /api/v1/profiles body: only what the fit changes, over the profile fitted. */
    static ProfileRequest profile(BacktestService.Fitted f) {
        Profile base = f.base();
        Settings s = f.fitted().settings();
        Map<Side, Double> threshold = new LinkedHashMap<>();
        threshold.put(Side.US, s.thresholdUs());
        threshold.put(Side.CN, s.thresholdCn());
        String id = base.id() + "-fitted-" + f.set().id();
        return new ProfileRequest(
                id.length() > 64 ? id.substring(0, 64) : id,
                base.id(),
                truncate(base.name() + ", fitted to episode set " + f.set().id()),
                "The profile " + base.id() + " with its "
                        + f.scope().also()
                        + "decision settings and belief in a floated proposal fitted to the "
                        + f.sideDecisions() + " side decisions of episode set "
                        + f.set().id() + " (version "
                        + f.set().version() + ") by POST /api/v1/fits (docs/fitting.md).",
                null,
                f.scope().weights() ? f.fitted().weights() : null,
                f.scope().clouts() ? clouts(f.fitted()) : null,
                new ProfileRequest.Credibility(
                        null,
                        Map.of(
                                Episode.FLOATED,
                                f.fitted().credibility().formFactors().get(Episode.FLOATED)),
                        null,
                        null,
                        null,
                        null,
                        null),
                new ProfileRequest.Settings(
                        null, s.temperature(), threshold, null, s.stakeFloor(), s.probabilityFloor()));
    }

    /** The fitted clouts as faction overrides: only the clout of each faction changes. */
    private static Map<String, Overrides.FactionOverride> clouts(Profile fitted) {
        Map<String, Overrides.FactionOverride> out = new LinkedHashMap<>();
        fitted.factions().forEach(f -> out.put(f.id(), new Overrides.FactionOverride(f.clout(), null, null, null)));
        return out;
    }

    private static String truncate(String name) {
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
