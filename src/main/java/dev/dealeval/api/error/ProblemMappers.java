package dev.dealeval.api.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.error.UnknownResourceException;
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
 * Turns every failure into an RFC 9457 problem document: one mapper per family of exception.
 * Client errors name the offending field by its JSON path; a server error says only that it
 * happened and logs the cause under an id the caller can quote.
 */
public class ProblemMappers {
    static final String INVALID = "urn:dealeval:problem:invalid-input";
    static final String MALFORMED = "urn:dealeval:problem:malformed-json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Well-formed request whose content the domain rejects: ranges, enum values, unknown scenario or profile. */
    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return invalid(
                e.violations().stream()
                        .map(v -> new ProblemDetail.Violation(v.field(), v.message()))
                        .toList(),
                uri);
    }

    @ServerExceptionMapper
    public Response unknownResource(UnknownResourceException e, UriInfo uri) {
        return problem(404, "urn:dealeval:problem:not-found", "Not found", e.getMessage() + ".", uri, null);
    }

    @ServerExceptionMapper
    public Response conflict(dev.dealeval.application.error.ConflictException e, UriInfo uri) {
        return problem(409, "urn:dealeval:problem:conflict", "Conflict", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response versionConflict(dev.dealeval.application.error.VersionConflictException e, UriInfo uri) {
        return problem(412, "urn:dealeval:problem:stale-version", "Precondition Failed", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response idempotencyMismatch(dev.dealeval.application.error.IdempotencyMismatchException e, UriInfo uri) {
        return problem(
                422, "urn:dealeval:problem:idempotency-key-reused", "Unprocessable Content", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response preconditionRequired(dev.dealeval.application.error.PreconditionRequiredException e, UriInfo uri) {
        return problem(
                428, "urn:dealeval:problem:if-match-required", "Precondition Required", e.getMessage(), uri, null);
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
        return jsonProblem(e, uri);
    }

    /** Jackson: wrong types and unknown fields (declared separately to take precedence over Quarkus's own mapper). */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    /** JAX-RS status exceptions (unknown path, wrong method or media type, payload too large), and wrapped JSON errors. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return jsonProblem(j, uri);
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

    /** Too many heavy analyses at once: a quick 503 rather than a queue that grows without bound. */
    @ServerExceptionMapper
    public Response busy(dev.dealeval.application.error.BusyException e, UriInfo uri) {
        return Response.fromResponse(
                        problem(503, "urn:dealeval:problem:busy", "Service Unavailable", e.getMessage(), uri, null))
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .build();
    }

    /** The database cannot be reached: a quick 503, and the service recovers by itself when it returns. */
    @ServerExceptionMapper({dev.dealeval.application.error.StorageException.class, java.sql.SQLException.class})
    public Response database(Exception e, UriInfo uri) {
        if (!dev.dealeval.application.error.DatabaseErrors.unavailable(e)) {
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
        if (!(e instanceof dev.dealeval.application.error.StorageException)
                && dev.dealeval.application.error.DatabaseErrors.unavailable(e)) {
            return database(new java.sql.SQLTransientConnectionException(e.getMessage(), e), uri);
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

    private Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException
                && e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            // A syntax error met while binding (a truncated body, NaN): report it as the syntax error it is.
            e = parse;
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Non-standard token")) {
            String field = parserPath(e);
            return problem(
                    400,
                    INVALID,
                    "Invalid input",
                    "The request has 1 invalid field.",
                    uri,
                    List.of(new ProblemDetail.Violation(
                            field == null ? "body" : field,
                            "must be a finite number (NaN and Infinity are not JSON numbers)")));
        }
        if (e instanceof MismatchedInputException
                && ((MismatchedInputException) e).getPath().isEmpty()) {
            return problem(
                    400,
                    INVALID,
                    "Invalid input",
                    "The request has 1 invalid field.",
                    uri,
                    List.of(new ProblemDetail.Violation("body", "must be a JSON object")));
        }
        if (original.startsWith("Numeric value")) {
            String field =
                    e instanceof JsonMappingException m && !m.getPath().isEmpty() ? mappingPath(m) : parserPath(e);
            return problem(
                    400,
                    INVALID,
                    "Invalid input",
                    "The request has 1 invalid field.",
                    uri,
                    List.of(new ProblemDetail.Violation(field == null ? "body" : field, "number out of range")));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = mappingPath(m);
            String message;
            if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
                message = "must not be null";
            } else if (e instanceof UnrecognizedPropertyException u) {
                message = "unknown field; allowed here: "
                        + String.join(
                                ", ",
                                u.getKnownPropertyIds().stream()
                                        .map(String::valueOf)
                                        .sorted()
                                        .toList());
            } else if (e instanceof InvalidFormatException f) {
                message = "must be " + typeName(f.getTargetType()) + " (was " + shortValue(f.getValue()) + ")";
            } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                message = "must be " + typeName(mi.getTargetType());
            } else {
                message = cleanMessage(e.getOriginalMessage());
            }
            return problem(
                    400,
                    INVALID,
                    "Invalid input",
                    "The request has 1 invalid field.",
                    uri,
                    List.of(new ProblemDetail.Violation(field, message)));
        }
        String field = parserPath(e);
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = cleanMessage(e.getOriginalMessage());
        return problem(
                400,
                MALFORMED,
                "Malformed JSON",
                "The body is not valid JSON" + where + ": " + message,
                uri,
                field == null ? null : List.of(new ProblemDetail.Violation(field, message)));
    }

    /** The JSON path of the value the parser was reading (e.g. where NaN appeared), if known. */
    private static String parserPath(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            var ctx = p.getParsingContext();
            String pointer = ctx.pathAsPointer().toString();
            String path = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
            if (ctx.inObject() && ctx.getCurrentName() != null && !path.endsWith(ctx.getCurrentName())) {
                path = path.isEmpty() ? ctx.getCurrentName() : path + "." + ctx.getCurrentName();
            }
            return path.isEmpty() ? null : path;
        }
        return null;
    }

    /**
     * The JSON path of a binding problem: {@code sources[0]}, {@code weights.US.leverage}; a map key
     * that is not a plain name is written in brackets, {@code values["usConcessions.reciprocalTariffPct"]}.
     */
    private static String mappingPath(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            String name = r.getFieldName();
            if (name != null) {
                if (r.getFrom() instanceof java.util.Map<?, ?>
                        && !PLAIN_NAME.matcher(name).matches()) {
                    sb.append("[\"")
                            .append(name.replace("\\", "\\\\").replace("\"", "\\\""))
                            .append("\"]");
                } else {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(name);
                }
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    private static final java.util.regex.Pattern PLAIN_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

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

    private static String typeName(Class<?> t) {
        if (t == null) {
            return "a different type";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "a whole number";
        }
        if (t == Double.class || t == double.class || t == Float.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t.isEnum()) {
            return "one of "
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(t.getEnumConstants())
                                    .map(Object::toString)
                                    .toList());
        }
        if (java.util.Map.class.isAssignableFrom(t) || t.isRecord()) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        return "a " + t.getSimpleName();
    }

    private static String shortValue(Object v) {
        String s = String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Jackson messages name Java classes; callers should not see those. */
    private static String cleanMessage(String m) {
        if (m == null) {
            return "invalid JSON";
        }
        String first = m.split("\n")[0]
                .replaceAll("\\s*\\(start marker at \\[Source.*", "")
                .replaceAll("\\s*at \\[Source.*", "");
        return first.replaceAll("`[a-zA-Z0-9_.$]+`", "value").replaceAll("\\(class [^)]*\\)", "");
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
