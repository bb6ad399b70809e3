package dev.dealeval.api.v1;

import dev.dealeval.api.error.ProblemDetail;
import dev.dealeval.api.v1.dto.SearchResponse;
import dev.dealeval.api.v1.dto.SimulationRequest;
import dev.dealeval.api.v1.dto.SimulationResponse;
import dev.dealeval.api.v1.dto.TournamentRequest;
import dev.dealeval.api.v1.dto.TournamentResponse;
import dev.dealeval.application.analysis.AnalysisService;
import dev.dealeval.application.analysis.SimulationService;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.domain.analysis.Simulation;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Side;
import dev.dealeval.presentation.chart.FrontierChart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/simulations")
@Tag(
        name = "Negotiation",
        description =
                "How the two sides would get there, offer by offer: simulated negotiations and tournaments of strategies")
public class SimulationResource {
    private static final int DEFAULT_DEADLINE = 100;

    private final SimulationService service;

    public SimulationResource(SimulationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "simulateNegotiation",
            summary = "Simulate a negotiation",
            description =
                    "Plays the stacked alternating offers protocol between the U.S. and China (or an imported domain's two "
                            + "parties): one side proposes a bundle of the deal space, the other accepts it or proposes its own in the next "
                            + "round, until an acceptance or the deadline. Each side bids from a Pareto frontier of the space (of every "
                            + "bundle, or for the ratification-aware strategy of those its own government would ratify), at the surplus its "
                            + "strategy asks for at that time, and accepts only offers at least at its reservation value (its no-deal "
                            + "utility), that its own government would ratify and that are worth at least what it would ask next. Returns "
                            + "every offer and round with both sides' utilities and surpluses, and the outcome with its evaluation and its "
                            + "distance to the frontier and to the Nash bundle. Seeded: the same request plays the same negotiation.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SimulationRequest.class),
                            examples =
                                    @ExampleObject(name = "boulwareAgainstConceder", ref = "boulwareAgainstConceder")))
    @APIResponse(
            responseCode = "200",
            description = "The negotiation, round by round",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SimulationResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid input, a deadline beyond the configured limit, or a space larger than the budget",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "503",
            description = "As many heavy analyses as configured are running; retry after Retry-After",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public SimulationResponse simulate(@NotNull(message = "a JSON body is required") @Valid SimulationRequest request) {
        return response(service.simulate(command(request)));
    }

    @POST
    @Path("/chart")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(SearchResource.SVG)
    @Operation(
            operationId = "chartNegotiation",
            summary = "Chart a simulated negotiation",
            description =
                    "Plays the negotiation in the body and draws each side's offers, in order, over the Pareto frontier of the "
                            + "bundles both sides would ratify, with its bargaining solutions and the agreement (SVG, the search chart's style).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SimulationRequest.class),
                            examples =
                                    @ExampleObject(name = "boulwareAgainstConceder", ref = "boulwareAgainstConceder")))
    @APIResponse(
            responseCode = "200",
            description = "The chart",
            content =
                    @Content(
                            mediaType = SearchResource.SVG,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid input",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public String chart(@NotNull(message = "a JSON body is required") @Valid SimulationRequest request) {
        SimulationService.Simulated s = service.simulate(command(request));
        FrontierChart.Chart base = AnalysisMapper.chart(s.search());
        Simulation.Result r = s.result();
        List<FrontierChart.Point> us = new ArrayList<>();
        List<FrontierChart.Point> cn = new ArrayList<>();
        for (Simulation.Round round : r.rounds()) {
            Simulation.Candidate o = r.offers().get(round.offer());
            (round.proposer() == Side.US ? us : cn).add(new FrontierChart.Point(o.usSurplus(), o.cnSurplus()));
        }
        List<FrontierChart.Mark> marks = new ArrayList<>(base.references());
        if (r.agreed()) {
            marks.add(new FrontierChart.Mark(
                    "agreement (round " + r.agreementRound() + ")",
                    r.agreedOffer().usSurplus(),
                    r.agreedOffer().cnSurplus()));
        }
        String title = "Negotiation: " + s.spec().us().kind() + " ("
                + base.axes().x() + ") vs " + s.spec().cn().kind() + " ("
                + base.axes().y() + ") — " + (r.agreed() ? "agreement in round " + r.agreementRound() : "no agreement")
                + " of "
                + s.spec().deadline();
        return FrontierChart.svg(new FrontierChart.Chart(
                title,
                base.frontier(),
                base.solutions(),
                marks,
                base.axes(),
                List.of(
                        new FrontierChart.Trajectory(base.axes().x() + " offers", us),
                        new FrontierChart.Trajectory(base.axes().y() + " offers", cn))));
    }

    @POST
    @Path("/tournaments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "runTournament",
            summary = "Run a tournament of strategies",
            description =
                    "Every ordered pair of the strategies negotiates in every setting (each scenario with each profile, or each "
                            + "imported domain), as the ANAC competitions do; reports per pair the agreement rate, the mean surpluses and the "
                            + "mean rounds, and ranks the strategies by their mean surplus. One search of the space per setting; the work is "
                            + "bounded by configuration (strategies, settings, rounds, bundles per setting).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TournamentRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "sixStrategiesEightScenarios",
                                            ref = "sixStrategiesEightScenarios")))
    @APIResponse(
            responseCode = "200",
            description = "The results per pair and the ranking",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TournamentResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid input or a tournament beyond the configured limits",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public TournamentResponse tournament(
            @NotNull(message = "a JSON body is required") @Valid TournamentRequest request) {
        List<SimulationService.Setting> settings = new ArrayList<>();
        if (request.domains() != null && !request.domains().isEmpty()) {
            List<Violation> violations = new ArrayList<>();
            if (request.scenarios() != null && !request.scenarios().isEmpty()) {
                violations.add(
                        new Violation("scenarios", "leave them out with domains: each domain is its own setting"));
            }
            if (request.profiles() != null && !request.profiles().isEmpty()) {
                violations.add(
                        new Violation("profiles", "leave them out with domains: each domain is its own setting"));
            }
            if (request.base() != null) {
                violations.add(new Violation("base", "leave it out with domains: every issue is negotiated"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            request.domains().forEach(d -> settings.add(new SimulationService.Setting(null, null, d)));
        } else {
            List<String> scenarios =
                    request.scenarios() == null || request.scenarios().isEmpty()
                            ? java.util.Collections.singletonList(null)
                            : request.scenarios();
            List<String> profiles =
                    request.profiles() == null || request.profiles().isEmpty()
                            ? java.util.Collections.singletonList(null)
                            : request.profiles();
            for (String sc : scenarios) {
                for (String p : profiles) {
                    settings.add(new SimulationService.Setting(sc, p, null));
                }
            }
        }
        List<SimulationService.StrategyChoice> strategies = request.strategies().stream()
                .map(s -> new SimulationService.StrategyChoice(s.name(), s.kind(), s.exponent(), s.window()))
                .toList();
        SimulationService.Tournament t = service.tournament(new SimulationService.TournamentCommand(
                strategies,
                settings,
                DtoMapper.flatten(request.base()),
                AnalysisMapper.terms(request.terms()),
                request.budget(),
                request.deadline() == null ? DEFAULT_DEADLINE : request.deadline(),
                request.seed() == null ? 1 : request.seed()));
        return tournamentResponse(
                t,
                request.deadline() == null ? DEFAULT_DEADLINE : request.deadline(),
                request.seed() == null ? 1 : request.seed());
    }

    private SimulationService.SimulationCommand command(SimulationRequest r) {
        SimulationService.Space space = new SimulationService.Space(
                AnalysisMapper.subject(r.scenario(), r.profile(), r.overrides(), r.domain()),
                DtoMapper.flatten(r.base()),
                AnalysisMapper.terms(r.terms()),
                r.budget());
        return new SimulationService.SimulationCommand(
                space,
                choice(r.strategies().us()),
                choice(r.strategies().cn()),
                r.deadline() == null ? DEFAULT_DEADLINE : r.deadline(),
                r.starts() == null ? Side.US : r.starts(),
                r.seed() == null ? 1 : r.seed());
    }

    private static SimulationService.StrategyChoice choice(SimulationRequest.StrategyRequest s) {
        return new SimulationService.StrategyChoice(null, s.kind(), s.exponent(), s.window());
    }

    private SimulationResponse response(SimulationService.Simulated s) {
        AnalysisService.Searched search = s.search();
        CompiledModel m = search.context().model();
        int sc = search.context().scenario();
        double dUs = m.noDealUtility(Side.US, sc);
        double dCn = m.noDealUtility(Side.CN, sc);
        boolean domain = search.context().domain() != null;
        Simulation.Result r = s.result();
        List<SimulationResponse.Offer> offers = new ArrayList<>();
        for (int i = 0; i < r.offers().size(); i++) {
            Simulation.Candidate o = r.offers().get(i);
            double[] x = s.offerBundles().get(i);
            offers.add(new SimulationResponse.Offer(
                    i,
                    o.index(),
                    o.usSurplus(),
                    o.cnSurplus(),
                    o.usSurplus() + dUs,
                    o.cnSurplus() + dCn,
                    o.usRatifies(),
                    o.cnRatifies(),
                    domain ? null : AnalysisMapper.bundle(m, x, search.searched()),
                    domain ? AnalysisMapper.outcome(m, x) : null));
        }
        List<SimulationResponse.RoundPlayed> rounds = r.rounds().stream()
                .map(x -> {
                    Simulation.Candidate o = r.offers().get(x.offer());
                    return new SimulationResponse.RoundPlayed(
                            x.round(),
                            x.proposer(),
                            x.offer(),
                            x.proposerTarget(),
                            o.usSurplus(),
                            o.cnSurplus(),
                            o.usSurplus() + dUs,
                            o.cnSurplus() + dCn,
                            x.accepted());
                })
                .toList();
        Map<Side, SimulationResponse.StrategyPlayed> strategies = new EnumMap<>(Side.class);
        strategies.put(Side.US, played(s.spec().us()));
        strategies.put(Side.CN, played(s.spec().cn()));
        List<String> warnings = new ArrayList<>(search.context().warnings());
        if (search.result().feasible() == 0) {
            warnings.add(
                    "No bundle of the space is ratified by both sides: no negotiation can end in a ratified agreement.");
        }
        return new SimulationResponse(
                m.model().scenarios().get(sc).id(),
                m.profile().id(),
                m.profile().version(),
                s.spec().deadline(),
                s.spec().starts(),
                s.spec().seed(),
                strategies,
                AnalysisMapper.space(search),
                new SearchResponse.NoDealPoint(dUs, dCn),
                offers,
                rounds,
                outcome(s, r),
                AnalysisMapper.found(search, search.result().solutions().nash()),
                s.elapsedNanos() / 1_000_000,
                warnings,
                AnalysisMapper.domain(search.context()));
    }

    private static SimulationResponse.StrategyPlayed played(Simulation.Strategy s) {
        return new SimulationResponse.StrategyPlayed(s.kind(), s.exponent(), s.window());
    }

    private static SimulationResponse.Outcome outcome(SimulationService.Simulated s, Simulation.Result r) {
        if (!r.agreed()) {
            return new SimulationResponse.Outcome(
                    false,
                    null,
                    null,
                    null,
                    false,
                    null,
                    0,
                    0,
                    null,
                    null,
                    0,
                    null,
                    null,
                    "No agreement in " + s.spec().deadline() + " rounds: each side keeps its no-deal utility.");
        }
        Evaluation e = s.agreement();
        Simulation.Round last = r.rounds().get(r.rounds().size() - 1);
        Side by = last.proposer().other();
        String summary = (by == Side.US ? "The U.S." : "China") + " accepted offer " + r.agreement() + " in round "
                + r.agreementRound()
                + " of " + s.spec().deadline() + "; "
                + (r.ratifiedByBoth()
                        ? "both governments would ratify it."
                        : (e.side(Side.US).ratified() ? "China's" : "the U.S.") + " government would not ratify it.");
        return new SimulationResponse.Outcome(
                true,
                r.agreementRound(),
                by,
                r.agreement(),
                r.ratifiedByBoth(),
                e.joint().verdict(),
                e.side(Side.US).surplus(),
                e.side(Side.CN).surplus(),
                e.side(Side.US).ratificationProbability(),
                e.side(Side.CN).ratificationProbability(),
                e.joint().nashProduct(),
                finite(s.distanceToFrontier()),
                finite(s.distanceToNash()),
                summary);
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static TournamentResponse tournamentResponse(SimulationService.Tournament t, int deadline, long seed) {
        int n = t.names().size();
        List<TournamentResponse.Entrant> entrants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Simulation.Strategy s = t.strategies().get(i);
            entrants.add(new TournamentResponse.Entrant(t.names().get(i), s.kind(), s.exponent(), s.window()));
        }
        double[] surplus = new double[n];
        double[] ratified = new double[n];
        double[] played = new double[n];
        List<TournamentResponse.Pair> pairs = new ArrayList<>();
        for (SimulationService.PairResult p : t.pairs()) {
            pairs.add(new TournamentResponse.Pair(
                    t.names().get(p.us()),
                    t.names().get(p.cn()),
                    p.played(),
                    p.agreements(),
                    p.ratified(),
                    p.ratified() / (double) p.played(),
                    p.meanUsSurplus(),
                    p.meanCnSurplus(),
                    p.meanRounds()));
            surplus[p.us()] += p.meanUsSurplus() * p.played();
            surplus[p.cn()] += p.meanCnSurplus() * p.played();
            ratified[p.us()] += p.ratified();
            ratified[p.cn()] += p.ratified();
            played[p.us()] += p.played();
            played[p.cn()] += p.played();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(surplus[b] / played[b], surplus[a] / played[a]));
        List<TournamentResponse.Standing> ranking = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            ranking.add(new TournamentResponse.Standing(
                    k + 1, t.names().get(i), surplus[i] / played[i], ratified[i] / played[i]));
        }
        return new TournamentResponse(
                entrants,
                t.settings().stream()
                        .map(s -> new TournamentResponse.Setting(s.scenario(), s.profile(), s.domain()))
                        .toList(),
                deadline,
                seed,
                t.simulations(),
                pairs,
                ranking,
                t.elapsedNanos() / 1_000_000);
    }
}
