package dev.dealeval.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Fuzzing below any HTTP client library: {@link OpenApiFuzzer} goes through REST Assured, which
 * percent-encodes the target, writes well-formed headers and frames the body itself, so it never
 * sends what a hostile client can. This builds each request as bytes, from the served OpenAPI
 * document (every path and method it lists, path parameters filled with ids that exist or look as if
 * they might, bodies from the documented examples), then damages it in one or more places: the
 * path, the query, the request line, header names and values, the body, and the framing of the body
 * (Content-Length and chunked encoding). It is sent over a plain socket ({@link RawHttp} reads the
 * answer) and judged by {@link #problem(Outcome)}: every answer a 2xx or 3xx, or a 4xx
 * application/problem+json, or a 503 with Retry-After; never another 5xx, never silence, never a
 * class name or stack trace.
 *
 * <p>Request {@code i} of a run with seed {@code s} depends only on {@code (s, i)} (not on earlier
 * answers), so one failing request is replayed alone by its seed and index.
 */
final class RawFuzzer {
    /** One documented operation. */
    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * One request as it goes on the wire, with what was done to it. {@code waits}: it declares more
     * body than it sends (a Content-Length above the bytes that follow, a chunk longer than its data,
     * no last chunk), so the server rightly waits for the rest, and silence until the socket's timeout
     * is not a failure. {@code upgrade}: it asks to switch protocols, so 101 is an answer. {@code
     * http2}: it starts with HTTP/2's connection preface, so HTTP/2 frames are an answer.
     */
    record Request(
            int index,
            Operation operation,
            byte[] bytes,
            int headLength,
            List<String> mutations,
            boolean waits,
            boolean upgrade,
            boolean http2) {
        @Override
        public String toString() {
            return operation + " " + mutations + (waits ? " (declares more body than it sends)" : "") + "\n      "
                    + escape(bytes, 1600).replace("\\r\\n", "\\r\\n\n      ");
        }
    }

    /** What came back: status -1 when no status line did (timed out, or the connection closed), -2 when what came is not HTTP. */
    record Outcome(
            Request request, int status, Map<String, String> headers, String body, long millis, boolean timedOut) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), null);
        }

        @Override
        public String toString() {
            String shown = body.length() > 600 ? body.substring(0, 600) + "… (" + body.length() + " chars)" : body;
            return status + (timedOut ? " (timed out)" : "") + " in " + millis + " ms " + headers + " " + shown;
        }
    }

    /** The service's body limit (dealeval.limits.max-body-bytes): requests stay under it but for a few. */
    static final int MAX_BODY_BYTES = 1_048_576;
    /** How long an answer may take: longer than the service's request timeout (30 s), which answers 503 itself. */
    static final int ANSWER_TIMEOUT_MILLIS = 40_000;
    /** How long to wait for an answer to a request that declares more body than it sends. */
    static final int WAITING_TIMEOUT_MILLIS = 1_500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRLF = "\r\n";
    private static final String UUID_LIKE = "0190f1c2-7a3b-7c4d-8e5f-0123456789ab";

    private final JsonNode doc;
    private final long seed;
    private final List<Operation> operations = new ArrayList<>();

    RawFuzzer(JsonNode doc, long seed) {
        this.doc = doc;
        this.seed = seed;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")) {
                if (p.getValue().has(method)) {
                    operations.add(new Operation(
                            method.toUpperCase(Locale.ROOT),
                            p.getKey(),
                            p.getValue().get(method)));
                }
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** Request {@code index}: the operations in turn, each request damaged in one to three places. */
    Request request(int index) {
        Random random = new Random(mix(seed * 0x9E3779B97F4A7C15L + index));
        Operation op = operations.get(index % operations.size());
        Draft d = new Draft(op, random, index);
        d.build();
        d.mutate(1 + (random.nextInt(3) == 0 ? 1 : 0) + (random.nextInt(8) == 0 ? 1 : 0));
        if (random.nextInt(150) == 0) {
            d.overLimit();
        }
        return d.finish();
    }

    // ------------------------------------------------------------------ sending

    /**
     * Sends a request on a connection of its own and reads the final answer (after any 100
     * Continue). A body of some size is sent after the head has had a moment to be refused: a server
     * that answers from the head and closes would otherwise reset the connection under its own answer.
     */
    static Outcome send(int port, Request request) {
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(request.waits() ? WAITING_TIMEOUT_MILLIS : ANSWER_TIMEOUT_MILLIS);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] bytes = request.bytes();
            try {
                if (bytes.length - request.headLength() > 64 * 1024) {
                    out.write(bytes, 0, request.headLength());
                    out.flush();
                    for (int waited = 0; waited < 200 && in.available() == 0; waited += 10) {
                        Thread.sleep(10);
                    }
                    for (int off = request.headLength(); off < bytes.length && in.available() == 0; off += 64 * 1024) {
                        out.write(bytes, off, Math.min(64 * 1024, bytes.length - off));
                    }
                } else {
                    out.write(bytes);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading everything: read what it said.
            }
            RawHttp.Answer a = RawHttp.read(in);
            // RawHttp reads 100 Continue as an answer of its own; the final answer follows on the same connection.
            while (a.status() >= 100 && a.status() < 200 && a.status() != 101) {
                a = RawHttp.read(in);
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            // RawHttp reports a timeout before the status line as status -1 with this text (a closed connection: the
            // bytes it got).
            boolean timedOut = a.status() < 0 && a.body().startsWith("timed out");
            return new Outcome(request, a.status(), a.headers(), a.body(), millis, timedOut);
        } catch (SocketTimeoutException e) {
            return new Outcome(
                    request,
                    -1,
                    Map.of(),
                    "timed out reading the answer's body",
                    (System.nanoTime() - t0) / 1_000_000,
                    true);
        } catch (IOException e) {
            return new Outcome(request, -1, Map.of(), "no answer: " + e, (System.nanoTime() - t0) / 1_000_000, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return new Outcome(
                    request,
                    -2,
                    Map.of(),
                    "an answer that is not HTTP: " + e,
                    (System.nanoTime() - t0) / 1_000_000,
                    false);
        }
    }

    /** What is wrong with an answer, or null. */
    static String problem(Outcome o) {
        int status = o.status();
        if (status == -1) {
            if (o.request().http2() && http2Frames(o.body())) {
                return null;
            }
            // A chunked body whose framing is broken: the decoder fails after the request was routed, and
            // Vert.x closes the connection without an answer (RFC 9112 lets a server close on a framing
            // error). A known limit, written in docs/hostile-clients.md; anything else must be answered.
            boolean brokenChunks = o.request().mutations().stream()
                    .anyMatch(m -> m.startsWith("framing: chunked") || m.startsWith("framing: Transfer-Encoding"));
            return (o.timedOut() && o.request().waits()) || brokenChunks ? null : "no answer (" + o.body() + ")";
        }
        if (status < 100) {
            return o.body();
        }
        if (status < 200) {
            return status == 101 && o.request().upgrade() ? null : "only an interim answer";
        }
        if (status < 400) {
            return null;
        }
        String type = o.header("Content-Type");
        if (status >= 500 && !(status == 503 && o.header("Retry-After") != null)) {
            return "a server error";
        }
        if (type == null || !type.startsWith("application/problem+json")) {
            return "a " + status + " that is not application/problem+json (" + type + ")";
        }
        JsonNode body;
        try {
            body = JSON.readTree(o.body());
        } catch (IOException e) {
            return "a problem document that is not JSON";
        }
        if (body == null
                || !body.path("status").isNumber()
                || body.path("status").asInt() != status) {
            return "a problem document whose status is not " + status;
        }
        if (OpenApiFuzzer.LEAK.matcher(o.body()).find()) {
            return "an error that shows a stack trace or a class name: "
                    + OpenApiFuzzer.LEAK
                            .matcher(o.body())
                            .results()
                            .findFirst()
                            .map(m -> m.group())
                            .orElse("");
        }
        return null;
    }

    /** Whether what came back starts with an HTTP/2 SETTINGS or GOAWAY frame (a 9-byte header, the type at offset 3). */
    private static boolean http2Frames(String received) {
        return received.length() >= 9 && (received.charAt(3) == 0x04 || received.charAt(3) == 0x07);
    }

    /** Bytes as text for a report: printable ASCII as it is, the rest escaped, long runs of one byte counted. */
    static String escape(byte[] bytes, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            int run = 1;
            while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                run++;
            }
            String one = one(bytes[i] & 0xFF);
            if (run > 8) {
                b.append('{').append(one).append(" x").append(run).append('}');
                i += run - 1;
            } else {
                b.append(one);
            }
            if (b.length() > max) {
                b.append("… (").append(bytes.length).append(" bytes)");
                break;
            }
        }
        return b.toString();
    }

    private static String one(int c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c);
        };
    }

    /** SplitMix64's finaliser: seeds for neighbouring indices that share no pattern. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] insert(byte[] into, int at, byte[] what) {
        return concat(Arrays.copyOfRange(into, 0, at), what, Arrays.copyOfRange(into, at, into.length));
    }

    // ------------------------------------------------------------------ documents

    private JsonNode ref(String ref) {
        return OpenApiFuzzer.ref(doc, ref);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            s = ref(s.get("$ref").asText());
        }
        return s;
    }

    /** The documented examples of a JSON body: the operation's own, else those of another operation on the same collection. */
    private List<JsonNode> examples(Operation op) {
        List<JsonNode> found = examplesOf(op.spec());
        if (found.isEmpty()) {
            String collection = collection(op.path());
            for (Operation other : operations) {
                if (collection(other.path()).equals(collection)) {
                    found.addAll(examplesOf(other.spec()));
                }
            }
        }
        return found;
    }

    private List<JsonNode> examplesOf(JsonNode spec) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode media = spec.path("requestBody").path("content").path("application/json");
        media.path("examples").forEach(e -> {
            JsonNode value = e.has("$ref") ? ref(e.get("$ref").asText()).path("value") : e.path("value");
            if (!value.isMissingNode()) {
                found.add(value);
            }
        });
        if (found.isEmpty() && media.has("example")) {
            found.add(media.get("example"));
        }
        return found;
    }

    private static String collection(String path) {
        return path.contains("/{") ? path.substring(0, path.indexOf("/{")) : path;
    }

    // ------------------------------------------------------------------ one request

    /** A request being built and damaged: the request line, header lines and body, kept apart until {@link #finish()}. */
    private final class Draft {
        private final Operation op;
        private final Random random;
        private final int index;
        private final List<String> labels = new ArrayList<>();
        private String method;
        private String version = "HTTP/1.1";
        /** Bytes before the request line (RFC 9112 lets a server skip empty lines there). */
        private byte[] preamble = new byte[0];
        /** The path's segments, each without its slash. */
        private final List<byte[]> segments = new ArrayList<>();
        /** The query's items ("name=value"), or null for no '?' at all. */
        private List<byte[]> query;
        /** A whole request target replacing path and query (absolute form, "*", empty). */
        private byte[] target;

        private final List<byte[]> headers = new ArrayList<>();
        private byte[] body;
        private boolean multipart;
        /** Set once the body's framing headers are written by a mutation (no Content-Length added then). */
        private boolean framed;

        private boolean waits;
        private boolean upgrade;
        private String eol = CRLF;

        Draft(Operation op, Random random, int index) {
            this.op = op;
            this.random = random;
            this.index = index;
            this.method = op.method();
        }

        // -------------------------------------------------------------- the valid request

        void build() {
            for (String segment : op.path().substring(1).split("/")) {
                segments.add(ascii(segment));
            }
            String collection = collection(op.path());
            for (JsonNode p : op.spec().path("parameters")) {
                String name = p.path("name").asText();
                switch (p.path("in").asText()) {
                    case "path" -> fillPathParameter(name, p, collection);
                    case "query" -> {
                        if (random.nextBoolean()) {
                            query().add(ascii(name + "=" + validQueryValue(name, p)));
                        }
                    }
                    default -> {}
                }
            }
            header("Host", "localhost");
            if (random.nextInt(4) == 0) {
                header("Accept", pick("application/json", "*/*", "application/json, application/problem+json"));
            }
            boolean write = !method.equals("GET");
            int auth = random.nextInt(10);
            if (auth < (write ? 7 : 3)) {
                if (random.nextInt(5) == 0) {
                    header("Authorization", "Bearer " + ApiTestSupport.EDITOR_KEY);
                } else {
                    header("X-API-Key", ApiTestSupport.EDITOR_KEY);
                }
            } else if (auth < (write ? 8 : 5)) {
                header("X-API-Key", ApiTestSupport.READER_KEY);
            }
            for (JsonNode p : op.spec().path("parameters")) {
                if ("header".equals(p.path("in").asText())) {
                    String name = p.path("name").asText();
                    if (name.equals("If-Match")) {
                        header(name, pick("\"1\"", "\"1\"", "\"2\"", "*"));
                    } else if (name.equals("Idempotency-Key")) {
                        header(name, "raw-fuzz-" + index);
                    }
                }
            }
            JsonNode content = op.spec().path("requestBody").path("content");
            if (content.has("multipart/form-data") && (!content.has("application/json") || random.nextInt(4) != 0)) {
                multipartBody();
            } else if (content.has("application/json")) {
                List<JsonNode> examples = examples(op);
                JsonNode value =
                        examples.isEmpty() ? JSON.createObjectNode() : examples.get(random.nextInt(examples.size()));
                try {
                    body = JSON.writeValueAsBytes(value);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                header("Content-Type", "application/json");
            }
        }

        private void fillPathParameter(String name, JsonNode p, String collection) {
            String value;
            if (name.equals("n")) {
                value = pick("1", "2");
            } else if (p.has("example") && random.nextInt(3) == 0) {
                value = p.get("example").asText();
            } else {
                value = switch (collection) {
                    case "/api/v1/profiles" -> pick("default", "security-first", "hawkish-washington", "raw-fuzz");
                    case "/api/v1/scenarios" -> pick("GENEVA_2025", "BUSAN_2025", "MAR_2025", "RAW_FUZZ");
                    case "/api/v1/backtests" -> pick("geneva-truce-2025", "phase-one-2020", "x");
                    case "/api/v1/domains" -> pick("laptop", "delivery-terms", "raw-fuzz");
                    case "/api/v1/episode-sets" -> pick("built-in", "london-at-level-two", "raw-fuzz");
                    case "/api/v1/evaluations" -> pick(UUID_LIKE, "00000000-0000-0000-0000-000000000000");
                    default -> "x";
                };
            }
            String placeholder = "{" + name + "}";
            for (int i = 0; i < segments.size(); i++) {
                String s = new String(segments.get(i), StandardCharsets.ISO_8859_1);
                if (s.contains(placeholder)) {
                    segments.set(i, ascii(s.replace(placeholder, value)));
                }
            }
        }

        private String validQueryValue(String name, JsonNode p) {
            if (p.has("example") && !name.equals("samples")) {
                return p.get("example").asText();
            }
            JsonNode s = resolve(p.path("schema"));
            if (s.has("enum")) {
                return s.get("enum").get(random.nextInt(s.get("enum").size())).asText();
            }
            return switch (name) {
                case "page" -> pick("0", "1");
                case "size" -> pick("1", "20", "100");
                case "samples" -> pick("10", "100");
                case "profile" -> pick("default", "hawkish-washington");
                case "scenario" -> pick("GENEVA_2025", "BUSAN_2025");
                case "store" -> pick("false", "true");
                case "from" -> "2025-01-01T00:00:00Z";
                case "to" -> "2030-01-01T00:00:00Z";
                case "verdict" -> pick("DEAL", "NO_DEAL");
                default -> s.has("default") ? s.get("default").asText() : "x";
            };
        }

        /** The domain upload as multipart/form-data, from the JSON example of the same operation. */
        private void multipartBody() {
            multipart = true;
            List<JsonNode> examples = examples(op);
            JsonNode e = examples.isEmpty() ? JSON.createObjectNode() : examples.get(0);
            String boundary = "raw-fuzz-" + index;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String[][] fields = {
                {"id", "raw-fuzz-" + index, null},
                {"name", e.path("name").asText("x"), null},
                {"description", e.path("description").asText("x"), null},
                {"domain", e.path("domainXml").asText("<x/>"), "domain.xml"},
                {"party1", e.path("parties").path(0).path("xml").asText("<x/>"), "party1.xml"},
                {"party2", e.path("parties").path(1).path("xml").asText("<x/>"), "party2.xml"},
                {"party1Name", e.path("parties").path(0).path("name").asText("a"), null},
                {"party2Name", e.path("parties").path(1).path("name").asText("b"), null}
            };
            for (String[] f : fields) {
                out.writeBytes(ascii("--" + boundary + CRLF + "Content-Disposition: form-data; name=\"" + f[0] + "\""
                        + (f[2] == null ? "" : "; filename=\"" + f[2] + "\"" + CRLF + "Content-Type: application/xml")
                        + CRLF + CRLF));
                out.writeBytes(f[1].getBytes(StandardCharsets.UTF_8));
                out.writeBytes(ascii(CRLF));
            }
            out.writeBytes(ascii("--" + boundary + "--" + CRLF));
            body = out.toByteArray();
            header("Content-Type", "multipart/form-data; boundary=" + boundary);
        }

        private List<byte[]> query() {
            if (query == null) {
                query = new ArrayList<>();
            }
            return query;
        }

        private void header(String name, String value) {
            headers.add(ascii(name + ": " + value));
        }

        private void header(String name, byte[] value) {
            headers.add(concat(ascii(name + ": "), value));
        }

        /** The index of the first header line named {@code name}, or -1. */
        private int find(String name) {
            byte[] prefix = ascii(name.toLowerCase(Locale.ROOT) + ":");
            for (int i = 0; i < headers.size(); i++) {
                byte[] line = headers.get(i);
                if (line.length >= prefix.length
                        && new String(line, 0, prefix.length, StandardCharsets.ISO_8859_1)
                                .toLowerCase(Locale.ROOT)
                                .equals(new String(prefix, StandardCharsets.ISO_8859_1))) {
                    return i;
                }
            }
            return -1;
        }

        private void setHeader(String name, byte[] value) {
            int at = find(name);
            byte[] line = concat(ascii(name + ": "), value);
            if (at < 0) {
                headers.add(line);
            } else {
                headers.set(at, line);
            }
        }

        private void removeHeader(String name) {
            for (int at = find(name); at >= 0; at = find(name)) {
                headers.remove(at);
            }
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        // -------------------------------------------------------------- the damage

        /**
         * {@code count} mutations in different parts of the request. The framing of the body, if one of
         * them, comes last and only once: it encodes the body as it is by then.
         */
        void mutate(int count) {
            boolean framing = false;
            for (int m = 0; m < count; m++) {
                int where = random.nextInt(100);
                if (multipart && random.nextBoolean()) {
                    // The one form upload: its fields are bound outside Jackson, so they get a share of their own.
                    mutateMultipart();
                } else if (where < 20) {
                    mutatePath();
                } else if (where < 33) {
                    mutateQuery();
                } else if (where < 58) {
                    mutateHeaders();
                } else if (where < 80) {
                    mutateBody();
                } else if (where < 94 && !framing) {
                    framing = true;
                } else {
                    mutateRequestLine();
                }
            }
            if (framing) {
                mutateFraming();
            }
        }

        /** Hostile bytes for a path segment or a query name or value: a label and the bytes. */
        private Object[] hostileComponent(boolean inQuery) {
            return switch (random.nextInt(inQuery ? 26 : 22)) {
                case 0 -> new Object[] {"raw NUL", bytes(0)};
                case 1 -> new Object[] {"%00", ascii("%00")};
                case 2 -> new Object[] {"%zz", ascii(pick("%zz", "%G0", "%1", "%%", "%u0041", "%-1"))};
                case 3 -> new Object[] {"lone %", ascii("%")};
                case 4 ->
                    new Object[] {
                        "%C3%28 (invalid UTF-8)", ascii(pick("%C3%28", "%C0%AF", "%FF%FE", "%E2%82", "%F8%88%80%80%80"))
                    };
                case 5 ->
                    new Object[] {
                        "%ED%A0%80 (CESU surrogate)", ascii(pick("%ED%A0%80", "%ED%BF%BF", "%ED%A0%BD%ED%B2%A5"))
                    };
                case 6 -> new Object[] {"%F4%90%80%80 (above U+10FFFF)", ascii("%F4%90%80%80")};
                case 7 -> new Object[] {"raw byte 0x80-0xFF", bytes(0x80 + random.nextInt(0x80))};
                case 8 ->
                    new Object[] {
                        "raw invalid UTF-8",
                        pick(
                                bytes(0xC3, 0x28),
                                bytes(0xED, 0xA0, 0x80),
                                bytes(0xC0, 0xAF),
                                bytes(0xFF, 0xFE),
                                bytes(0xE2, 0x82),
                                bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
                                bytes(0xF4, 0x90, 0x80, 0x80))
                    };
                case 9 ->
                    new Object[] {
                        "raw UTF-8", pick(bytes(0xC3, 0xA9), bytes(0xF0, 0x9F, 0x92, 0xA5), bytes(0xEF, 0xBF, 0xBF))
                    };
                case 10 -> new Object[] {"dot segment", ascii(pick("..", ".", "%2e%2e", "%2E.", "..%2F..%2F"))};
                case 11 -> new Object[] {"encoded separator", ascii(pick("%2F", "%5C", "\\", "%3F", "%23", "%3B"))};
                case 12 -> new Object[] {"overlong", ascii("A".repeat(pick(255, 1000, 3000, 5000)))};
                case 13 -> new Object[] {"overlong past the HTTP layer's line", ascii("A".repeat(17_000))};
                case 14 -> new Object[] {"raw space or tab", ascii(pick(" ", "\t", " x "))};
                case 15 -> new Object[] {"raw CR or LF", ascii(pick("\r", "\n", "\r\n"))};
                case 16 -> new Object[] {"raw control character", bytes(pick(1, 2, 8, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F))};
                case 17 -> new Object[] {"matrix parameter", ascii(pick(";x=1", ";", ";jsessionid=1"))};
                case 18 -> new Object[] {"fragment or query mark", ascii(pick("#", "#frag", "?", "??"))};
                case 19 -> new Object[] {"empty", new byte[0]};
                case 20 -> new Object[] {"%2500 (double encoding)", ascii(pick("%2500", "%252F", "%25zz"))};
                case 21 -> new Object[] {"%C3%A9 (valid UTF-8)", ascii(pick("%C3%A9", "%F0%9F%92%A5", "%EF%BB%BF"))};
                case 22 -> new Object[] {"+", ascii(pick("+", "++", "a+b"))};
                case 23 -> new Object[] {"&&", ascii(pick("&&", "&", "&&&"))};
                case 24 -> new Object[] {"=", ascii(pick("=", "==", "a=b=c"))};
                default -> new Object[] {"quote or bracket", ascii(pick("\"", "'", "<", "{", "[]", "|", "`", "^"))};
            };
        }

        private void mutatePath() {
            Object[] h = hostileComponent(false);
            byte[] payload = (byte[]) h[1];
            // Most often in the last segments (the ids), sometimes anywhere.
            int at = random.nextInt(3) == 0
                    ? random.nextInt(segments.size())
                    : segments.size() - 1 - random.nextInt(Math.min(2, segments.size()));
            String how;
            switch (random.nextInt(4)) {
                case 0 -> {
                    segments.set(at, payload);
                    how = "as segment " + at;
                }
                case 1 -> {
                    byte[] s = segments.get(at);
                    segments.set(at, insert(s, random.nextInt(s.length + 1), payload));
                    how = "in segment " + at;
                }
                case 2 -> {
                    segments.add(at + 1, payload);
                    how = "as a new segment";
                }
                default -> {
                    segments.set(segments.size() - 1, concat(segments.get(segments.size() - 1), payload));
                    how = "at the end";
                }
            }
            labels.add("path: " + h[0] + " " + how);
        }

        private void mutateQuery() {
            List<byte[]> q = query();
            List<String> documented = new ArrayList<>();
            for (JsonNode p : op.spec().path("parameters")) {
                if ("query".equals(p.path("in").asText())) {
                    documented.add(p.path("name").asText());
                }
            }
            String name = documented.isEmpty()
                    ? pick("x", "page", "size", "profile")
                    : documented.get(random.nextInt(documented.size()));
            int kind = random.nextInt(8);
            if (kind == 6) {
                q.add(ascii(name + "=" + pick("1", "default", "true")));
                q.add(ascii(name + "=" + pick("2", "x", "", "-1", "99999999999999999999")));
                labels.add("query: " + name + " twice, with different values");
                return;
            }
            if (kind == 7) {
                q.add(ascii(name + "="
                        + pick(
                                "-1",
                                "0",
                                "2147483648",
                                "99999999999999999999",
                                "1e3",
                                "0x10",
                                "NaN",
                                "",
                                " ",
                                "true",
                                "A".repeat(300),
                                "9".repeat(3000))));
                labels.add("query: " + name + " out of range or of the wrong type");
                return;
            }
            Object[] h = hostileComponent(true);
            byte[] payload = (byte[]) h[1];
            String how;
            switch (kind) {
                case 0, 1 -> {
                    q.add(concat(ascii(name + "="), payload));
                    how = "as the value of " + name;
                }
                case 2 -> {
                    q.add(concat(payload, ascii("=" + pick("1", "x", ""))));
                    how = "as a name";
                }
                case 3 -> {
                    q.add(payload);
                    how = "as a whole item";
                }
                case 4 -> {
                    if (q.size() > 1) {
                        int at = random.nextInt(q.size());
                        q.set(at, insert(q.get(at), random.nextInt(q.get(at).length + 1), payload));
                        how = "inside an item";
                    } else {
                        q.add(concat(ascii("=" + name), payload));
                        how = "after an empty name";
                    }
                }
                default -> {
                    q.add(concat(ascii(name), payload));
                    how = "after a name with no '='";
                }
            }
            labels.add("query: " + h[0] + " " + how);
        }

        private void mutateHeaders() {
            int kind = random.nextInt(31);
            String label;
            switch (kind) {
                case 0, 1 -> {
                    int c = pick(0, 1, 7, 8, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x7F);
                    String name = pick(
                            "X-Fuzz",
                            "Accept",
                            "X-API-Key",
                            "Content-Type",
                            "If-Match",
                            "Idempotency-Key",
                            "User-Agent");
                    byte[] value = concat(
                            ascii(pick("a", "application/json", ApiTestSupport.EDITOR_KEY, "\"1\"")),
                            bytes(c),
                            ascii("b"));
                    setHeader(name, value);
                    label = String.format("header: control character 0x%02X in the value of %s", c, name);
                }
                case 2 -> {
                    int c = pick(0, 1, 0x7F, 0x0B);
                    headers.add(concat(ascii("X-Fu"), bytes(c), ascii("zz: a")));
                    label = String.format("header: control character 0x%02X in a name", c);
                }
                case 3, 4 -> {
                    String name = pick(
                            "X-Fuzz",
                            "Accept",
                            "X-API-Key",
                            "Content-Type",
                            "If-Match",
                            "Idempotency-Key",
                            "Authorization",
                            "Host");
                    byte[] high = pick(
                            bytes(0xC3, 0xA9),
                            bytes(0xFF),
                            bytes(0x80),
                            bytes(0xED, 0xA0, 0x80),
                            bytes(0xF0, 0x9F, 0x92, 0xA5),
                            bytes(0xA0));
                    setHeader(name, concat(ascii(name.equals("Authorization") ? "Bearer " : "x"), high));
                    label = "header: bytes above 0x7F in the value of " + name;
                }
                case 5 -> {
                    headers.add(
                            concat(ascii("X-F"), pick(bytes(0xC3, 0xA9), bytes(0xFF), bytes(0x80)), ascii("uzz: a")));
                    label = "header: bytes above 0x7F in a name";
                }
                case 6 -> {
                    headers.add(ascii(pick(
                            "X Fuzz: a",
                            "X-Fuzz : a",
                            ": a",
                            "X-Fuzz",
                            "X-Fuzz;",
                            "Content-Type;",
                            "X-Fuzz:: a",
                            "(X): a",
                            "X/Y: a")));
                    label = "header: a malformed header line";
                }
                case 7 -> {
                    headers.add(ascii(pick(" folded", "\tfolded: x")));
                    label = "header: an obsolete folded line";
                }
                case 8 -> {
                    header("Content-Type", pick("application/json", "application/xml", "text/plain", "/"));
                    label = "header: Content-Type twice";
                }
                case 9 -> {
                    String name = pick(
                            "Content-Type",
                            "Content-Length",
                            "Accept",
                            "X-API-Key",
                            "Authorization",
                            "If-Match",
                            "Idempotency-Key",
                            "Host",
                            "Transfer-Encoding",
                            "Content-Encoding",
                            "Accept-Charset");
                    removeHeader(name);
                    header(name, "");
                    if (name.equals("Content-Length") || name.equals("Transfer-Encoding")) {
                        framed = true;
                    }
                    label = "header: " + name + " empty";
                }
                case 10 -> {
                    setHeader(
                            "Content-Type",
                            ascii(pick(
                                    "/",
                                    ";",
                                    "application/",
                                    "/json",
                                    "application/json;",
                                    "application/json;;",
                                    "application/json; charset",
                                    "application/json; charset=",
                                    "application/json; charset=\"",
                                    "*/*",
                                    "application/*",
                                    "application/json; charset=utf-16",
                                    "application/json; charset=ebcdic-cp-us",
                                    "application/json; charset=x-unknown",
                                    "application/json; charset=\"utf-8\"",
                                    "application/json; q=0",
                                    "APPLICATION/JSON",
                                    "application/json ; a=b",
                                    "multipart/form-data",
                                    "multipart/form-data; boundary=",
                                    "multipart/form-data; boundary=\"\"",
                                    "application/x-www-form-urlencoded",
                                    "text/plain",
                                    "application/xml",
                                    "application/merge-patch+json",
                                    "application/json; " + "a=b; ".repeat(300) + "c=d")));
                    label = "header: an odd Content-Type";
                }
                case 11 -> {
                    removeHeader("X-API-Key");
                    removeHeader("Authorization");
                    byte[] v = pick(
                            ascii("A".repeat(7000)),
                            ascii("A".repeat(9000)),
                            ascii(ApiTestSupport.EDITOR_KEY + " "),
                            ascii(" " + ApiTestSupport.EDITOR_KEY),
                            ascii(ApiTestSupport.EDITOR_KEY.toUpperCase(Locale.ROOT)),
                            ascii("Bearer " + ApiTestSupport.EDITOR_KEY),
                            ascii("%00"),
                            ascii("null"),
                            ascii(","),
                            ascii("\"\""),
                            concat(ascii(ApiTestSupport.EDITOR_KEY), bytes(0xC3, 0xA9)),
                            ascii(ApiTestSupport.EDITOR_KEY + "," + ApiTestSupport.READER_KEY));
                    header("X-API-Key", v);
                    label = "header: an absurd X-API-Key";
                }
                case 12 -> {
                    header("X-API-Key", ApiTestSupport.READER_KEY);
                    header("X-API-Key", ApiTestSupport.EDITOR_KEY);
                    label = "header: X-API-Key twice";
                }
                case 13 -> {
                    removeHeader("Authorization");
                    header(
                            "Authorization",
                            pick(
                                    "Bearer",
                                    "Bearer ",
                                    "Bearer  ",
                                    "bearer " + ApiTestSupport.EDITOR_KEY,
                                    "Basic Zm9vOmJhcg==",
                                    "Basic !!!",
                                    "Bearer " + "A".repeat(7000),
                                    "Digest x",
                                    "Negotiate",
                                    ",,,",
                                    "Bearer x, Bearer y",
                                    "Bearer\t" + ApiTestSupport.EDITOR_KEY,
                                    "Bearer " + ApiTestSupport.EDITOR_KEY + " extra"));
                    label = "header: an absurd Authorization";
                }
                case 14 -> {
                    setHeader(
                            "If-Match",
                            ascii(pick(
                                    "",
                                    "*",
                                    "W/\"1\"",
                                    "\"",
                                    "\"1",
                                    "1",
                                    "\"99999999999999999999\"",
                                    "\"-1\"",
                                    "\"1\", \"2\"",
                                    "\"" + "9".repeat(5000) + "\"",
                                    ",",
                                    "\"\"",
                                    "W/",
                                    "\"1\",",
                                    "\"0\"",
                                    "\"1e3\"",
                                    "\" 1\"",
                                    "\"0x1\"")));
                    label = "header: an absurd If-Match";
                }
                case 15 -> {
                    setHeader(
                            "Idempotency-Key",
                            pick(
                                    ascii(""),
                                    ascii(" "),
                                    ascii("A".repeat(5000)),
                                    bytes(0xC3, 0xA9),
                                    bytes(0xFF, 0xFE),
                                    ascii("%00"),
                                    ascii("a b"),
                                    ascii("\"quoted\""),
                                    ascii("raw-fuzz-0")));
                    if (random.nextBoolean()) {
                        header("Idempotency-Key", "raw-fuzz-other");
                    }
                    label = "header: an absurd Idempotency-Key";
                }
                case 16 -> {
                    setHeader(
                            "Accept",
                            ascii(pick(
                                    "application/xml",
                                    "text/html",
                                    "*/*;q=abc",
                                    ";",
                                    "/",
                                    "application/json;q=2",
                                    "image/png",
                                    "application/json;q=0",
                                    "text/*, application/problem+json;q=0.1",
                                    "x".repeat(3000),
                                    "application/json, " + "a/b, ".repeat(500))));
                    label = "header: an odd Accept";
                }
                case 17 -> {
                    int how = random.nextInt(3);
                    if (how == 0) {
                        removeHeader("Host");
                    } else if (how == 1) {
                        header("Host", "other");
                    } else {
                        setHeader(
                                "Host",
                                ascii(pick(
                                        "",
                                        "[",
                                        "[::1",
                                        "a b",
                                        "x:99999999",
                                        "x:-1",
                                        "x:",
                                        ":80",
                                        "x/y",
                                        "x@y",
                                        "x?y",
                                        "localhost:8080:1",
                                        "_")));
                    }
                    label = "header: Host " + (how == 0 ? "missing" : how == 1 ? "twice" : "malformed");
                }
                case 18 -> {
                    header("Expect", pick("100-continue", "100-Continue", "200-ok", "", "100-continue, x"));
                    label = "header: Expect";
                }
                case 19 -> {
                    upgrade = true;
                    if (random.nextBoolean()) {
                        header("Connection", "Upgrade, HTTP2-Settings");
                        header("Upgrade", "h2c");
                        header("HTTP2-Settings", pick("AAMAAABkAARAAAAAAAIAAAAA", "", "!!!", "AAAA"));
                        label = "header: an h2c upgrade";
                    } else {
                        header("Connection", "Upgrade");
                        header("Upgrade", pick("websocket", "foo", "", "HTTP/2.0"));
                        header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
                        header("Sec-WebSocket-Version", "13");
                        label = "header: an Upgrade";
                    }
                }
                case 20 -> {
                    header("Content-Encoding", pick("gzip", "deflate", "br", "identity", "x-unknown", "gzip, gzip"));
                    label = "header: Content-Encoding the body does not have";
                }
                case 21 -> {
                    header("Connection", pick("close", "keep-alive", "garbage", "close, close", "TE"));
                    label = "header: Connection";
                }
                case 22 -> {
                    for (int i = 0; i < pick(100, 300, 1000); i++) {
                        header("X-F" + i, "a");
                    }
                    label = "header: many headers";
                }
                case 23 -> {
                    header("X-Fuzz", "a".repeat(pick(8500, 20_000, 40_000)));
                    label = "header: one long header";
                }
                case 24 -> {
                    eol = "\n";
                    label = "header: bare LF line endings";
                }
                case 25 -> {
                    header(
                            pick(
                                    "Range",
                                    "If-None-Match",
                                    "If-Modified-Since",
                                    "If-Unmodified-Since",
                                    "Forwarded",
                                    "X-Forwarded-Host",
                                    "X-Forwarded-Proto",
                                    "X-HTTP-Method-Override",
                                    "Origin",
                                    "Cookie",
                                    "TE",
                                    "Trailer",
                                    "Accept-Encoding"),
                            pick(
                                    "bytes=garbage",
                                    "bytes=0-",
                                    "\"1\"",
                                    "*",
                                    "Mon, 32 Foo 2025",
                                    "for=\"[::1\"",
                                    "evil.example",
                                    "gopher",
                                    "DELETE",
                                    "null",
                                    "a=\u0001",
                                    "gzip, br, zstd",
                                    "trailers",
                                    ";;;",
                                    "x".repeat(2000)));
                    label = "header: an odd conditional, forwarding or negotiation header";
                }
                case 26 -> {
                    int at = random.nextInt(headers.size() + 1);
                    headers.add(at, ascii(pick("", "Host: localhost")));
                    label = "header: an empty line or a repeated Host in the middle";
                }
                case 27 -> {
                    header(
                            pick("Accept-Language", "User-Agent", "Referer"),
                            concat(ascii("a"), bytes(0xFF, 0xC3, 0x28), ascii("b")));
                    label = "header: invalid UTF-8 in an ignored header";
                }
                case 28 -> {
                    removeHeader("Content-Type");
                    label = "header: no Content-Type";
                }
                case 29 -> {
                    int at = find("X-API-Key");
                    if (at >= 0) {
                        headers.set(at, ascii("x-api-KEY: " + ApiTestSupport.EDITOR_KEY));
                    }
                    headers.add(ascii(pick(
                            "CONTENT-TYPE: application/json",
                            "content-type: application/xml",
                            "cOnTeNt-TyPe: text/plain")));
                    label = "header: odd letter case";
                }
                default -> {
                    header(
                            pick("Authorization", "X-API-Key"),
                            pick("Bearer " + ApiTestSupport.READER_KEY, ApiTestSupport.READER_KEY));
                    label = "header: X-API-Key and Authorization together";
                }
            }
            labels.add(label);
        }

        private void mutateBody() {
            if (body == null) {
                // A body where none is documented (GET and DELETE among them).
                body = ascii(pick("{}", "{\"unexpected\": true}", "x", "\u0000\u0000"));
                header("Content-Type", "application/json");
                labels.add("body: one where none is documented");
                return;
            }
            if (multipart && random.nextInt(4) != 0) {
                mutateMultipart();
                return;
            }
            int kind = random.nextInt(16);
            String label;
            switch (kind) {
                case 0, 1, 2 -> {
                    Object[] h = pick(
                            new Object[] {"\\u0000 in a string", ascii("\\u0000")},
                            new Object[] {
                                "lone surrogate escape in a string",
                                ascii(pick("\\ud800", "\\udfff", "\\ud800\\u0041", "\\udc00\\ud800", "\\uDBFF"))
                            },
                            new Object[] {
                                "raw invalid UTF-8 in a string",
                                pick(
                                        bytes(0xC3, 0x28),
                                        bytes(0xFF),
                                        bytes(0xED, 0xA0, 0x80),
                                        bytes(0xC0, 0xAF),
                                        bytes(0xF4, 0x90, 0x80, 0x80),
                                        bytes(0xE2, 0x82),
                                        bytes(0x80),
                                        bytes(0xF8, 0x88, 0x80, 0x80, 0x80))
                            },
                            new Object[] {
                                "raw control character in a string",
                                pick(bytes(0), bytes(1), bytes(0x0A), bytes(0x1F), bytes(0x7F))
                            },
                            new Object[] {
                                "broken escape in a string",
                                ascii(pick("\\x41", "\\u12", "\\uZZZZ", "\\", "\\U0041", "\\'"))
                            },
                            new Object[] {
                                "raw UTF-8 in a string",
                                pick(bytes(0xC3, 0xA9), bytes(0xF0, 0x9F, 0x92, 0xA5), bytes(0xEF, 0xBB, 0xBF))
                            });
                    int[] s = stringToken();
                    if (s == null) {
                        body = concat(ascii("\""), (byte[]) h[1], ascii("\""));
                    } else {
                        body = insert(body, random.nextBoolean() ? s[0] + 1 : s[1] - 1, (byte[]) h[1]);
                    }
                    label = "body: " + h[0];
                }
                case 3 -> {
                    body = Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
                    label = "body: truncated JSON";
                }
                case 4 -> {
                    int depth = pick(500, 1001, 5000, 100_000);
                    byte[] nested = concat(
                            ascii("[".repeat(depth)), ascii("]".repeat(random.nextInt(4) == 0 ? depth / 2 : depth)));
                    body = replaceValue(nested);
                    label = "body: arrays nested " + depth + " deep";
                }
                case 5 -> {
                    int depth = pick(500, 1001, 20_000);
                    body = replaceValue(ascii("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
                    label = "body: objects nested " + depth + " deep";
                }
                case 6, 7 -> {
                    byte[] n = ascii(pick(
                            "1e999999999",
                            "1" + "0".repeat(pick(400, 1200, 100_000)),
                            "-" + "9".repeat(5000),
                            "0." + "0".repeat(5000) + "1",
                            "1E-2147483649",
                            "1e2147483648",
                            "NaN",
                            "Infinity",
                            "-Infinity",
                            "-0",
                            "0x10",
                            "01",
                            "1.",
                            ".5",
                            "+1",
                            "9223372036854775808",
                            "-9223372036854775809",
                            "1.7976931348623157E309",
                            "4.9E-325",
                            "123456789012345678901234567890.5"));
                    int[] t = numberToken();
                    if (t == null) {
                        body = replaceValue(n);
                    } else {
                        body = concat(
                                Arrays.copyOfRange(body, 0, t[0]), n, Arrays.copyOfRange(body, t[1], body.length));
                    }
                    label = "body: a huge or malformed number";
                }
                case 8 -> {
                    body = concat(bytes(0xEF, 0xBB, 0xBF), body);
                    label = "body: a UTF-8 byte order mark";
                }
                case 9 -> {
                    String text = new String(body, StandardCharsets.UTF_8);
                    body = text.getBytes(
                            pick(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16));
                    label = "body: UTF-16";
                }
                case 10 -> {
                    body = concat(
                            body,
                            ascii(pick("x", "}", "{}", " {} ", "\u0000", "]", ",", "\r\n\r\nGET / HTTP/1.1\r\n\r\n")));
                    label = "body: bytes after the JSON document";
                }
                case 11 -> {
                    body = ascii(pick(
                            "",
                            " ",
                            "null",
                            "[]",
                            "\"x\"",
                            "1",
                            "true",
                            "/* */ {}",
                            "{'a': 1}",
                            "{a: 1}",
                            "{\"a\" 1}",
                            "{,}",
                            "[,]",
                            "\r\n",
                            "\u0000"));
                    label = "body: another JSON value or not JSON";
                }
                case 12 -> {
                    byte[] noise = new byte[pick(1, 16, 1000, 100_000)];
                    random.nextBytes(noise);
                    body = noise;
                    label = "body: random bytes";
                }
                case 13 -> {
                    int brace = indexOf(body, (byte) '{');
                    int colon = brace < 0 ? -1 : indexOf(body, (byte) ':', brace);
                    if (colon > 0) {
                        body = insert(
                                body, brace + 1, concat(Arrays.copyOfRange(body, brace + 1, colon), ascii(":null,")));
                        label = "body: a duplicate key";
                    } else {
                        body = ascii("{\"a\":1,\"a\":2}");
                        label = "body: a duplicate key (alone)";
                    }
                }
                case 14 -> {
                    int[] s = stringToken();
                    byte[] longText = concat(ascii("\""), ascii("A".repeat(pick(70_000, 500_000))), ascii("\""));
                    body = s == null
                            ? longText
                            : concat(
                                    Arrays.copyOfRange(body, 0, s[0]),
                                    longText,
                                    Arrays.copyOfRange(body, s[1], body.length));
                    label = "body: a long string";
                }
                default -> {
                    int[] s = stringToken();
                    byte[] key = ascii(pick(
                            "\"\\u0000\"",
                            "\"\\ud800\"",
                            "\"a.b\"",
                            "\"\"",
                            "\"__proto__\"",
                            "\"" + "k".repeat(3000) + "\""));
                    int brace = indexOf(body, (byte) '{');
                    if (brace >= 0) {
                        body = insert(body, brace + 1, concat(key, ascii(":1,")));
                    } else if (s != null) {
                        body = insert(body, s[0], key);
                    }
                    label = "body: an odd key";
                }
            }
            labels.add(label);
        }

        private void mutateMultipart() {
            String boundary = "raw-fuzz-" + index;
            String text = new String(body, StandardCharsets.ISO_8859_1);
            String label;
            switch (random.nextInt(12)) {
                case 0 -> {
                    text = text.substring(0, Math.max(0, text.lastIndexOf("--" + boundary + "--")));
                    label = "multipart: no closing boundary";
                }
                case 1 -> {
                    setHeader(
                            "Content-Type",
                            ascii("multipart/form-data; boundary="
                                    + pick("other", "", "\"\"", "x".repeat(100), boundary + "-")));
                    label = "multipart: a boundary the body does not use";
                }
                case 2 -> {
                    text = text.replace(
                            "name=\"id\"",
                            new String(
                                    concat(
                                            ascii("name=\"i"),
                                            pick(bytes(0), bytes(0xFF), bytes(0xC3, 0x28)),
                                            ascii("d\"")),
                                    StandardCharsets.ISO_8859_1));
                    label = "multipart: a part name with NUL or invalid UTF-8";
                }
                case 3 -> {
                    text = text.replace(
                            "filename=\"domain.xml\"",
                            "filename=\""
                                    + new String(
                                            pick(
                                                    ascii("../../etc/passwd"),
                                                    bytes(0),
                                                    bytes(0xFF, 0xFE),
                                                    ascii("a\"b"),
                                                    ascii(""),
                                                    ascii("x".repeat(5000)),
                                                    ascii("con"),
                                                    ascii("a\\b")),
                                            StandardCharsets.ISO_8859_1)
                                    + "\"");
                    label = "multipart: an odd file name";
                }
                case 4 -> {
                    text = text.replaceFirst(
                            "Content-Disposition: form-data; name=\"name\"",
                            pick(
                                    "Content-Disposition: form-data",
                                    "Content-Disposition: attachment",
                                    "Content-Disposition:",
                                    "X: y",
                                    "Content-Disposition: form-data; name=name; name=\"x\""));
                    label = "multipart: a malformed Content-Disposition";
                }
                case 5 -> {
                    int at = Math.max(0, text.indexOf("\r\n\r\n", Math.max(0, text.indexOf("name=\"party1\""))) + 4);
                    text = text.substring(0, at)
                            + new String(
                                    pick(bytes(0xFF, 0xFE), bytes(0xC3, 0x28), bytes(0), bytes(0xEF, 0xBB, 0xBF)),
                                    StandardCharsets.ISO_8859_1)
                            + text.substring(at);
                    label = "multipart: raw bytes at the start of a file";
                }
                case 6 -> {
                    text = text.replace(
                            "Content-Type: application/xml",
                            "Content-Type: " + pick("/", "", "text/html", "application/xml; charset=ebcdic"));
                    label = "multipart: an odd part Content-Type";
                }
                case 7 -> {
                    StringBuilder more =
                            new StringBuilder(text.substring(0, Math.max(0, text.lastIndexOf("--" + boundary + "--"))));
                    int parts = pick(100, 2000);
                    for (int i = 0; i < parts; i++) {
                        more.append("--")
                                .append(boundary)
                                .append(CRLF)
                                .append("Content-Disposition: form-data; name=\"x")
                                .append(i)
                                .append('"')
                                .append(CRLF)
                                .append(CRLF)
                                .append('y')
                                .append(CRLF);
                    }
                    text = more.append("--")
                            .append(boundary)
                            .append("--")
                            .append(CRLF)
                            .toString();
                    label = "multipart: many parts";
                }
                default -> {
                    // The text fields: bound from the form, not by Jackson, and kept in the database (where
                    // PostgreSQL, unlike H2, refuses NUL in text: half of the values hold one).
                    byte[] value = random.nextBoolean()
                            ? pick(ascii("a\u0000b"), ascii("\u0000"), ascii("x\u0000"))
                            : pick(
                                    bytes(0xC3, 0x28),
                                    bytes(0xED, 0xA0, 0x80),
                                    bytes(0xFF),
                                    ascii(""),
                                    ascii(" "),
                                    ascii("x".repeat(pick(300, 2000, 5000))),
                                    bytes(0xF0, 0x9F, 0x92, 0xA5),
                                    ascii("a\u0001b"));
                    List<String> changed = new ArrayList<>();
                    for (String field : List.of("id", "name", "description", "party1Name", "party2Name")) {
                        int start = text.indexOf("\r\n\r\n", Math.max(0, text.indexOf("name=\"" + field + "\""))) + 4;
                        int end = text.indexOf("\r\n--" + boundary, start);
                        if (random.nextBoolean() && start >= 4 && end >= start) {
                            text = text.substring(0, start)
                                    + new String(value, StandardCharsets.ISO_8859_1)
                                    + text.substring(end);
                            changed.add(field);
                        }
                    }
                    label = "multipart: " + changed + " set to NUL, invalid UTF-8, nothing or too much";
                }
            }
            body = text.getBytes(StandardCharsets.ISO_8859_1);
            labels.add(label);
        }

        /**
         * The framing of the body: Content-Length and Transfer-Encoding, right and wrong. A request that
         * declares more body than it sends is marked {@link Request#waits()}: no answer is due for it.
         */
        private void mutateFraming() {
            byte[] b = body == null ? ascii("{}") : body;
            body = b;
            framed = true;
            removeHeader("Content-Length");
            removeHeader("Transfer-Encoding");
            String len = String.valueOf(b.length);
            String label;
            switch (random.nextInt(15)) {
                case 0 -> {
                    header(
                            "Content-Length",
                            String.valueOf(Math.max(
                                    0, b.length - 1 - random.nextInt(Math.max(1, Math.min(b.length, 20))))));
                    label = "framing: Content-Length shorter than the body";
                }
                case 1 -> {
                    header("Content-Length", String.valueOf(b.length + pick(1, 10, 1000)));
                    label = "framing: Content-Length longer than the body";
                }
                case 2 -> {
                    header(
                            "Content-Length",
                            pick(
                                    "2x",
                                    "-1",
                                    "+5",
                                    "0x10",
                                    "1e3",
                                    "99999999999999999999",
                                    "",
                                    " ",
                                    len + " ",
                                    "\"" + len + "\"",
                                    len + ";",
                                    "1_0",
                                    "\u00b9",
                                    len + "\u0000"));
                    label = "framing: a Content-Length that is not a number";
                }
                case 3 -> {
                    label = "framing: a body with neither Content-Length nor Transfer-Encoding";
                }
                case 4, 5 -> {
                    header("Transfer-Encoding", "chunked");
                    body = chunked(b, pick(1, 7, 64, 4096, Math.max(1, b.length)));
                    label = "framing: chunked, well-formed";
                }
                case 6 -> {
                    header("Transfer-Encoding", "chunked");
                    String size = pick(
                            "zz",
                            "-1",
                            "FFFFFFFFFFFFFFFFFFFF",
                            "0x5",
                            "",
                            " ",
                            "5 ;",
                            "1;ext=\"a",
                            "+5",
                            "1 2",
                            "\u0000",
                            "-0");
                    body = concat(ascii(size + CRLF), b, ascii(CRLF + "0" + CRLF + CRLF));
                    label = "framing: chunked with a chunk size that is not hex";
                }
                case 7 -> {
                    header("Transfer-Encoding", "chunked");
                    int how = random.nextInt(3);
                    if (how == 0) {
                        body = concat(
                                ascii(Integer.toHexString(b.length + pick(1, 100, 100_000)) + CRLF),
                                b,
                                ascii(CRLF + "0" + CRLF + CRLF));
                        label = "framing: chunked with a chunk longer than its data";
                    } else if (how == 1) {
                        body = concat(ascii(Integer.toHexString(b.length) + CRLF), b, ascii(CRLF));
                        label = "framing: chunked without the last chunk";
                    } else {
                        body = concat(
                                ascii(Integer.toHexString(Math.max(1, b.length / 2)) + CRLF),
                                b,
                                ascii(CRLF + "0" + CRLF + CRLF));
                        label = "framing: chunked with a chunk shorter than its data";
                    }
                }
                case 8 -> {
                    header("Transfer-Encoding", "chunked");
                    body = concat(
                            ascii(Integer.toHexString(b.length) + CRLF),
                            b,
                            ascii(pick(
                                    "0\r\n\r\n",
                                    "\r\n0\r\nX-Trailer: \u0001\r\n\r\n",
                                    "\r\n0\r\nContent-Length: 5\r\n\r\n",
                                    "\r\n0\r\n: x\r\n\r\n",
                                    "xx0\r\n\r\n",
                                    "\r\n0\n\n",
                                    "\r\n00000000000000000000\r\n\r\n")));
                    label = "framing: chunked with a broken end (no CRLF after the data, odd trailers, bare LF)";
                }
                case 9 -> {
                    header("Transfer-Encoding", "chunked");
                    header("Content-Length", String.valueOf(pick(b.length, 0, 5)));
                    body = chunked(b, Math.max(1, b.length));
                    label = "framing: chunked and a Content-Length";
                }
                case 10 -> {
                    header("Content-Length", "0");
                    label = "framing: Content-Length 0 before a body";
                }
                case 11 -> {
                    String other = String.valueOf(Math.max(0, b.length - 1 - random.nextInt(5)));
                    int how = random.nextInt(4);
                    switch (how) {
                        case 0 -> {
                            header("Content-Length", len);
                            header("Content-Length", len);
                        }
                        case 1 -> {
                            header("Content-Length", len);
                            header("Content-Length", other);
                        }
                        case 2 -> header("Content-Length", len + ", " + len);
                        default -> {
                            header("Content-Length", other);
                            header("Content-Length", len);
                        }
                    }
                    label = "framing: Content-Length twice" + (how == 0 || how == 2 ? " (the same)" : " (different)");
                }
                case 12 -> {
                    String[] te = pick(
                            new String[] {"chunked", "chunked"},
                            new String[] {"chunked, chunked"},
                            new String[] {"gzip, chunked"},
                            new String[] {"chunked, identity"},
                            new String[] {"identity"},
                            new String[] {"Chunked"},
                            new String[] {" chunked"},
                            new String[] {"xchunked"},
                            new String[] {"chunked", "identity"},
                            new String[] {"gzip"},
                            new String[] {"identity", "chunked"});
                    for (String v : te) {
                        header("Transfer-Encoding", v);
                    }
                    String last = te[te.length - 1].trim().toLowerCase(Locale.ROOT);
                    if (last.endsWith("chunked") && !last.equals("xchunked")) {
                        body = chunked(b, Math.max(1, b.length));
                    } else if (random.nextBoolean()) {
                        header("Content-Length", len);
                    }
                    label = "framing: Transfer-Encoding " + Arrays.toString(te);
                }
                case 13 -> {
                    header("Content-Length", len);
                    header(
                            "Content-Length",
                            pick(
                                    "-1",
                                    "+" + len,
                                    "2x",
                                    "0x10",
                                    "1e3",
                                    "99999999999999999999",
                                    " ",
                                    len + " " + len,
                                    "0" + len,
                                    ""));
                    label = "framing: a malformed Content-Length beside the right one";
                }
                default -> {
                    header("Transfer-Encoding", "chunked");
                    body = chunked(b, Math.max(1, b.length));
                    header("Content-Length", len);
                    headers.add(headers.remove(find("Transfer-Encoding")));
                    label = "framing: Content-Length, then chunked";
                }
            }
            waits = declaresMore(b.length);
            labels.add(label);
        }

        /**
         * Whether the head or the chunks as written declare more body than follows, read as leniently as
         * a parser might (a sign, spaces, a chunk extension): then the server may rightly wait.
         */
        private boolean declaresMore(int sent) {
            int te = find("Transfer-Encoding");
            boolean chunked = false;
            for (byte[] line : headers) {
                String h = new String(line, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                if (h.startsWith("transfer-encoding:") && h.contains("chunked") && !h.contains("xchunked")) {
                    chunked = true;
                }
            }
            if (chunked && te >= 0) {
                // Walk the chunks as a lenient parser would; running out of bytes means it waits for more.
                String text = new String(body, StandardCharsets.ISO_8859_1);
                int at = 0;
                while (true) {
                    int eolAt = text.indexOf('\n', at);
                    if (eolAt < 0) {
                        return true;
                    }
                    String size = text.substring(at, eolAt).replace("\r", "");
                    long n = lenientNumber(size.split("[;\\s\\x00-\\x1f]", 2)[0], 16);
                    if (n < 0) {
                        return size.contains("FFFFFFFF");
                    }
                    if (n == 0) {
                        return false;
                    }
                    at = eolAt + 1 + (int) Math.min(n, Integer.MAX_VALUE - eolAt - 3) + 2;
                    if (at > text.length()) {
                        return true;
                    }
                }
            }
            long declared = -1;
            for (byte[] line : headers) {
                String h = new String(line, StandardCharsets.ISO_8859_1);
                if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    for (String v : h.substring(15).split(",")) {
                        declared = Math.max(declared, lenientNumber(v.trim().split(" ")[0], 10));
                    }
                }
            }
            return declared > sent;
        }

        /** A number as a lenient parser reads it (an optional sign, then digits), or -1. */
        private static long lenientNumber(String s, int radix) {
            try {
                return Long.parseLong(s.trim(), radix);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private void mutateRequestLine() {
            String label;
            switch (random.nextInt(7)) {
                case 0 -> {
                    method = pick(
                            "get",
                            "Get",
                            "FOO",
                            "PATCH",
                            "OPTIONS",
                            "TRACE",
                            "CONNECT",
                            "PROPFIND",
                            "M-SEARCH",
                            "G\u0000T",
                            "GET\u00e9",
                            "POST" + "T".repeat(300),
                            "");
                    label = "request line: the method " + method.replace("\u0000", "\\0");
                }
                case 1 -> {
                    version = pick(
                            "HTTP/1.0",
                            "HTTP/1.2",
                            "HTTP/2.0",
                            "HTTP/0.9",
                            "http/1.1",
                            "HTTP/11",
                            "HTTP/1.1 ",
                            "HTTP/1.1x",
                            "",
                            "HTTP/1",
                            "HTTP/1.1\u0000",
                            "HTTP/9.9",
                            "HTTPS/1.1");
                    label = "request line: the version " + version.replace("\u0000", "\\0");
                }
                case 2 -> {
                    target = concat(
                            ascii(pick(
                                    "http://localhost",
                                    "https://localhost",
                                    "http://other.example",
                                    "http://[::1",
                                    "http://a b",
                                    "http://localhost:99999",
                                    "//localhost",
                                    "http:")),
                            serializeTarget());
                    label = "request line: an absolute-form target";
                }
                case 3 -> {
                    target = ascii(pick(
                            "*",
                            "",
                            "x",
                            "api/v1/terms",
                            "%2Fapi%2Fv1%2Fterms",
                            "/" + "%".repeat(10),
                            "\\api\\v1\\terms"));
                    label = "request line: a target that is not origin-form";
                }
                case 4 -> {
                    preamble = ascii(pick("\r\n", "\r\n\r\n", "\n", " ", "\u0000"));
                    label = "request line: bytes before it";
                }
                case 5 -> {
                    label = "request line: extra spaces";
                    method = method + pick(" ", "  ", "\t");
                }
                default -> {
                    String text = pick(
                            "GET /api/v1/terms HTTP/1.1\r\n\r\n",
                            "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003",
                            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                            "\u0000\u0000\u0000\u0000",
                            "HELLO\r\n\r\n");
                    preamble = ascii(text);
                    label = "request line: another request or protocol first";
                }
            }
            labels.add(label);
        }

        /** A few requests over the body limit: declared (answered from the head) or chunked (counted as read). */
        void overLimit() {
            byte[] big = ascii("{\"x\":\"" + "A".repeat(MAX_BODY_BYTES + 100_000) + "\"}");
            removeHeader("Content-Length");
            removeHeader("Transfer-Encoding");
            if (find("Content-Type") < 0) {
                header("Content-Type", "application/json");
            }
            framed = true;
            waits = false;
            if (random.nextBoolean()) {
                header("Content-Length", String.valueOf(big.length));
                body = big;
                labels.add("over the limit: a declared body of " + big.length + " bytes");
            } else {
                header("Transfer-Encoding", "chunked");
                body = chunked(big, 64 * 1024);
                labels.add("over the limit: a chunked body of " + big.length + " bytes");
            }
        }

        // -------------------------------------------------------------- helpers

        private byte[] chunked(byte[] data, int size) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int off = 0; off < data.length; off += size) {
                int n = Math.min(size, data.length - off);
                out.writeBytes(ascii(Integer.toHexString(n) + CRLF));
                out.write(data, off, n);
                out.writeBytes(ascii(CRLF));
            }
            out.writeBytes(ascii("0" + CRLF + CRLF));
            return out.toByteArray();
        }

        /** The [start, end) of a random string token of the JSON body (quotes included), or null. */
        private int[] stringToken() {
            List<int[]> tokens = new ArrayList<>();
            for (int i = 0; i < body.length; i++) {
                if (body[i] == '"') {
                    int j = i + 1;
                    while (j < body.length && body[j] != '"') {
                        j += body[j] == '\\' ? 2 : 1;
                    }
                    if (j < body.length) {
                        tokens.add(new int[] {i, j + 1});
                    }
                    i = j;
                }
            }
            return tokens.isEmpty() ? null : tokens.get(random.nextInt(tokens.size()));
        }

        /** The [start, end) of a random number token outside the strings of the JSON body, or null. */
        private int[] numberToken() {
            List<int[]> tokens = new ArrayList<>();
            boolean inString = false;
            for (int i = 0; i < body.length; i++) {
                byte c = body[i];
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '-' || (c >= '0' && c <= '9')) {
                    int j = i + 1;
                    while (j < body.length
                            && (Character.isDigit(body[j])
                                    || body[j] == '.'
                                    || body[j] == 'e'
                                    || body[j] == 'E'
                                    || body[j] == '-'
                                    || body[j] == '+')) {
                        j++;
                    }
                    tokens.add(new int[] {i, j});
                    i = j - 1;
                }
            }
            return tokens.isEmpty() ? null : tokens.get(random.nextInt(tokens.size()));
        }

        /** The body with one value (a string or a number, at random) replaced by {@code value}, or {@code value} alone. */
        private byte[] replaceValue(byte[] value) {
            int[] t = random.nextBoolean() ? numberToken() : stringToken();
            if (t == null || random.nextInt(4) == 0) {
                return value;
            }
            return concat(Arrays.copyOfRange(body, 0, t[0]), value, Arrays.copyOfRange(body, t[1], body.length));
        }

        private int indexOf(byte[] in, byte b) {
            return indexOf(in, b, 0);
        }

        private int indexOf(byte[] in, byte b, int from) {
            for (int i = from; i < in.length; i++) {
                if (in[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        private byte[] serializeTarget() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] s : segments) {
                out.write('/');
                out.writeBytes(s);
            }
            if (query != null) {
                out.write('?');
                for (int i = 0; i < query.size(); i++) {
                    if (i > 0) {
                        out.write('&');
                    }
                    out.writeBytes(query.get(i));
                }
            }
            return out.toByteArray();
        }

        Request finish() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(preamble);
            out.writeBytes(ascii(method + " "));
            out.writeBytes(target != null ? target : serializeTarget());
            out.writeBytes(ascii((version.isEmpty() ? "" : " " + version) + eol));
            for (byte[] line : headers) {
                out.writeBytes(line);
                out.writeBytes(ascii(eol));
            }
            if (!framed && body != null) {
                out.writeBytes(ascii("Content-Length: " + body.length + eol));
            }
            out.writeBytes(ascii(eol));
            int head = out.size();
            if (body != null) {
                out.writeBytes(body);
            }
            boolean http2 = new String(preamble, StandardCharsets.ISO_8859_1).startsWith("PRI * HTTP/2.0");
            return new Request(index, op, out.toByteArray(), head, List.copyOf(labels), waits, upgrade, http2);
        }
    }
}
