package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.SearchRequest;
import dev.dealeval.api.v1.dto.SearchResponse;
import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.analysis.search.SearchService;
import dev.dealeval.presentation.chart.FrontierChart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/searches")
@Tag(
        name = "Deal space",
        description = "Compare bundles, search the deal space, repair failing offers, test robustness")
public class SearchResource {
    static final String SVG = "image/svg+xml";

    /** The 503 of every operation that takes a turn of the analysis capacity (AnalysisCapacity). */
    static final String BUSY = "As many heavy analyses as configured are running (" + AnalysisCapacity.HEAVY
            + "); retry after Retry-After";

    private final SearchService service;

    public SearchResource(SearchService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "searchDealSpace",
            summary = "Search the deal space",
            description =
                    "Scores every bundle in the product of the candidate levels of the listed terms (by default the model's ten-term "
                            + "subset, 1,152,000 bundles, less any term the base bundle fixes), every other term at the base bundle's value. "
                            + "Keeps the bundles both sides ratify (and that meet the minimum surpluses) and returns the Pareto frontier of their (U.S. surplus, China surplus) "
                            + "with the bundles on it; the Nash, Kalai-Smorodinsky, egalitarian and utilitarian bundles, always chosen among "
                            + "feasible bundles that both sides strictly prefer to no deal; counts of bundles examined, ratified and feasible; "
                            + "and where the reference bundles stand. " + SearchMapper.RULES
                            + " A space larger than the budget (default "
                            + "and maximum from configuration) is refused up front with its size. Every bundle returned evaluates, through "
                            + "POST /api/v1/evaluations with the same scenario and profile, to the same surpluses.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchRequest.class),
                            examples = {
                                @ExampleObject(name = "defaultSpace", ref = "defaultSpace"),
                                @ExampleObject(name = "chipsForPurchases", ref = "chipsForPurchases"),
                                @ExampleObject(name = "deliveryTermsSearch", ref = "deliveryTermsSearch")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The frontier and the solutions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid input, or a space larger than the budget (the detail says how large)")
    @APIResponse(responseCode = "503", description = BUSY)
    public SearchResponse search(@NotNull(message = "a JSON body is required") @Valid SearchRequest request) {
        return SearchMapper.response(service.search(command(request)));
    }

    @POST
    @Path("/chart")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(SVG)
    @Operation(
            operationId = "chartSearch",
            summary = "Chart a search",
            description =
                    "Runs the search in the body and draws it as an SVG chart: the whole frontier (frontierLimit does not "
                            + "apply; beyond 5,000 points, 5,000 spread evenly), the four solutions, the reference bundles and the no-deal point at (0, 0), axes in surplus points (for a domain, its parties' surpluses in GENIUS utility). "
                            + "Opens in any browser.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchRequest.class),
                            examples = @ExampleObject(name = "chipsForPurchases", ref = "chipsForPurchases")))
    @APIResponse(
            responseCode = "200",
            description = "The chart",
            content =
                    @Content(
                            mediaType = SVG,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @APIResponse(responseCode = "400", description = "Invalid input, or a space larger than the budget")
    @APIResponse(responseCode = "503", description = BUSY)
    public String chart(@NotNull(message = "a JSON body is required") @Valid SearchRequest request) {
        return FrontierChart.svg(SearchMapper.chart(service.search(command(request))));
    }

    @GET
    @Path("/chart")
    @Produces(SVG)
    @Operation(
            operationId = "chartDefaultDealSpace",
            summary = "Chart the default deal space",
            description =
                    "The search of the model's default ten-term subset from an empty base bundle, drawn as an SVG chart; open "
                            + "/api/v1/searches/chart in a browser. Scenario and profile as in every request.")
    @APIResponse(
            responseCode = "200",
            description = "The chart",
            content =
                    @Content(
                            mediaType = SVG,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @APIResponse(responseCode = "400", description = "Unknown scenario or profile")
    @APIResponse(responseCode = "503", description = BUSY)
    public String defaultChart(
            @Parameter(description = "No-deal scenario id; default from configuration")
                    @QueryParam("scenario")
                    @Pattern(regexp = Ids.SCENARIO, message = Ids.SCENARIO_MESSAGE)
                    String scenario,
            @Parameter(description = "Profile id; default from configuration")
                    @QueryParam("profile")
                    @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
                    String profile) {
        return chart(new SearchRequest(null, null, null, null, null, null, null, scenario, profile, null, null));
    }

    private static SearchService.SearchCommand command(SearchRequest r) {
        return new SearchService.SearchCommand(
                AnalysisMapper.subject(r.scenario(), r.profile(), r.overrides(), r.domain()),
                DtoMapper.flatten(r.base()),
                AnalysisMapper.terms(r.terms()),
                r.minUsSurplus(),
                r.minCnSurplus(),
                r.budget(),
                r.frontierLimit(),
                AnalysisMapper.bundles(r.references()));
    }
}
