package dev.dealeval.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.api.error.ProblemDetail;
import dev.dealeval.api.v1.dto.EvaluateRequest;
import dev.dealeval.api.v1.dto.EvaluationResponse;
import dev.dealeval.application.EvaluationService;
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

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation", description = "Score a bundle for both governments and their factions")
public class EvaluationResource {
    private final EvaluationService service;
    private final ObjectMapper json;

    public EvaluationResource(EvaluationService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Operation(summary = "Evaluate one deal bundle",
            description = "Scores the bundle for the U.S. and China against the no-deal scenario: each side's utility (0-100), "
                    + "no-deal utility and surplus, with per-criterion and per-term contributions; the U.S. values Chinese "
                    + "pledges at their credible delivery; every faction's utility, surplus, stance, support probability and the "
                    + "terms that move it; whether each government ratifies (supporting clout above the quorum, no applicable "
                    + "veto opposed) and the probability it does; and the joint figures: ZOPA, Nash product, welfare, verdict "
                    + "and the probability of agreement. Terms left out keep their no-deal value, so an empty bundle is no deal.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluateRequest.class),
            examples = {
                    @ExampleObject(name = "grandBargain", ref = "grandBargain"),
                    @ExampleObject(name = "restorePhaseOne", ref = "restorePhaseOne"),
                    @ExampleObject(name = "securityFirstCounter", ref = "securityFirstCounter"),
                    @ExampleObject(name = "genevaTruce", ref = "genevaTruce"),
                    @ExampleObject(name = "busanTruce", ref = "busanTruce"),
                    @ExampleObject(name = "hawkishOverrides", ref = "hawkishOverrides")}))
    @APIResponse(responseCode = "200", description = "The explained evaluation")
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type, an unknown field, a value out of range, or an unknown scenario or profile",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public EvaluationResponse evaluate(@NotNull(message = "a JSON body is required") @Valid EvaluateRequest request) {
        var evaluation = service.evaluate(new EvaluationService.Command(DtoMapper.flatten(request.bundle(), json),
                request.scenario(), request.profile(), DtoMapper.overrides(request.overrides())));
        return DtoMapper.evaluation(evaluation);
    }
}
