package dev.dealeval.api;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Fuzzing generated from the served OpenAPI document: for every operation it finds (so a new
 * endpoint is covered without new code) it builds requests from the documented examples and
 * schemas, mutates them with a seeded random source (nulls, missing and extra fields, wrong types,
 * boundary and huge numbers, long strings, oversized lists, duplicate keys, truncated bodies, bad
 * path, query and header values), sends them, and checks every answer: no 5xx, every 4xx an
 * application/problem+json document, no stack trace or class name in an error, none slower than the
 * timeout. Request {@code i} of a run with seed {@code s} depends only on {@code (s, i)} and on the
 * answers before it, so a failure is replayed by running the same seed.
 */
final class OpenApiFuzzer {
    /** One documented operation. */
    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request as sent, for the report. */
    record Sent(String method, String uri, String contentType, String body, Map<String, String> headers) {
        @Override
        public String toString() {
            String shown = body == null
                    ? ""
                    : " " + (body.length() > 600 ? body.substring(0, 600) + "… (" + body.length() + " chars)" : body);
            return method + " " + uri + (headers.isEmpty() ? "" : " " + headers)
                    + (contentType == null ? "" : " [" + contentType + "]") + shown;
        }
    }

    /** What the service did with one request. */
    record Outcome(
            int index,
            Operation operation,
            Sent sent,
            int status,
            long millis,
            String contentType,
            String body,
            Map<String, String> headers) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A Java stack frame, or a fully qualified class name of the JDK, the frameworks or the service. */
    static final Pattern LEAK = Pattern.compile(
            "(?m)(^\\s*at [\\w.$]+\\(|\\b(java|javax|jakarta|sun|com\\.fasterxml|org\\.hibernate|org\\.jboss"
                    + "|org\\.h2|org\\.postgresql|io\\.quarkus|io\\.vertx|io\\.smallrye|io\\.netty|dev\\.dealeval)\\.[a-z]+\\.[\\w.$]*[A-Z]\\w*|\\w+Exception\\b)");

    private static final Object[] HOSTILE = {
        null,
        0,
        -1,
        1,
        0.5,
        -0.0,
        1e308,
        -1e308,
        1e-320,
        2147483648L,
        -2147483649L,
        Long.MAX_VALUE,
        "",
        " ",
        "x",
        "A".repeat(5000),
        "\u0000",
        "💥",
        "../../etc/passwd",
        "<xml/>",
        "'; DROP TABLE profile; --",
        true,
        false,
        "NaN",
        "GENEVA_2025",
        "default",
        "US",
        "CN"
    };

    private final JsonNode doc;
    private final Random random;
    private final List<Operation> operations = new ArrayList<>();
    /** Ids created during the run (from Location headers), by collection path. */
    private final Map<String, List<String>> created = new LinkedHashMap<>();
    /** The last ETag each resource answered with, so that a valid conditional write can be current. */
    private final Map<String, String> etags = new LinkedHashMap<>();

