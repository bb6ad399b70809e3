package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.ProfileList;
import dev.dealeval.api.v1.dto.ProfileResponse;
import dev.dealeval.application.ModelRegistry;
import dev.dealeval.application.UnknownResourceException;
import jakarta.ws.rs.GET;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@NonBlocking
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Model")
public class ProfileResource {
    private final ModelRegistry registry;

    public ProfileResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "List the weight profiles",
            description = "Each profile's criterion weights per side, factions (clout, veto, multipliers), credibility parameters "
                    + "and decision settings. Built in: default (DOMAIN.md §3-4), hawkish-washington, economy-first-beijing and "
                    + "phase-one-skeptic.")
    public ProfileList list() {
        var items = registry.profiles().stream().map(DtoMapper::profile).toList();
        return new ProfileList(items, items.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one profile", description = "One profile in full: weights, factions, credibility and settings.")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No such profile",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = dev.dealeval.api.error.ProblemDetail.class)))
    public ProfileResponse get(@Parameter(description = "Profile id", example = "hawkish-washington",
            schema = @Schema(type = SchemaType.STRING)) @PathParam("id") String id) {
        return DtoMapper.profile(registry.profile(id).orElseThrow(() -> new UnknownResourceException("profile", id)));
    }
}
