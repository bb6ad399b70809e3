package dev.dealeval.api;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/**
 * REST Assured set-up shared by the API tests: JSON numbers read as doubles (not floats), request
 * and response logged only when a check fails, and every answer from the API checked against the
 * committed OpenAPI document ({@link ContractValidation}).
 */
public abstract class ApiTestSupport {
    /** Configured for the test profile in application.properties, by its SHA-256. */
    public static final String EDITOR_KEY = "test-editor-key";

    public static final String READER_KEY = "test-reader-key";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        // Writes need the editor role; SecurityTest checks requests without it.
        RestAssured.filters((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("X-API-Key")) {
                request.header("X-API-Key", EDITOR_KEY);
            }
            return context.next(request, response);
        });
        // Every answer under /api/ matches openapi/openapi.json, or the test that received it fails.
        // Once per JVM: this class may be loaded again (one class loader per test profile) while
        // REST Assured's filter list is shared.
        if (RestAssured.filters().stream()
                .noneMatch(f -> f.getClass().getName().equals(ContractValidation.class.getName()))) {
            RestAssured.filters(ContractValidation.forCommittedDocument());
        }
    }

    /**
     * The management listener (health probes and metrics) of the application under test: its own
     * port, apart from the API's (quarkus.management.test-port).
     */
    public static int managementPort() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        // @QuarkusTest: the free port the listener took (test-port=0), written back by Quarkus once it listens. A
        // packaged-jar test (*IT): the jar runs with the test profile, whose management port is fixed.
        int port = config.getValue("quarkus.management.test-port", Integer.class);
        return port > 0 ? port : config.getValue("quarkus.management.port", Integer.class);
    }

    /** A request to the management listener. */
    public static io.restassured.specification.RequestSpecification management() {
        return given().port(managementPort());
    }

    /** POST /api/v1/evaluations without storing (200); EvaluationHistoryTest covers the stored path. */
    public static ValidatableResponse evaluate(String json) {
        return given().contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/api/v1/evaluations?store=false")
                .then();
    }
}
