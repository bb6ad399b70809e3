package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.adapter.genius.GeniusXml;
import dev.dealeval.domain.genius.GeniusTestData;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The U.S.–China model exported as a GENIUS domain: the files read as GENIUS files, import back
 * with identical utilities for every one of the 1,152,000 outcomes, export again unchanged, and
 * their fit to the model is reported.
 */
@QuarkusTest
class GeniusExportTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeniusXml GENIUS_XML = new GeniusXml();

    @Test
    void exportImportExportKeepsEveryUtilityAndReportsTheFit() throws Exception {
        JsonPath e = given().queryParam("scenario", "GENEVA_2025")
                .queryParam("profile", "default")
                .queryParam("samples", 20000)
                .get("/api/v1/exports/genius")
                .then()
                .statusCode(200)
                .body("outcomes", equalTo(1_152_000))
                .body("domain.parties.name", equalTo(List.of("United States", "China")))
                .body("fit.samples", equalTo(20000))
                .extract()
                .jsonPath();
        assertEquals(10, e.getList("terms").size());
        for (String side : List.of("us", "cn")) {
            double r2 = e.getDouble("fit." + side + ".rSquared");
            assertTrue(r2 > 0 && r2 <= 1, side + " R² " + r2);
            assertTrue(e.getDouble("fit." + side + ".range") > 0, side);
            double rv = e.getDouble("fit." + side + ".reservationValue");
            assertTrue(rv >= 0 && rv <= 1, side + " reservation " + rv);
        }
        // The same request gives the same files.
        String again = given().queryParam("scenario", "GENEVA_2025")
                .queryParam("samples", 20000)
                .get("/api/v1/exports/genius")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("domain.parties[0].xml");
        assertEquals(e.getString("domain.parties[0].xml"), again);

        // The files read as GENIUS files.
        NegotiationDomain exported = GENIUS_XML.readDomain(e.getString("domain.domainXml"), "export");
        assertEquals(1_152_000, exported.outcomeCount());
        Preferences us = GENIUS_XML.readPreferences(e.getString("domain.parties[0].xml"), exported, "us");
        Preferences cn = GENIUS_XML.readPreferences(e.getString("domain.parties[1].xml"), exported, "cn");
        assertEquals(e.getDouble("fit.us.reservationValue"), us.reservation(), 1e-15);

        // Import them, export again: the same utilities for every outcome.
        String id = "us-china-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> domain = e.getMap("domain");
        Map<String, Object> body = new java.util.LinkedHashMap<>(domain);
        body.put("id", id);
        given().contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(body))
                .post("/api/v1/domains")
                .then()
                .statusCode(201)
                .body("outcomeCount", equalTo(1_152_000));
        NegotiationDomain back = GENIUS_XML.readDomain(
                given().get("/api/v1/domains/" + id + "/domain.xml")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                "back");
        assertEquals(exported.issues(), back.issues());
        Preferences usBack = GENIUS_XML.readPreferences(
                given().get("/api/v1/domains/" + id + "/parties/1.xml")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                back,
                "us");
        Preferences cnBack = GENIUS_XML.readPreferences(
                given().get("/api/v1/domains/" + id + "/parties/2.xml")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                back,
                "cn");
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                GeniusTestData.utilities(exported, us), GeniusTestData.utilities(back, usBack));
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                GeniusTestData.utilities(exported, cn), GeniusTestData.utilities(back, cnBack));
        assertEquals(us.reservation(), usBack.reservation());

        // And the imported export is analysed like any domain: the search's Nash product is the brute-force one.
        double[] ua = GeniusTestData.utilities(exported, us);
        double[] ub = GeniusTestData.utilities(exported, cn);
        double nash = 0;
        for (int k = 0; k < ua.length; k++) {
            double x = ua[k] - us.reservation();
            double y = ub[k] - cn.reservation();
            if (x > 0 && y > 0) {
                nash = Math.max(nash, x * y);
            }
        }
        JsonPath r = given().contentType(ContentType.JSON)
                .body("{\"domain\":\"" + id + "\"}")
                .post("/api/v1/searches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1_152_000, r.getLong("counts.examined"));
        assertEquals(nash, r.getDouble("solutions.nash.nashProduct"), 0.0);
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        given().queryParam("samples", 10)
                .get("/api/v1/exports/genius")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("samples"));
        given().queryParam("scenario", "NOWHERE")
                .get("/api/v1/exports/genius")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("scenario"))
                .body("violations[0].message", containsString("unknown scenario"));
    }
}
