package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.ScenarioList;
import dev.dealeval.api.v1.dto.ScenarioResponse;
import dev.dealeval.application.ModelRegistry;
import dev.dealeval.application.UnknownResourceException;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Model")
public class ScenarioResource {
    private final ModelRegistry registry;

    public ScenarioResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "List the no-deal scenarios",
            description = "The status quo each side falls back to without a deal, from before the 2025 tariffs to after the 2026 "
                    + "ruling: the term values each fixes, threatened measures, the full no-deal bundle and each side's no-deal "
                    + "utility under the default profile.")
    public ScenarioList list() {
        var defaults = registry.compiled(registry.profile(registry.defaultProfile()).orElseThrow());
        var items = registry.scenarios().stream().map(s -> DtoMapper.scenario(s, defaults)).toList();
        return new ScenarioList(items, items.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one no-deal scenario", description = "One scenario with its full no-deal bundle and no-deal utilities.")
    @APIResponse(responseCode = "200", description = "The scenario")
    @APIResponse(responseCode = "404", description = "No such scenario",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = dev.dealeval.api.error.ProblemDetail.class)))
    public ScenarioResponse get(@Parameter(description = "Scenario id", example = "BUSAN_2025",
            schema = @Schema(type = SchemaType.STRING)) @PathParam("id") String id) {
        var scenario = registry.scenario(id).orElseThrow(() -> new UnknownResourceException("scenario", id));
        return DtoMapper.scenario(scenario, registry.compiled(registry.profile(registry.defaultProfile()).orElseThrow()));
    }
}
