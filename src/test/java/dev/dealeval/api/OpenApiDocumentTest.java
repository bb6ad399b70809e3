package dev.dealeval.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed openapi/openapi.{json,yaml} must equal the document the service serves. When an
 * API change makes this fail, regenerate with {@code ./mvnw package -DskipTests} and commit openapi/.
 */
@QuarkusTest
class OpenApiDocumentTest extends ApiTestSupport {
    private static final String HINT = " differs from the served document: run ./mvnw package -DskipTests and commit openapi/";

    @Test
    void theCommittedJsonEqualsTheServedDocument() throws Exception {
        Path committed = Path.of("openapi/openapi.json");
        assertTrue(Files.exists(committed), "openapi/openapi.json is missing:" + HINT);
        JsonNode served = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
        assertEquals(new ObjectMapper().readTree(committed.toFile()), served, "openapi/openapi.json" + HINT);
    }

    @Test
    void theCommittedYamlEqualsTheServedDocument() throws Exception {
        Path committed = Path.of("openapi/openapi.yaml");
        assertTrue(Files.exists(committed), "openapi/openapi.yaml is missing:" + HINT);
        JsonNode served = new YAMLMapper().readTree(given().get("/q/openapi").then().statusCode(200).extract().asString());
        assertEquals(new YAMLMapper().readTree(committed.toFile()), served, "openapi/openapi.yaml" + HINT);
    }

    @Test
    void everyOperationHasASummaryAndADescription() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            assertTrue(op.getValue().hasNonNull("summary"), op.getKey() + " " + path.getKey() + " has no summary");
            assertTrue(op.getValue().path("description").asText().length() > 40, op.getKey() + " " + path.getKey() + " has no description");
        }));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
