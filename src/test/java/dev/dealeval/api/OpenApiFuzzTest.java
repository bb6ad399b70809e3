package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing from the served OpenAPI document (see {@link OpenApiFuzzer}), then a check of the stored
 * state it left. CI sends {@value #DEFAULT_REQUESTS} requests (at most {@value #DEFAULT_SECONDS} s);
 * the long run: {@code ./mvnw test -Dtest=OpenApiFuzzTest -Dfuzz.requests=100000 -Dfuzz.seconds=3600
 * -Dfuzz.seed=7}. A failure prints its seed and request number, and the request as sent.
 */
@QuarkusTest
class OpenApiFuzzTest extends ApiTestSupport {
    static final int DEFAULT_REQUESTS = 1500;
    static final int DEFAULT_SECONDS = 180;

    @ConfigProperty(name = "dealeval.limits.request-timeout")
    Duration requestTimeout;

    @ConfigProperty(name = "dealeval.limits.max-body-bytes")
    long maxBodyBytes;

    /** The last version each write reported for a resource the run created, or -1 once deleted. */
    private final Map<String, Long> versions = new TreeMap<>();

    private final List<String> inconsistent = new ArrayList<>();
    private final java.util.Set<String> untracked = new java.util.HashSet<>();

    @Test
    void noRequestGetsA5xxOrAnUndocumentedErrorAndTheStoredStateStaysConsistent() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261202L);
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", DEFAULT_SECONDS));
        JsonNode doc = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(doc, seed);
        assertTrue(fuzzer.operations().size() >= 30, "the document's operations: " + fuzzer.operations());

        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        long started = System.nanoTime();
        for (int i = 0; i < requests && System.nanoTime() < deadline; i++, sent++) {
            OpenApiFuzzer.Outcome o = fuzzer.send(i);
            statuses.computeIfAbsent(o.operation().toString(), k -> new TreeMap<>())
                    .merge(o.status(), 1, Integer::sum);
            String problem = OpenApiFuzzer.problem(o, requestTimeout, maxBodyBytes);
            if (problem != null) {
                String body = o.body().length() > 400 ? o.body().substring(0, 400) + "…" : o.body();
                failures.add("seed " + seed + ", request " + i + ": " + o.operation() + " answered " + o.status()
                        + " in " + o.millis() + " ms, " + problem + "\n    sent:   " + o.sent() + "\n    answer: "
                        + body);
            }
            track(o);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "OpenAPI fuzzing, seed %d: %d requests over %d operations in %.1f s%n",
                seed, sent, fuzzer.operations().size(), seconds);
        statuses.forEach((op, byStatus) -> System.out.printf("  %-52s %s%n", op, byStatus));
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + sent + " requests failed (replay with -Dfuzz.seed=" + seed + "):\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
        assertTrue(
                sent >= Math.min(requests, 300),
                "only " + sent + " requests in " + budget + ": the run is too slow to mean much");
        assertEquals(fuzzer.operations().size(), statuses.size(), "every documented operation was sent requests");

        checkStoredState();
        assertEquals(List.of(), inconsistent);
    }

    /** Follows every write to a resource the run created: each version is the one before plus one. */
    private void track(OpenApiFuzzer.Outcome o) {
        String method = o.sent().method();
        String path = o.sent().uri().replaceFirst("\\?.*", "");
        String etag = o.headers().get("ETag");
        if (o.status() == 201 && o.headers().containsKey("Location") && etag != null) {
            String location = o.headers().get("Location").replaceFirst("^https?://[^/]+", "");
            if (o.sent().headers().containsKey("Idempotency-Key") && versions.containsKey(location)) {
                // Either a replay of the first answer or, after a delete, a new creation: from here on
                // the run cannot tell this resource's version, so it is no longer followed.
                versions.remove(location);
                untracked.add(location);
            } else if (!untracked.contains(location)) {
                versions.put(location, version(etag));
            }
        } else if ("PUT".equals(method) && o.status() == 200 && etag != null && versions.containsKey(path)) {
            long before = versions.get(path);
            if (version(etag) != before + 1) {
                inconsistent.add(path + ": a write took version " + before + " to " + version(etag));
            }
            versions.put(path, version(etag));
        } else if ("DELETE".equals(method) && o.status() == 204 && versions.containsKey(path)) {
            versions.put(path, -1L);
        }
    }

    private static long version(String etag) {
        return Long.parseLong(etag.replace("\"", "").replace("W/", ""));
    }

    /**
     * Nothing half-written: every resource the run created reads back at the version its last write
     * reported (or is gone if it was deleted), every listed profile, scenario, domain and episode set reads back,
     * and every stored evaluation reads back as a JSON document.
     */
    private void checkStoredState() throws Exception {
        versions.forEach((path, version) -> {
            Response r = given().get(path);
            if (version < 0 && r.statusCode() != 404) {
                inconsistent.add(path + ": deleted, but answers " + r.statusCode());
            } else if (version >= 0 && (r.statusCode() != 200 || version(r.header("ETag")) != version)) {
                inconsistent.add(path + ": last written at version " + version + ", reads " + r.statusCode() + " "
                        + r.header("ETag"));
            }
        });
        ObjectMapper json = new ObjectMapper();
        for (String collection :
                List.of("/api/v1/profiles", "/api/v1/scenarios", "/api/v1/domains", "/api/v1/episode-sets")) {
            JsonNode page = json.readTree(given().get(collection + "?size=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            for (JsonNode item : page.path("items")) {
                String id = item.path("id").asText();
                int status = given().get(collection + "/" + id).statusCode();
                if (status != 200) {
                    inconsistent.add(collection + "/" + id + ": listed, but reads " + status);
                }
            }
        }
        String cursor = null;
        int read = 0;
        do {
            JsonNode page = json.readTree(
                    given().get("/api/v1/evaluations?size=100" + (cursor == null ? "" : "&cursor=" + cursor))
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            for (JsonNode item : page.path("items")) {
                Response r = given().get(item.path("location").asText());
                if (r.statusCode() != 200
                        || !json.readTree(r.asString())
                                .path("id")
                                .asText()
                                .equals(item.path("id").asText())) {
                    inconsistent.add(item.path("location").asText() + ": listed, but reads " + r.statusCode());
                }
                read++;
            }
            cursor = page.path("nextCursor").isTextual()
                    ? page.path("nextCursor").asText()
                    : null;
        } while (cursor != null && read < 2000);
    }
}
