package dev.dealeval.api;

import static dev.dealeval.api.EpisodeSetCrudTest.builtInEpisodes;
import static dev.dealeval.api.EpisodeSetCrudTest.create;
import static dev.dealeval.api.EpisodeSetCrudTest.episode;
import static dev.dealeval.api.EpisodeSetCrudTest.newId;
import static dev.dealeval.api.EpisodeSetCrudTest.read;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/v1/fits: the fitting procedure of docs/fitting.md served. */
@QuarkusTest
class FitResourceTest extends ApiTestSupport {

    static JsonNode fit(String body) {
        return read(given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/fits")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** Stores a fitted profile as the fit answered it (POST /api/v1/profiles, 201). */
    private static void store(JsonNode profile) {
        given().contentType(ContentType.JSON)
                .header("X-API-Key", EDITOR_KEY)
                .body(profile.toString())
                .post("/api/v1/profiles")
                .then()
                .statusCode(201);
    }

    private static JsonNode get(String path) {
        return read(given().get(path).then().statusCode(200).extract().asString());
    }

    /**
     * The model file holds the fit of the default profile to the built-in episodes (FitReportTest), so
     * refitting it gives back its own settings; out of fold, the backtest's headline: 93 of 108.
     */
    @Test
    void theDefaultProfileRefitsToTheModelFile() {
        JsonNode fit = fit("{\"profile\": \"default\", \"episodeSet\": \"built-in\"}");
        JsonNode settings = get("/api/v1/profiles/default").get("settings");
        JsonNode forms = get("/api/v1/profiles/default").at("/credibility/formFactors");
        JsonNode profile = fit.get("profile");
        assertEquals("default-fitted-built-in", profile.get("id").asText());
        assertEquals("default", profile.get("basedOn").asText());
        for (String f : List.of("temperature", "stakeFloor", "probabilityFloor")) {
            assertEquals(
                    settings.get(f).asDouble(), profile.at("/settings/" + f).asDouble(), f);
        }
        assertEquals(
                settings.at("/threshold/US").asDouble(),
                profile.at("/settings/threshold/US").asDouble());
        assertEquals(
                settings.at("/threshold/CN").asDouble(),
                profile.at("/settings/threshold/CN").asDouble());
        assertEquals(
                forms.get("FLOATED_PROPOSAL").asDouble(),
                profile.at("/credibility/formFactors/FLOATED_PROPOSAL").asDouble());
        assertEquals(1, profile.at("/credibility/formFactors").size(), "only the fitted form factor changes");
        assertFalse(profile.has("weights"));
        assertFalse(profile.has("factions"));
        assertFalse(profile.at("/settings").has("stanceMargin"));

        assertEquals(108, fit.get("sideDecisions").asInt());
        assertEquals(108, fit.at("/leaveOneOut/sideDecisions").asInt());
        assertEquals(94, fit.at("/leaveOneOut/sideAgreeing").asInt());
        assertEquals("2025-01-01", fit.get("splitDate").asText());
        assertFalse(fit.get("temporal").isNull());
        JsonNode backtest = get("/api/v1/backtests?profile=default");
        assertEquals(backtest.get("summary"), fit.get("inSample"), "the model file's profile is the fit");
        assertEquals(backtest.at("/outOfFold/leaveOneOut"), fit.get("leaveOneOut"));
        assertEquals(backtest.at("/outOfFold/temporal"), fit.get("temporal"));
    }

    /** The fitted profile is a POST /api/v1/profiles body as it stands; stored, it backtests as the fit said. */
    @Test
    void theFittedProfileOfARecodedSetStoresAndBacktestsAsAnswered() {
        ArrayNode episodes = builtInEpisodes();
        ObjectNode london = episode(episodes, "london-framework-2025");
        ((ObjectNode) london.get("bundle").get("usConcessions")).put("exportControlLevel", 2);
        ((ObjectNode) episode(episodes, "geneva-truce-2025").get("decisions")).put("US", "REJECTED");
        ((ObjectNode) episode(episodes, "phase-one-2019").get("decisions")).put("CN", "REJECTED");
        String set = create(newId(), episodes);

        JsonNode builtIn = fit("{\"profile\": \"default\"}");
        JsonNode recoded = fit("{\"profile\": \"default\", \"episodeSet\": \"" + set + "\"}");
        assertEquals(set, recoded.get("episodeSet").asText());
        assertEquals("default-fitted-" + set, recoded.at("/profile/id").asText());
        assertNotEquals(builtIn.get("meanLogLoss"), recoded.get("meanLogLoss"));
        assertNotEquals(builtIn.get("inSample"), recoded.get("inSample"));

        String id = recoded.at("/profile/id").asText();
        store(recoded.get("profile"));
        JsonNode stored = get("/api/v1/profiles/" + id);
        assertEquals(
                recoded.at("/profile/settings/temperature").asDouble(),
                stored.at("/settings/temperature").asDouble());
        JsonNode backtest = get("/api/v1/backtests?profile=" + id + "&episodeSet=" + set);
        assertEquals(recoded.get("inSample"), backtest.get("summary"));
    }

    /**
     * With weights: true the criterion weights are fitted too, and the fit keeps every single concession
     * for nothing refused by its giver: stored, the fitted profile still refuses to relieve a listed
     * company for nothing (what the unconstrained fit gave away, docs/fitting.md), and every
     * move keeps its direction. Out of fold: 95 of 108 side decisions, against 93 for the settings alone.
     */
    @Test
    void aFitOfTheWeightsKeepsConcessionsForNothingRefused() {
        JsonNode fit = fit("{\"profile\": \"default\", \"weights\": true}");
        JsonNode defaults = get("/api/v1/profiles/default").get("weights");
        JsonNode weights = fit.at("/profile/weights");
        for (String side : List.of("US", "CN")) {
            double sum = 0;
            for (var w : (Iterable<JsonNode>) weights.get(side)::elements) {
                sum += w.asDouble();
            }
            assertEquals(1, sum, 1e-3, side + " weights are normalised");
            assertEquals(defaults.get(side).size(), weights.get(side).size(), "every criterion of " + side);
        }
        assertNotEquals(defaults.get("US"), weights.get("US"));
        assertTrue(fit.at("/profile/description").asText().contains("criterion weights"));
        assertEquals(108, fit.at("/leaveOneOut/sideDecisions").asInt());
        assertEquals(96, fit.at("/leaveOneOut/sideAgreeing").asInt());

        String id = newId();
        ObjectNode profile = (ObjectNode) fit.get("profile");
        profile.put("id", id);
        store(profile);
        for (String scenario : List.of("MAY_2017", "MAR_2023", "GENEVA_2025")) {
            for (String relief : List.of("LICENCES", "DELISTING")) {
                given().contentType(ContentType.JSON)
                        .body("{\"scenario\": \"" + scenario + "\", \"profile\": \"" + id
                                + "\", \"bundle\": {\"usConcessions\": {\"companyRelief\": \"" + relief + "\"}}}")
                        .post("/api/v1/evaluations?store=false")
                        .then()
                        .statusCode(200)
                        .body("sides.US.ratified", equalTo(false));
            }
        }
        // and keeps the direction of every move: China still gains from H20-class chips (level 2 -> 3),
        // which the fit crossed before it kept directions
        double[] china = new double[2];
        for (int level = 2; level <= 3; level++) {
            china[level - 2] = given().contentType(ContentType.JSON)
                    .body("{\"scenario\": \"MAR_2023\", \"profile\": \"" + id
                            + "\", \"bundle\": {\"usConcessions\": {\"exportControlLevel\": " + level + "}}}")
                    .post("/api/v1/evaluations?store=false")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getDouble("sides.CN.utility");
        }
        assertTrue(china[1] > china[0], "China's utility at levels 2 and 3: " + china[0] + ", " + china[1]);
    }

    /**
     * With clouts: true the factions' clouts are fitted too, each side's summing to 1; the fitted profile
     * stores as it is answered, backtests as the fit said, and still refuses company relief for nothing.
     */
    @Test
    void aFitOfTheCloutsStoresBacktestsAsAnsweredAndKeepsTheProperty() {
        JsonNode fit = fit("{\"clouts\": true}");
        JsonNode profile = fit.get("profile");
        assertFalse(profile.has("weights"));
        assertTrue(profile.at("/description").asText().contains("faction clouts"));
        JsonNode factions = profile.get("factions");
        assertEquals(11, factions.size(), "every faction's clout");
        JsonNode defaults = get("/api/v1/profiles/default").get("factions");
        double[] sums = new double[2];
        boolean moved = false;
        for (JsonNode d : defaults) {
            JsonNode f = factions.get(d.get("id").asText());
            assertEquals(1, f.size(), "only the clout of " + d.get("id"));
            sums[d.get("side").asText().equals("US") ? 0 : 1] += f.get("clout").asDouble();
            moved |= f.get("clout").asDouble() != d.get("clout").asDouble();
        }
        assertEquals(1, sums[0], 1e-9);
        assertEquals(1, sums[1], 1e-9);
        assertTrue(moved, "the fit moves the clouts");

        String id = newId();
        ((ObjectNode) profile).put("id", id);
        store(profile);
        assertEquals(fit.get("inSample"), get("/api/v1/backtests?profile=" + id).get("summary"));
        given().contentType(ContentType.JSON)
                .body("{\"scenario\": \"JUL_2019\", \"profile\": \"" + id
                        + "\", \"bundle\": {\"usConcessions\": {\"companyRelief\": \"LICENCES\"}}}")
                .post("/api/v1/evaluations?store=false")
                .then()
                .statusCode(200)
                .body("sides.US.ratified", equalTo(false));
    }

    @Test
    void unknownProfileOrSetIsA400NamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"profile\": \"no-such-profile\"}")
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("profile"))
                .body("violations[0].message", containsString("no-such-profile"));
        given().contentType(ContentType.JSON)
                .body("{\"episodeSet\": \"no-such-set\"}")
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("episodeSet"));
        given().contentType(ContentType.JSON)
                .body("{\"profile\": \"Not An Id\"}")
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("profile"));
        given().contentType(ContentType.JSON)
                .body("{\"weights\": \"yes\"}")
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("weights")))
                .body("violations[0].message", containsString("true or false"));
        given().contentType(ContentType.JSON)
                .body("{\"clouts\": 1}")
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("clouts")));
    }

    @Test
    void aSetWithOneSideDecisionCannotBeFitted() {
        ArrayNode one = builtInEpisodes("geneva-truce-2025");
        ((ObjectNode) one.get(0).get("decisions")).remove("CN");
        String set = create(newId(), one);
        given().contentType(ContentType.JSON)
                .body("{\"episodeSet\": \"" + set + "\"}")
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("episodeSet")))
                .body("violations[0].message", containsString("at least 2"));
    }
}
