package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndMetricsTest extends ApiTestSupport {

    @Test
    void readinessReportsTheModel() {
        probesReportTheModel(ApiTestSupport::management);
    }

    /** The API port answers the same probes (ServingPortHealth), for what checks a service on the port it serves. */
    @Test
    void theApiPortAnswersTheSameProbes() {
        probesReportTheModel(io.restassured.RestAssured::given);
    }

    /**
     * Readiness reports the model and the database; liveness does not depend on the database. {@code port}
     * gives a request to the listener asked.
     */
    private static void probesReportTheModel(Supplier<RequestSpecification> port) {
        port.get()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'deal-model' }.data.version", equalTo("2026.12-1"))
                .body("checks.find { it.name == 'deal-model' }.data.terms", equalTo(40))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        port.get()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.find { it.name == 'Database connections health check' }",
                        org.hamcrest.Matchers.nullValue());
    }

    @Test
    void evaluationsAreCountedByVerdict() {
        evaluate(
                        "{\"scenario\": \"APR_2025\", \"bundle\": {\"usConcessions\": {\"reciprocalTariffPct\": 10}, \"chinaMeasures\": {\"tariffPct\": 10}}}")
                .statusCode(200);
        management()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("dealeval_evaluations_total{verdict=\"AGREEMENT_LIKELY\""))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theGroupCommitReportsItsBatchesAndCommitTime() {
        double before = metric("dealeval_evaluations_batch_size_sum");
        given().contentType("application/json")
                .body("{\"scenario\": \"APR_2025\", \"bundle\": {}}")
                .post("/api/v1/evaluations")
                .then()
                .statusCode(201);
        org.junit.jupiter.api.Assertions.assertEquals(before + 1, metric("dealeval_evaluations_batch_size_sum"), 0.0);
        org.junit.jupiter.api.Assertions.assertTrue(metric("dealeval_evaluations_batch_commit_seconds_count") >= 1);
    }

    private static double metric(String name) {
        String text =
                management().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines()
                .filter(l -> l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
