package dev.dealeval.api.v1;

import static dev.dealeval.api.security.Roles.EDITOR;

import dev.dealeval.api.error.ProblemDetail;
import dev.dealeval.api.v1.dto.EpisodeSetList;
import dev.dealeval.api.v1.dto.EpisodeSetRequest;
import dev.dealeval.api.v1.dto.EpisodeSetResponse;
import dev.dealeval.application.catalog.EpisodeSetService;
import dev.dealeval.application.evaluation.Idempotency;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.backtest.EpisodeSetDefinition;
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

/** The backtest's episode sets: the built-in one and those analysts store (docs/backtest.md, "Your own episode sets"). */
@Path("/api/v1/episode-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backtest")
public class EpisodeSetResource {
    private final CatalogEndpoint<EpisodeSetDefinition, EpisodeSetService.Draft, EpisodeSetRequest, EpisodeSetResponse>
            sets;

    public EpisodeSetResource(
            EpisodeSetService sets, ModelRegistry registry, Idempotency idempotency, CanonicalJson canonical) {
        this.sets = new CatalogEndpoint<>(
                "/api/v1/episode-sets",
                sets,
                EpisodeSetRequest::id,
                EpisodeSetMapper::draft,
                s -> EpisodeSetMapper.response(s, registry.model()),
                idempotency,
                canonical);
    }

    @GET
    @Operation(
            operationId = "listEpisodeSets",
            summary = "List the episode sets",
            description =
                    "The sets of real episodes the backtest can run, a page at a time: the built-in one (built-in) first, then "
                            + "user-defined ones, each in id order, without their episodes (GET one to read them).")
    public EpisodeSetList list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1-100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        return sets.list(page, size, EpisodeSetMapper::summary, EpisodeSetList::new);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getEpisodeSet",
            summary = "Get one episode set",
            description = "One set with every episode in the form POST and PUT take (copy it to re-code an episode); "
                    + "its version is the ETag to send back in If-Match when changing it.")
    @APIResponse(
            responseCode = "200",
            description = "The episode set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeSetResponse.class)))
    @APIResponse(responseCode = "404", description = "No such episode set")
    public Response get(
            @Parameter(description = "Episode set id", example = "built-in", schema = @Schema(type = SchemaType.STRING))
                    @PathParam("id")
                    String id) {
        return sets.get(id);
    }

    @POST
    @RolesAllowed(EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createEpisodeSet",
            summary = "Create an episode set",
            description = "Stores a set of episodes - an analyst's own coding of the record, or new episodes - each "
                    + "checked against the model and the scenarios (built in or stored) before anything is written; "
                    + "GET /api/v1/backtests?episodeSet=id then runs it. Answers 201 with Location and ETag.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeSetRequest.class),
                            examples = @ExampleObject(name = "londonAtLevelTwo", ref = "londonAtLevelTwo")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeSetResponse.class)))
    @APIResponse(responseCode = "409", description = "The id is taken or is the built-in set's")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with another request")
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid EpisodeSetRequest request,
            @Parameter(description = "Makes retries safe: the same key and request return the first answer")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Context UriInfo uri) {
        return sets.create(request, idempotencyKey, uri);
    }

    @PUT
    @RolesAllowed(EDITOR)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceEpisodeSet",
            summary = "Replace an episode set",
            description = "Replaces every episode of a user-defined set if it is still at the version "
                    + "If-Match names: 428 without If-Match, 412 when stale, 409 for a built-in one.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeSetResponse.class)))
    public Response replace(
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid EpisodeSetRequest request) {
        return sets.replace(id, ifMatch, request);
    }

    @DELETE
    // Any client may delete: one that accepts only problem documents must not be refused with 406 (as
    // ScenarioResource).
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    @RolesAllowed(EDITOR)
    @Path("/{id}")
    @Operation(
            operationId = "deleteEpisodeSet",
            summary = "Delete an episode set",
            description = "Deletes a user-defined set if it is still at the version "
                    + "If-Match names (428 without it, 412 if stale, 409 for a built-in one).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return sets.delete(id, ifMatch);
    }
}
