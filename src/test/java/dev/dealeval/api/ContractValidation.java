package dev.dealeval.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Proof that the answers match the committed OpenAPI document ({@code openapi/openapi.json}, the one
 * the service serves, see OpenApiDocumentTest): a REST Assured filter, registered for every API test
 * by {@link ApiTestSupport}, that checks every answer from a path under {@code /api/} and fails the
 * test that received it with an AssertionError naming the operation, the status and each mismatch
 * by its JSON path. What a generated client (openapi-generator's Python and Java ones) would trip
 * on is what it checks:
 * <ol>
 * <li><b>the operation</b>: the method and the path template that the concrete path matches
 * ({@code /api/v1/profiles/{id}}, {@code /api/v1/domains/{id}/parties/{n}.xml}; a literal segment
 * wins over a template one). HEAD is checked as GET without a body. A path or method the document
 * does not have may only answer with a generic error (below).</li>
 * <li><b>the status</b>: declared for the operation (exactly, as {@code 4XX}, or by
 * {@code default}), or one of the generic errors the service can give on any operation. These
 * are the refusals of layers in front of every resource, each an application/problem+json
 * {@code ProblemDetail} document:
 * <ul>
 * <li>400 (malformed JSON or parameters, any operation), 401 and 403 (API keys, also on reads when
 * reads are closed), 404 (an unknown path or id), 405 (a method the path does not have), 406 (an
 * Accept the operation cannot give), 413 (body over the limit), 414 (request target over the
 * limit), 415 (a request media type the operation does not read), 429 (a client over its quota),
 * 431 (request headers over the limit), 500 (a fault of the service: still a problem document),
 * 503 (the database down or refusing work, the service busy; with Retry-After).</li>
 * </ul>
 * Any other status (2xx, 3xx, 409, 412, 422, 428, ...) must be declared by the operation.</li>
 * <li><b>the media type</b> of the answer (its Content-Type without parameters) is one the
 * response declares (the wildcards {@code &#42;/&#42;} and {@code type/&#42;} included); a response
 * that declares no content has an empty body.</li>
 * <li><b>the body</b>, for a JSON media type ({@code application/json}, {@code *+json}): valid
 * JSON, matching the declared schema, by {@link SchemaValidator} (required, types and null,
 * enums, ranges, int32/int64, undeclared properties: see its comment).</li>
 * <li><b>the headers</b> the response declares: those with {@code required: true} present, and an
 * integer header (Retry-After) an integer.</li>
 * </ol>
 * A test that deliberately provokes a situation the document does not describe says so with
 * {@code given().filter(ContractValidation.unchecked("why"))}: the answer to that one request is
 * not checked. A test whose service runs a configuration that changes the document (another model
 * file) holds a request to the document the service serves instead, with
 * {@code given().filter(ContractValidation.againstServedDocument())}.
 * <p>
 * Requests sent with java.net.http or raw sockets are not seen by the filter: SecurityTest,
 * ClosedReadsTest and AnonymousStoreQuotaApiTest pass their answers through {@link #checked}; the
 * hostile raw-socket tests (HostileRequestTest, RawFuzz*, SlowClientTest, AmplificationIT) send
 * what no client would and check their answers' problem documents themselves.
 * <p>
 * Every mismatch is also appended to {@code target/contract-mismatches.txt}. With
 * {@code -Dcontract.validation=report} the filter only writes that file and fails no test: a way to
 * list all the mismatches of a full run at once (a failing test stops at its first).
 */
public final class ContractValidation implements Filter {
    /** Statuses any operation may answer, with a problem document (see the class comment). */
    static final Set<Integer> GENERIC_ERRORS = Set.of(400, 401, 403, 404, 405, 406, 413, 414, 415, 429, 431, 500, 503);

    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_SCHEMA_REF = "#/components/schemas/ProblemDetail";
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Mismatches shown in one failure; the count says how many more there were. */
    private static final int SHOWN = 25;

    private static final Path REPORT = Path.of("target/contract-mismatches.txt");
    private static final boolean REPORT_ONLY = "report".equals(System.getProperty("contract.validation"));
    private static volatile ContractValidation committed;

    /** One operation of the document. */
    record Operation(String method, String template, Pattern pattern, int literalChars, JsonNode spec) {
        String name() {
            String id = spec.path("operationId").asText("");
            return method + " " + template + (id.isEmpty() ? "" : " (" + id + ")");
        }
    }

    /** An answer as received. Headers by lower-case name. */
    record Answer(
            String method, String uri, int status, String contentType, byte[] body, Function<String, String> header) {}

    private final SchemaValidator schemas;
    private final List<Operation> operations = new ArrayList<>();
    /** The committed document's filter writes the report (and may only report); others just throw. */
    private final boolean reporting;
    /** The document's name in a failure. */
    private final String source;

    ContractValidation(JsonNode document) {
        this(document, "openapi/openapi.json", false);
    }

    private ContractValidation(JsonNode document, String source, boolean reporting) {
        this.source = source;
        this.reporting = reporting;
        this.schemas = new SchemaValidator(document, false);
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : METHODS) {
                if (p.getValue().has(method)) {
                    operations.add(new Operation(
                            method.toUpperCase(Locale.ROOT),
                            p.getKey(),
                            templatePattern(p.getKey()),
                            p.getKey().replaceAll("\\{[^}]*}", "").length(),
                            p.getValue().get(method)));
                }
            }
        }
        // The most literal template first: /api/v1/evaluations/summary before /api/v1/evaluations/{id}.
        operations.sort(Comparator.comparingInt(Operation::literalChars).reversed());
    }

    /** The filter for the committed document, read once. */
    public static ContractValidation forCommittedDocument() {
        if (committed == null) {
            synchronized (ContractValidation.class) {
                if (committed == null) {
                    try {
                        committed = new ContractValidation(
                                JSON.readTree(Path.of("openapi/openapi.json").toFile()), "openapi/openapi.json", true);
                    } catch (IOException e) {
                        throw new UncheckedIOException("openapi/openapi.json cannot be read", e);
                    }
                }
            }
        }
        return committed;
    }

    /**
     * A filter that holds one request's answer to the document the service under test serves
     * ({@code /q/openapi}) instead of the committed one, which then stands aside: for a test whose
     * service runs a configuration that changes the document (a model file with other terms).
     */
    public static Filter againstServedDocument() {
        String served = io.restassured.RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return new ContractValidation(JSON.readTree(served), "the served document (/q/openapi)", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A filter that exempts one request from the check: for a test that deliberately provokes an
     * answer the document does not describe. The reason is for the reader.
     */
    public static Filter unchecked(String reason) {
        return new Unchecked(reason);
    }

    private record Unchecked(String reason) implements Filter {
        @Override
        public Response filter(
                FilterableRequestSpecification request,
                FilterableResponseSpecification response,
                FilterContext context) {
            return context.next(request, response);
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        // By name: a test profile's class loader has its own Unchecked class, while this filter is registered once.
        if (request.getDefinedFilters().stream()
                .anyMatch(f -> f.getClass().getName().equals(Unchecked.class.getName()))) {
            return response;
        }
        if (reporting
                && request.getDefinedFilters().stream()
                        .anyMatch(
                                f -> f != this && f.getClass().getName().equals(ContractValidation.class.getName()))) {
            return response; // the request is held to another document (againstServedDocument)
        }
        if (!rawPath(request.getURI()).startsWith("/api/")) {
            return response;
        }
        byte[] body = request.getMethod().equalsIgnoreCase("HEAD") ? new byte[0] : response.asByteArray();
        check(new Answer(
                request.getMethod(),
                request.getURI(),
                response.statusCode(),
                response.getContentType(),
                body,
                response::getHeader));
        return response;
    }

    /**
     * Checks one answer received without REST Assured (java.net.http, raw sockets) against the
     * committed document; AssertionError on a mismatch.
     */
    public static void check(
            String method, String uri, int status, String contentType, String body, Function<String, String> header) {
        forCommittedDocument()
                .check(new Answer(
                        method,
                        uri,
                        status,
                        contentType,
                        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                        header));
    }

    /** A java.net.http answer (the body read as a String), checked: returned as it is when it matches. */
    public static java.net.http.HttpResponse<String> checked(java.net.http.HttpResponse<String> r) {
        check(
                r.request().method(),
                r.uri().toString(),
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(null),
                r.body(),
                name -> r.headers().firstValue(name).orElse(null));
        return r;
    }

    /** A raw answer to a request for {@code target} ("/api/v1/...?..."), checked: returned as it is when it matches. */
    static RawHttp.Answer checked(String method, String target, RawHttp.Answer a) {
        check(
                method,
                target,
                a.status(),
                a.headers().get("content-type"),
                a.body(),
                name -> a.headers().get(name.toLowerCase(Locale.ROOT)));
        return a;
    }

    /** AssertionError naming the operation, the status and every mismatch, if the answer has any. */
    void check(Answer answer) {
        Result result = mismatches(answer);
        if (result.mismatches().isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("The answer does not match ")
                .append(source)
                .append(": ")
                .append(result.operation())
                .append(", status ")
                .append(answer.status())
                .append(' ')
                .append(answer.contentType() == null ? "" : answer.contentType())
                .append(", to ")
                .append(answer.method())
                .append(' ')
                .append(answer.uri());
        result.mismatches().stream()
                .limit(SHOWN)
                .forEach(m -> message.append("\n  ").append(m));
        if (result.mismatches().size() > SHOWN) {
            message.append("\n  ... and ")
                    .append(result.mismatches().size() - SHOWN)
                    .append(" more");
        }
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        message.append("\nbody: ")
                .append(text.length() > 2000 ? text.substring(0, 2000) + "... (" + text.length() + " chars)" : text);
        if (reporting) {
            report(message + "\n\n");
        }
        if (!(reporting && REPORT_ONLY)) {
            throw new AssertionError(message.toString());
        }
    }

    private static synchronized void report(String text) {
        try {
            if (Files.isDirectory(REPORT.getParent())) {
                Files.writeString(REPORT, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // The report is a convenience; the AssertionError is the check.
        }
    }

    /** The operation an answer was judged against (or what stood in for it), and every mismatch. */
    record Result(String operation, List<String> mismatches) {}

    /** Every way the answer differs from the document. */
    Result mismatches(Answer answer) {
        String path = rawPath(answer.uri());
        String method = answer.method().toUpperCase(Locale.ROOT);
        boolean head = method.equals("HEAD");
        Operation op = find(head ? "GET" : method, path);
        List<String> out = new ArrayList<>();
        String name;
        JsonNode response;
        if (op == null) {
            name = method + " " + path + " (no operation in the document)";
            response = genericError(answer.status(), out, "no operation of the document has this method and path");
        } else {
            name = op.name();
            response = declaredResponse(op.spec(), answer.status());
            if (response == null) {
                response = genericError(
                        answer.status(), out, "status " + answer.status() + " is not declared for this operation");
            }
        }
        if (response == null) {
            return new Result(name, out);
        }
        checkHeaders(response, answer, out);
        checkContent(response, answer, head, out);
        return new Result(name, out);
    }

    /** The response the operation declares for the status: exact, nXX, default; null if none. */
    private JsonNode declaredResponse(JsonNode operation, int status) {
        JsonNode responses = operation.path("responses");
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
            if (responses.has(key)) {
                JsonNode r = responses.get(key);
                return r.has("$ref") ? schemas.resolve(r.get("$ref").asText()) : r;
            }
        }
        return null;
    }

    /** A generic error's response (a problem document); null, with a mismatch, when the status is not one. */
    private JsonNode genericError(int status, List<String> out, String why) {
        if (!GENERIC_ERRORS.contains(status)) {
            out.add(why + ", and " + status + " is not one of the generic errors "
                    + new java.util.TreeSet<>(GENERIC_ERRORS));
            return null;
        }
        return JSON.createObjectNode()
                .set(
                        "content",
                        JSON.createObjectNode()
                                .set(
                                        PROBLEM_MEDIA_TYPE,
                                        JSON.createObjectNode()
                                                .set(
                                                        "schema",
                                                        JSON.createObjectNode().put("$ref", PROBLEM_SCHEMA_REF))));
    }

    private void checkHeaders(JsonNode response, Answer answer, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> headers = response.path("headers").fields();
        while (headers.hasNext()) {
            Map.Entry<String, JsonNode> h = headers.next();
            JsonNode spec = h.getValue().has("$ref")
                    ? schemas.resolve(h.getValue().get("$ref").asText())
                    : h.getValue();
            String value = answer.header().apply(h.getKey());
            if (value == null) {
                if (spec.path("required").asBoolean(false)) {
                    out.add("header " + h.getKey() + ": required, missing");
                }
                continue;
            }
            JsonNode schema = spec.path("schema");
            if (schema.has("$ref")) {
                schema = schemas.resolve(schema.get("$ref").asText());
            }
            if ("integer".equals(schema.path("type").asText()) && !value.trim().matches("-?\\d+")) {
                out.add("header " + h.getKey() + ": \"" + value + "\", expected an integer");
            }
        }
    }

    private void checkContent(JsonNode response, Answer answer, boolean head, List<String> out) {
        JsonNode content = response.path("content");
        boolean hasBody = answer.body().length > 0;
        if (content.isEmpty()) {
            if (hasBody) {
                out.add("a body (" + answer.contentType() + ", " + answer.body().length
                        + " bytes), but the response declares no content");
            }
            return;
        }
        String mediaType = baseMediaType(answer.contentType());
        if (mediaType.isEmpty()) {
            if (hasBody || !head) {
                out.add("no Content-Type, but the response declares " + names(content));
            }
            return;
        }
        JsonNode declared = mediaTypeEntry(content, mediaType);
        if (declared == null) {
            out.add("media type " + mediaType + " is not declared; the response declares " + names(content));
            return;
        }
        if (head) {
            return;
        }
        if (!hasBody) {
            out.add("an empty body, but the response declares " + names(content));
            return;
        }
        if (!(mediaType.equals("application/json") || mediaType.endsWith("+json")) || !declared.has("schema")) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            out.add("the body is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        out.addAll(schemas.validate(body, declared.get("schema")));
    }

    /** The declared media type entry the answer's media type falls under: exact, type/*, * /*. */
    private static JsonNode mediaTypeEntry(JsonNode content, String mediaType) {
        Iterator<Map.Entry<String, JsonNode>> entries = content.fields();
        JsonNode wildcard = null;
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            String declared = baseMediaType(e.getKey());
            if (declared.equals(mediaType)) {
                return e.getValue();
            }
            if (declared.equals("*/*")
                    || (declared.endsWith("/*")
                            && mediaType.startsWith(declared.substring(0, declared.length() - 1)))) {
                wildcard = e.getValue();
            }
        }
        return wildcard;
    }

    private static String names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** The path of a URI as sent (still percent-encoded), without scheme, authority, query and fragment. */
    static String rawPath(String uri) {
        String rest = uri.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*", "");
        int end = rest.length();
        for (char c : new char[] {'?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }

    static String baseMediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /** The operation for the method and the raw path; null if the document has none. */
    Operation find(String method, String rawPath) {
        for (Operation op : operations) {
            if (op.method().equals(method) && op.pattern().matcher(rawPath).matches()) {
                return op;
            }
        }
        return null;
    }

    /** {@code /a/{id}/b/{n}.xml} as a regular expression: each {x} one or more characters of one segment. */
    static Pattern templatePattern(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            int close = template.indexOf('}', open);
            regex.append(Pattern.quote(template.substring(at, open))).append("[^/]+");
            at = close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
