package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.adapter.genius.GeniusXml;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Imported GENIUS domains over HTTP: import, read, export and read back, replace and delete, refusals. */
@QuarkusTest
class DomainCrudTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeniusXml GENIUS_XML = new GeniusXml();

    private static String resource(String path) {
        try (InputStream in =
                DomainCrudTest.class.getClassLoader().getResourceAsStream("genius/anac/y2011/Laptop/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String laptop(String id, String buyerXml) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "id",
                id,
                "name",
                "Laptop (ANAC 2011)",
                "domainXml",
                resource("laptop_domain.xml"),
                "parties",
                List.of(
                        Map.of("name", "buyer", "xml", buyerXml),
                        Map.of("name", "seller", "xml", resource("laptop_seller_utility.xml")))));
    }

    private static String newId() {
        return "laptop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void importReadExportAndReadBackWithTheSameUtilities() throws Exception {
        String id = newId();
        given().contentType(ContentType.JSON)
                .body(laptop(id, resource("laptop_buyer_utility.xml")))
                .post("/api/v1/domains")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/domains/" + id))
                .header("ETag", "\"1\"")
                .body("outcomeCount", equalTo(27))
                .body("issues.name", equalTo(List.of("Laptop", "Harddisk", "External Monitor")))
                .body("issues[0].values", equalTo(List.of("Dell", "Macintosh", "HP")))
                .body("parties.name", equalTo(List.of("buyer", "seller")))
                .body("parties[0].weights.Laptop", closeTo(0.4452125771655631, 1e-15))
                .body("parties[1].discount", closeTo(0.42441038, 1e-15));
        given().get("/api/v1/domains/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Laptop (ANAC 2011)"));
        String domainXml = given().get("/api/v1/domains/" + id + "/domain.xml")
                .then()
                .statusCode(200)
                .contentType("application/xml")
                .extract()
                .asString();
        NegotiationDomain original = GENIUS_XML.readDomain(resource("laptop_domain.xml"), "laptop");
        NegotiationDomain exported = GENIUS_XML.readDomain(domainXml, "laptop");
        assertEquals(original.issues(), exported.issues());
        String[] files = {"laptop_buyer_utility.xml", "laptop_seller_utility.xml"};
        for (int n = 1; n <= 2; n++) {
            String xml = given().get("/api/v1/domains/" + id + "/parties/" + n + ".xml")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Preferences before = GENIUS_XML.readPreferences(resource(files[n - 1]), original, "p");
            Preferences after = GENIUS_XML.readPreferences(xml, exported, "p");
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    for (int c = 0; c < 3; c++) {
                        int[] o = {a, b, c};
                        assertEquals(before.utility(original, o), after.utility(exported, o), 0.0);
                    }
                }
            }
        }
        given().get("/api/v1/domains/" + id + "/parties/3.xml")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // Content negotiation: the domain itself as GENIUS XML.
        assertEquals(
                domainXml,
                given().accept("application/xml")
                        .get("/api/v1/domains/" + id)
                        .then()
                        .statusCode(200)
                        .contentType("application/xml")
                        .extract()
                        .asString());
    }

    @Test
    void hostileAndBrokenFilesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String id = newId();
        String xxe =
                "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><utility_space>&x;</utility_space>";
        given().contentType(ContentType.JSON)
                .body(laptop(id, xxe))
                .post("/api/v1/domains")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("parties[0].xml"))
                .body("violations[0].message", containsString("DOCTYPE is not allowed"));
        String unbalanced = resource("laptop_buyer_utility.xml").replace("0.4452125771655631", "0.6");
        given().contentType(ContentType.JSON)
                .body(laptop(id, unbalanced))
                .post("/api/v1/domains")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("parties[0].xml"))
                .body("violations[0].message", containsString("utility_space/objective/weight: the weights sum to"));
        String body = JSON.writeValueAsString(Map.of(
                "id",
                id,
                "name",
                "x",
                "domainXml",
                "<negotiation_template>",
                "parties",
                List.of(Map.of("name", "a", "xml", "<utility_space/>"))));
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/domains")
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("parties"));
        given().get("/api/v1/domains/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    /** A form of more parts than the multipart reader takes (1000) is a client's error, not a 500 (RawFuzzTest found it). */
    @Test
    void aFormOfTooManyPartsIs400() {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            form.append("--b\r\nContent-Disposition: form-data; name=\"x")
                    .append(i)
                    .append("\"\r\n\r\ny\r\n");
        }
        given().config(io.restassured.RestAssured.config()
                        .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                .contentType("multipart/form-data; boundary=b")
                .body(form.append("--b--\r\n").toString())
                .post("/api/v1/domains")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("more parts than a request may hold"));
    }

    @Test
    void aFormOfTooManyPartsIsAClientError() {
        var request = given().multiPart("id", newId()).multiPart("name", "x");
        for (int i = 0; i < 1001; i++) {
            request = request.multiPart("x" + i, "y");
        }
        request.post("/api/v1/domains")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("more parts"));
    }

    @Test
    void replaceNeedsTheCurrentVersionAndDeleteToo() throws Exception {
        String id = newId();
        given().contentType(ContentType.JSON)
                .body(laptop(id, resource("laptop_buyer_utility.xml")))
                .post("/api/v1/domains")
                .then()
                .statusCode(201);
        String replacement =
                laptop(id, resource("laptop_buyer_utility.xml").replace("evaluation=\"12\"", "evaluation=\"15\""));
        given().contentType(ContentType.JSON)
                .body(replacement)
                .put("/api/v1/domains/" + id)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(replacement)
                .put("/api/v1/domains/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/domains/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().header("If-Match", "\"2\"")
                .delete("/api/v1/domains/" + id)
                .then()
                .statusCode(204);
        given().get("/api/v1/domains/" + id).then().statusCode(404);
    }
}
