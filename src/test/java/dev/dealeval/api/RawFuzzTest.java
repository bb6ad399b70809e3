package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Raw-bytes fuzzing of every documented operation (see {@link RawFuzzer}): what a hostile client can
 * put on the wire and no HTTP client library would, each answered with a 4xx problem+json (or a 503
 * with Retry-After, or a success), never a 5xx or silence, and the service still alive afterwards.
 * CI sends {@value #DEFAULT_REQUESTS} requests in at most about {@value #DEFAULT_SECONDS} s; a longer
 * run: {@code ./mvnw test -Dtest=RawFuzzTest -Dfuzz.raw.requests=50000 -Dfuzz.raw.seconds=3600
 * -Dfuzz.raw.seed=7}. A failure prints its seed, its request number and the bytes sent; {@code
 * -Dfuzz.raw.index=N} sends request N of that seed alone.
 */
@QuarkusTest
class RawFuzzTest extends ApiTestSupport {
    static final int DEFAULT_REQUESTS = 1500;
    static final int DEFAULT_SECONDS = 90;

    @Test
    void everyRawRequestIsAnsweredWithSuccessOrAProblemAndTheServiceSurvives() throws Exception {
        long seed = Long.getLong("fuzz.raw.seed", 20261221L);
        int requests = Integer.getInteger("fuzz.raw.requests", DEFAULT_REQUESTS);
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.raw.seconds", DEFAULT_SECONDS));
        Integer only = Integer.getInteger("fuzz.raw.index");
        JsonNode doc = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        RawFuzzer fuzzer = new RawFuzzer(doc, seed);
        assertTrue(fuzzer.operations().size() >= 30, "the document's operations: " + fuzzer.operations());

        List<String> failures = new ArrayList<>();
        // Failures by what went wrong and what was done to the request: one line per class, for a report.
        Map<String, List<Integer>> classes = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Map<Integer, Integer>> byOperation = new LinkedHashMap<>();
        Map<String, Integer> byPart = new TreeMap<>();
        long deadline = System.nanoTime() + budget.toNanos();
        long started = System.nanoTime();
        int sent = 0;
        int first = only == null ? 0 : only;
        int last = only == null ? requests : only + 1;
        for (int i = first; i < last && System.nanoTime() < deadline; i++, sent++) {
            RawFuzzer.Outcome o = RawFuzzer.send(RawHttp.port(), fuzzer.request(i));
            statuses.merge(o.status(), 1, Integer::sum);
            byOperation
                    .computeIfAbsent(o.request().operation().toString(), k -> new TreeMap<>())
                    .merge(o.status(), 1, Integer::sum);
            o.request().mutations().forEach(m -> byPart.merge(m.substring(0, m.indexOf(':')), 1, Integer::sum));
            String problem = RawFuzzer.problem(o);
            if (problem != null) {
                failures.add(
                        "seed " + seed + ", request " + i + ": " + o.request().operation() + ": " + problem
                                + "\n    sent:   " + o.request() + "\n    answer: " + o);
                String kind = problem.replaceAll("\\(.*", "")
                        .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>")
                        .trim();
                classes.computeIfAbsent(
                                o.status() + " " + kind + " <- " + o.request().mutations(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "Raw fuzzing, seed %d: %d requests over %d operations in %.1f s; statuses %s%n",
                seed, sent, fuzzer.operations().size(), seconds, statuses);
        System.out.println("  mutations by part of the request: " + byPart);
        byOperation.forEach((op, byStatus) -> System.out.printf("  %-52s %s%n", op, byStatus));
        if (!classes.isEmpty()) {
            System.out.println("Failures by class (count, first requests):");
            classes.forEach((k, v) ->
                    System.out.printf("  %4d  %s  %s%n", v.size(), v.subList(0, Math.min(5, v.size())), k));
        }
        if (!failures.isEmpty()) {
            // All of them, for a report: the assertion below shows the first 20.
            java.nio.file.Path report =
                    java.nio.file.Path.of("target", getClass().getSimpleName() + "-failures.txt");
            java.nio.file.Files.writeString(report, String.join("\n", failures) + "\n");
            System.out.println("All " + failures.size() + " failures: " + report.toAbsolutePath());
        }
        int live = management().get("/q/health/live").statusCode();
        Set<String> documented =
                fuzzer.operations().stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
        int done = sent;
        assertAll(
                () -> assertEquals(200, live, "GET /q/health/live after the run: the service survived"),
                () -> {
                    if (only == null) {
                        assertEquals(
                                documented,
                                new TreeSet<>(byOperation.keySet()),
                                "every documented operation was sent requests");
                        assertTrue(
                                done >= Math.min(requests, 300),
                                "only " + done + " requests in " + budget + ": the run is too slow to mean much");
                    }
                },
                () -> {
                    if (!failures.isEmpty()) {
                        fail(failures.size() + " of " + done + " requests failed (replay with -Dfuzz.raw.seed=" + seed
                                + ", one with -Dfuzz.raw.index=N):\n"
                                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
                    }
                });
    }
}
