package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.{json,yaml} must equal the document the service serves. When an
 * API change makes this fail, regenerate with {@code ./mvnw package -DskipTests} and commit openapi/.
 */
@QuarkusTest
class OpenApiDocumentTest extends ApiTestSupport {
    private static final String HINT =
            " differs from the served document: run ./mvnw package -DskipTests and commit openapi/";

    @Test
    void theCommittedJsonEqualsTheServedDocument() throws Exception {
        Path committed = Path.of("openapi/openapi.json");
        assertTrue(Files.exists(committed), "openapi/openapi.json is missing:" + HINT);
        JsonNode served = new ObjectMapper()
                .readTree(given().accept("application/json")
                        .get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(new ObjectMapper().readTree(committed.toFile()), served, "openapi/openapi.json" + HINT);
    }

    @Test
    void theCommittedYamlEqualsTheServedDocument() throws Exception {
        Path committed = Path.of("openapi/openapi.yaml");
        assertTrue(Files.exists(committed), "openapi/openapi.yaml is missing:" + HINT);
        JsonNode served = new YAMLMapper()
                .readTree(given().get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(new YAMLMapper().readTree(committed.toFile()), served, "openapi/openapi.yaml" + HINT);
    }

    @Test
    void everyOperationHasASummaryAndADescription() throws Exception {
        JsonNode doc =
                new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    assertTrue(
                            op.getValue().hasNonNull("summary"), op.getKey() + " " + path.getKey() + " has no summary");
                    assertTrue(
                            op.getValue().path("description").asText().length() > 40,
                            op.getKey() + " " + path.getKey() + " has no description");
                }));
    }

    /** The rules of docs/api-contract.md, on the committed document. */
    @Test
    void theDocumentIsOneGeneratorsReadWithoutGuessing() throws Exception {
        JsonNode doc =
                new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.List<String> problems = new java.util.ArrayList<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    String op = entry.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode o = entry.getValue();
                    if (!o.path("operationId").asText().matches("[a-z][A-Za-z]+")
                            || !ids.add(o.path("operationId").asText())) {
                        problems.add(op + ": operationId missing, malformed or repeated: " + o.path("operationId"));
                    }
                    o.path("parameters").forEach(p -> {
                        if (!p.path("schema").has("type") && !p.path("schema").has("$ref")) {
                            problems.add(op + ": parameter " + p.path("name").asText() + " has no type");
                        }
                    });
                    o.path("responses").fields().forEachRemaining(r -> {
                        String code = r.getKey();
                        JsonNode content = r.getValue().path("content");
                        r.getValue().path("headers").fields().forEachRemaining(h -> {
                            if (!h.getValue().path("schema").has("type")) {
                                problems.add(op + " " + code + ": header " + h.getKey() + " has no type");
                            }
                        });
                        if (code.startsWith("4") || code.startsWith("5")) {
                            if (!content.path("application/problem+json")
                                            .path("schema")
                                            .path("$ref")
                                            .asText()
                                            .endsWith("/ProblemDetail")
                                    || content.size() != 1) {
                                problems.add(op + " " + code + ": not typed as a problem document");
                            }
                        } else if (!code.equals("204")) {
                            content.fields().forEachRemaining(m -> {
                                JsonNode schema = m.getValue().path("schema");
                                if (schema.has("oneOf")
                                        || schema.has("anyOf")
                                        || !(schema.has("$ref") || schema.has("type"))) {
                                    problems.add(
                                            op + " " + code + " " + m.getKey() + ": not one plain schema: " + schema);
                                }
                            });
                            if (content.isEmpty()) {
                                problems.add(op + " " + code + ": no content");
                            }
                        }
                        if ((code.equals("429") || code.equals("503"))
                                && !r.getValue().path("headers").has("Retry-After")) {
                            problems.add(op + " " + code + ": no Retry-After");
                        }
                    });
                }));
        doc.path("components").path("schemas").fields().forEachRemaining(s -> {
            if (s.getKey().matches(".*\\d$")) {
                problems.add("schema " + s.getKey() + ": a numbered name");
            }
            if (s.getValue().has("enum") && !s.getValue().path("type").asText().equals("string")) {
                problems.add("schema " + s.getKey() + ": an enum without a type");
            }
        });
        assertEquals(java.util.List.of(), problems);
        assertTrue(ids.size() >= 34, "operations: " + ids.size());
    }

    /** The bundle's schema is the model file's sections and terms, nothing else. */
    @Test
    void theBundleSchemaIsTheModelFiles() throws Exception {
        JsonNode schemas = new ObjectMapper()
                .readTree(Path.of("openapi/openapi.json").toFile())
                .path("components")
                .path("schemas");
        JsonNode model = new YAMLMapper()
                .readTree(Path.of("src/main/resources/model/deal-model.yaml").toFile());
        JsonNode bundle = schemas.path("Bundle");
        assertEquals(false, bundle.path("additionalProperties").asBoolean(true));
        assertEquals(model.path("sections").size(), bundle.path("properties").size());
        int terms = 0;
        for (JsonNode section : model.path("sections")) {
            String id = section.path("id").asText();
            String ref = bundle.path("properties").path(id).path("$ref").asText();
            JsonNode schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            assertEquals(
                    section.path("description").asText(),
                    schema.path("description").asText(),
                    id);
            terms += schema.path("properties").size();
        }
        assertEquals(model.path("terms").size(), terms);
        for (JsonNode term : model.path("terms")) {
            String[] id = term.path("id").asText().split("\\.");
            JsonNode property = schemas.path(Character.toUpperCase(id[0].charAt(0)) + id[0].substring(1))
                    .path("properties")
                    .path(id[1]);
            String type = switch (term.path("kind").asText()) {
                case "NUMBER" -> "number";
                case "INTEGER" -> "integer";
                case "BOOLEAN" -> "boolean";
                default -> "string";
            };
            assertEquals(type, property.path("type").asText(), term.path("id").asText());
            if (term.has("range")) {
                assertEquals(
                        term.path("range").get(0).asDouble(),
                        property.path("minimum").asDouble(),
                        term.path("id").asText());
                assertEquals(
                        term.path("range").get(1).asDouble(),
                        property.path("maximum").asDouble(),
                        term.path("id").asText());
            }
            if (term.has("values")) {
                assertEquals(
                        term.path("values"),
                        property.path("enum"),
                        term.path("id").asText());
            }
        }
    }

    @Test
    void theRootLeadsToSwaggerUi() {
        given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/q/swagger-ui/"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
