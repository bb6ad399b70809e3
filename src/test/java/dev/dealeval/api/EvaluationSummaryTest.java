package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact view of an evaluation: the explained view's numbers, nothing else, documented as served. */
@QuarkusTest
class EvaluationSummaryTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode post(String body, String path, int status) throws Exception {
        return JSON.readTree(given().contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(status)
                .extract()
                .asString());
    }

    private static JsonNode examples() throws Exception {
        return JSON.readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("components")
                .path("examples");
    }

    @Test
    void everyDocumentedRequestSummarisesToTheExplainedViewsNumbers() throws Exception {
        JsonNode examples = examples();
        int checked = 0;
        for (String name : List.of(
                "grandBargain",
                "restorePhaseOne",
                "securityFirstCounter",
                "genevaTruce",
                "busanTruce",
                "hawkishOverrides")) {
            String body = examples.path(name).path("value").toString();
            JsonNode full = post(body, "/api/v1/evaluations?store=false", 200);
            JsonNode summary = post(body, "/api/v1/evaluations/summary", 200);
            for (String side : List.of("US", "CN")) {
                for (String field :
                        List.of("utility", "noDealUtility", "surplus", "ratified", "ratificationProbability")) {
                    assertEquals(
                            full.path("sides").path(side).path(field),
                            summary.path("sides").path(side).path(field),
                            name + " " + side + " " + field);
                }
                assertEquals(
                        5,
                        summary.path("sides").path(side).size(),
                        "nothing else: " + summary.path("sides").path(side));
            }
            for (String field : List.of("pledgedUsdBnPerYear", "credibleUsdBnPerYear", "factor", "policyFactor")) {
                assertEquals(
                        full.path("credibility").path(field),
                        summary.path("credibility").path(field),
                        name + " " + field);
            }
            assertEquals(full.path("joint"), summary.path("joint"), name);
            assertEquals(full.path("warnings"), summary.path("warnings"), name);
            assertEquals(full.path("profileVersion"), summary.path("profileVersion"));
            assertTrue(
                    summary.toString().length() * 5 < full.toString().length(),
                    name + ": " + summary.toString().length() + " bytes vs "
                            + full.toString().length());
            checked++;
        }
        assertEquals(6, checked);
    }

    @Test
    void theDocumentedSummaryExampleIsWhatTheServiceAnswers() throws Exception {
        JsonNode examples = examples();
        JsonNode answered =
                post(examples.path("genevaTruce").path("value").toString(), "/api/v1/evaluations/summary", 200);
        assertEquals(examples.path("genevaTruceSummary").path("value"), answered);
    }

    @Test
    void aSummaryIsNeverStoredAndTheOperationTakesNoViewOrStoreParameter() throws Exception {
        String body = examples().path("busanTruce").path("value").toString();
        long before = JSON.readTree(given().get("/api/v1/evaluations?size=1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("total")
                .asLong();
        JsonNode summary = post(body, "/api/v1/evaluations/summary", 200);
        assertFalse(summary.has("id"), summary.toString());
        assertFalse(summary.path("sides").path("US").has("factions"));
        assertEquals(
                before,
                JSON.readTree(given().get("/api/v1/evaluations?size=1")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .path("total")
                        .asLong());
        // The explained operation has no view any more: one schema per answer.
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/evaluations?store=false&view=summary")
                .then()
                .statusCode(200)
                .body("sides.US.factions", org.hamcrest.Matchers.notNullValue());
    }
}
