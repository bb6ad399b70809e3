package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A term added to the model file, and nothing else, is a term of the whole service: the OpenAPI
 * document the service serves (and so Swagger UI and generated clients), the term catalogue,
 * request validation, evaluations, and the bundles a search answers with. The service runs here on
 * a copy of the built-in model with one more term (dealeval.model.path).
 */
@QuarkusTest
@TestProfile(ModelFileTermTest.OneMoreTerm.class)
class ModelFileTermTest extends ApiTestSupport {
    static final String TERM = "purchases.semiconductorsUsdBnPerYear";

    public static class OneMoreTerm implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dealeval.model.path", withOneMoreTerm().toString());
        }
    }

    /** The built-in model with a chip-purchase pledge that adds to U.S. export gains. */
    static Path withOneMoreTerm() {
        try (InputStream in = ModelFileTermTest.class.getClassLoader().getResourceAsStream("model/deal-model.yaml")) {
            String model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String term = """
                      - id: purchases.semiconductorsUsdBnPerYear
                        kind: NUMBER
                        unit: USD bn per year above the 2017 baseline
                        range: [0, 20]
                        neutral: 0
                        levels: [0, 10, 20]
                        pledge: manufactured
                        phrase: "${value}B/yr of chip purchases"
                        description: Extra yearly purchases of U.S. chips and chip-making tools.
                    criteria:
                    """;
            String component = "      - {term: purchases.servicesUsdBnPerYear, linear: {slope: 1, per: 200}}\n";
            assertTrue(
                    model.contains("\ncriteria:\n") && model.contains(component),
                    "the built-in model's layout changed");
            model = model.replaceFirst("\ncriteria:\n", "\n" + term.replace("$", "\\$"))
                    .replaceFirst(
                            java.util.regex.Pattern.quote(component),
                            component
                                    + "      - {term: purchases.semiconductorsUsdBnPerYear, linear: {slope: 1, per: 200}}\n");
            Path file = Path.of("target", "model-with-one-more-term.yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, model);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String body) throws IOException {
        return new ObjectMapper().readTree(body);
    }

    @Test
    void theServedDocumentDescribesTheTerm() throws Exception {
        JsonNode doc = json(given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode property = doc.at("/components/schemas/Purchases/properties/semiconductorsUsdBnPerYear");
        assertEquals("number", property.path("type").asText(), property.toString());
        assertEquals(0, property.path("minimum").asInt());
        assertEquals(20, property.path("maximum").asInt());
        assertTrue(
                property.path("description").asText().startsWith("Extra yearly purchases of U.S. chips"),
                property.toString());
        given().get("/api/v1/terms")
                .then()
                .statusCode(200)
                .body("terms.find { it.id == '" + TERM + "' }.max", equalTo(20.0));
    }

    @Test
    void evaluationsReadItAndCheckItsRange() throws Exception {
        double without = json(evaluate("{\"scenario\": \"GENEVA_2025\", \"bundle\": {\"purchases\": {\"years\": 2}}}")
                        .statusCode(200)
                        .extract()
                        .asString())
                .at("/sides/US/utility")
                .asDouble();
        double with = json(evaluate(
                                "{\"scenario\": \"GENEVA_2025\", \"bundle\": {\"purchases\": {\"years\": 2, \"semiconductorsUsdBnPerYear\": 10}}}")
                        .statusCode(200)
                        .extract()
                        .asString())
                .at("/sides/US/utility")
                .asDouble();
        assertTrue(with > without, with + " vs " + without);
        evaluate("{\"bundle\": {\"purchases\": {\"semiconductorsUsdBnPerYear\": 30}}}")
                .statusCode(400)
                .body("violations[0].field", equalTo("bundle.purchases.semiconductorsUsdBnPerYear"))
                .body(
                        "violations[0].message",
                        equalTo("must be between 0 and 20 (USD bn per year above the 2017 baseline)"));
    }

    @Test
    void searchesAnswerWithBundlesThatCarryIt() throws Exception {
        String search =
                "{\"scenario\": \"GENEVA_2025\", \"base\": {\"commitment\": {\"form\": \"SIGNED_TEXT\"}}, \"terms\": ["
                        + "{\"term\": \"" + TERM
                        + "\", \"levels\": [0, 20]}, {\"term\": \"usConcessions.exportControlLevel\", \"levels\": [1, 2, 3]},"
                        + "{\"term\": \"usConcessions.reciprocalTariffPct\", \"levels\": [0, 10, 34]}]}";
        // Its bundles carry the extra term, which the served document declares and the committed one does not.
        JsonNode answer = json(given().filter(ContractValidation.againstServedDocument())
                .contentType(ContentType.JSON)
                .body(search)
                .post("/api/v1/searches")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        boolean carried = false;
        for (JsonNode b : answer.at("/frontier/bundles")) {
            carried |= b.at("/bundle/purchases/semiconductorsUsdBnPerYear").isNumber();
        }
        assertTrue(carried, "no frontier bundle names the term: " + answer.at("/frontier"));
    }
}
