package dev.dealeval.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact view of an evaluation: the explained view's numbers, nothing else, documented as served. */
@QuarkusTest
class EvaluationSummaryTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode post(String body, String query, int status) throws Exception {
        return JSON.readTree(given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations" + query).then()
                .statusCode(status).extract().asString());
    }

    private static JsonNode examples() throws Exception {
        return JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString()).path("components")
                .path("examples");
    }

    @Test
    void everyDocumentedRequestSummarisesToTheExplainedViewsNumbers() throws Exception {
        JsonNode examples = examples();
        int checked = 0;
        for (String name : List.of("grandBargain", "restorePhaseOne", "securityFirstCounter", "genevaTruce", "busanTruce", "hawkishOverrides")) {
            String body = examples.path(name).path("value").toString();
            JsonNode full = post(body, "?store=false", 200);
            JsonNode summary = post(body, "?store=false&view=summary", 200);
            for (String side : List.of("US", "CN")) {
                for (String field : List.of("utility", "noDealUtility", "surplus", "ratified", "ratificationProbability")) {
                    assertEquals(full.path("sides").path(side).path(field), summary.path("sides").path(side).path(field), name + " " + side + " " + field);
                }
                assertEquals(5, summary.path("sides").path(side).size(), "nothing else: " + summary.path("sides").path(side));
            }
            for (String field : List.of("pledgedUsdBnPerYear", "credibleUsdBnPerYear", "factor", "policyFactor")) {
                assertEquals(full.path("credibility").path(field), summary.path("credibility").path(field), name + " " + field);
            }
            assertEquals(full.path("joint"), summary.path("joint"), name);
            assertEquals(full.path("warnings"), summary.path("warnings"), name);
            assertEquals(full.path("profileVersion"), summary.path("profileVersion"));
            assertTrue(summary.toString().length() * 5 < full.toString().length(), name + ": " + summary.toString().length() + " bytes vs "
                    + full.toString().length());
            checked++;
        }
        assertEquals(6, checked);
    }

    @Test
    void theDocumentedSummaryExampleIsWhatTheServiceAnswers() throws Exception {
        JsonNode examples = examples();
        JsonNode answered = post(examples.path("genevaTruce").path("value").toString(), "?store=false&view=summary", 200);
        assertEquals(examples.path("genevaTruceSummary").path("value"), answered);
    }

    @Test
    void aStoredSummaryIsServedBackAsStoredAndTheViewIsPartOfTheIdempotentRequest() throws Exception {
        String body = examples().path("busanTruce").path("value").toString();
        String key = UUID.randomUUID().toString();
        var created = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/evaluations?view=summary").then().statusCode(201).extract();
        JsonNode stored = JSON.readTree(created.asString());
        assertFalse(stored.path("id").isMissingNode());
        assertFalse(stored.has("sides") && stored.path("sides").path("US").has("factions"));
        JsonNode again = JSON.readTree(given().get(created.header("Location")).then().statusCode(200).extract().asString());
        assertEquals(stored, again);
        // The same key and body with the other view is another request.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/evaluations").then().statusCode(422);
        // A retry of the same is the first answer.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/evaluations?view=summary").then()
                .statusCode(201).body("id", equalTo(stored.path("id").asText()));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations?view=brief").then().statusCode(400)
                .body("violations[0].field", equalTo("view"));
    }
}