    OpenApiFuzzer(JsonNode doc, long seed) {
        this.doc = doc;
        this.random = new Random(seed);
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("get", "post", "put", "delete")) {
                if (p.getValue().has(method)) {
                    operations.add(new Operation(
                            method.toUpperCase(), p.getKey(), p.getValue().get(method)));
                }
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** Sends request {@code index}: operations in turn, so a bounded run covers each about equally. */
    Outcome send(int index) {
        Operation op = operations.get(index % operations.size());
        boolean valid = random.nextInt(4) == 0;
        Map<String, String> headers = new LinkedHashMap<>();
        String uri = uri(op, valid);
        String contentType = null;
        String body = null;
        RequestSpecification request = given().redirects()
                .follow(false)
                .config(io.restassured.RestAssured.config()
                        .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                                .defaultContentCharset(StandardCharsets.UTF_8)
                                .encodeContentTypeAs(
                                        "application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)));
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.has("multipart/form-data") && (!content.has("application/json") || random.nextBoolean())) {
            contentType = "multipart/form-data";
            body = multipart(request, content.get("multipart/form-data").path("schema"), valid);
        } else if (content.has("application/json")) {
            contentType = random.nextInt(40) == 0
                    ? pick("text/plain", "application/xml", "application/x-www-form-urlencoded")
                    : "application/json";
            body = jsonBody(content.get("application/json"), valid);
            request.contentType(contentType).body(body);
        } else if (random.nextInt(20) == 0) {
            contentType = "application/json";
            body = "{\"unexpected\": true}";
            request.contentType(contentType).body(body);
        }
        for (JsonNode p : op.spec().path("parameters")) {
            if ("header".equals(p.path("in").asText()) && (valid || random.nextBoolean())) {
                String v = headerValue(p.path("name").asText(), valid, uri.replaceFirst("\\?.*", ""));
                headers.put(p.path("name").asText(), v);
            }
        }
        if (random.nextInt(12) == 0) {
            headers.put("X-API-Key", pick("", "wrong-key", ApiTestSupport.READER_KEY));
        }
        headers.forEach(request::header);
        long t0 = System.nanoTime();
        Response r;
        try {
            r = request.request(op.method(), uri);
        } catch (Exception e) { // also the IOException REST Assured rethrows unchecked
            // No answer at all (the connection closed under the request): status -1, judged by problem().
            return new Outcome(
                    index,
                    op,
                    new Sent(op.method(), uri, contentType, body, headers),
                    -1,
                    (System.nanoTime() - t0) / 1_000_000,
                    null,
                    String.valueOf(e.getCause() == null ? e : e.getCause()),
                    Map.of());
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        r.getHeaders().forEach(h -> answerHeaders.put(h.getName(), h.getValue()));
        String location = r.getHeader("Location");
        String resource = uri.replaceFirst("\\?.*", "");
        if (r.statusCode() == 201 && location != null) {
            resource = location.replaceFirst("^https?://[^/]+", "");
            int slash = resource.lastIndexOf('/');
            created.computeIfAbsent(resource.substring(0, slash), k -> new ArrayList<>())
                    .add(resource.substring(slash + 1));
        }
        if (r.statusCode() / 100 == 2 && r.getHeader("ETag") != null) {
            etags.put(resource, r.getHeader("ETag"));
        } else if ("DELETE".equals(op.method()) && r.statusCode() == 204) {
            etags.remove(resource);
        }
        return new Outcome(
                index,
                op,
                new Sent(op.method(), uri, contentType, body, headers),
                r.statusCode(),
                millis,
                r.contentType(),
                r.asString(),
                answerHeaders);
    }

    /**
     * What is wrong with an answer, or null. A connection closed without an answer is right only for
     * a body over the limit (the service answers 413 from its Content-Length and stops reading).
     */
    static String problem(Outcome o, Duration timeout, long maxBodyBytes) {
        if (o.status() < 0) {
            long length = o.sent().body() == null ? 0 : o.sent().body().getBytes(StandardCharsets.UTF_8).length;
            return length > maxBodyBytes ? null : "no answer (" + o.body() + ")";
        }
        if (o.status() >= 500) {
            return "a server error";
        }
        if (o.status() >= 400 && (o.contentType() == null || !o.contentType().startsWith("application/problem+json"))) {
            return "a " + o.status() + " that is not application/problem+json (" + o.contentType() + ")";
        }
        if (o.status() >= 400 && LEAK.matcher(o.body()).find()) {
            return "an error that shows a stack trace or a class name: "
                    + LEAK.matcher(o.body())
                            .results()
                            .findFirst()
                            .map(m -> m.group())
                            .orElse("");
        }
        if (o.millis() > timeout.toMillis()) {
            return "slower than the request timeout (" + o.millis() + " ms > " + timeout.toMillis() + " ms)";
        }
        return null;
    }

    // ------------------------------------------------------------------ the parts of a request

    private String uri(Operation op, boolean valid) {
        String path = op.path();
        String collection = path.contains("/{") ? path.substring(0, path.indexOf("/{")) : path;
        for (JsonNode p : op.spec().path("parameters")) {
            if (!"path".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            String value;
            List<String> made = created.getOrDefault(collection, List.of());
            int choice = random.nextInt(valid ? 3 : 5);
            if (choice == 0 && p.has("example")) {
                value = p.get("example").asText();
            } else if (choice <= 1 && !made.isEmpty()) {
                value = made.get(random.nextInt(made.size()));
            } else if (choice == 2 || name.equals("n")) {
                value = switch (collection) {
                    case "/api/v1/profiles" -> pick("default", "security-first", "hawkish-washington");
                    case "/api/v1/scenarios" -> pick("GENEVA_2025", "MAR_2025", "POST_RULING_2026");
                    case "/api/v1/episode-sets" -> pick("built-in", "london-at-level-two", "x");
                    case "/api/v1/backtests" -> pick("PHASE_ONE_2020", "GENEVA_2025", "x");
                    default -> name.equals("n") ? pick("1", "2", "0", "3", "-1", "x") : "delivery-terms";
                };
            } else {
                value = pick("x", "%20", "A".repeat(300), "%00", "..", "💥", "-1", "null", "%2F");
            }
            path = path.replace("{" + name + "}", value);
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.spec().path("parameters")) {
            if ("query".equals(p.path("in").asText()) && random.nextBoolean()) {
                String v = valid ? validValue(p.path("schema"), p.path("example")) : scalarMutation(p.path("schema"));
                query.append(query.length() == 0 ? '?' : '&')
                        .append(p.path("name").asText())
                        .append('=')
                        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        if (!valid && random.nextInt(10) == 0) {
            query.append(query.length() == 0 ? '?' : '&').append("unexpected=1");
        }
        return path + query;
    }

    private String headerValue(String name, boolean valid, String resource) {
        if (name.equals("If-Match")) {
            return valid
                    ? etags.getOrDefault(resource, pick("\"1\"", "\"2\""))
                    : pick("1", "*", "\"-1\"", "W/\"1\"", "\"99999999999999999999\"", "", "\"x\"");
        }
        if (name.equals("Idempotency-Key")) {
            return valid ? "fuzz-" + random.nextInt(50) : pick("", " ", "A".repeat(5000), "💥");
        }
        return pick("", "x", "A".repeat(2000));
    }

    private String validValue(JsonNode schema, JsonNode example) {
        JsonNode s = resolve(schema);
        if (!example.isMissingNode() && random.nextBoolean()) {
            return example.asText();
        }
        if (s.has("enum")) {
            return s.get("enum").get(random.nextInt(s.get("enum").size())).asText();
        }
        return switch (s.path("type").asText()) {
            case "integer", "number" -> String.valueOf((long) bounded(s));
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> s.has("default") ? s.get("default").asText() : pick("GENEVA_2025", "default", "1");
        };
    }

    private double bounded(JsonNode s) {
        double min = s.has("minimum") ? s.get("minimum").asDouble() : 0;
        double max = s.has("maximum") ? s.get("maximum").asDouble() : min + 100;
        return Math.min(max, min + random.nextInt((int) Math.min(1000, Math.max(1, max - min + 1))));
    }

    private String scalarMutation(JsonNode schema) {
        JsonNode s = resolve(schema);
        double min = s.path("minimum").asDouble(Double.NaN);
        double max = s.path("maximum").asDouble(Double.NaN);
        List<String> options = new ArrayList<>(List.of(
                "",
                "x",
                "-1",
                "1.5",
                "1e400",
                "9223372036854775808",
                "true",
                "null",
                "A".repeat(3000),
                "2026-13-45T99:00:00Z",
                "💥",
                "%",
                "[]"));
        if (!Double.isNaN(min)) {
            options.add(String.valueOf((long) min - 1));
        }
        if (!Double.isNaN(max)) {
            options.add(String.valueOf((long) max + 1));
        }
        return options.get(random.nextInt(options.size()));
    }

    private String jsonBody(JsonNode media, boolean valid) {
        JsonNode body = example(media);
        if (body == null || random.nextInt(5) == 0) {
            body = generate(media.path("schema"), 0);
        }
        body = body.deepCopy();
        if (valid) {
            return body.toString();
        }
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            body = mutate(body, media.path("schema"));
        }
        String text = body.toString();
        return switch (random.nextInt(14)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> duplicateKey(text);
            case 2 -> text + pick(" {}", "]", " trailing", "\u0000");
            case 3 ->
                text.replaceFirst("\\d+(\\.\\d+)?", pick("NaN", "Infinity", "-Infinity", "1e99999", "0x10", "01"));
            default -> text;
        };
    }

    private String multipart(RequestSpecification request, JsonNode schema, boolean valid) {
        JsonNode example = example(doc.path("paths")
                .path("/api/v1/domains")
                .path("post")
                .path("requestBody")
                .path("content")
                .path("application/json"));
        StringBuilder shown = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> props =
                resolve(schema).path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            if (!valid && random.nextInt(4) == 0) {
                continue;
            }
            String value = partValue(p.getKey(), example);
            if (!valid && random.nextInt(3) == 0) {
                value = random.nextBoolean()
                        ? value.substring(0, random.nextInt(value.length() + 1))
                        : pick(
                                "",
                                "<",
                                "<x>&bad;</x>",
                                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                                "A".repeat(5000));
            }
            if ("binary".equals(p.getValue().path("format").asText())) {
                request.multiPart(
                        p.getKey(), p.getKey() + ".xml", value.getBytes(StandardCharsets.UTF_8), "application/xml");
            } else {
                request.multiPart(p.getKey(), value);
            }
            shown.append(p.getKey())
                    .append('=')
                    .append(value.length() > 80 ? value.substring(0, 80) + "…" : value)
                    .append("; ");
        }
        return shown.toString();
    }

    private String partValue(String name, JsonNode example) {
        if (example == null) {
            return "x";
        }
        return switch (name) {
            case "id" -> "fuzz-" + random.nextInt(1000);
            case "domain" -> example.path("domain").asText("x");
            case "party1" -> example.path("parties").path(0).path("xml").asText("x");
            case "party2" -> example.path("parties").path(1).path("xml").asText("x");
            case "party1Name" -> example.path("parties").path(0).path("name").asText("a");
            case "party2Name" -> example.path("parties").path(1).path("name").asText("b");
            default -> example.path(name).asText("x");
        };
    }

    /** A documented example of the body (one of several at random), or null. */
    private JsonNode example(JsonNode media) {
        List<JsonNode> found = new ArrayList<>();
        media.path("examples").forEach(e -> {
            JsonNode value = e.has("$ref") ? ref(e.get("$ref").asText()).path("value") : e.path("value");
            if (!value.isMissingNode()) {
                found.add(value);
            }
        });
        return found.isEmpty() ? null : found.get(random.nextInt(found.size()));
    }

    // ------------------------------------------------------------------ schemas

    private JsonNode ref(String ref) {
        return ref(doc, ref);
    }

    /** The node a local {@code $ref} ("#/components/...") of {@code doc} points to (RawFuzzer uses it too). */
    static JsonNode ref(JsonNode doc, String ref) {
        JsonNode n = doc;
        for (String part : ref.substring(2).split("/")) {
            n = n.path(part);
        }
        return n;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            s = ref(s.get("$ref").asText());
        }
        for (String alt : List.of("oneOf", "anyOf", "allOf")) {
            if (s.has(alt) && s.get(alt).size() > 0) {
                return resolve(s.get(alt).get(random.nextInt(s.get(alt).size())));
            }
        }
        return s;
    }

    /** A value of the schema, within its documented bounds. */
    private JsonNode generate(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("example") && random.nextBoolean()) {
            return s.get("example").deepCopy();
        }
        if (s.has("examples")
                && s.get("examples").isArray()
                && s.get("examples").size() > 0) {
            return s.get("examples").get(0).deepCopy();
        }
        if (s.has("enum")) {
            return s.get("enum").get(random.nextInt(s.get("enum").size())).deepCopy();
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth > 4) {
                    return o;
                }
                Iterator<Map.Entry<String, JsonNode>> props =
                        s.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> p = props.next();
                    if (random.nextBoolean() || containsText(s.path("required"), p.getKey())) {
                        o.set(p.getKey(), generate(p.getValue(), depth + 1));
                    }
                }
                if (s.has("additionalProperties")
                        && s.get("additionalProperties").isObject()
                        && random.nextBoolean()) {
                    o.set("key" + random.nextInt(5), generate(s.get("additionalProperties"), depth + 1));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int n = depth > 4 ? 0 : random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(generate(s.path("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return NODES.numberNode((long) bounded(s));
            }
            case "number" -> {
                return NODES.numberNode(bounded(s) + (s.has("maximum") ? 0 : random.nextDouble()));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(
                        s.has("default")
                                ? s.get("default").asText()
                                : pick("GENEVA_2025", "default", "x", "purchases.years"));
            }
        }
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode n : array) {
            if (text.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ mutations

    /** One mutation somewhere in the tree (the root included); returns the new root. */
    private JsonNode mutate(JsonNode root, JsonNode schema) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || random.nextInt(12) == 0) {
            return hostileNode(null);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            int what = random.nextInt(6);
            if (names.isEmpty() || what == 0) {
                o.set(pick("unexpected", "id", "bundle", "terms", "__proto__", "a.b", ""), hostileNode(schema));
            } else {
                String name = names.get(random.nextInt(names.size()));
                switch (what) {
                    case 1 -> o.remove(name);
                    case 2 -> o.putNull(name);
                    default -> o.set(name, hostileNode(o.get(name)));
                }
            }
        } else if (target instanceof ArrayNode a) {
            switch (random.nextInt(5)) {
                case 0 -> a.addNull();
                case 1 -> {
                    if (a.size() > 0) {
                        JsonNode first = a.get(0);
                        int copies = pick(10, 100, 5000);
                        for (int i = 0; i < copies; i++) {
                            a.add(first.deepCopy());
                        }
                    }
                }
                case 2 -> a.removeAll();
                default -> {
                    if (a.size() > 0) {
                        a.set(random.nextInt(a.size()), hostileNode(a.get(0)));
                    } else {
                        a.add(hostileNode(null));
                    }
                }
            }
        }
        return root;
    }

    private void collect(JsonNode n, List<JsonNode> into) {
        if (n.isContainerNode()) {
            into.add(n);
            n.forEach(child -> collect(child, into));
        }
    }

    /** A value of another type, a boundary or huge number, a long or odd string, an empty container. */
    private JsonNode hostileNode(JsonNode like) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return NODES.objectNode();
        }
        if (kind == 1) {
            return NODES.arrayNode().add(like == null ? NODES.nullNode() : like.deepCopy());
        }
        if (kind == 2 && like != null && like.isTextual()) {
            return NODES.textNode(like.asText() + "x".repeat(pick(1, 200, 100_000)));
        }
        if (kind == 3 && like != null && like.isNumber()) {
            return NODES.numberNode(new java.math.BigDecimal(like.decimalValue().toPlainString())
                    .add(java.math.BigDecimal.valueOf(pick(-1, 1, 1000, -1000))));
        }
        if (kind == 4) {
            return NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(pick(19, 40, 400))));
        }
        Object h = HOSTILE[random.nextInt(HOSTILE.length)];
        try {
            return JSON.valueToTree(h);
        } catch (IllegalArgumentException e) {
            return NODES.nullNode();
        }
    }

    /** The first key of the first object written twice. */
    private static String duplicateKey(String json) {
        int brace = json.indexOf('{');
        int colon = brace < 0 ? -1 : json.indexOf(':', brace);
        if (colon < 0) {
            return json;
        }
        String key = json.substring(brace + 1, colon);
        return json.substring(0, brace + 1) + key + ":null," + json.substring(brace + 1);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
