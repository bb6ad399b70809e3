package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every request example in the served OpenAPI document is a real request that gets 2xx. */
@QuarkusTest
class OpenApiExamplesTest extends ApiTestSupport {

    /** A creating example can be sent again: drop what an earlier run created. */
    private static void removeIfPresent(String path) {
        var current = given().get(path);
        if (current.statusCode() == 200) {
            given().header("If-Match", current.header("ETag"))
                    .delete(path)
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void everyRequestExampleSucceeds() throws Exception {
        JsonNode doc = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> sent = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // Domains first: the domain analyses' examples use the domain the import example creates.
        List<java.util.Map.Entry<String, JsonNode>> ordered = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(ordered::add);
        ordered.sort(java.util.Comparator.comparing(e -> !e.getKey().equals("/api/v1/domains")));
        for (var path : ordered) {
            var ops = path.getValue().fields();
            while (ops.hasNext()) {
                var op = ops.next();
                JsonNode examples = op.getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples");
                var it = examples.fields();
                while (it.hasNext()) {
                    var example = it.next();
                    JsonNode node = example.getValue();
                    if (node.has("$ref")) {
                        String name = node.get("$ref").asText().substring("#/components/examples/".length());
                        node = doc.path("components").path("examples").path(name);
                    }
                    assertTrue(node.has("value"), example.getKey() + " has no value");
                    if (op.getKey().equals("post") && node.get("value").has("id")) {
                        removeIfPresent(path.getKey() + "/"
                                + node.get("value").get("id").asText());
                    }
                    int status = given().contentType(ContentType.JSON)
                            .body(node.get("value").toString())
                            .request(op.getKey().toUpperCase(), path.getKey())
                            .then()
                            .extract()
                            .statusCode();
                    sent.add(op.getKey() + " " + path.getKey() + " " + example.getKey());
                    if (status < 200 || status >= 300) {
                        failures.add(example.getKey() + " → " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(sent.size() >= 6, "expected the evaluation examples, sent " + sent);
    }
}
