package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the database unreachable the service stays up: what needs the database answers 503
 * problem+json within the acquisition timeout, what does not (built-ins, store=false) keeps working,
 * and readiness reports DOWN while liveness stays UP.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.Unreachable.class)
class DatabaseDownTest extends ApiTestSupport {
    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:h2:tcp://127.0.0.1:1/nowhere",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @Test
    void whatNeedsTheDatabaseGets503QuicklyAndTheRestWorks() {
        given().contentType(ContentType.JSON)
                .body("{\"bundle\": {}}")
                .post("/api/v1/evaluations")
                .then()
                .time(lessThan(5000L))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:dealeval:problem:database-unavailable"));
        given().get("/api/v1/profiles").then().statusCode(503).contentType("application/problem+json");
        given().get("/api/v1/profiles/some-stored-one").then().statusCode(503);
        given().get("/api/v1/profiles/default").then().statusCode(200);
        evaluate("{\"scenario\": \"APR_2025\", \"bundle\": {\"usConcessions\": {\"reciprocalTariffPct\": 10}}}")
                .statusCode(200);
        management().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // The API port's probes say the same (ServingPortHealth).
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
