package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Writes need an API key with the editor role; reads and evaluations are open by default. 401/403 are problem+json. */
@QuarkusTest
class SecurityTest extends ApiTestSupport {
    @TestHTTPResource("/api/v1/")
    URI api;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(10))
            .build();

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path))
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return ContractValidation.checked(client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("content-type").orElse(""));
        assertTrue(r.body().contains("\"status\":" + status), r.body());
    }

    @Test
    void writesNeedTheEditorRole() throws Exception {
        String id = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        String body = ProfileCrudTest.body(id, 0.13, 0.40);
        HttpResponse<String> anonymous = send("POST", "profiles", null, body);
        assertProblem(anonymous, 401);
        assertEquals(
                "Bearer realm=\"dealeval\"",
                anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertProblem(send("POST", "profiles", "not-a-key", body), 401);
        assertProblem(send("POST", "profiles", READER_KEY, body), 403);
        assertProblem(
                send(
                        "POST",
                        "scenarios",
                        READER_KEY,
                        ScenarioCrudTest.body("SEC_" + id.substring(4).toUpperCase(), 10)),
                403);
        assertProblem(send("DELETE", "profiles/" + id, null, null), 401);
        assertEquals(404, send("GET", "profiles/" + id, null, null).statusCode(), "nothing was written");
        assertEquals(201, send("POST", "profiles", EDITOR_KEY, body).statusCode());
        // Bearer works as well as X-API-Key.
        HttpRequest bearer = HttpRequest.newBuilder(api.resolve("profiles/" + id))
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + EDITOR_KEY)
                .header("If-Match", "\"1\"")
                .DELETE()
                .build();
        assertEquals(
                204,
                ContractValidation.checked(client.send(bearer, HttpResponse.BodyHandlers.ofString()))
                        .statusCode());
    }

    @Test
    void readsAndEvaluationsAreOpenByDefault() throws Exception {
        assertEquals(200, send("GET", "profiles", null, null).statusCode());
        assertEquals(200, send("GET", "scenarios/GENEVA_2025", null, null).statusCode());
        assertEquals(201, send("POST", "evaluations", null, "{\"bundle\": {}}").statusCode());
        // An invalid key is refused even where none is needed: a client with a wrong key should know.
        assertProblem(send("GET", "profiles", "not-a-key", null), 401);
    }
}
