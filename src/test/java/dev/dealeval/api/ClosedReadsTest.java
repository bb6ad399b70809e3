package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With dealeval.security.open-reads=false every /api request needs a valid key. */
@QuarkusTest
@TestProfile(ClosedReadsTest.ClosedReads.class)
class ClosedReadsTest extends ApiTestSupport {
    public static class ClosedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dealeval.security.open-reads", "false");
        }
    }

    @TestHTTPResource("/api/v1/")
    URI api;

    private int status(String method, String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path))
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("POST")
                                ? HttpRequest.BodyPublishers.ofString("{\"bundle\": {}}")
                                : HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return ContractValidation.checked(HttpClient.newBuilder()
                        .connectTimeout(java.time.Duration.ofSeconds(10))
                        .build()
                        .send(b.build(), HttpResponse.BodyHandlers.ofString()))
                .statusCode();
    }

    @Test
    void readsAndEvaluationsNeedAKey() throws Exception {
        assertEquals(401, status("GET", "profiles", null));
        assertEquals(401, status("GET", "scenarios/GENEVA_2025", null));
        assertEquals(401, status("POST", "evaluations?store=false", null));
        assertEquals(200, status("GET", "profiles", READER_KEY));
        assertEquals(200, status("POST", "evaluations?store=false", READER_KEY));
        assertEquals(200, status("GET", "terms", EDITOR_KEY));
        // The API port's probes (ServingPortHealth) and its front page stay open too.
        for (String open : List.of("/q/health/ready", "/q/health/live")) {
            assertEquals(
                    200,
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(api.resolve(open)).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    open);
        }
        assertEquals(
                303,
                HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(api.resolve("/")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        // Health stays open for the orchestrator.
        assertEquals(
                200,
                HttpClient.newBuilder()
                        .connectTimeout(java.time.Duration.ofSeconds(10))
                        .build()
                        .send(
                                HttpRequest.newBuilder(java.net.URI.create(
                                                "http://127.0.0.1:" + managementPort() + "/q/health/ready"))
                                        .timeout(java.time.Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }
}
