package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.CounterofferRequest;
import dev.dealeval.api.v1.dto.CounterofferResponse;
import dev.dealeval.application.analysis.counteroffers.CounterofferService;
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

@Path("/api/v1/counteroffers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deal space")
public class CounterofferResource {
    static final int DEFAULT_LIMIT = 10;
    private final CounterofferService service;

    public CounterofferResource(CounterofferService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "proposeCounteroffers",
            summary = "Repair a failing bundle",
            description =
                    "From a bundle one side would not ratify, the best bundles reachable by moving one or two terms to their "
                            + "candidate levels that both sides ratify, ranked by Nash product (then fewer changes, then welfare); a two-term "
                            + "change is offered only when it beats each of its moves made alone. Each change is spelled out with what it is worth to each side, the side it costs and "
                            + "how much. For a bundle that already passes, the changes that raise its Nash product.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CounterofferRequest.class),
                            examples = @ExampleObject(name = "repairChipsDeal", ref = "repairChipsDeal")))
    @APIResponse(
            responseCode = "200",
            description = "The counteroffers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CounterofferResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "503", description = SearchResource.BUSY)
    public CounterofferResponse counteroffers(
            @NotNull(message = "a JSON body is required") @Valid CounterofferRequest request) {
        var command = new CounterofferService.CounterofferCommand(
                AnalysisMapper.subject(request.scenario(), request.profile(), request.overrides(), null),
                DtoMapper.flatten(request.bundle()),
                AnalysisMapper.terms(request.terms()),
                request.limit() == null ? DEFAULT_LIMIT : request.limit());
        return CounterofferMapper.response(service.counteroffers(command));
    }
}
