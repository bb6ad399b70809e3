package dev.dealeval.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.dealeval.application.error.BusyException;
import dev.dealeval.application.error.ConflictException;
import dev.dealeval.application.error.DatabaseErrors;
import dev.dealeval.application.error.IdempotencyMismatchException;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.error.PreconditionRequiredException;
import dev.dealeval.application.error.ServiceException;
import dev.dealeval.application.error.StorageException;
import dev.dealeval.application.error.UnknownResourceException;
import dev.dealeval.application.error.VersionConflictException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem document: one mapper per family of exception (the
 * service's own failures in {@link #service}, unreadable JSON in {@link JsonProblems}).
 * Client errors name the offending field by its JSON path; a server error says only that it
 * happened and logs the cause under an id the caller can quote.
 */
public class ProblemMappers {
    static final String INVALID = "urn:dealeval:problem:invalid-input";
    static final String MALFORMED = "urn:dealeval:problem:malformed-json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * The service's own failures, the sealed family of application/error, each to its status and
     * problem type. (Java 17 has no switch over types: one test per member, in the order they are permitted.)
     */
    @ServerExceptionMapper
    public Response service(ServiceException e, UriInfo uri) {
        if (e instanceof BusyException busy) {
            // Too many heavy analyses at once: a quick 503 rather than a queue that grows without bound.
            return Response.fromResponse(
                            problem(503, "urn:dealeval:problem:busy", "Service Unavailable", e.getMessage(), uri, null))
                    .header("Retry-After", String.valueOf(busy.retryAfterSeconds()))
                    .build();
        }
        if (e instanceof ConflictException) {
            return problem(409, "urn:dealeval:problem:conflict", "Conflict", e.getMessage(), uri, null);
        }
        if (e instanceof IdempotencyMismatchException) {
            return problem(
                    422,
                    "urn:dealeval:problem:idempotency-key-reused",
                    "Unprocessable Content",
                    e.getMessage(),
                    uri,
                    null);
        }
        if (e instanceof InvalidInputException invalid) {
            // Well-formed request whose content the domain rejects: ranges, enum values, unknown scenario or profile.
            return invalid(
                    invalid.violations().stream()
                            .map(v -> new ProblemDetail.Violation(v.field(), v.message()))
                            .toList(),
                    uri);
        }
        if (e instanceof PreconditionRequiredException) {
            return problem(
                    428, "urn:dealeval:problem:if-match-required", "Precondition Required", e.getMessage(), uri, null);
        }
        if (e instanceof StorageException) {
            return database(e, uri);
        }
        if (e instanceof UnknownResourceException) {
            return problem(404, "urn:dealeval:problem:not-found", "Not found", e.getMessage() + ".", uri, null);
        }
        if (e instanceof VersionConflictException) {
            return problem(412, "urn:dealeval:problem:stale-version", "Precondition Failed", e.getMessage(), uri, null);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper({
        io.quarkus.security.UnauthorizedException.class,
        io.quarkus.security.AuthenticationFailedException.class
    })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        String detail = e instanceof io.quarkus.security.AuthenticationFailedException
                ? "The API key is not valid."
                : "This needs an API key: send it in X-API-Key (or Authorization: Bearer).";
        return Response.fromResponse(
                        problem(401, "urn:dealeval:problem:unauthorized", "Unauthorized", detail, uri, null))
                .header("WWW-Authenticate", "Bearer realm=\"dealeval\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(403, "urn:dealeval:problem:forbidden", "Forbidden", "This needs the editor role.", uri, null);
    }

    /** Bean Validation on request records. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemDetail.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new ProblemDetail.Violation(jsonPath(v.getPropertyPath()), v.getMessage()));
        }
        return invalid(violations, uri);
    }

    /** Jackson: malformed JSON, NaN, duplicate keys. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return JsonProblems.of(e, uri);
    }

    /** Jackson: wrong types and unknown fields (declared separately to take precedence over Quarkus's own mapper). */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return JsonProblems.of(e, uri);
    }

    /** JAX-RS status exceptions (unknown path, wrong method or media type, payload too large), and wrapped JSON errors. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return JsonProblems.of(j, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Client error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath() + ".";
            case 405 -> "This method is not allowed on " + uri.getPath() + ".";
            case 406 -> "The service answers with application/json.";
            case 415 -> "Send the body as application/json.";
            default -> e.getMessage();
        };
        return problem(status, "about:blank", title, detail, uri, null);
    }

    /**
     * The body could not be read: a broken chunked encoding, a connection closed mid-body, a
     * multipart form without its closing boundary, bytes that are not in the encoding JSON allows.
     * (Malformed JSON is a JsonProcessingException, mapped above.)
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri) {
        String why = e instanceof java.io.CharConversionException
                ? "it is not UTF-8 JSON"
                : "it is incomplete or not framed as declared";
        return problem(400, MALFORMED, "Malformed body", "The request body cannot be read: " + why + ".", uri, null);
    }

    /** A client without a key past its quota of stored evaluations (or anonymous stores turned off). */
    @ServerExceptionMapper
    public Response quota(dev.dealeval.api.security.AnonymousStoreQuota.Exceeded e, UriInfo uri) {
        if (e.retryAfterSeconds() <= 0) {
            return Response.fromResponse(problem(
                            401, "urn:dealeval:problem:unauthorized", "Unauthorized", e.getMessage(), uri, null))
                    .header("WWW-Authenticate", "Bearer realm=\"dealeval\"")
                    .build();
        }
        return Response.fromResponse(problem(
                        429, "urn:dealeval:problem:quota-exceeded", "Too Many Requests", e.getMessage(), uri, null))
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .build();
    }

    /** The database cannot be reached: a quick 503, and the service recovers by itself when it returns. */
    @ServerExceptionMapper
    public Response sql(java.sql.SQLException e, UriInfo uri) {
        return database(e, uri);
    }

    /** A StorageException or an SQLException: a 503 when the database is unavailable, else a 500. */
    private Response database(Exception e, UriInfo uri) {
        if (!DatabaseErrors.unavailable(e)) {
            return unexpected(e, uri);
        }
        LOG.warnf("Database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
        return Response.fromResponse(problem(
                        503,
                        "urn:dealeval:problem:database-unavailable",
                        "Service Unavailable",
                        "The database cannot be reached; try again shortly. Computing without storing (store=false) and built-in "
                                + "profiles and scenarios keep working.",
                        uri,
                        null))
                .header("Retry-After", "5")
                .build();
    }

    /** Anything else is a bug: a 500 that reveals nothing internal. */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException w
                && w.getResponse() != null
                && w.getResponse().getStatus() < 500) {
            return webApplication(w, uri);
        }
        if (!(e instanceof StorageException) && DatabaseErrors.unavailable(e)) {
            return database(new java.sql.SQLTransientConnectionException(e.getMessage(), e), uri);
        }
        if (tooManyFormParts(e)) {
            return problem(
                    400, "about:blank", "Bad Request", "The form has more parts than a request may hold.", uri, null);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, uri == null ? "?" : uri.getPath());
        return problem(
                500,
                "about:blank",
                "Internal Server Error",
                "The service failed unexpectedly; quote error id " + id + " when reporting it.",
                uri,
                null);
    }

    /**
     * The multipart parser of RESTEasy Reactive refuses a form of more than 1000 parts with a bare
     * RuntimeException "Param limit of 1000 was exceeded": the client's error, not the service's.
     */
    private static boolean tooManyFormParts(Throwable e) {
        return e.getClass() == RuntimeException.class
                && e.getMessage() != null
                && e.getMessage().startsWith("Param limit of ");
    }

    /**
     * "evaluate.request.bundle.purchases" → "bundle.purchases", "list.size" → "size", an element of a
     * list "terms[0].term" (not "terms.term[0]"); the whole body → "body". Resource methods name their body parameter {@code request}.
     */
    private static String jsonPath(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node n : path) {
            switch (n.getKind()) {
                case METHOD, CROSS_PARAMETER, RETURN_VALUE -> names.clear();
                case PARAMETER -> {
                    names.clear();
                    if (!"request".equals(n.getName())) {
                        names.add(n.getName());
                    }
                }
                default -> {
                    // A node inside a list or map carries the element's index or key: it belongs to the node before.
                    if (n.isInIterable() && !names.isEmpty() && (n.getIndex() != null || n.getKey() != null)) {
                        int last = names.size() - 1;
                        names.set(
                                last,
                                names.get(last) + (n.getIndex() != null ? "[" + n.getIndex() + "]" : "." + n.getKey()));
                    }
                    if (n.getName() != null && n.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                        names.add(n.getName());
                    }
                }
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    /** 400 listing the first {@link ProblemDetail#MAX_VIOLATIONS} violations by field (all of them counted). */
    private static Response invalid(List<ProblemDetail.Violation> all, UriInfo uri) {
        List<ProblemDetail.Violation> sorted = all.stream()
                .sorted(Comparator.comparing(ProblemDetail.Violation::field))
                .toList();
        int n = all.size();
        String detail = "The request has " + (n == 1 ? "1 invalid field" : n + " invalid fields")
                + (n > ProblemDetail.MAX_VIOLATIONS
                        ? "; the first " + ProblemDetail.MAX_VIOLATIONS + " by field are listed."
                        : ".");
        return problem(400, INVALID, "Invalid input", detail, uri, sorted);
    }

    /** A problem document; violations beyond {@link ProblemDetail#MAX_VIOLATIONS} are counted, not listed. */
    static Response problem(
            int status,
            String type,
            String title,
            String detail,
            UriInfo uri,
            List<ProblemDetail.Violation> violations) {
        String instance = uri == null ? null : uri.getPath();
        List<ProblemDetail.Violation> listed = violations == null || violations.size() <= ProblemDetail.MAX_VIOLATIONS
                ? violations
                : violations.subList(0, ProblemDetail.MAX_VIOLATIONS);
        return Response.status(status)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(new ProblemDetail(
                        type, title, status, detail, instance, listed, violations == null ? null : violations.size()))
                .build();
    }
}
