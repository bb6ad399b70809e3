package dev.dealeval.api.v1;

import static dev.dealeval.api.security.Roles.EDITOR;

import dev.dealeval.api.error.ProblemDetail;
import dev.dealeval.api.v1.dto.ScenarioList;
import dev.dealeval.api.v1.dto.ScenarioRequest;
import dev.dealeval.api.v1.dto.ScenarioResponse;
import dev.dealeval.application.catalog.ScenarioService;
import dev.dealeval.application.evaluation.Idempotency;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.model.Scenario;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Model")
public class ScenarioResource {
    private final ModelRegistry registry;
    private final CatalogEndpoint<Scenario, ScenarioService.Draft, ScenarioRequest, ScenarioResponse> scenarios;

    public ScenarioResource(
            ScenarioService scenarios, ModelRegistry registry, Idempotency idempotency, CanonicalJson canonical) {
        this.registry = registry;
        this.scenarios = new CatalogEndpoint<>(
                "/api/v1/scenarios",
                scenarios,
                ScenarioRequest::id,
                DtoMapper::scenarioDraft,
                this::response,
                idempotency,
                canonical);
    }

    private ScenarioResponse response(Scenario s) {
        return DtoMapper.scenario(s, registry.model(), registry.noDeal(s));
    }

    @GET
    @Operation(
            operationId = "listScenarios",
            summary = "List the no-deal scenarios",
            description =
                    "The status quo each side falls back to without a deal, the built-in ones in id order (dated from May 2017, "
                            + "before the trade war, to May 2026, after the Beijing summit; docs/model.md lists them by date), then "
                            + "user-defined ones, a page at a time: the term values each fixes, threatened measures, the full "
                            + "no-deal bundle and each side's no-deal utility under the default profile.")
    public ScenarioList list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1-100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        return scenarios.list(page, size, ScenarioList::new);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getScenario",
            summary = "Get one no-deal scenario",
            description = "One scenario with its full no-deal bundle and no-deal utilities; "
                    + "its version is the ETag to send back in If-Match when changing it.")
    @APIResponse(
            responseCode = "200",
            description = "The scenario",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScenarioResponse.class)))
    @APIResponse(responseCode = "404", description = "No such scenario")
    public Response get(
            @Parameter(description = "Scenario id", example = "BUSAN_2025", schema = @Schema(type = SchemaType.STRING))
                    @PathParam("id")
                    String id) {
        return scenarios.get(id);
    }

    @POST
    @RolesAllowed(EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createScenario",
            summary = "Create a no-deal scenario",
            description =
                    "Stores a user-defined status quo, checked against the term "
                            + "catalogue before anything is written; evaluations can then name it. Answers 201 with Location and ETag.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScenarioRequest.class),
                            examples = @ExampleObject(name = "section122At15", ref = "section122Scenario")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScenarioResponse.class)))
    @APIResponse(responseCode = "409", description = "The id is taken or belongs to a built-in scenario")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with another request")
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid ScenarioRequest request,
            @Parameter(description = "Makes retries safe: the same key and request return the first answer")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Context UriInfo uri) {
        return scenarios.create(request, idempotencyKey, uri);
    }

    @PUT
    @RolesAllowed(EDITOR)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceScenario",
            summary = "Replace a no-deal scenario",
            description = "Replaces a user-defined scenario if it is still at the version "
                    + "If-Match names: 428 without If-Match, 412 when stale, 409 for a built-in one.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScenarioResponse.class)))
    public Response replace(
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ScenarioRequest request) {
        return scenarios.replace(id, ifMatch, request);
    }

    @DELETE
    // Any client may delete: one that accepts only problem documents (as generated clients do for an
    // operation whose only bodies are problems) must not be refused with 406.
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    @RolesAllowed(EDITOR)
    @Path("/{id}")
    @Operation(
            operationId = "deleteScenario",
            summary = "Delete a no-deal scenario",
            description = "Deletes a user-defined scenario if it is still at the version "
                    + "If-Match names (428 without it, 412 if stale, 409 for a built-in one).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return scenarios.delete(id, ifMatch);
    }
}
