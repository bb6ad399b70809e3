package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static dev.dealeval.api.EpisodeSetCrudTest.JSON;
import static dev.dealeval.api.EpisodeSetCrudTest.builtInEpisodes;
import static dev.dealeval.api.EpisodeSetCrudTest.create;
import static dev.dealeval.api.EpisodeSetCrudTest.episode;
import static dev.dealeval.api.EpisodeSetCrudTest.newId;
import static dev.dealeval.api.EpisodeSetCrudTest.post;
import static dev.dealeval.api.EpisodeSetCrudTest.read;
import static dev.dealeval.api.EpisodeSetCrudTest.set;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/v1/backtests?episodeSet=: the backtest on an analyst's own episodes, with stored scenarios too. */
@QuarkusTest
class EpisodeSetBacktestTest extends ApiTestSupport {

    static JsonNode backtest(String query) {
        return read(given().get("/api/v1/backtests" + query)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /**
     * A copy of the built-in set with London re-coded (export controls at level 2 instead of 1) and
     * Washington's decision on Geneva recorded as a refusal: those two results change, no other.
     */
    @Test
    void aRecodedEpisodeChangesItsOwnResultAndNoOther() {
        ArrayNode episodes = builtInEpisodes();
        ObjectNode london = episode(episodes, "london-framework-2025");
        ((ObjectNode) london.get("bundle").get("usConcessions")).put("exportControlLevel", 2);
        ((ObjectNode) episode(episodes, "geneva-truce-2025").get("decisions")).put("US", "REJECTED");
        String id = create(newId(), episodes);

        JsonNode builtIn = backtest("");
        JsonNode recoded = backtest("?episodeSet=" + id);
        assertEquals("built-in", builtIn.get("episodeSet").asText());
        assertEquals(id, recoded.get("episodeSet").asText());
        assertEquals(1, recoded.get("episodeSetVersion").asInt());
        assertEquals(builtIn.get("episodes").size(), recoded.get("episodes").size());
        for (int i = 0; i < builtIn.get("episodes").size(); i++) {
            JsonNode before = builtIn.get("episodes").get(i);
            JsonNode after = recoded.get("episodes").get(i);
            String episode = before.get("id").asText();
            assertEquals(episode, after.get("id").asText());
            if (episode.equals("london-framework-2025")) {
                assertEquals(
                        2, after.at("/bundle/usConcessions/exportControlLevel").asInt());
                assertNotEquals(before.at("/model/sides/US/surplus"), after.at("/model/sides/US/surplus"));
                assertNotEquals(before.at("/model/sides/CN/surplus"), after.at("/model/sides/CN/surplus"));
            } else if (episode.equals("geneva-truce-2025")) {
                // Only the record changed: the model judges alike, and its agreement with the record flips.
                assertEquals(before.at("/model/agreementProbability"), after.at("/model/agreementProbability"));
                assertEquals(before.at("/model/sides/US/surplus"), after.at("/model/sides/US/surplus"));
                assertEquals(before.at("/model/sides/CN"), after.at("/model/sides/CN"));
                assertEquals("REJECTED", after.at("/happened/US").asText());
                assertEquals(
                        !before.at("/model/sides/US/agrees").asBoolean(),
                        after.at("/model/sides/US/agrees").asBoolean());
            } else {
                assertEquals(before, after, episode);
            }
        }
        given().get("/api/v1/backtests/london-framework-2025?episodeSet=" + id)
                .then()
                .statusCode(200)
                .body("episode.bundle.usConcessions.exportControlLevel", equalTo(2))
                .body(
                        "evaluation.sides.US.surplus",
                        closeTo(
                                episode((ArrayNode) recoded.get("episodes"), "london-framework-2025")
                                        .at("/model/sides/US/surplus")
                                        .asDouble(),
                                1e-12));
    }

    /**
     * An episode decided against a stored scenario is judged exactly as an evaluation against that
     * scenario; the current version of the scenario counts, and a deleted one makes the set unrunnable.
     */
    @Test
    void anEpisodeCanBeDecidedAgainstAStoredScenario() {
        String scenario = ScenarioCrudTest.newId();
        given().contentType(ContentType.JSON)
                .body(ScenarioCrudTest.body(scenario, 15))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201);
        ArrayNode episodes = builtInEpisodes("geneva-truce-2025", "london-framework-2025");
        ObjectNode mine = (ObjectNode) episodes.get(0);
        mine.put("id", "tariff-cut-2026").put("date", "2026-03-15").put("scenario", scenario);
        mine.set(
                "bundle",
                read("{\"usConcessions\": {\"reciprocalTariffPct\": 0}, \"chinaMeasures\": {\"tariffPct\": 0}}"));
        String id = create(newId(), episodes);

        assertJudgedAsAnEvaluation(id, scenario, mine.get("bundle"));
        String before = backtest("?episodeSet=" + id).at("/episodes/0/model").toString();

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(ScenarioCrudTest.body(scenario, 10).replace("\"id\": \"" + scenario + "\", ", ""))
                .put("/api/v1/scenarios/" + scenario)
                .then()
                .statusCode(200);
        assertJudgedAsAnEvaluation(id, scenario, mine.get("bundle"));
        assertNotEquals(
                before, backtest("?episodeSet=" + id).at("/episodes/0/model").toString());

        given().header("If-Match", "\"2\"")
                .delete("/api/v1/scenarios/" + scenario)
                .then()
                .statusCode(204);
        given().get("/api/v1/backtests?episodeSet=" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("episodes[0].scenario"));
        post(set(newId(), episodes)).statusCode(400).body("violations[0].field", equalTo("episodes[0].scenario"));
    }

    private static void assertJudgedAsAnEvaluation(String set, String scenario, JsonNode bundle) {
        JsonNode judged = backtest("?episodeSet=" + set).at("/episodes/0");
        assertEquals(scenario, judged.get("scenario").asText());
        evaluate(JSON.createObjectNode()
                        .put("scenario", scenario)
                        .set("bundle", bundle)
                        .toString())
                .statusCode(200)
                .body("joint.verdict", equalTo(judged.at("/model/verdict").asText()))
                .body(
                        "joint.agreementProbability",
                        closeTo(judged.at("/model/agreementProbability").asDouble(), 1e-12))
                .body(
                        "sides.US.surplus",
                        closeTo(judged.at("/model/sides/US/surplus").asDouble(), 1e-12))
                .body(
                        "sides.CN.surplus",
                        closeTo(judged.at("/model/sides/CN/surplus").asDouble(), 1e-12));
    }

    /** Episodes that record one government's decision only have no known outcome: no Brier score, no skill. */
    @Test
    void scoresThatASetLeavesUndefinedAreLeftOut() {
        ArrayNode episodes = builtInEpisodes("geneva-truce-2025", "london-framework-2025");
        for (var e : episodes) {
            ((ObjectNode) e).set("decisions", read("{\"CN\": \"ACCEPTED\"}"));
        }
        given().get("/api/v1/backtests?episodeSet=" + create(newId(), episodes))
                .then()
                .statusCode(200)
                .body("summary.episodes", equalTo(2))
                .body("summary.sideDecisions", equalTo(2))
                .body("summary.scoredOutcomes", equalTo(0))
                .body("summary", not(hasKey("brierScore")))
                .body("summary", not(hasKey("brierSkillScore")))
                .body("episodes.happened", everyItem(not(hasKey("US"))));
    }

    @Test
    void unknownSetsAndEpisodesAreProblemsLikeUnknownProfiles() {
        given().get("/api/v1/backtests?episodeSet=nowhere")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("episodeSet"))
                .body("violations[0].message", containsString("unknown episode set 'nowhere'"));
        given().get("/api/v1/backtests?episodeSet=Not_A_Set")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("episodeSet"))
                .body("violations[0].message", equalTo("must be an episode set id such as built-in"));
        given().get("/api/v1/backtests?episodeSet=nowhere&profile=nobody")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("episodeSet", "profile")));
        given().get("/api/v1/backtests/geneva-truce-2025?episodeSet=nowhere")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("episodeSet"));
        String id = create(newId(), builtInEpisodes("london-framework-2025"));
        given().get("/api/v1/backtests/geneva-truce-2025?episodeSet=" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/backtests/london-framework-2025?episodeSet=built-in")
                .then()
                .statusCode(200)
                .body("episode.bundle.usConcessions.exportControlLevel", equalTo(1));
    }
}
