package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** User-defined no-deal scenarios: stored, versioned, validated against the term catalogue, usable in evaluations. */
@QuarkusTest
class ScenarioCrudTest extends ApiTestSupport {

    static String newId() {
        return "S_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String body(String id, double surcharge) {
        return """
                {"id": "%s", "basedOn": "POST_RULING_2026", "name": "Surcharge at %s%%", "date": "2026-03-01",
                 "values": {"usConcessions.reciprocalTariffPct": %s},
                 "threats": [{"term": "usConcessions.reciprocalTariffPct", "value": 25, "probability": 0.2, "description": "Section 301 case"}],
                 "sources": ["test"]}
                """.formatted(id, surcharge, surcharge);
    }

    @Test
    void createEvaluateReplaceDelete() {
        String id = newId();
        given().contentType(ContentType.JSON)
                .body(body(id, 15))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/scenarios/" + id))
                .header("ETag", "\"1\"")
                .body("builtIn", is(false))
                .body("version", equalTo(1))
                .body("values.'usConcessions.reciprocalTariffPct'", equalTo(15.0))
                .body("values.'usConcessions.exportControlLevel'", equalTo(4))
                // 15% now, 25% threatened at 0.2 → 17% expected without a deal.
                .body("noDealBundle.'usConcessions.reciprocalTariffPct'", closeTo(17.0, 1e-9));

        // An evaluation can name it: no deal has surplus exactly 0, and cutting the tariff pleases China.
        evaluate("{\"scenario\": \"" + id + "\", \"bundle\": {}}")
                .statusCode(200)
                .body("scenario", equalTo(id))
                .body("sides.US.surplus", equalTo(0.0))
                .body("sides.CN.surplus", equalTo(0.0));
        evaluate("{\"scenario\": \"" + id + "\", \"bundle\": {\"usConcessions\": {\"reciprocalTariffPct\": 0}}}")
                .statusCode(200)
                .body("sides.CN.terms[0].noDealValue", closeTo(17.0, 1e-9));

        String replaced = body(id, 10).replace("\"id\": \"" + id + "\", ", "");
        given().contentType(ContentType.JSON)
                .body(replaced)
                .put("/api/v1/scenarios/" + id)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body(replaced)
                .put("/api/v1/scenarios/" + id)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(replaced)
                .put("/api/v1/scenarios/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("values.'usConcessions.reciprocalTariffPct'", equalTo(10.0));
        given().header("If-Match", "\"2\"")
                .delete("/api/v1/scenarios/" + id)
                .then()
                .statusCode(204);
        given().get("/api/v1/scenarios/" + id).then().statusCode(404);
        evaluate("{\"scenario\": \"" + id + "\", \"bundle\": {}}")
                .statusCode(400)
                .body("violations[0].field", equalTo("scenario"));
    }

    @Test
    void builtInScenariosAreReadOnly() {
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body("GENEVA_2025", 10).replace("\"id\": \"GENEVA_2025\", ", ""))
                .put("/api/v1/scenarios/GENEVA_2025")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/scenarios/GENEVA_2025")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body(body("GENEVA_2025", 10))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(409);
        given().get("/api/v1/scenarios/GENEVA_2025").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aScenarioIsCheckedAgainstTheTermsBeforeAnythingIsWritten() {
        String id = newId();
        // Without basedOn it must fix every tariff and control itself.
        given().contentType(ContentType.JSON)
                .body(body(id, 15).replace("\"basedOn\": \"POST_RULING_2026\", ", ""))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("values"))
                .body("violations[0].message", startsWith("must set chinaMeasures.tariffPct"));
        given().contentType(ContentType.JSON)
                .body(body(id, 15).replace("usConcessions.reciprocalTariffPct\": 15", "usConcessions.nothing\": 15"))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("values.usConcessions.nothing"));
        given().contentType(ContentType.JSON)
                .body(body(id, 200))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("values.usConcessions.reciprocalTariffPct"));
        given().contentType(ContentType.JSON)
                .body(body(id, 15).replace("\"probability\": 0.2", "\"probability\": 2"))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("threats[0].probability"));
        given().contentType(ContentType.JSON)
                .body(body(id, 15).replace("\"probability\": 0.2, ", ""))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("threats[0]"));
        given().contentType(ContentType.JSON)
                .body(body("lower_case", 15))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
        given().get("/api/v1/scenarios/" + id).then().statusCode(404);
    }

    /**
     * Fresh threats and fresh measures (docs/model.md "Coercion") are part of a stored scenario: written,
     * read back, and coercing what China gives under them.
     */
    @Test
    void aScenarioKeepsItsFreshThreatsAndMeasuresAndCoercionFollowsThem() {
        // The built-in scenario shows its marks.
        given().get("/api/v1/scenarios/FENTANYL_TARIFF_2025")
                .then()
                .statusCode(200)
                .body("freshMeasures.'usConcessions.fentanylTariffPct'", equalTo(0.0));
        String fresh = newId();
        String stale = newId();
        String scenario = """
                {"id": "%s", "basedOn": "FENTANYL_TARIFF_2025", "name": "The tariff of 4 February", "date": "2025-02-04",
                 "threats": [{"term": "usConcessions.reciprocalTariffPct", "value": 10, "probability": 0.5,
                              "description": "More to come", "fresh": %s}],
                 %s
                 "sources": ["test"]}
                """;
        given().contentType(ContentType.JSON)
                .body(scenario.formatted(fresh, "true", "\"freshMeasures\": {\"usConcessions.fentanylTariffPct\": 0},"))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201)
                .body("threats[0].fresh", is(true))
                .body("freshMeasures.'usConcessions.fentanylTariffPct'", equalTo(0.0));
        given().contentType(ContentType.JSON)
                .body(scenario.formatted(stale, "false", ""))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201)
                .body("threats[0].fresh", is(false))
                .body("freshMeasures.size()", equalTo(0));
        // The same bargain in both: precursor licensing for the fentanyl tariff lifted and the threat withdrawn.
        // Under the fresh marks it is coerced, scored as under a U.S. precondition: China's face criterion loses
        // 0.35, 100 x w(faceEquality) x 0.35 = 100 x 0.15 x 0.35 = 5.25 points of China's utility.
        String bargain = "{\"scenario\": \"%s\", \"bundle\": {\"fentanyl\": {\"level\": \"PRECURSOR_LICENSING\"}, "
                + "\"usConcessions\": {\"fentanylTariffPct\": 0, \"reciprocalTariffPct\": 0}}}";
        double free = evaluate(bargain.formatted(stale))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getDouble("sides.CN.utility");
        evaluate(bargain.formatted(fresh)).statusCode(200).body("sides.CN.utility", closeTo(free - 5.25, 1e-9));
        // A mark must name a term the scenario sets, with the value it had before the measure.
        given().contentType(ContentType.JSON)
                .body(scenario.formatted(
                        newId(), "true", "\"freshMeasures\": {\"usConcessions.fentanylTariffPct\": 10},"))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("freshMeasures.usConcessions.fentanylTariffPct"));
        given().contentType(ContentType.JSON)
                .body(scenario.formatted(newId(), "true", "\"freshMeasures\": {\"usConcessions.nothing\": 0},"))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("freshMeasures.usConcessions.nothing"));
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/scenarios/" + fresh)
                .then()
                .statusCode(204);
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/scenarios/" + stale)
                .then()
                .statusCode(204);
    }
}
