package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.BacktestEpisodeResponse;
import dev.dealeval.api.v1.dto.BacktestResponse;
import dev.dealeval.api.v1.dto.RobustnessResponse;
import dev.dealeval.application.backtest.BacktestService;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.backtest.Backtest;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.Perturbations;
import dev.dealeval.domain.backtest.Reliability;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import dev.dealeval.presentation.chart.ReliabilityDiagram;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/backtests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Backtest",
        description = "The model checked against what governments actually did, 2017-2026, in sample and out of fold")
public class BacktestResource {
    static final String RULES =
            "Each episode is evaluated against its own status quo (a built-in or stored scenario) with the chosen profile. "
                    + "It agrees when every government decision on record matches the model's ratification of that side (ACCEPTED: "
                    + "ratified, REJECTED: not); the hit rate is the share of episodes that agree. The Brier score is the mean of "
                    + "(agreementProbability - outcome)^2, the outcome being 1 when both governments accepted and 0 when either rejected: "
                    + "0 is perfect, 0.25 a coin toss; referenceBrierScore is what always forecasting the episodes' base rate of agreement "
                    + "scores, and brierSkillScore = 1 - brierScore / referenceBrierScore. Out of fold, the profile's decision settings "
                    + "and its belief in floated proposals are refitted without the episodes scored (penalised log-loss from the model's "
                    + "prior): leaveOneOut judges each episode by a fit to all the others, temporal fits on the episodes before "
                    + "splitDate and judges the later ones.";
    private static final String PROFILE =
            "Profile to judge with, built in or stored (default: the configured default profile)";
    /** The 503 of the operations that compute the out-of-fold figures on their first request. */
    private static final String BUSY_OUT_OF_FOLD = SearchResource.BUSY
            + ". Only the first request for a profile and episode set computes the out-of-fold figures; later ones"
            + " read them.";

    private static final String UNAVAILABLE =
            "The built-in episodes do not fit the model file configured, or a stored set no longer fits the model or its scenarios";
    private static final String EPISODE_SET =
            "Episode set to run, built in or stored (GET /api/v1/episode-sets; default: built-in)";

    private final BacktestService backtests;
    private final DealModel model;

    public BacktestResource(BacktestService backtests, ModelRegistry registry) {
        this.backtests = backtests;
        this.model = registry.model();
    }

    @GET
    @Operation(
            operationId = "runBacktest",
            summary = "Run the backtest: the model's verdicts on real episodes beside what happened",
            description =
                    "Runs every episode of the backtest - signed deals, truces and their extensions, offers refused or "
                            + "ignored, escalations, from 2017 to 2026, each with its sources; or of a stored episode set (episodeSet) - "
                            + "through the profile, and returns per episode "
                            + "what each government did beside the model's verdict, ratification probabilities and surpluses, then the hit rate "
                            + "and the Brier score of the agreement probability. " + RULES)
    @APIResponse(responseCode = "200", description = "The episodes, the model's verdicts and the scores")
    @APIResponse(responseCode = "400", description = "Unknown profile or episode set")
    @APIResponse(responseCode = "409", description = UNAVAILABLE)
    @APIResponse(responseCode = "503", description = BUSY_OUT_OF_FOLD)
    public BacktestResponse run(
            @Parameter(description = PROFILE, example = "hawkish-washington")
                    @QueryParam("profile")
                    @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
                    String profile,
            @Parameter(description = EPISODE_SET, example = "built-in")
                    @QueryParam("episodeSet")
                    @Pattern(regexp = Ids.EPISODE_SET, message = Ids.EPISODE_SET_MESSAGE)
                    String episodeSet) {
        BacktestService.Run run = backtests.run(profile, episodeSet);
        BacktestService.OutOfFold oof = backtests.outOfFold(profile, episodeSet);
        return new BacktestResponse(
                run.profile().id(),
                run.profile().version(),
                run.set().id(),
                run.set().version(),
                model.version(),
                summary(run.report().summary()),
                new BacktestResponse.OutOfFold(
                        oof.leaveOneOut() == null ? null : summary(oof.leaveOneOut()),
                        oof.temporal() == null ? null : summary(oof.temporal()),
                        BacktestService.TEMPORAL_SPLIT,
                        oof.fittedBefore()),
                reliability(BacktestService.calibration(run, oof)),
                run.report().results().stream().map(this::episode).toList(),
                EpisodeSetMapper.excluded(run.set()),
                RULES);
    }

