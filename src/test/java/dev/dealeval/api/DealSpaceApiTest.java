package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deal-space endpoints as a new user tries them: every bundle they return passes the normal evaluation. */
@QuarkusTest
class DealSpaceApiTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode post(String path, Object body) throws Exception {
        String text = given().contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(body))
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .asString();
        return JSON.readTree(text);
    }

    /** The bundle evaluated through POST /api/v1/evaluations. */
    private static JsonNode evaluation(JsonNode bundle, String scenario, String profile) throws Exception {
        Map<String, Object> req = Map.of("bundle", bundle, "scenario", scenario, "profile", profile);
        return JSON.readTree(
                evaluate(JSON.writeValueAsString(req)).statusCode(200).extract().asString());
    }

    private static void problem(String path, String body, String field, String messagePart) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("urn:dealeval:problem:"))
                .body("violations.field", org.hamcrest.Matchers.hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.message", containsString(messagePart));
    }

    @Test
    void everyFrontierBundleOfTheDefaultSpaceIsRatifiedByBothSidesWithTheSameSurpluses() throws Exception {
        JsonNode r = post("/api/v1/searches", Map.of("scenario", "GENEVA_2025", "frontierLimit", 1000));
        assertEquals(1_152_000, r.at("/space/size").asLong());
        assertEquals(1_152_000, r.at("/counts/examined").asLong());
        assertEquals(10, r.at("/space/terms").size());
        JsonNode front = r.at("/frontier/bundles");
        assertEquals(r.at("/frontier/size").asInt(), front.size(), "the whole frontier is listed");
        assertTrue(front.size() > 10, "a frontier worth the name: " + front.size());
        double bestNash = 0;
        double previousUs = Double.NEGATIVE_INFINITY;
        for (JsonNode b : front) {
            JsonNode e = evaluation(b.get("bundle"), "GENEVA_2025", "default");
            assertEquals("AGREEMENT_LIKELY", e.at("/joint/verdict").asText(), b.toString());
            assertEquals(
                    b.get("usSurplus").asDouble(), e.at("/sides/US/surplus").asDouble(), b.toString());
            assertEquals(
                    b.get("cnSurplus").asDouble(), e.at("/sides/CN/surplus").asDouble(), b.toString());
            assertTrue(b.get("usSurplus").asDouble() > previousUs, "U.S. surplus ascending");
            previousUs = b.get("usSurplus").asDouble();
            bestNash = Math.max(bestNash, b.get("nashProduct").asDouble());
        }
        // Nash is the largest Nash product of any feasible bundle (every feasible bundle is weakly below some frontier
        // bundle)
        assertEquals(bestNash, r.at("/solutions/nash/nashProduct").asDouble());
        for (String s : List.of("nash", "kalaiSmorodinsky", "egalitarian", "utilitarian")) {
            JsonNode sol = r.at("/solutions/" + s);
            assertTrue(
                    sol.get("usSurplus").asDouble() > 0 && sol.get("cnSurplus").asDouble() > 0, s);
            assertEquals(
                    "AGREEMENT_LIKELY",
                    evaluation(sol.get("bundle"), "GENEVA_2025", "default")
                            .at("/joint/verdict")
                            .asText(),
                    s);
        }
        assertEquals(
                r.at("/ideal/usSurplus").asDouble(),
                front.get(front.size() - 1).get("usSurplus").asDouble() > 0
                        ? maxPositive(front, "usSurplus", "cnSurplus")
                        : Double.NaN);
        assertTrue(r.get("rules").asText().contains("enumeration order"));
    }

    private static double maxPositive(JsonNode front, String field, String other) {
        double best = Double.NEGATIVE_INFINITY;
        for (JsonNode b : front) {
            if (b.get(field).asDouble() > 0 && b.get(other).asDouble() > 0) {
                best = Math.max(best, b.get(field).asDouble());
            }
        }
        return best;
    }

    @Test
    void termsTheBaseFixesAreLeftOutOfTheDefaultSubset() throws Exception {
        JsonNode r = post(
                "/api/v1/searches",
                Map.of(
                        "base",
                        Map.of(
                                "tiktok",
                                Map.of("structure", "FULL_DIVESTITURE"),
                                "usConcessions",
                                Map.of("exportControlLevel", 1))));
        assertEquals(1_152_000 / 4 / 5, r.at("/space/size").asLong());
        assertEquals(8, r.at("/space/terms").size());
        for (JsonNode b : r.at("/frontier/bundles")) {
            assertEquals("FULL_DIVESTITURE", b.at("/bundle/tiktok/structure").asText());
            assertEquals(1, b.at("/bundle/usConcessions/exportControlLevel").asInt());
        }
    }

    @Test
    void aLongFrontierIsThinnedButKeepsItsEndsAndTheSolutions() throws Exception {
        JsonNode r = post("/api/v1/searches", Map.of("frontierLimit", 5));
        JsonNode front = r.at("/frontier/bundles");
        assertTrue(r.at("/frontier/size").asInt() > 5);
        assertEquals(front.size(), r.at("/frontier/shown").asInt());
        assertTrue(front.size() >= 5 && front.size() <= 9, "5 evenly spaced plus up to 4 solutions: " + front.size());
        List<Long> indices = new java.util.ArrayList<>();
        front.forEach(b -> indices.add(b.get("index").asLong()));
        assertTrue(indices.contains(r.at("/solutions/nash/index").asLong()));
        assertTrue(indices.contains(r.at("/solutions/egalitarian/index").asLong()));
    }

    @Test
    void referencesAreReportedWithTheFrontierBundleThatDominatesThem() throws Exception {
        Map<String, Object> req = Map.of(
                "terms",
                List.of(
                        Map.of("term", "usConcessions.exportControlLevel", "levels", List.of(1, 2, 3)),
                        Map.of("term", "purchases.agricultureUsdBnPerYear", "levels", List.of(0, 16, 32)),
                        Map.of("term", "usConcessions.reciprocalTariffPct"),
                        Map.of("term", "fentanyl.level")),
                "base",
                Map.of("usConcessions", Map.of("standstillMonths", 12)),
                "references",
                List.of(Map.of(
                        "name",
                        "weak offer",
                        "bundle",
                        Map.of(
                                "purchases",
                                Map.of("agricultureUsdBnPerYear", 16),
                                "usConcessions",
                                Map.of("exportControlLevel", 2)))));
        JsonNode r = post("/api/v1/searches", req);
        assertEquals(3 * 3 * 4 * 5, r.at("/space/size").asLong());
        assertEquals("[1,2,3]", r.at("/space/terms/0/levels").toString());
        JsonNode ref = r.at("/references/0");
        assertEquals("weak offer", ref.get("name").asText());
        JsonNode e = evaluation(
                JSON.valueToTree(Map.of(
                        "purchases",
                        Map.of("agricultureUsdBnPerYear", 16),
                        "usConcessions",
                        Map.of("exportControlLevel", 2))),
                "GENEVA_2025",
                "default");
        assertEquals(e.at("/sides/US/surplus").asDouble(), ref.get("usSurplus").asDouble());
        assertEquals(e.at("/joint/verdict").asText(), ref.get("verdict").asText());
        if (ref.has("dominatedBy")) { // absent when no frontier bundle dominates the reference
            JsonNode d = ref.get("dominatedBy");
            assertTrue(d.get("usSurplus").asDouble() >= ref.get("usSurplus").asDouble());
            assertTrue(d.get("cnSurplus").asDouble() >= ref.get("cnSurplus").asDouble());
        }
    }

    @Test
    void aSpaceLargerThanTheBudgetIsRefusedUpFrontWithItsSize() {
        problem(
                "/api/v1/searches",
                "{\"budget\": 1000}",
                "budget",
                "holds 1,152,000 bundles, more than the budget of 1,000");
        String tooBig = "{\"terms\": ["
                + String.join(
                        ",",
                        java.util.Collections.nCopies(
                                1, "{\"term\":\"investment.jobs\",\"levels\":[0,1,2,3,4,5,6,7,8,9]}"))
                + ",{\"term\":\"purchases.energyUsdBnPerYear\",\"levels\":[0,1,2,3,4,5,6,7,8,9]},{\"term\":\"purchases.servicesUsdBnPerYear\",\"levels\":[0,1,2,3,4,5,6,7,8,9]}"
                + ",{\"term\":\"purchases.agricultureUsdBnPerYear\",\"levels\":[0,1,2,3,4,5,6,7,8,9]},{\"term\":\"purchases.manufacturedUsdBnPerYear\",\"levels\":[0,1,2,3,4,5,6,7,8,9]}"
                + ",{\"term\":\"finance.treasuryChangeUsdBn\",\"levels\":[0,1,2,3,4,5,6,7,8,9]},{\"term\":\"usConcessions.reciprocalTariffPct\",\"levels\":[0,1,2,3,4,5,6,7,8,9]}"
                + ",{\"term\":\"usConcessions.standstillMonths\",\"levels\":[0,1,2,3,4,5,6,7,8,9]}]}";
        problem("/api/v1/searches", tooBig, "terms", "holds 100,000,000 bundles, more than the budget of 10,000,000");
        problem("/api/v1/searches", "{\"budget\": 20000000}", "budget", "between 1 and 10,000,000");
    }

    @Test
    void badSearchTermsAreNamedByTheirPath() {
        problem("/api/v1/searches", "{\"terms\": [{\"term\": \"purchases.caviar\"}]}", "terms[0].term", "unknown term");
        problem(
                "/api/v1/searches",
                "{\"terms\": [{\"term\": \"fentanyl.level\"}, {\"term\": \"fentanyl.level\"}]}",
                "terms[1].term",
                "listed twice");
        problem(
                "/api/v1/searches",
                "{\"terms\": [{\"term\": \"purchases.years\", \"levels\": [2, 9]}]}",
                "terms[0].levels[1]",
                "between 1 and 5");
        problem(
                "/api/v1/searches",
                "{\"terms\": [{\"term\": \"fentanyl.level\", \"levels\": [\"NONE\", \"NONE\"]}]}",
                "terms[0].levels[1]",
                "repeats");
        // Empty levels are the model's levels, as levels left out (generated clients send unset lists empty).
        given().contentType(ContentType.JSON)
                .body("{\"terms\": [{\"term\": \"fentanyl.level\", \"levels\": []}]}")
                .post("/api/v1/searches")
                .then()
                .statusCode(200)
                .body("space.size", equalTo(5));
        problem(
                "/api/v1/searches",
                "{\"base\": {\"purchases\": {\"years\": 0}}}",
                "base.purchases.years",
                "between 1 and 5");
        problem("/api/v1/searches", "{\"frontierLimit\": 5000}", "frontierLimit", "between 1 and 1,000");
        problem("/api/v1/searches", "{\"scenario\": \"NOPE_2030\"}", "scenario", "unknown scenario");
        problem("/api/v1/searches", "{\"minUsSurplus\": 500}", "minUsSurplus", "between -100 and 100");
        // Bean Validation inside lists: the index stays with the list
        problem(
                "/api/v1/searches",
                "{\"terms\": [{\"term\": \"fentanyl.level\"}, {\"levels\": [1]}]}",
                "terms[1].term",
                "required");
        problem("/api/v1/searches", "{\"terms\": [null]}", "terms[0]", "must not be null");
        problem("/api/v1/searches", "{\"references\": [{\"name\": \"x\"}]}", "references[0].bundle", "required");
        problem(
                "/api/v1/comparisons",
                "{\"bundles\": [{\"bundle\": {}, \"name\": \"" + "n".repeat(81) + "\"}]}",
                "bundles[0].name",
                "at most 80");
    }

    @Test
    void theChartOpensInABrowser() {
        String svg = given().when()
                .get("/api/v1/searches/chart?scenario=BUSAN_2025")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        assertTrue(svg.startsWith("<?xml"));
        assertTrue(svg.contains("U.S. surplus")
                && svg.contains("China surplus")
                && svg.contains("no deal")
                && svg.contains("Nash"));
        assertTrue(svg.contains("BUSAN_2025"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"terms\": [{\"term\": \"fentanyl.level\"}], \"references\": [{\"name\": \"<A&B>\", \"bundle\": {}}]}")
                .when()
                .post("/api/v1/searches/chart")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .body(containsString("&lt;A&amp;B&gt;"));
        // the chart draws the whole frontier, whatever frontierLimit thins the JSON to
        String space =
                "{\"terms\": [{\"term\": \"usConcessions.exportControlLevel\"}, {\"term\": \"purchases.agricultureUsdBnPerYear\"},"
                        + " {\"term\": \"usConcessions.standstillMonths\"}, {\"term\": \"fentanyl.level\"}], \"frontierLimit\": 2}";
        int frontier = given().contentType(ContentType.JSON)
                .body(space)
                .post("/api/v1/searches")
                .then()
                .statusCode(200)
                .extract()
                .path("frontier.size");
        assertTrue(frontier > 2, "a frontier longer than the limit: " + frontier);
        String drawn = given().contentType(ContentType.JSON)
                .body(space)
                .post("/api/v1/searches/chart")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String dots = drawn.substring(drawn.indexOf("<g class=\"frontier-dots\""));
        dots = dots.substring(0, dots.indexOf("</g>"));
        assertEquals(frontier, dots.split("<circle ", -1).length - 1);
        given().when()
                .get("/api/v1/searches/chart?profile=nobody")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("profile"));
    }

    /** A stored profile and a stored scenario (with a threat) work in searches exactly as in evaluations. */
    @Test
    void searchesUseStoredProfilesAndScenariosLikeEvaluations() throws Exception {
        String profile = ProfileCrudTest.newId();
        given().contentType(ContentType.JSON)
                .body(ProfileCrudTest.body(profile, 0.2, 0.33))
                .post("/api/v1/profiles")
                .then()
                .statusCode(201);
        String scenario = ScenarioCrudTest.newId();
        given().contentType(ContentType.JSON)
                .body(ScenarioCrudTest.body(scenario, 15))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201);
        JsonNode r = post(
                "/api/v1/searches",
                Map.of(
                        "scenario",
                        scenario,
                        "profile",
                        profile,
                        "terms",
                        List.of(
                                Map.of("term", "usConcessions.reciprocalTariffPct"),
                                        Map.of("term", "usConcessions.exportControlLevel"),
                                Map.of("term", "purchases.agricultureUsdBnPerYear"),
                                        Map.of("term", "fentanyl.level"))));
        assertEquals(scenario, r.get("scenario").asText());
        assertEquals(profile, r.get("profile").asText());
        assertTrue(r.at("/frontier/size").asInt() > 0, r.toString());
        for (JsonNode b : r.at("/frontier/bundles")) {
            JsonNode e = evaluation(b.get("bundle"), scenario, profile);
            assertEquals("AGREEMENT_LIKELY", e.at("/joint/verdict").asText());
            assertEquals(
                    b.get("usSurplus").asDouble(), e.at("/sides/US/surplus").asDouble());
            assertEquals(
                    b.get("cnSurplus").asDouble(), e.at("/sides/CN/surplus").asDouble());
        }
    }

    /** The README shows docs/default-space.svg: it must be what the service draws today. */
    @Test
    void theChartInTheReadmeIsCurrent() throws Exception {
        String served = given().when()
                .get("/api/v1/searches/chart")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String committed = java.nio.file.Files.readString(java.nio.file.Path.of("docs/default-space.svg"));
        assertEquals(
                committed,
                served,
                "regenerate it: curl -s localhost:8080/api/v1/searches/chart > docs/default-space.svg");
    }

    @Test
    void comparisonsRankAndFindDominance() throws Exception {
        Map<String, Object> weak = Map.of(
                "purchases", Map.of("agricultureUsdBnPerYear", 8), "usConcessions", Map.of("fentanylTariffPct", 10));
        Map<String, Object> strong = Map.of(
                "purchases",
                Map.of("agricultureUsdBnPerYear", 16),
                "usConcessions",
                Map.of("fentanylTariffPct", 10),
                "fentanyl",
                Map.of("level", "PRECURSOR_LICENSING"));
        JsonNode r = post(
                "/api/v1/comparisons",
                Map.of(
                        "objective",
                        "WELFARE",
                        "bundles",
                        List.of(
                                Map.of("name", "no deal", "bundle", Map.of()),
                                Map.of("name", "weak", "bundle", weak),
                                Map.of("name", "strong", "bundle", strong))));
        assertEquals("WELFARE", r.get("objective").asText());
        JsonNode ranking = r.get("ranking");
        assertEquals(3, ranking.size());
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            JsonNode b = ranking.get(i);
            assertEquals(i + 1, b.get("rank").asInt());
            assertEquals(b.get("welfare").asDouble(), b.get("objective").asDouble());
            assertTrue(b.get("objective").asDouble() <= previous);
            previous = b.get("objective").asDouble();
            JsonNode e = evaluation(
                    JSON.valueToTree(
                            List.of(Map.of(), weak, strong).get(b.get("index").asInt())),
                    "GENEVA_2025",
                    "default");
            assertEquals(
                    e.at("/sides/US/surplus").asDouble(), b.get("usSurplus").asDouble());
            assertEquals(
                    e.at("/sides/CN/surplus").asDouble(), b.get("cnSurplus").asDouble());
            assertEquals(e.at("/joint/verdict").asText(), b.get("verdict").asText());
            for (JsonNode d : b.get("dominates")) {
                JsonNode other = find(ranking, d.asInt());
                assertTrue(
                        b.get("usSurplus").asDouble() >= other.get("usSurplus").asDouble()
                                && b.get("cnSurplus").asDouble()
                                        >= other.get("cnSurplus").asDouble());
                assertTrue(other.get("dominatedBy")
                        .toString()
                        .contains(String.valueOf(b.get("index").asInt())));
            }
            assertEquals(b.get("dominatedBy").isEmpty(), b.get("efficient").asBoolean());
        }
        assertEquals("no deal", find(ranking, 0).get("name").asText());
        assertEquals(0.0, find(ranking, 0).get("usSurplus").asDouble());
    }

    private static JsonNode find(JsonNode ranking, int index) {
        for (JsonNode b : ranking) {
            if (b.get("index").asInt() == index) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + index);
    }

    @Test
    void comparisonLimitsAndErrors() {
        String many =
                "{\"bundles\": [" + String.join(",", java.util.Collections.nCopies(201, "{\"bundle\": {}}")) + "]}";
        problem("/api/v1/comparisons", many, "bundles", "between 1 and 200");
        problem("/api/v1/comparisons", "{\"bundles\": []}", "bundles", "at least one");
        problem(
                "/api/v1/comparisons",
                        "{\"bundles\": [{\"bundle\": {}}, {\"bundle\": {\"purchases\": {\"years\": 7}}}]}",
                "bundles[1].bundle.purchases.years", "between 1 and 5");
        given().contentType(ContentType.JSON)
                .body("{\"bundles\": [{\"bundle\": {}}], \"objective\": \"BEST\"}")
                .when()
                .post("/api/v1/comparisons")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void counteroffersToAFailingBundlePassTheNormalEvaluation() throws Exception {
        Map<String, Object> failing = Map.of(
                "purchases",
                Map.of("agricultureUsdBnPerYear", 8),
                "tiktok",
                Map.of("structure", "SPLIT_50_50"),
                "usConcessions",
                Map.of(
                        "reciprocalTariffPct",
                        0,
                        "fentanylTariffPct",
                        0,
                        "exportControlLevel",
                        4,
                        "cfiusPosture",
                        "OPEN_NON_SENSITIVE"));
        JsonNode r = post("/api/v1/counteroffers", Map.of("bundle", failing, "limit", 8));
        assertTrue(!r.at("/original/verdict").asText().equals("AGREEMENT_LIKELY"), "precondition: the offer fails");
        JsonNode offers = r.get("counteroffers");
        assertTrue(offers.size() > 0 && offers.size() <= 8);
        assertTrue(r.get("found").asInt() >= offers.size());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode o : offers) {
            JsonNode e = evaluation(o.get("bundle"), "GENEVA_2025", "default");
            assertEquals("AGREEMENT_LIKELY", e.at("/joint/verdict").asText(), o.toString());
            assertEquals(
                    o.get("usSurplus").asDouble(), e.at("/sides/US/surplus").asDouble());
            assertEquals(
                    o.get("cnSurplus").asDouble(), e.at("/sides/CN/surplus").asDouble());
            assertTrue(o.get("nashProduct").asDouble() <= previous);
            previous = o.get("nashProduct").asDouble();
            for (JsonNode c : o.get("changes")) {
                String by = c.get("concededBy").asText();
                double us = c.get("usUtilityChange").asDouble();
                double cn = c.get("cnUtilityChange").asDouble();
                assertEquals(us < 0 && cn < 0 ? "BOTH" : us < 0 ? "US" : cn < 0 ? "CN" : "NEITHER", by);
                assertEquals(Math.max(0, Math.max(-us, -cn)), c.get("cost").asDouble());
                assertTrue(c.get("summary").asText().startsWith(c.get("term").asText()));
            }
        }
        problem("/api/v1/counteroffers", "{\"bundle\": {}, \"limit\": 51}", "limit", "between 1 and 50");
        problem("/api/v1/counteroffers", "{}", "bundle", "required");
    }

    @Test
    void sensitivityIsReproducibleFromTheSeedAndCapped() {
        String body =
                "{\"samples\": 500, \"seed\": 42, \"bundles\": [{\"name\": \"a\", \"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": 16},"
                        + " \"usConcessions\": {\"fentanylTariffPct\": 0}}}, {\"name\": \"b\", \"bundle\": {\"fentanyl\": {\"level\": \"PRECURSOR_LICENSING\"},"
                        + " \"usConcessions\": {\"fentanylTariffPct\": 10, \"exportControlLevel\": 2}}}, {\"name\": \"no deal\", \"bundle\": {}}]}";
        String first = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/sensitivity-analyses")
                .then()
                .statusCode(200)
                .body("samples", equalTo(500))
                .body("seed", equalTo(42))
                .body("bundles", hasSize(3))
                .body("bundles[0].rankAcceptability", hasSize(3))
                // One bar per criterion: 11 U.S. and 7 Chinese.
                .body("tornado", hasSize(18))
                .extract()
                .asString();
        String second = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/sensitivity-analyses")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(first, second);
        String other = given().contentType(ContentType.JSON)
                .body(body.replace("\"seed\": 42", "\"seed\": 43"))
                .post("/api/v1/sensitivity-analyses")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(!first.equals(other), "another seed, other samples");
        problem(
                "/api/v1/sensitivity-analyses",
                body.replace("\"samples\": 500", "\"samples\": 10001"),
                "samples",
                "between 1 and 10,000");
        problem(
                "/api/v1/sensitivity-analyses",
                body.replace("\"seed\": 42", "\"weightConcentration\": 0"),
                "weightConcentration",
                "between 0.1");
    }

    @Test
    void searchSizesAreCountedInTheMetrics() throws Exception {
        post("/api/v1/searches", Map.of("terms", List.of(Map.of("term", "fentanyl.level"))));
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("dealeval_search_bundles"));
    }

    /**
     * Seeded fuzzing of the analysis endpoints: valid requests with values replaced by hostile ones,
     * sometimes truncated. Whatever comes back must be 2xx or a 4xx problem document, never a 5xx.
     */
    @Test
    void hostileAnalysisRequestsNeverGet5xx() {
        java.util.Random random = new java.util.Random(20261201);
        Object[] hostile = {
            null,
            -1,
            1e308,
            -1e308,
            1e-320,
            0,
            1,
            2147483648L,
            9223372036854775807L,
            "",
            "A".repeat(300),
            "\u0000",
            "💥",
            true,
            false,
            "NaN",
            "-Infinity",
            "{}",
            "[]",
            "[null]",
            "[1, 1]",
            "[\"NONE\"]",
            "GENEVA_2025",
            "NASH",
            "fentanyl.level"
        };
        String[][] templates = {
            {"searches", "{\"terms\": [{\"term\": \"fentanyl.level\", \"levels\": %s}], \"budget\": %s}"},
            {"searches", "{\"terms\": [{\"term\": %s, \"levels\": %s}], \"frontierLimit\": 5}"},
            {
                "searches",
                "{\"terms\": [{\"term\": \"usConcessions.exportControlLevel\"}], \"minUsSurplus\": %s, \"minCnSurplus\": %s}"
            },
            {
                "searches",
                "{\"terms\": [{\"term\": \"fentanyl.level\"}], \"references\": [{\"name\": %s, \"bundle\": %s}]}"
            },
            {"searches", "{\"terms\": [{\"term\": \"tiktok.structure\"}], \"base\": %s, \"scenario\": %s}"},
            {
                "searches/chart",
                "{\"terms\": [{\"term\": \"fentanyl.level\"}], \"references\": [{\"name\": %s, \"bundle\": {}}], \"frontierLimit\": %s}"
            },
            {"comparisons", "{\"bundles\": [{\"bundle\": %s}], \"objective\": %s}"},
            {"comparisons", "{\"bundles\": %s, \"profile\": %s}"},
            {"counteroffers", "{\"bundle\": %s, \"limit\": %s, \"terms\": [{\"term\": \"fentanyl.level\"}]}"},
            {"counteroffers", "{\"bundle\": {}, \"terms\": [{\"term\": \"purchases.years\", \"levels\": [%s, %s]}]}"},
            {"sensitivity-analyses", "{\"bundles\": [{\"bundle\": {}}], \"samples\": %s, \"seed\": %s}"},
            {
                "sensitivity-analyses",
                "{\"bundles\": [{\"bundle\": {}}], \"samples\": 20, \"weightConcentration\": %s, \"tornadoStep\": %s}"
            },
            {
                "sensitivity-analyses",
                "{\"bundles\": [{\"bundle\": %s}], \"samples\": 20, \"objective\": %s, \"cloutConcentration\": 1e9}"
            },
            {"sensitivity-analyses", "%s"}
        };
        List<String> failures = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String[] template = templates[random.nextInt(templates.length)];
            Object[] args = new Object[2];
            for (int a = 0; a < args.length; a++) {
                Object h = hostile[random.nextInt(hostile.length)];
                args[a] = h instanceof String str
                        ? (str.startsWith("{") || str.startsWith("[") ? str : "\"" + str + "\"")
                        : String.valueOf(h);
            }
            String body = String.format(template[1], args);
            if (random.nextInt(10) == 0) {
                body = body.substring(0, random.nextInt(body.length() + 1));
            }
            io.restassured.response.Response r =
                    given().contentType(ContentType.JSON).body(body).post("/api/v1/" + template[0]);
            int status = r.statusCode();
            if (status >= 500 || (status >= 400 && !r.contentType().startsWith("application/problem+json"))) {
                failures.add(status + " for " + template[0] + " " + body + " → " + r.asString());
            }
        }
        assertEquals(List.of(), failures);
    }
}
