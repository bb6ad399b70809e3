package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What a client can send that no generated client would: raw bytes in the request line and headers,
 * broken percent-encoding, unparseable media types, oversized targets and headers, NUL and lone
 * surrogates in JSON strings. Every one gets a 4xx problem+json, never a 5xx or an empty answer.
 * (Sent over a plain socket: an HTTP client library would refuse or repair most of them.)
 */
@QuarkusTest
class HostileRequestTest extends ApiTestSupport {

    private static RawHttp.Answer send(String request) throws Exception {
        return RawHttp.send(RawHttp.port(), request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static void assertProblem(RawHttp.Answer a, int status, String inDetail) {
        assertEquals(status, a.status(), a.toString());
        assertTrue(a.header("Content-Type").startsWith("application/problem+json"), a.toString());
        assertTrue(a.body().contains("\"status\":" + status), a.toString());
        if (inDetail != null) {
            assertTrue(a.body().contains(inDetail), a.toString());
        }
        assertEquals("nosniff", a.header("X-Content-Type-Options"), a.toString());
    }

    @Test
    void brokenPercentEncodingInPathOrQueryIs400() throws Exception {
        assertProblem(send("GET /api/v1/profiles?page=%zz HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "query parameter 'page'");
        assertProblem(
                send("GET /api/v1/profiles/%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
                400,
                "The path is not percent-encoded UTF-8");
        assertProblem(
                send("GET /api/v1/profiles/%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "not percent-encoded UTF-8");
        // A UTF-16 surrogate written as UTF-8 (CESU) is not UTF-8.
        assertProblem(
                send("GET /api/v1/profiles/%ED%A0%80 HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "not percent-encoded UTF-8");
        assertProblem(send("GET /api/v1/evaluations?profile=a%00b HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "NUL");
        for (String collection : new String[] {"profiles", "scenarios", "domains", "evaluations"}) {
            assertProblem(send("GET /api/v1/" + collection + "/%00 HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "NUL");
        }
    }

    @Test
    void rawBytesAboveAsciiAreReadAsUtf8() throws Exception {
        // "é" sent raw as UTF-8 is a name like any other: an unknown profile.
        RawHttp.Answer a = RawHttp.send(
                RawHttp.port(),
                ("GET /api/v1/profiles/caf\u00c3\u00a9 HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertProblem(a, 404, null);
        // A lone continuation byte is not.
        assertProblem(
                RawHttp.send(
                        RawHttp.port(),
                        ("GET /api/v1/profiles/a\u00a9 HTTP/1.1\r\nHost: x\r\n\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                400,
                "not percent-encoded UTF-8");
    }

    @Test
    void unparseableMediaTypesAre415() throws Exception {
        String body = "{\"id\": \"x\"}";
        for (String type : new String[] {"", "/", "json", "application/", "application/json; charset", "a/b c"}) {
            RawHttp.Answer a = send("POST /api/v1/domains HTTP/1.1\r\nHost: x\r\nX-API-Key: " + EDITOR_KEY
                    + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertProblem(a, 415, "Content-Type");
        }
        // Without a key as well: the media type is refused before anything else is read.
        assertProblem(
                send("POST /api/v1/domains HTTP/1.1\r\nHost: x\r\nContent-Type: /\r\nContent-Length: 2\r\n\r\n{}"),
                415,
                null);
    }

    @Test
    void oversizedTargetsHeadersAndBodiesAreRefusedAsProblems() throws Exception {
        assertProblem(
                send("GET /api/v1/profiles?x=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                414,
                "max-uri-length");
        assertProblem(
                send("GET /api/v1/profiles HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n"),
                431,
                "max-header-bytes");
        assertProblem(
                send(
                        "POST /api/v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{}"),
                413,
                "max-body-bytes");
        assertProblem(
                send(
                        "POST /api/v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2x\r\n\r\n{}"),
                400,
                "Content-Length");
    }

    @Test
    void controlCharactersInHeadersAndUnreadableRequestsAre400() throws Exception {
        RawHttp.Answer a = send(
                "POST /api/v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: a\u0001b\r\n"
                        + "Content-Length: 12\r\n\r\n{\"bundle\":{}}");
        assertProblem(a, 400, "prohibited character");
        // Not HTTP at all, and past the decoder's own limits (above the service's).
        assertProblem(send("HELLO\r\n\r\n"), 400, null);
        assertProblem(
                send("GET /api/v1/profiles?x=" + "a".repeat(17_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                414,
                "max-initial-line-length");
        assertProblem(
                send("GET /api/v1/profiles HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n"),
                431,
                "max-header-size");
        assertProblem(
                send("GET /api/v1/profiles HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"), 400, "prohibited character");
    }

    @Test
    void nulAndLoneSurrogatesInJsonStringsAre400NamingTheField() throws Exception {
        String profile = "{\"id\": \"nul-name\", \"name\": \"a\\u0000b\"}";
        RawHttp.Answer a = send("POST /api/v1/profiles HTTP/1.1\r\nHost: x\r\nX-API-Key: " + EDITOR_KEY
                + "\r\nContent-Type: application/json\r\n" + "Content-Length: " + profile.length() + "\r\n\r\n"
                + profile);
        assertProblem(a, 400, "\"field\":\"name\"");
        assertTrue(a.body().contains("NUL"), a.toString());
        String surrogate = "{\"id\": \"lone\", \"name\": \"x\", \"sources\": [\"\\ud800\"]}";
        a = send("POST /api/v1/profiles HTTP/1.1\r\nHost: x\r\nX-API-Key: " + EDITOR_KEY
                + "\r\nContent-Type: application/json\r\n" + "Content-Length: " + surrogate.length() + "\r\n\r\n"
                + surrogate);
        assertProblem(a, 400, "unpaired surrogate");
        String key = "{\"bundle\": {}, \"overrides\": {\"factions\": {\"a\\u0000\": {\"clout\": 0.1}}}}";
        a = send("POST /api/v1/evaluations?store=false HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + key.length() + "\r\n\r\n" + key);
        assertProblem(a, 400, "NUL");
    }

    @Test
    void aLongListIsRefusedAtItsBoundWithOneViolation() throws Exception {
        String body = "{\"bundles\": [" + String.join(",", java.util.Collections.nCopies(200_000, "{}")) + "]}";
        RawHttp.Answer a = send(
                "POST /api/v1/comparisons HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body);
        assertProblem(a, 400, "must hold at most 1000 elements");
        assertTrue(a.body().contains("\"field\":\"bundles\""), a.toString());
        assertTrue(a.body().length() < 1000, a.toString());
    }

    @Test
    void violationsAreCappedAndCounted() throws Exception {
        // 300 bundles, each with two values out of range: 600 violations, the first 100 listed.
        String bad = "{\"bundle\": {\"purchases\": {\"years\": 99, \"agricultureUsdBnPerYear\": -1}}}";
        String body = "{\"bundles\": [" + String.join(",", java.util.Collections.nCopies(300, bad)) + "]}";
        RawHttp.Answer a = send(
                "POST /api/v1/comparisons HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body);
        assertProblem(a, 400, "\"violationCount\":");
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(a.body());
        assertEquals(
                dev.dealeval.api.error.ProblemDetail.MAX_VIOLATIONS,
                doc.path("violations").size(),
                a.toString());
        assertTrue(
                doc.path("violationCount").asInt() > dev.dealeval.api.error.ProblemDetail.MAX_VIOLATIONS, a.toString());
        assertTrue(doc.path("detail").asText().contains("the first 100"), a.toString());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        RawHttp.Answer json = send("GET /api/v1/profiles/default HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, json.status());
        assertEquals("no-store", json.header("Cache-Control"));
        assertEquals("nosniff", json.header("X-Content-Type-Options"));
        assertTrue(json.header("Content-Security-Policy").startsWith("default-src 'none'"), json.toString());
        RawHttp.Answer page = send("GET /q/swagger-ui/ HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, page.status());
        assertTrue(
                page.header("Content-Security-Policy").contains("script-src 'self' 'unsafe-inline'"),
                page.header("Content-Security-Policy"));
        assertEquals("DENY", page.header("X-Frame-Options"));
    }
}