    static BacktestResponse.Summary summary(Backtest.Summary s) {
        return new BacktestResponse.Summary(
                s.episodes(),
                s.agreeing(),
                s.hitRate(),
                s.sideDecisions(),
                s.sideAgreeing(),
                s.sideHitRate(),
                s.scoredOutcomes(),
                defined(s.brierScore()),
                s.referenceBrierScore(),
                defined(s.brierSkillScore()),
                s.sideBrierScore());
    }

    /** A score, or null where it is undefined (NaN: nothing to average, or no base rate to beat). */
    private static Double defined(double score) {
        return Double.isNaN(score) ? null : score;
    }

    @GET
    @Path("/reliability")
    @Produces(SearchResource.SVG)
    @Operation(
            operationId = "chartBacktestReliability",
            summary = "The backtest's reliability diagram",
            description =
                    "Runs the backtest as GET /api/v1/backtests does and draws its probabilities against what happened, as an "
                            + "SVG reliability diagram: each side's ratificationProbability against its recorded decision (side decisions) and "
                            + "the agreementProbability against the outcome (agreement), in 5 bins of width 0.2, each bin a point at (mean "
                            + "predicted, observed frequency) with its Wilson 90% interval, beside the diagonal of perfect calibration, with "
                            + "the expected calibration error (ECE) of each series. The forecasts are the leave-one-out ones (each "
                            + "episode's from a fit without it) for a set of up to 120 episodes, else in sample. The numbers are the "
                            + "reliability block of GET /api/v1/backtests. Opens in any browser.")
    @APIResponse(
            responseCode = "200",
            description = "The diagram",
            content = @Content(mediaType = SearchResource.SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown profile or episode set")
    @APIResponse(responseCode = "409", description = UNAVAILABLE)
    @APIResponse(responseCode = "503", description = BUSY_OUT_OF_FOLD)
    public String reliabilityDiagram(
            @Parameter(description = PROFILE, example = "hawkish-washington")
                    @QueryParam("profile")
                    @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
                    String profile,
            @Parameter(description = EPISODE_SET)
                    @QueryParam("episodeSet")
                    @Pattern(regexp = Ids.EPISODE_SET, message = Ids.EPISODE_SET_MESSAGE)
                    String episodeSet) {
        BacktestService.Run run = backtests.run(profile, episodeSet);
        BacktestService.OutOfFold oof = backtests.outOfFold(profile, episodeSet);
        String title = "Reliability of the backtest: profile " + run.profile().id() + ", episode set "
                + run.set().id() + ", " + run.report().results().size() + " episodes"
                + (oof.leaveOneOut() == null ? ", in sample" : ", leave-one-out forecasts");
        return ReliabilityDiagram.svg(
                title, BacktestService.calibration(run, oof).series());
    }

    static final String ROBUSTNESS_RULES =
            "Each episode is read again with one thing an analyst might reasonably have coded otherwise: each number of "
                    + "its bundle at -25% and +25% (whole numbers rounded, kept in the term's range, a 0 left alone), each enum "
                    + "(the commitment's form among them) one level either way, and its scenario replaced by each neighbouring one "
                    + "by date within 400 days. With readings=ALLOWED, the default, two readings the encoding rules forbid are "
                    + "not made: a neighbouring scenario dated after the decision (it holds the decision's own outcome), and a "
                    + "bundle both governments accepted read as a floated proposal (one never tabled). A perturbation flips "
                    + "when it changes the model's ratification of a side whose decision is on record; flipShare = flips / "
                    + "perturbations. Every reading also judges the episode's recorded decisions: readingSideHitRate is the "
                    + "share it gets right, what to expect when the episodes are encoded by other hands.";

    @GET
    @Path("/robustness")
    @Operation(
            operationId = "runBacktestRobustness",
            summary = "How fragile the backtest's verdicts are under reasonable re-encodings",
            description =
                    "Runs the robustness suite over the episode set with the profile: every single perturbation an analyst "
                            + "might choose for an episode's encoding, and the ones that change the model's verdict for a side "
                            + "with a recorded decision. " + ROBUSTNESS_RULES)
    @APIResponse(
            responseCode = "200",
            description = "The perturbations, the flips and their share, and the decisions right over the readings")
    @APIResponse(responseCode = "400", description = "Unknown profile or episode set")
    @APIResponse(responseCode = "409", description = UNAVAILABLE)
    @APIResponse(responseCode = "503", description = SearchResource.BUSY)
    public RobustnessResponse robustness(
            @Parameter(description = PROFILE, example = "hawkish-washington")
                    @QueryParam("profile")
                    @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
                    String profile,
            @Parameter(description = EPISODE_SET)
                    @QueryParam("episodeSet")
                    @Pattern(regexp = Ids.EPISODE_SET, message = Ids.EPISODE_SET_MESSAGE)
                    String episodeSet,
            @Parameter(
                            description =
                                    "ALLOWED (the default): only the readings the encoding rules allow; "
                                            + "AS_FIRST_STATED: also a neighbouring scenario dated after the decision and a bundle "
                                            + "both governments accepted read as a floated proposal (the suite as first specified).",
                            example = "AS_FIRST_STATED")
                    @QueryParam("readings")
                    @Pattern(regexp = "ALLOWED|AS_FIRST_STATED", message = "must be ALLOWED or AS_FIRST_STATED")
                    String readings) {
        BacktestService.Robustness r = backtests.robustness(
                profile,
                episodeSet,
                readings == null ? Perturbations.Readings.ALLOWED : Perturbations.Readings.valueOf(readings));
        Perturbations.Report report = r.report();
        return new RobustnessResponse(
                r.profile().id(),
                r.profile().version(),
                r.set().id(),
                r.set().version(),
                model.version(),
                r.readings(),
                report.episodes(),
                report.perturbations(),
                report.flips().size(),
                report.share(),
                report.readingDecisions(),
                report.readingRight(),
                defined(report.readingSideHitRate()),
                defined(report.readingSideBrierScore()),
                defined(report.readingBrierScore()),
                report.touched(),
                report.flips().stream()
                        .map(f -> new RobustnessResponse.Flip(f.episode(), f.description(), f.sides()))
                        .toList(),
                ROBUSTNESS_RULES);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "explainBacktestEpisode",
            summary = "One episode of the backtest with the model's full explanation",
            description =
                    "The episode as in GET /api/v1/backtests, with the explained evaluation of its bundle against its status "
                            + "quo: every criterion, term contribution and faction with its reasons, so an analyst can see why the model "
                            + "judges it as it does.")
    @APIResponse(responseCode = "200", description = "The episode and its evaluation")
    @APIResponse(responseCode = "400", description = "Unknown profile or episode set")
    @APIResponse(responseCode = "404", description = "No such episode in the set")
    @APIResponse(responseCode = "409", description = UNAVAILABLE)
    public BacktestEpisodeResponse episode(
            @Parameter(
                            description = "Episode id",
                            example = "geneva-truce-2025",
                            schema = @Schema(type = SchemaType.STRING))
                    @PathParam("id")
                    String id,
            @Parameter(description = PROFILE)
                    @QueryParam("profile")
                    @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
                    String profile,
            @Parameter(description = EPISODE_SET)
                    @QueryParam("episodeSet")
                    @Pattern(regexp = Ids.EPISODE_SET, message = Ids.EPISODE_SET_MESSAGE)
                    String episodeSet) {
        Backtest.Result r =
                backtests.runOne(id, profile, episodeSet).report().results().get(0);
        return new BacktestEpisodeResponse(episode(r), DtoMapper.evaluation(r.evaluation()));
    }

    private BacktestResponse.EpisodeResult episode(Backtest.Result r) {
        Episode e = r.episode();
        Evaluation ev = r.evaluation();
        Map<String, Episode.Decision> happened = new LinkedHashMap<>();
        Map<String, BacktestResponse.SideJudgement> sides = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            if (e.decisions().containsKey(side)) {
                happened.put(side.name(), e.decisions().get(side));
            }
            var s = ev.side(side);
            sides.put(
                    side.name(),
                    new BacktestResponse.SideJudgement(
                            s.ratified(),
                            s.ratificationProbability(),
                            s.surplus(),
                            r.sideAgrees().get(side)));
        }
        return new BacktestResponse.EpisodeResult(
                e.id(),
                e.date(),
                e.title(),
                e.kind(),
                e.scenario(),
                AnalysisMapper.bundle(model, e.bundle()),
                happened,
                new BacktestResponse.Judgement(ev.joint().verdict(), ev.joint().agreementProbability(), sides),
                r.agrees(),
                e.record(),
                e.encoding(),
                e.sources());
    }

    private static BacktestResponse.Reliability reliability(BacktestService.Calibration c) {
        return new BacktestResponse.Reliability(series(c.sideDecisions()), series(c.agreement()));
    }

    private static BacktestResponse.ReliabilitySeries series(Reliability.Series s) {
        boolean scored = s.forecasts() > 0;
        return new BacktestResponse.ReliabilitySeries(
                s.forecasts(),
                s.bins().stream()
                        .map(b -> new BacktestResponse.ReliabilityBin(
                                b.from(), b.to(), b.count(), b.meanPredicted(), b.observed(), b.low(), b.high()))
                        .toList(),
                scored ? s.ece() : null,
                scored ? s.reliability() : null,
                scored ? s.resolution() : null,
                scored ? s.uncertainty() : null);
    }
}
