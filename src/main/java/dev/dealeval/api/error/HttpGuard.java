package dev.dealeval.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.config.DealevalConfig;
import dev.dealeval.config.StrictStrings;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The first handler every request meets, before Quarkus and RESTEasy read anything of it: what the
 * HTTP layer would otherwise refuse with an empty answer, or pass on to fail deeper down, is refused
 * here with problem+json, and the connection is closed.
 *
 * <ul>
 * <li>414: a request target longer than {@code dealeval.limits.max-uri-length};</li>
 * <li>431: request headers larger than {@code dealeval.limits.max-header-bytes};</li>
 * <li>400: a path or query that is not percent-encoded UTF-8, decodes to a NUL character or is not
 * a URI at all;</li>
 * <li>415: a Content-Type that is not a media type (empty, "/", "json");</li>
 * <li>413: a Content-Length over {@code dealeval.limits.max-body-bytes} (a body without a
 * Content-Length is counted as it is read: {@link BodySizeLimit}).</li>
 * </ul>
 *
 * Vert.x's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size})
 * are set above these, so a client meets these answers first. What the HTTP decoder itself refuses
 * (a request line or headers past its limits, a control character in a header, a Content-Length
 * that is not a number, bytes that are not HTTP) never reaches a route: {@link HttpConnections}
 * answers it.
 */
@ApplicationScoped
public class HttpGuard {
    /** RFC 9110 media type: type "/" subtype, then parameters (token = token or quoted-string). */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+"
                    + "(\\s*;\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+=([!#$%&'*+.^_`|~0-9A-Za-z-]+|\"([^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"))*\\s*;?\\s*");

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final ObjectMapper json;
    private final DealevalConfig config;

    public HttpGuard(ObjectMapper json, DealevalConfig config) {
        this.json = json;
        this.config = config;
    }

    void install(@Observes @Priority(2) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::failed);
    }

    /**
     * A request the router failed with a client error before any handler ran (no Host header, a
     * path it cannot normalise): problem+json instead of Quarkus' error page, which names the Java
     * exception. Other failures pass on.
     */
    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status >= 400 && status < 500 && !ctx.response().headWritten()) {
            String message = ctx.failure() == null || ctx.failure().getMessage() == null
                    ? ""
                    : ctx.failure().getMessage();
            refuse(
                    ctx,
                    status,
                    "The request cannot be routed" + (message.isEmpty() ? "" : ": " + printable(message)) + ".");
        } else {
            ctx.next();
        }
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String refusal = null;
        int status = 400;
        String uri = request.uri();
        DealevalConfig.Limits limits = config.limits();
        if (uri.length() > limits.maxUriLength()) {
            status = 414;
            refusal = "The request target is " + uri.length() + " characters long; the limit is "
                    + limits.maxUriLength() + " (dealeval.limits.max-uri-length).";
        }
        if (refusal == null) {
            long headerBytes = 0;
            for (Map.Entry<String, String> h : request.headers()) {
                headerBytes += h.getKey().length() + h.getValue().length() + 4;
            }
            if (headerBytes > limits.maxHeaderBytes()) {
                status = 431;
                refusal = "The request headers take " + headerBytes + " bytes; the limit is " + limits.maxHeaderBytes()
                        + " (dealeval.limits.max-header-bytes).";
            }
        }
        if (refusal == null) {
            refusal = uriProblem(uri);
        }
        if (refusal == null) {
            // The decoder has checked that a Content-Length is a number; one too long for a long is over any limit.
            String length = request.getHeader("Content-Length");
            if (length != null
                    && (!DIGITS.matcher(length.trim()).matches()
                            || Long.parseLong(length.trim()) > limits.maxBodyBytes())) {
                status = 413;
                refusal = "The body is larger than the limit of " + limits.maxBodyBytes()
                        + " bytes (dealeval.limits.max-body-bytes).";
            }
        }
        if (refusal == null) {
            List<String> types = request.headers().getAll("Content-Type");
            if (types.size() > 1) {
                refusal = "Content-Type is given " + types.size() + " times.";
            } else if (types.size() == 1 && !MEDIA_TYPE.matcher(types.get(0)).matches()) {
                status = 415;
                refusal = "Content-Type is not a media type: send application/json.";
            }
        }
        if (refusal == null) {
            ctx.next();
            return;
        }
        refuse(ctx, status, refusal);
    }

    private void refuse(RoutingContext ctx, int status, String detail) {
        // The path as far as it can be told: its raw form, cut short (it may be what was refused).
        String path = ctx.request().path();
        refuse(
                ctx.response(),
                json,
                status,
                detail,
                path == null || path.length() > 200 || controlCharacter(path) ? null : path);
    }

    /**
     * Answers a request refused before the API saw it with problem+json, and closes the connection:
     * the rest of what was sent (a body, further pipelined requests) is not read.
     */
    static Future<Void> refuse(
            HttpServerResponse response, ObjectMapper json, int status, String detail, String instance) {
        String type = switch (status) {
            case 413 -> "urn:dealeval:problem:payload-too-large";
            case 414 -> "urn:dealeval:problem:uri-too-long";
            case 415 -> "urn:dealeval:problem:unsupported-media-type";
            case 431 -> "urn:dealeval:problem:headers-too-large";
            default -> "urn:dealeval:problem:malformed-request";
        };
        String title = switch (status) {
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            default -> "Bad Request";
        };
        String body;
        try {
            body = json.writeValueAsString(new ProblemDetail(type, title, status, detail, instance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return response.setStatusCode(status)
                .putHeader("Content-Type", ProblemDetail.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }

    /**
     * What is wrong with a request target, or null: every escape is {@code %} and two hex digits,
     * the path and each query name and value decode to UTF-8 (a byte above 0x7F sent raw counts as
     * itself), and nothing decodes to NUL.
     */
    static String uriProblem(String uri) {
        if (!uri.startsWith("/")) {
            return "The request target must be a path starting with '/'.";
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String problem = componentProblem(path, false);
        if (problem != null) {
            return "The path " + problem + ".";
        }
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                problem = componentProblem(name, true);
                if (problem != null) {
                    return "A query parameter's name " + problem + ".";
                }
                problem = eq < 0 ? null : componentProblem(pair.substring(eq + 1), true);
                if (problem != null) {
                    return "The query parameter '" + printable(decode(name, true)) + "' " + problem + ".";
                }
            }
        }
        // What else Quarkus would refuse (Main turns its check off so that this answer is problem+json).
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return "The request target is not a URI: " + printable(e.getReason()) + " at index " + e.getIndex() + ".";
        }
        return null;
    }

    private static String componentProblem(String raw, boolean form) {
        String decoded = decode(raw, form);
        if (decoded == null) {
            return "is not percent-encoded UTF-8";
        }
        String bad = StrictStrings.problem(decoded);
        return bad == null ? null : "contains " + bad;
    }

    /** The text of a percent-encoded component, or null when it is not well-formed UTF-8. */
    private static String decode(String raw, boolean form) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()
                        || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes[n++] =
                        (byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0xFF) {
                return null; // the request line is read as bytes: nothing above U+00FF can appear
            } else {
                bytes[n++] = (byte) (form && c == '+' ? ' ' : c);
            }
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n));
            return text.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** A name as it may be shown back: control characters as '?', at most 64 characters. */
    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return b.toString();
    }
}
