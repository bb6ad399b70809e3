package dev.dealeval.api.v1;

import static dev.dealeval.api.security.Roles.EDITOR;

import dev.dealeval.api.error.ProblemDetail;
import dev.dealeval.api.v1.dto.ProfileList;
import dev.dealeval.api.v1.dto.ProfileRequest;
import dev.dealeval.api.v1.dto.ProfileResponse;
import dev.dealeval.application.catalog.ProfileService;
import dev.dealeval.application.evaluation.Idempotency;
import dev.dealeval.domain.engine.ProfileDraft;
import dev.dealeval.domain.model.Profile;
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

@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Model")
public class ProfileResource {
    private final CatalogEndpoint<Profile, ProfileDraft, ProfileRequest, ProfileResponse> profiles;

    public ProfileResource(ProfileService profiles, Idempotency idempotency, CanonicalJson canonical) {
        this.profiles = new CatalogEndpoint<>(
                "/api/v1/profiles",
                profiles,
                ProfileRequest::id,
                DtoMapper::draft,
                DtoMapper::profile,
                idempotency,
                canonical);
    }

    @GET
    @Operation(
            operationId = "listProfiles",
            summary = "List the weight profiles",
            description =
                    "Each profile's criterion weights per side, factions (clout, veto, multipliers), credibility parameters "
                            + "and decision settings, a page at a time: the built-in ones (default, hawkish-washington, "
                            + "economy-first-beijing, phase-one-skeptic) first, then user-defined ones, each in id order.")
    public ProfileList list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1-100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        return profiles.list(page, size, ProfileList::new);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getProfile",
            summary = "Get one profile",
            description = "One profile in full: weights, factions, credibility and settings, with "
                    + "its version as the ETag to send back in If-Match when changing it.")
    @APIResponse(
            responseCode = "200",
            description = "The profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileResponse.class)))
    @APIResponse(responseCode = "404", description = "No such profile")
    public Response get(
            @Parameter(
                            description = "Profile id",
                            example = "hawkish-washington",
                            schema = @Schema(type = SchemaType.STRING))
                    @PathParam("id")
                    String id) {
        return profiles.get(id);
    }

    @POST
    @RolesAllowed(EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createProfile",
            summary = "Create a profile",
            description =
                    "Stores a new profile: the given changes applied to basedOn (default: "
                            + "default), validated as a whole before anything is written. Answers 201 with its Location and ETag (version 1).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileRequest.class),
                            examples = @ExampleObject(name = "tariffHawk", ref = "tariffHawkProfile")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid profile")
    @APIResponse(responseCode = "409", description = "The id is taken or belongs to a built-in profile")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with another request")
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid ProfileRequest request,
            @Parameter(description = "Makes retries safe: the same key and request return the first answer")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        return profiles.create(request, idempotencyKey, uri);
    }

    @PUT
    @RolesAllowed(EDITOR)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceProfile",
            summary = "Replace a profile",
            description = "Replaces a user-defined profile with the given document, if it is still "
                    + "at the version If-Match names: 428 without If-Match, 412 when someone else changed it first, 409 for a built-in one. "
                    + "The version grows by one.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileResponse.class)))
    public Response replace(
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ProfileRequest request) {
        return profiles.replace(id, ifMatch, request);
    }

    @DELETE
    // Any client may delete: one that accepts only problem documents (as generated clients do for an
    // operation whose only bodies are problems) must not be refused with 406.
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    @RolesAllowed(EDITOR)
    @Path("/{id}")
    @Operation(
            operationId = "deleteProfile",
            summary = "Delete a profile",
            description =
                    "Deletes a user-defined profile if it is still at the version If-Match "
                            + "names (428 without it, 412 if stale, 409 for a built-in one). Evaluations already stored keep their results.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return profiles.delete(id, ifMatch);
    }
}
