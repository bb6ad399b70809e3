package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.SimulationRequest;
import dev.dealeval.api.v1.dto.SimulationResponse;
import dev.dealeval.api.v1.dto.TournamentRequest;
import dev.dealeval.api.v1.dto.TournamentResponse;
import dev.dealeval.application.analysis.simulation.SimulationService;
import dev.dealeval.application.analysis.simulation.TournamentService;
import dev.dealeval.domain.model.Side;
import dev.dealeval.presentation.chart.FrontierChart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

    private final SimulationService simulations;
    private final TournamentService tournaments;

    public SimulationResource(SimulationService simulations, TournamentService tournaments) {
        this.simulations = simulations;
        this.tournaments = tournaments;
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
            description = "Invalid input, a deadline beyond the configured limit, or a space larger than the budget")
    @APIResponse(responseCode = "503", description = SearchResource.BUSY)
    public SimulationResponse simulate(@NotNull(message = "a JSON body is required") @Valid SimulationRequest request) {
        return SimulationMapper.response(simulations.simulate(command(request)));
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
    @APIResponse(responseCode = "400", description = "Invalid input")
    public String chart(@NotNull(message = "a JSON body is required") @Valid SimulationRequest request) {
        return FrontierChart.svg(SimulationMapper.chart(simulations.simulate(command(request))));
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
    @APIResponse(responseCode = "400", description = "Invalid input or a tournament beyond the configured limits")
    public TournamentResponse tournament(
            @NotNull(message = "a JSON body is required") @Valid TournamentRequest request) {
        int deadline = request.deadline() == null ? DEFAULT_DEADLINE : request.deadline();
        return SimulationMapper.tournament(tournaments.tournament(new TournamentService.TournamentCommand(
                request.strategies().stream()
                        .map(s -> new SimulationService.StrategyChoice(s.name(), s.kind(), s.exponent(), s.window()))
                        .toList(),
                request.domains(),
                request.scenarios(),
                request.profiles(),
                request.base() == null ? null : DtoMapper.flatten(request.base()),
                AnalysisMapper.terms(request.terms()),
                request.budget(),
                deadline,
                request.seed() == null ? 1 : request.seed())));
    }

    private static SimulationService.SimulationCommand command(SimulationRequest r) {
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
}
