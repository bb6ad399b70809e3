package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.ComparisonRequest;
import dev.dealeval.api.v1.dto.ComparisonResponse;
import dev.dealeval.application.analysis.comparison.ComparisonService;
import dev.dealeval.domain.analysis.Objective;
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

@Path("/api/v1/comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deal space")
public class ComparisonResource {
    private final ComparisonService service;

    public ComparisonResource(ComparisonService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "compareBundles",
            summary = "Rank several bundles",
            description =
                    "Evaluates each bundle against the same scenario and profile and ranks them by the objective: NASH (the Nash "
                            + "product of the surpluses, 0 when either is negative), US or CN (that side's surplus), WELFARE (their sum) or "
                            + "MIN_SURPLUS (the smaller). Each bundle comes with its evaluation summary and the bundles it Pareto-dominates or "
                            + "is dominated by. Ties go to the larger welfare, then to the earlier bundle.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComparisonRequest.class),
                            examples = {
                                @ExampleObject(name = "threeOffers", ref = "threeOffers"),
                                @ExampleObject(name = "deliveryTermsOffers", ref = "deliveryTermsOffers")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The ranking",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComparisonResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or too many bundles")
    public ComparisonResponse compare(@NotNull(message = "a JSON body is required") @Valid ComparisonRequest request) {
        var report = service.compare(
                AnalysisMapper.subject(request.scenario(), request.profile(), request.overrides(), request.domain()),
                AnalysisMapper.bundles(request.bundles()),
                request.objective() == null ? Objective.NASH : request.objective());
        return ComparisonMapper.response(report);
    }
}
