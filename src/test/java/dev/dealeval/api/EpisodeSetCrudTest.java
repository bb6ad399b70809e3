package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Episode sets stored and versioned like scenarios: created, read with their ETag, replaced and
 * deleted conditionally, listed; the built-in set read-only; every episode checked before anything is
 * written, each problem naming its field.
 */
@QuarkusTest
class EpisodeSetCrudTest extends ApiTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    static String newId() {
        return "set-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The built-in set's episodes as GET answers them: the form POST and PUT take. */
    static ArrayNode builtInEpisodes() {
        return (ArrayNode) read(given().get("/api/v1/episode-sets/built-in")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("episodes");
    }

    /** The built-in episodes with these ids, in this order. */
    static ArrayNode builtInEpisodes(String... ids) {
        ArrayNode all = builtInEpisodes();
        ArrayNode some = JSON.createArrayNode();
        for (String id : ids) {
            some.add(episode(all, id).deepCopy());
        }
        return some;
    }

    static ObjectNode episode(ArrayNode episodes, String id) {
        for (JsonNode e : episodes) {
            if (e.get("id").asText().equals(id)) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("no episode " + id);
    }

    /** A set request copied from the built-in set; id null for PUT. */
    static ObjectNode set(String id, ArrayNode episodes) {
        ObjectNode s = JSON.createObjectNode();
        if (id != null) {
            s.put("id", id);
        }
        s.put("basedOn", "built-in");
        s.put("name", "An analyst's coding");
        s.set("episodes", episodes);
        return s;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ValidatableResponse post(JsonNode body) {
        return given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/episode-sets")
                .then();
    }

    /** Stores the set, 201; returns its id. */
    static String create(String id, ArrayNode episodes) {
        post(set(id, episodes)).statusCode(201);
        return id;
    }

    @Test
    void createReadReplaceListDelete() {
        String id = newId();
        ArrayNode episodes = builtInEpisodes("geneva-truce-2025", "london-framework-2025");
        post(set(id, episodes))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/episode-sets/" + id))
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("basedOn", equalTo("built-in"))
                .body("builtIn", is(false))
                .body("version", equalTo(1))
                .body("episodes.id", equalTo(List.of("geneva-truce-2025", "london-framework-2025")));

        String got = given().get("/api/v1/episode-sets/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .extract()
                .asString();
        assertEquals(episodes, read(got).get("episodes"), "episodes read back as they were written");

        ObjectNode one = set(null, builtInEpisodes("london-framework-2025"));
        put(id, null, one).statusCode(428).contentType("application/problem+json");
        put(id, "\"5\"", one).statusCode(412).contentType("application/problem+json");
        put(id, "\"1\"", set("another-id", builtInEpisodes("london-framework-2025")))
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
        put(id, "\"1\"", one)
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("episodes.id", equalTo(List.of("london-framework-2025")));

        JsonNode list = read(given().get("/api/v1/episode-sets?size=100")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals("built-in", list.at("/items/0/id").asText(), "the built-in set first");
        assertEquals(builtInEpisodes().size(), list.at("/items/0/episodeCount").asInt());
        JsonNode mine = null;
        for (JsonNode item : list.get("items")) {
            mine = item.get("id").asText().equals(id) ? item : mine;
        }
        assertEquals(1, mine.get("episodeCount").asInt());
        assertEquals(2, mine.get("version").asInt());
        assertFalse(mine.has("episodes"), "a listing leaves the episodes out");

        given().delete("/api/v1/episode-sets/" + id).then().statusCode(428);
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/episode-sets/" + id)
                .then()
                .statusCode(412);
        given().header("If-Match", "\"2\"")
                .delete("/api/v1/episode-sets/" + id)
                .then()
                .statusCode(204);
        given().get("/api/v1/episode-sets/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    static ValidatableResponse put(String id, String ifMatch, JsonNode body) {
        var request = given().contentType(ContentType.JSON).body(body.toString());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/episode-sets/" + id).then();
    }

    @Test
    void theBuiltInSetIsListedReadableAndReadOnly() {
        int episodes = given().get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .extract()
                .path("summary.episodes");
        given().get("/api/v1/episode-sets/built-in")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("builtIn", is(true))
                .body("version", equalTo(1))
                .body("episodes.size()", equalTo(episodes))
                .body("excluded.size()", greaterThanOrEqualTo(1));
        put("built-in", "\"1\"", set(null, builtInEpisodes("geneva-truce-2025")))
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/episode-sets/built-in")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        post(set("built-in", builtInEpisodes("geneva-truce-2025")))
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String body = set(id, builtInEpisodes("geneva-truce-2025")).toString();
        var first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/episode-sets");
        first.then().statusCode(201);
        var again = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/episode-sets");
        again.then().statusCode(201).header("ETag", "\"1\"").header("Location", equalTo(first.header("Location")));
        assertEquals(first.asString(), again.asString());
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/episode-sets")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(set(id, builtInEpisodes("london-framework-2025")).toString())
                .post("/api/v1/episode-sets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void writesNeedTheEditorRole() {
        String id = newId();
        String body = set(id, builtInEpisodes("geneva-truce-2025")).toString();
        given().header("X-API-Key", READER_KEY)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/episode-sets")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("X-API-Key", "not-a-key")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/episode-sets")
                .then()
                .statusCode(401);
        given().header("X-API-Key", READER_KEY)
                .get("/api/v1/episode-sets/built-in")
                .then()
                .statusCode(200);
        given().get("/api/v1/episode-sets/" + id).then().statusCode(404);
    }

    /** The problems of the issue, in one request: each names its field, and nothing is written. */
    @Test
    void everyEpisodeIsCheckedBeforeAnythingIsWritten() {
        String id = newId();
        ArrayNode episodes =
                builtInEpisodes("geneva-truce-2025", "london-framework-2025", "busan-framework-2025", "phase-one-2019");
        ((ObjectNode) episodes.get(0)).put("scenario", "NO_SUCH_SCENARIO");
        ((ObjectNode) episodes.get(1)).put("id", "geneva-truce-2025");
        ((ObjectNode) episodes.get(2)).set("decisions", JSON.createObjectNode());
        ((ObjectNode) episodes.get(3).get("bundle").get("purchases")).put("years", 9);
        post(set(id, episodes))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "violations.field",
                        equalTo(List.of(
                                "episodes[0].scenario",
                                "episodes[1].id",
                                "episodes[2].decisions",
                                "episodes[3].bundle.purchases.years")))
                .body("violations[0].message", startsWith("unknown scenario 'NO_SUCH_SCENARIO'"))
                .body("violations[1].message", equalTo("duplicate episode id 'geneva-truce-2025' (also episodes[0])"))
                .body("violations[2].message", startsWith("must record what at least one government did"))
                .body("violations[3].message", equalTo("must be between 1 and 5 (years)"));
        given().get("/api/v1/episode-sets/" + id).then().statusCode(404);

        ArrayNode dated = builtInEpisodes("geneva-truce-2025");
        ((ObjectNode) dated.get(0)).put("date", "2025-02-30");
        invalid(set(id, dated), "episodes[0].date", "must be a date yyyy-mm-dd (was '2025-02-30')");
        invalid(set(id, builtInEpisodes("geneva-truce-2025")).put("basedOn", "nowhere"), "basedOn", null);
        invalid(set(id, JSON.createArrayNode()), "episodes", "must hold between 1 and 500 episodes");
        ArrayNode maybe = builtInEpisodes("geneva-truce-2025");
        ((ObjectNode) maybe.get(0).get("decisions")).put("US", "MAYBE");
        invalid(set(id, maybe), "episodes[0].decisions.US", null);
        ArrayNode unsourced = builtInEpisodes("geneva-truce-2025");
        ((ObjectNode) unsourced.get(0)).set("sources", JSON.createArrayNode());
        invalid(set(id, unsourced), "episodes[0].sources", null);
        given().get("/api/v1/episode-sets/" + id).then().statusCode(404);
    }

    static void invalid(JsonNode body, String field, String message) {
        var answer = post(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
        if (message != null) {
            answer.body("violations[0].message", equalTo(message));
        }
    }

    @Test
    void aSetHoldsAtMostFiveHundredEpisodes() {
        ArrayNode many = JSON.createArrayNode();
        JsonNode geneva = builtInEpisodes("geneva-truce-2025").get(0);
        for (int i = 0; i <= 500; i++) {
            many.add(((ObjectNode) geneva.deepCopy()).put("id", "geneva-" + i));
        }
        String id = newId();
        invalid(set(id, many), "episodes", "must hold between 1 and 500 episodes");
        many.remove(500);
        post(set(id, many)).statusCode(201).body("episodes.size()", equalTo(500));
        given().get("/api/v1/backtests?episodeSet=" + id)
                .then()
                .statusCode(200)
                .body("summary.episodes", equalTo(500))
                // 500 agreements: the base rate is 1, so there is no skill to measure against it.
                .body("summary.referenceBrierScore", equalTo(0.0))
                .body("summary", not(hasKey("brierSkillScore")));
    }

    /**
     * A set written at the body limit is stored, and its answer (a little longer than the request: numbers
     * written back as 10.0) kept for an Idempotency-Key: the V5 migration made both columns TEXT.
     */
    @Test
    void aSetAtTheBodyLimitIsStoredAndItsAnswerKeptForRetries() {
        String id = newId();
        ArrayNode many = JSON.createArrayNode();
        JsonNode geneva = builtInEpisodes("geneva-truce-2025").get(0);
        for (int i = 0; i < 500; i++) {
            ObjectNode e = ((ObjectNode) geneva.deepCopy()).put("id", "geneva-" + i);
            // Written as whole numbers; the answer writes them back as 10.0.
            ((ObjectNode) e.get("bundle").get("usConcessions")).put("reciprocalTariffPct", 10);
            ((ObjectNode) e.get("bundle").get("chinaMeasures")).put("tariffPct", 10);
            many.add(e.put("encoding", ""));
        }
        int pad = (1_048_000 - set(id, many).toString().length()) / 500;
        for (JsonNode e : many) {
            ((ObjectNode) e).put("encoding", "x".repeat(pad));
        }
        String body = set(id, many).toString();
        String key = UUID.randomUUID().toString();
        var first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/episode-sets");
        first.then().statusCode(201);
        assertTrue(
                first.asString().length() > 1_048_576,
                "answer of " + first.asString().length());
        var again = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/episode-sets");
        again.then().statusCode(201);
        assertEquals(first.asString(), again.asString());
    }

    @Test
    void aFailedReplaceLeavesTheStoredVersion() {
        String id = create(newId(), builtInEpisodes("geneva-truce-2025"));
        ArrayNode broken = builtInEpisodes("geneva-truce-2025", "london-framework-2025");
        ((ObjectNode) broken.get(1)).put("scenario", "NO_SUCH_SCENARIO");
        put(id, "\"1\"", set(null, broken))
                .statusCode(400)
                .body("violations[0].field", equalTo("episodes[1].scenario"));
        given().get("/api/v1/episode-sets/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("episodes.id", equalTo(List.of("geneva-truce-2025")));
        given().get("/api/v1/episode-sets/nowhere").then().statusCode(404).body("detail", containsString("nowhere"));
    }
}
