package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.EvaluateRequest;
import dev.dealeval.api.v1.dto.EvaluationList;
import dev.dealeval.api.v1.dto.EvaluationResponse;
import dev.dealeval.api.v1.dto.EvaluationSummary;
import dev.dealeval.application.error.UnknownResourceException;
import dev.dealeval.application.evaluation.EvaluationHistory;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.application.port.StoredEvaluation;
import dev.dealeval.domain.engine.Evaluation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation", description = "Score a bundle for both governments and their factions")
public class EvaluationResource {
    private final EvaluationService service;
    private final EvaluationHistory history;
    private final CanonicalJson canonical;
    /** A stored evaluation's answer, as the stored path writes and records it. */
    private final EvaluationHistory.Body storedBody;

    public EvaluationResource(EvaluationService service, EvaluationHistory history, CanonicalJson canonical) {
        this.service = service;
        this.history = history;
        this.canonical = canonical;
        this.storedBody = (evaluation, id, createdAt) ->
                canonical.writeResponse(DtoMapper.evaluation(evaluation).stored(id, createdAt));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "evaluateBundle",
            summary = "Evaluate one deal bundle",
            description =
                    "Scores the bundle for the U.S. and China against the no-deal scenario: each side's utility (0-100), "
                            + "no-deal utility and surplus, with per-criterion and per-term contributions; the U.S. values Chinese "
                            + "pledges at their credible delivery; every faction's utility, surplus, stance, support probability and the "
                            + "terms that move it; whether each government ratifies (supporting clout above the threshold, no applicable "
                            + "veto opposed) and the probability it does; and the joint figures: ZOPA, Nash product, welfare, verdict "
                            + "and the probability of agreement. Terms left out keep their no-deal value, so an empty bundle is no deal. "
                            + "The request, the profile version used and the result are stored: 201 with the evaluation's id and "
                            + "Location. With store=false nothing is stored and the answer is 200 (the path for high-rate callers). "
                            + "An Idempotency-Key makes a retry return the first answer instead of storing twice. High-rate callers that "
                            + "need only the figures use POST /api/v1/evaluations/summary (evaluateBundleSummary).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EvaluateRequest.class),
                            examples = {
                                @ExampleObject(name = "grandBargain", ref = "grandBargain"),
                                @ExampleObject(name = "restorePhaseOne", ref = "restorePhaseOne"),
                                @ExampleObject(name = "securityFirstCounter", ref = "securityFirstCounter"),
                                @ExampleObject(name = "genevaTruce", ref = "genevaTruce"),
                                @ExampleObject(name = "busanTruce", ref = "busanTruce"),
                                @ExampleObject(name = "hawkishOverrides", ref = "hawkishOverrides")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Evaluated and stored",
            headers =
                    @Header(
                            name = "Location",
                            description = "Path of the new resource",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Evaluated, not stored (store=false)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Malformed JSON, a wrong type, an unknown field, a value out of range, or an unknown scenario or profile")
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different request")
    @APIResponse(
            responseCode = "429",
            description = "Stored without an API key past this client's quota (30 a minute, 1,000 a day "
                    + "by default: dealeval.security.anonymous-stores-per-minute, -per-day); Retry-After says when to try again. Send a key, "
                    + "or store=false.")
    // The query and header parameters are documented here, on the method, not on the parameters:
    // RESTEasy Reactive reads the parameter annotations of a method with a body on every request
    // (Method.getParameterAnnotations parses them anew each time), and the OpenAPI annotations made
    // that a sixth of the CPU of an evaluation.
    @Parameter(
            name = "store",
            in = ParameterIn.QUERY,
            description = "Store the evaluation (201) or only compute it (200)")
    @Parameter(
            name = "Idempotency-Key",
            in = ParameterIn.HEADER,
            description = "Makes retries safe: the same key and request return " + "the first answer")
    public Uni<Response> evaluate(
            @NotNull(message = "a JSON body is required") @Valid EvaluateRequest request,
            @QueryParam("store") @DefaultValue("true") boolean store,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        String key = CanonicalJson.key(idempotencyKey);
        var command = command(request, true);
        if (!store) {
            return computed(command, e -> Response.ok(DtoMapper.evaluation(e)).build());
        }
        // Storing reads and writes the database: on a worker thread.
        String location = uri.getAbsolutePath().getPath();
        return Uni.createFrom()
                .item(() -> stored(request, command, key, location))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @POST
    @Path("/summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "evaluateBundleSummary",
            summary = "Evaluate one deal bundle, compact view",
            description =
                    "The same evaluation as POST /api/v1/evaluations, answered in the compact view for high-rate callers: "
                            + "each side's utility, no-deal utility, surplus, whether it ratifies and how likely, the credibility of China's "
                            + "pledges, and the joint figures (every number equals the explained view's) at a fraction of the cost and "
                            + "size. Nothing is stored.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EvaluateRequest.class),
                            examples = @ExampleObject(name = "genevaTruce", ref = "genevaTruce")))
    @APIResponse(
            responseCode = "200",
            description = "Evaluated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EvaluationSummary.class),
                            examples = @ExampleObject(name = "genevaTruceSummary", ref = "genevaTruceSummary")))
    @APIResponse(
            responseCode = "400",
            description =
                    "Malformed JSON, a wrong type, an unknown field, a value out of range, or an unknown scenario or profile")
    public Uni<Response> evaluateSummary(@NotNull(message = "a JSON body is required") @Valid EvaluateRequest request) {
        return computed(
                command(request, false), e -> Response.ok(DtoMapper.summary(e)).build());
    }

    private static EvaluationService.Command command(EvaluateRequest request, boolean explained) {
        return new EvaluationService.Command(
                DtoMapper.flatten(request.bundle()),
                request.scenario(),
                request.profile(),
                DtoMapper.overrides(request.overrides()),
                explained);
    }

    /** Evaluates without storing. */
    private Uni<Response> computed(
            EvaluationService.Command command, java.util.function.Function<Evaluation, Response> answer) {
        if (service.inMemory(command.scenario(), command.profile())) {
            // Built-in scenario and profile: pure computation, answered on the I/O thread without a hop to
            // a worker (several times the throughput; no database is touched).
            return Uni.createFrom().item(answer.apply(service.evaluate(command)));
        }
        // A stored scenario or profile is read from the database: on a worker thread.
        return Uni.createFrom()
                .item(() -> answer.apply(service.evaluate(command)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response stored(EvaluateRequest request, EvaluationService.Command command, String key, String location) {
        String requestJson = canonical.write(request);
        String fingerprint = key == null ? null : CanonicalJson.sha256(requestJson);
        return Created.response(history.evaluateAndStore(command, requestJson, key, fingerprint, location, storedBody));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getEvaluation",
            summary = "Get a stored evaluation",
            description = "The evaluation exactly as it was computed and returned, even if "
                    + "its profile or scenario has changed or gone since.")
    @APIResponse(
            responseCode = "200",
            description = "The stored evaluation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such evaluation")
    public Response get(@PathParam("id") String id) {
        StoredEvaluation e = history.find(id).orElseThrow(() -> new UnknownResourceException("evaluation", id));
        return Response.ok(e.result().json(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Operation(
            operationId = "listEvaluations",
            summary = "List stored evaluations",
            description = "Stored evaluations newest first, filtered by profile, scenario, "
                    + "verdict and a time range [from, to), a page at a time: by page number, or by cursor (pass the nextCursor of the previous "
                    + "page), which neither repeats nor skips evaluations while others are being stored.")
    public EvaluationList list(
            @Parameter(description = "Profile id") @QueryParam("profile") String profile,
            @Parameter(description = "Scenario id") @QueryParam("scenario") String scenario,
            @Parameter(description = "AGREEMENT_LIKELY, US_REJECTS, CHINA_REJECTS or BOTH_REJECT")
                    @QueryParam("verdict")
                    String verdict,
            @Parameter(description = "Stored at or after this instant (ISO-8601, e.g. 2026-01-01T00:00:00Z)")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Stored before this instant (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0 (not with cursor)") @QueryParam("page") @Min(0) Integer page,
            @Parameter(description = "Page size, 1-100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size,
            @Parameter(description = "Continue after this position: the nextCursor of the previous page")
                    @QueryParam("cursor")
                    @jakarta.validation.constraints.Size(max = 200, message = "must be at most 200 characters")
                    String cursor,
            @Context UriInfo uri) {
        EvaluationHistory.Listing listing =
                history.list(new EvaluationHistory.Query(profile, scenario, verdict, from, to, page, size, cursor));
        return new EvaluationList(
                listing.items().stream()
                        .map(e -> new EvaluationList.Summary(
                                e.id(),
                                e.createdAt().toString(),
                                uri.getBaseUriBuilder()
                                        .path("api/v1/evaluations")
                                        .path(e.id())
                                        .build()
                                        .getPath(),
                                e.profileId(),
                                e.profileVersion(),
                                e.modelVersion(),
                                e.scenarioId(),
                                e.scenarioVersion(),
                                e.verdict(),
                                e.usSurplus(),
                                e.cnSurplus()))
                        .toList(),
                listing.page(),
                listing.size(),
                listing.total(),
                listing.totalPages(),
                listing.nextCursor());
    }
}
