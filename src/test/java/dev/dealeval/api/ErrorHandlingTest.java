package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every client error is a 4xx application/problem+json that names the field; none is a 5xx. */
@QuarkusTest
class ErrorHandlingTest extends ApiTestSupport {
    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/evaluations")
    java.net.URI evaluations;

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"years\": 9}}}",
                        "bundle.purchases.years",
                        "must be between 1 and 5 (years)"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"years\": 2.5}}}",
                        "bundle.purchases.years",
                        "must be a whole number (was 2.5)"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"years\": \"2\"}}}",
                        "bundle.purchases.years",
                        "must be a whole number (was \"2\")"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": -1}}}",
                        "bundle.purchases.agricultureUsdBnPerYear",
                        "must be between 0 and 60 (USD bn per year above the 2017 baseline)"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": NaN}}}",
                        "bundle.purchases.agricultureUsdBnPerYear",
                        "must be a finite number (NaN and Infinity are not JSON numbers)"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": Infinity}}}",
                        "bundle.purchases.agricultureUsdBnPerYear",
                        "must be a finite number (NaN and Infinity are not JSON numbers)"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": 1e400}}}",
                        "bundle.purchases.agricultureUsdBnPerYear",
                        "must be a finite number"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": \"NaN\"}}}",
                        "bundle.purchases.agricultureUsdBnPerYear",
                        "must be a number (was \"NaN\")"),
                Arguments.of("{\"bundle\": {\"purchases\": {\"bananas\": 1}}}", "bundle.purchases.bananas", null),
                Arguments.of("{\"bundle\": {\"space\": {}}}", "bundle.space", null),
                Arguments.of("{\"bundle\": {}, \"extra\": 1}", "extra", null),
                Arguments.of(
                        "{\"bundle\": {\"fentanyl\": {\"level\": \"SOME\"}}}",
                        "bundle.fentanyl.level",
                        "must be one of NONE, STATEMENT, LAW_ENFORCEMENT_PACKAGE, PRECURSOR_LICENSING, VERIFIED_REDUCTION"),
                Arguments.of(
                        "{\"bundle\": {\"fentanyl\": {\"level\": 3}}}",
                        "bundle.fentanyl.level",
                        "must be a string (was 3)"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"catchUpProvision\": 1}}}",
                        "bundle.purchases.catchUpProvision",
                        "must be true or false (was 1)"),
                Arguments.of(
                        "{\"bundle\": {\"purchases\": {\"catchUpProvision\": \"yes\"}}}",
                        "bundle.purchases.catchUpProvision",
                        null),
                Arguments.of("{\"bundle\": {\"purchases\": [1, 2]}}", "bundle.purchases", "must be an object"),
                Arguments.of(
                        "{\"bundle\": {\"investment\": {\"jobs\": 99999999999999}}}",
                        "bundle.investment.jobs",
                        "must be between 0 and 1000000 (U.S. jobs)"),
                Arguments.of(
                        "{\"bundle\": {\"usConcessions\": {\"exportControlLevel\": 6}}}",
                        "bundle.usConcessions.exportControlLevel",
                        null),
                Arguments.of("{\"bundle\": {}, \"scenario\": \"NOWHERE\"}", "scenario", null),
                Arguments.of(
                        "{\"bundle\": {}, \"scenario\": \"nowhere\"}",
                        "scenario",
                        "must be a scenario id such as GENEVA_2025"),
                Arguments.of("{\"bundle\": {}, \"profile\": \"nobody\"}", "profile", null),
                Arguments.of("{\"bundle\": {}, \"profile\": 7}", "profile", "must be a string (was 7)"),
                Arguments.of("{}", "bundle", "is required (use {} for no deal)"),
                Arguments.of("{\"bundle\": null}", "bundle", "is required (use {} for no deal)"),
                Arguments.of("null", "body", "a JSON body is required"),
                Arguments.of("[]", "body", "must be a JSON object"),
                Arguments.of("\"text\"", "body", "must be a JSON object"),
                Arguments.of(
                        "{\"bundle\": {}, \"overrides\": {\"weights\": {\"XX\": {}}}}",
                        "overrides.weights",
                        "must be one of US, CN (was XX)"),
                Arguments.of(
                        "{\"bundle\": {}, \"overrides\": {\"weights\": {\"US\": {\"beauty\": 1}}}}",
                        "overrides.weights.US.beauty",
                        null),
                Arguments.of(
                        "{\"bundle\": {}, \"overrides\": {\"weights\": {\"US\": {\"leverage\": -1}}}}",
                        "overrides.weights.US.leverage",
                        "must be a finite number ≥ 0"),
                Arguments.of(
                        "{\"bundle\": {}, \"overrides\": {\"factions\": {\"ghosts\": {\"clout\": 0.1}}}}",
                        "overrides.factions.ghosts",
                        null),
                Arguments.of(
                        "{\"bundle\": {}, \"overrides\": {\"factions\": {\"congress\": {\"clout\": 2}}}}",
                        "overrides.factions.congress.clout",
                        "must be between 0 and 1"),
                Arguments.of(
                        "{\"bundle\": {}, \"overrides\": {\"factions\": {\"congress\": {\"multipliers\": {\"tiktok\": 11}}}}}",
                        "overrides.factions.congress.multipliers.tiktok",
                        "must be between 0 and 10"),
                Arguments.of(
                        "{\"bundle\": {}, \"overrides\": {\"factions\": {\"congress\": {\"veto\": \"MAYBE\"}}}}",
                        "overrides.factions.congress.veto",
                        null),
                Arguments.of(
                        "{\"bundle\": {}, \"overrides\": {\"factions\": {\"congress\": {\"vetoScope\": [\"nope.nope\"]}}}}",
                        "overrides.factions.congress.vetoScope[0]",
                        "unknown term nope.nope"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidBodies")
    void invalidInputIs400NamingTheField(String body, String field, String message) {
        var response = evaluate(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", startsWith("urn:dealeval:problem:"))
                .body("instance", equalTo("/api/v1/evaluations"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field));
        if (message != null) {
            response.body("violations[0].message", equalTo(message));
        }
    }

    @Test
    void severalProblemsAreReportedTogether() {
        evaluate("{\"scenario\": \"NOWHERE\", \"bundle\": {\"purchases\": {\"years\": 0, \"energyUsdBnPerYear\": 61}}}")
                .statusCode(400)
                .body(
                        "violations.field",
                        org.hamcrest.Matchers.contains(
                                "bundle.purchases.energyUsdBnPerYear", "bundle.purchases.years", "scenario"))
                .body("detail", equalTo("The request has 3 invalid fields."));
    }

    @Test
    void malformedJsonIs400() {
        for (String body :
                new String[] {"{bad", "{\"bundle\": {}} trailing", "{\"bundle\": {}, \"bundle\": {}}", "{\"bundle\": {"
                }) {
            evaluate(body)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:dealeval:problem:malformed-json"))
                    .body("title", equalTo("Malformed JSON"))
                    .body("detail", startsWith("The body is not valid JSON at line 1"));
        }
    }

    @Test
    void anEmptyBodyIs400() {
        given().contentType(ContentType.JSON)
                .post("/api/v1/evaluations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void wrongMethodMediaTypeAndPathAreProblemDocuments() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .put("/api/v1/evaluations")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("title", equalTo("Method Not Allowed"));
        given().contentType(ContentType.XML)
                .body("<bundle/>")
                .post("/api/v1/evaluations")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", equalTo("Send the body as application/json."));
        given().contentType(ContentType.JSON)
                .accept(ContentType.XML)
                .body("{\"bundle\": {}}")
                .post("/api/v1/evaluations")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No resource at /api/v1/nothing-here."));
    }

    @Test
    void oversizeBodiesAre413BeforeAndWhileReading() throws Exception {
        String big = "{\"bundle\": {}, \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        given().contentType(ContentType.JSON)
                .body(big)
                .post("/api/v1/evaluations")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dealeval:problem:payload-too-large"))
                .body("detail", containsString("1048576 bytes"));
        // Chunked: no Content-Length, so the limit is enforced while the body is read.
        var request = java.net.http.HttpRequest.newBuilder(evaluations)
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        var response = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("content-type").orElse(""));
        assertTrue(response.body().contains("payload-too-large"), response.body());
    }

    static Stream<Arguments> nullsInListsAndMaps() {
        return Stream.of(
                Arguments.of(
                        "/api/v1/scenarios",
                        "/api/v1/scenarios/S15",
                        "{\"id\":\"S15\",\"basedOn\":\"POST_RULING_2026\",\"name\":\"x\","
                                + "\"values\":{\"usConcessions.reciprocalTariffPct\":15},\"sources\":[null]}",
                        "sources[0]"),
                Arguments.of(
                        "/api/v1/scenarios",
                        "/api/v1/scenarios/S16",
                        "{\"id\":\"S16\",\"basedOn\":\"POST_RULING_2026\",\"name\":\"x\","
                                + "\"values\":{\"usConcessions.reciprocalTariffPct\":null}}",
                        "values[\"usConcessions.reciprocalTariffPct\"]"),
                Arguments.of(
                        "/api/v1/profiles",
                        "/api/v1/profiles/p-null",
                        "{\"id\":\"p-null\",\"basedOn\":\"default\",\"name\":\"x\",\"sources\":[null]}",
                        "sources[0]"),
                Arguments.of(
                        "/api/v1/profiles",
                        "/api/v1/profiles/p-null2",
                        "{\"id\":\"p-null2\",\"basedOn\":\"default\",\"name\":\"x\","
                                + "\"weights\":{\"US\":{\"leverage\":null}}}",
                        "weights.US.leverage"),
                Arguments.of(
                        "/api/v1/scenarios",
                        "/api/v1/scenarios/S17",
                        "{\"id\":\"S17\",\"basedOn\":\"POST_RULING_2026\",\"name\":\"x\"," + "\"threats\":[null]}",
                        "threats[0]"));
    }

    /** A null element of a list or a null map value is a 400 naming it, and nothing is stored. */
    @ParameterizedTest
    @MethodSource("nullsInListsAndMaps")
    void aNullInsideAListOrAMapIs400NamingItAndStoresNothing(
            String collection, String resource, String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post(collection)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", equalTo("must not be null"));
        given().get(resource).then().statusCode(404);
    }

    @Test
    void aNullInsideAnAnalysisRequestIs400() {
        given().contentType(ContentType.JSON)
                .body("{\"bundles\":[null]}")
                .post("/api/v1/comparisons")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("bundles[0]"));
        given().contentType(ContentType.JSON)
                .body("{\"terms\":[{\"term\":\"purchases.years\",\"levels\":[1,null]}]}")
                .post("/api/v1/searches")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("terms[0].levels[1]"));
    }

    static Stream<Arguments> outOfRangeValues() {
        String longId = "S".repeat(65);
        return Stream.of(
                Arguments.of(
                        "/api/v1/evaluations?store=false",
                        "{\"scenario\": \"" + longId + "\", \"bundle\": {}}",
                        "scenario",
                        "must be a scenario id such as GENEVA_2025"),
                Arguments.of(
                        "/api/v1/scenarios",
                        "{\"id\": \"S_BASED\", \"basedOn\": \"" + longId + "\", \"name\": \"x\"}",
                        "basedOn",
                        "must be at most 64 characters"),
                Arguments.of(
                        "/api/v1/evaluations?store=false",
                        "{\"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": 1e400}}}",
                        "bundle.purchases.agricultureUsdBnPerYear",
                        null),
                Arguments.of(
                        "/api/v1/evaluations?store=false",
                        "{\"bundle\": {\"purchases\": {\"years\": 99999999999999999999}}}",
                        "bundle.purchases.years",
                        null),
                Arguments.of("/api/v1/evaluations?store=false", "{\"bundle\": {}, \"bundle\": {}}", null, null),
                Arguments.of(
                        "/api/v1/scenarios",
                        "{\"id\": \"S_LONG\", \"name\": \"x\", \"threats\": [{\"term\": \"usConcessions.reciprocalTariffPct\", "
                                + "\"value\": 25, \"probability\": 0.2, \"description\": \"" + "d".repeat(501)
                                + "\"}]}",
                        "threats[0].description",
                        null),
                Arguments.of(
                        "/api/v1/profiles",
                        "{\"id\": \"p-long\", \"name\": \"" + "n".repeat(201) + "\"}",
                        "name",
                        null));
    }

    /** Numbers beyond their type, duplicate keys and strings over their documented length are 400s naming the field. */
    @ParameterizedTest
    @MethodSource("outOfRangeValues")
    void valuesBeyondTheirTypeOrLengthAre400(String path, String body, String field, String message) {
        var answer = given().contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        if (field != null) {
            answer.body("violations.field", hasItem(field));
        }
        if (message != null) {
            answer.body("violations.message", hasItem(message));
        }
    }

    /**
     * Seeded fuzzing: valid requests with one value replaced by a hostile one, truncated, or with
     * keys renamed. Whatever comes back must be 2xx or a 4xx problem document, never a 5xx.
     */
    @Test
    void hostileRequestsNeverGet5xx() {
        Random random = new Random(20251123);
        Object[] hostile = {
            null,
            -1,
            1e308,
            -1e308,
            1e-320,
            0,
            2147483648L,
            "",
            "A".repeat(500),
            "\u0000",
            "💥",
            true,
            false,
            new ArrayList<>(),
            "NaN",
            "-Infinity",
            "1e999",
            "{}",
            "[]",
            "GENEVA_2025",
            "default"
        };
        String[] templates = {
            "{\"scenario\": %s, \"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": 16}}}",
            "{\"profile\": %s, \"bundle\": {}}",
            "{\"bundle\": {\"purchases\": {\"years\": %s}}}",
            "{\"bundle\": {\"investment\": {\"jobs\": %s}}}",
            "{\"bundle\": {\"tiktok\": {\"structure\": %s, \"bytedanceStakePct\": %s}}}",
            "{\"bundle\": {\"usConcessions\": {\"cfiusPosture\": %s}}}",
            "{\"bundle\": {\"finance\": %s}}",
            "{\"bundle\": %s}",
            "{\"bundle\": {}, \"overrides\": {\"weights\": {\"US\": {\"leverage\": %s}}}}",
            "{\"bundle\": {}, \"overrides\": {\"factions\": {\"president\": {\"clout\": %s, \"vetoScope\": %s}}}}",
            "{\"bundle\": {}, \"overrides\": %s}",
            "%s"
        };
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String template = templates[random.nextInt(templates.length)];
            Object[] args = new Object[2];
            for (int a = 0; a < args.length; a++) {
                Object h = hostile[random.nextInt(hostile.length)];
                args[a] = h instanceof String s
                        ? (s.startsWith("{") || s.startsWith("[") ? s : "\"" + s.replace("\\", "\\\\") + "\"")
                        : String.valueOf(h instanceof List ? "[]" : h);
            }
            String body = String.format(template, args);
            if (random.nextInt(10) == 0) {
                body = body.substring(0, random.nextInt(body.length() + 1));
            }
            Response r = given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations");
            int status = r.statusCode();
            if (status >= 500 || (status >= 400 && !r.contentType().startsWith("application/problem+json"))) {
                failures.add(status + " for " + body + " → " + r.asString());
            }
            assertTrue((status >= 200 && status < 300) || (status >= 400 && status < 500), body);
        }
        assertEquals(List.of(), failures);
    }
}
