package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.SensitivityRequest;
import dev.dealeval.api.v1.dto.SensitivityResponse;
import dev.dealeval.application.analysis.sensitivity.SensitivityService;
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

@Path("/api/v1/sensitivity-analyses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deal space")
public class SensitivityResource {
    static final int DEFAULT_SAMPLES = 2000;
    static final long DEFAULT_SEED = 1;
    static final double DEFAULT_WEIGHT_CONCENTRATION = 100;
    static final double DEFAULT_CLOUT_CONCENTRATION = 100;
    static final double DEFAULT_CREDIBILITY_CONCENTRATION = 20;
    static final double DEFAULT_TORNADO_STEP = 0.2;
    private final SensitivityService service;

    public SensitivityResource(SensitivityService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "analyseSensitivity",
            summary = "Test bundles against uncertain weights",
            description =
                    "Stochastic multicriteria acceptability analysis (SMAA): samples both sides' weights from a Dirichlet around "
                            + "the profile's (concentration α; larger is tighter), the factions' clouts likewise, and each pledge category's "
                            + "track record from a Beta around the profile's; in every sample each bundle is scored, ranked by the objective "
                            + "and tested for ratification. Returns each bundle's rank acceptability indices (the share of samples in which "
                            + "it ranks 1st, 2nd, ...), the probability that each side ratifies and that both do (AGREEMENT_LIKELY), its "
                            + "central weights (the mean weights when it ranks first), and a one-at-a-time tornado: each criterion weight "
                            + "lowered and raised by the step with everything else at the profile's values. Seeded: the same request gives "
                            + "the same answer.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SensitivityRequest.class),
                            examples = @ExampleObject(name = "robustness", ref = "robustness")))
    @APIResponse(
            responseCode = "200",
            description = "The analysis",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SensitivityResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, too many bundles or samples")
    @APIResponse(responseCode = "503", description = SearchResource.BUSY)
    public SensitivityResponse analyse(
            @NotNull(message = "a JSON body is required") @Valid SensitivityRequest request) {
        long seed = request.seed() == null ? DEFAULT_SEED : request.seed();
        var command = new SensitivityService.SensitivityCommand(
                AnalysisMapper.subject(request.scenario(), request.profile(), request.overrides(), request.domain()),
                AnalysisMapper.bundles(request.bundles()),
                request.samples() == null ? DEFAULT_SAMPLES : request.samples(),
                seed,
                or(request.weightConcentration(), DEFAULT_WEIGHT_CONCENTRATION),
                or(request.cloutConcentration(), DEFAULT_CLOUT_CONCENTRATION),
                or(request.credibilityConcentration(), DEFAULT_CREDIBILITY_CONCENTRATION),
                request.objective() == null ? Objective.NASH : request.objective(),
                or(request.tornadoStep(), DEFAULT_TORNADO_STEP));
        return SensitivityMapper.response(service.sensitivity(command));
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
