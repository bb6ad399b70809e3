package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The attack that killed the service, against the packaged jar started as the container starts it
 * (quarkus.test.arg-line in application.properties: {@code @deploy/jvm.options -XX:MaxRAM=512m},
 * a 128 MB heap): four concurrent 800 KB bodies of 200,000 empty elements to every operation that
 * takes a list. Every answer is a small 400 naming the list, and the service stays alive (the JVM
 * exits on OutOfMemoryError, so a heap it could not bound would fail the probe).
 */
@QuarkusIntegrationTest
class AmplificationIT extends ApiTestSupport {
    private static final String MANY = String.join(",", Collections.nCopies(200_000, "{}"));

    /** Each operation with a list, and the body that floods it. */
    private static final Map<String, String> ATTACKS = Map.of(
            "/api/v1/comparisons", "{\"bundles\": [" + MANY + "]}",
            "/api/v1/sensitivity-analyses", "{\"bundles\": [" + MANY + "]}",
            "/api/v1/counteroffers", "{\"bundle\": {}, \"terms\": [" + MANY + "]}",
            "/api/v1/searches", "{\"references\": [" + MANY + "]}",
            "/api/v1/simulations", "{\"terms\": [" + MANY + "]}",
            "/api/v1/simulations/tournaments", "{\"strategies\": [" + MANY + "]}",
            "/api/v1/domains",
                    "{\"id\": \"flood\", \"name\": \"x\", \"domainXml\": \"x\", \"parties\": [" + MANY + "]}");

    @Test
    void fourConcurrentFloodsOfEveryListAreSmall400sAndTheServiceLives() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Map.Entry<String, String> attack : ATTACKS.entrySet()) {
                byte[] body = attack.getValue().getBytes(StandardCharsets.US_ASCII);
                assertTrue(
                        body.length > 600_000 && body.length < 1_048_576,
                        attack.getKey() + ": " + body.length + " bytes");
                byte[] head = ("POST " + attack.getKey()
                                + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: " + EDITOR_KEY
                                + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] request = new byte[head.length + body.length];
                System.arraycopy(head, 0, request, 0, head.length);
                System.arraycopy(body, 0, request, head.length, body.length);
                List<Future<RawHttp.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(pool.submit(() -> RawHttp.send("127.0.0.1", RawHttp.port(), request, 30_000)));
                }
                for (Future<RawHttp.Answer> f : answers) {
                    RawHttp.Answer a = f.get();
                    assertEquals(400, a.status(), attack.getKey() + ": " + a);
                    assertTrue(
                            a.header("Content-Type").startsWith("application/problem+json"),
                            attack.getKey() + ": " + a);
                    assertTrue(
                            a.body().length() < 2_000,
                            attack.getKey() + ": an answer of " + a.body().length() + " characters");
                    assertTrue(a.body().contains("\"violationCount\":1"), attack.getKey() + ": " + a);
                }
                management().get("/q/health/live").then().statusCode(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
