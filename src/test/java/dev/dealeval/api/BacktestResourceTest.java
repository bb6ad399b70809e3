package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.presentation.chart.SvgDocuments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** GET /api/v1/backtests: the model judged against the record, over HTTP. */
@QuarkusTest
class BacktestResourceTest extends ApiTestSupport {

    @Test
    void theBacktestShowsEveryEpisodeBesideTheRecordAndTheScores() {
        JsonPath body = given().get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("profile", equalTo("default"))
                // docs/backtest.md "Current figures", in sample: 55 episodes, 44 agreeing, 94 of the 108 side
                // decisions right, Brier 0.126 against the base rate's 0.231 (the 11 misses are listed there).
                .body("summary.episodes", equalTo(55))
                .body("summary.agreeing", equalTo(44))
                .body("summary.sideDecisions", equalTo(108))
                .body("summary.sideAgreeing", equalTo(94))
                .body("summary.brierScore", closeTo(0.127, 0.0005))
                .body("summary.referenceBrierScore", closeTo(0.231, 0.0005))
                .body("summary.brierSkillScore", greaterThan(0.0))
                .body(
                        "episodes.id",
                        hasItems(
                                "phase-one-2019",
                                "geneva-truce-2025",
                                "busan-framework-2025",
                                "truce-extension-aug-2025",
                                "restore-phase-one-bid-2025"))
                .body("episodes.sources", everyItem(notNullValue()))
                .body("excluded.size()", greaterThanOrEqualTo(1))
                .body("rules", containsString("Brier score"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> episodes = body.getList("episodes");
        int agreeing = 0;
        int sideDecisions = 0;
        int sidesRight = 0;
        int agreed = 0;
        double brier = 0;
        for (Map<String, Object> e : episodes) {
            @SuppressWarnings("unchecked")
            Map<String, String> happened = (Map<String, String>) e.get("happened");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> sides =
                    (Map<String, Map<String, Object>>) ((Map<String, Object>) e.get("model")).get("sides");
            boolean agrees = true;
            for (var d : happened.entrySet()) {
                boolean ratified = (Boolean) sides.get(d.getKey()).get("ratified");
                assertEquals(
                        d.getValue().equals("ACCEPTED") == ratified,
                        sides.get(d.getKey()).get("agrees"),
                        e.get("id") + " " + d.getKey());
                agrees &= d.getValue().equals("ACCEPTED") == ratified;
                sideDecisions++;
                sidesRight += d.getValue().equals("ACCEPTED") == ratified ? 1 : 0;
            }
            assertEquals(agrees, e.get("agrees"), String.valueOf(e.get("id")));
            agreeing += agrees ? 1 : 0;
            double o = happened.containsValue("REJECTED") ? 0 : 1;
            agreed += (int) o;
            double p = ((Number) ((Map<?, ?>) e.get("model")).get("agreementProbability")).doubleValue();
            brier += (p - o) * (p - o);
        }
        assertEquals(agreeing, body.getInt("summary.agreeing"));
        assertEquals(sideDecisions, body.getInt("summary.sideDecisions"));
        assertEquals(sidesRight, body.getInt("summary.sideAgreeing"));
        assertEquals(brier / episodes.size(), body.getDouble("summary.brierScore"), 1e-12);
        // Always forecasting the base rate q of agreement scores q(1 - q).
        double q = (double) agreed / episodes.size();
        assertEquals(q * (1 - q), body.getDouble("summary.referenceBrierScore"), 1e-12);
        assertTrue(body.getDouble("summary.brierScore") < body.getDouble("summary.referenceBrierScore"));
    }

    @Test
    void anEpisodesBundleIsARequestThatGivesTheSameVerdict() {
        JsonPath one = given().get("/api/v1/backtests/geneva-truce-2025")
                .then()
                .statusCode(200)
                .body("episode.id", equalTo("geneva-truce-2025"))
                .body("episode.scenario", equalTo("APR_2025"))
                .body("episode.happened.US", equalTo("ACCEPTED"))
                .body("episode.bundle.commitment.form", equalTo("LEADER_STATEMENT"))
                .body("evaluation.joint.verdict", equalTo("AGREEMENT_LIKELY"))
                .body("evaluation.sides.US.factions.stanceMargin", everyItem(notNullValue()))
                .extract()
                .jsonPath();
        String request = "{\"scenario\": \"APR_2025\", \"bundle\": " + json(one.getMap("episode.bundle")) + "}";
        evaluate(request)
                .statusCode(200)
                .body("joint.verdict", equalTo(one.getString("episode.model.verdict")))
                .body("sides.US.surplus", closeTo(one.getDouble("evaluation.sides.US.surplus"), 1e-12))
                .body("sides.CN.surplus", closeTo(one.getDouble("episode.model.sides.CN.surplus"), 1e-12));
    }

    @Test
    void anotherProfileJudgesTheSameEpisodes() {
        given().queryParam("profile", "hawkish-washington")
                .get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .body("profile", equalTo("hawkish-washington"))
                .body("summary.episodes", greaterThanOrEqualTo(20));
    }

    @Test
    void unknownProfilesAndEpisodesAreProblems() {
        given().queryParam("profile", "nope")
                .get("/api/v1/backtests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("profile"))
                .body("violations[0].message", containsString("unknown profile 'nope'"));
        given().queryParam("profile", "NOT A PROFILE " + "x".repeat(300))
                .get("/api/v1/backtests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("profile"))
                .body("violations[0].message", equalTo("must be a profile id such as default"));
        given().get("/api/v1/backtests/no-such-episode")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-episode"));
    }

    /**
     * The robustness suite over HTTP is PerturbationSuiteTest's (docs/backtest.md "Robustness"): 332
     * perturbations of the 55 built-in episodes, 31 flips, among them the Huawei licences read without
     * the licences (an empty bundle, which Beijing has no reason to take up).
     */
    @Test
    void theRobustnessSuiteIsServed() {
        JsonPath body = given().get("/api/v1/backtests/robustness")
                .then()
                .statusCode(200)
                .body("profile", equalTo("default"))
                .body("episodeSet", equalTo("built-in"))
                .body("readings", equalTo("ALLOWED"))
                .body("episodes", equalTo(55))
                .body("perturbations", equalTo(332))
                .body("flips", equalTo(31))
                .body("flipShare", closeTo(31.0 / 332, 1e-12))
                .body("readingDecisions", equalTo(632))
                .body("readingDecisionsRight", equalTo(518))
                .body("readingSideHitRate", closeTo(518.0 / 632, 1e-12))
                .body("readingSideBrierScore", closeTo(0.1506, 5e-5))
                .body("readingBrierScore", closeTo(0.1368, 5e-5))
                .body("touched.size()", equalTo(23))
                .body("flipped.size()", equalTo(31))
                .body("rules", containsString("-25% and +25%"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> flips = body.getList("flipped");
        assertTrue(
                flips.contains(Map.of(
                        "episode",
                        "huawei-licences-2019",
                        "perturbation",
                        "usConcessions.companyRelief LICENCES -> NONE",
                        "sides",
                        List.of("CN"))),
                flips.toString());
        // every flipped episode is listed once in touched, in the order of the flips
        assertEquals(flips.stream().map(f -> f.get("episode")).distinct().toList(), body.getList("touched"));
        given().queryParam("episodeSet", "no-such-set")
                .get("/api/v1/backtests/robustness")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("episodeSet"));
        given().queryParam("profile", "hawkish-washington")
                .get("/api/v1/backtests/robustness")
                .then()
                .statusCode(200)
                .body("profile", equalTo("hawkish-washington"))
                .body("perturbations", equalTo(332));
        // The suite as first stated, with the readings the rules forbid: PerturbationSuiteTest's second figure.
        JsonPath asFirstStated = given().queryParam("readings", "AS_FIRST_STATED")
                .get("/api/v1/backtests/robustness")
                .then()
                .statusCode(200)
                .body("readings", equalTo("AS_FIRST_STATED"))
                .body("perturbations", equalTo(400))
                .body("flips", equalTo(57))
                .extract()
                .jsonPath();
        assertTrue(
                asFirstStated
                        .getList("flipped", Map.class)
                        .contains(Map.of(
                                "episode",
                                "osaka-truce-2019",
                                "perturbation",
                                "commitment.form LEADER_STATEMENT -> FLOATED_PROPOSAL",
                                "sides",
                                List.of("US"))),
                asFirstStated.getList("flipped").toString());
        given().queryParam("readings", "allowed")
                .get("/api/v1/backtests/robustness")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("readings"))
                .body("violations[0].message", equalTo("must be ALLOWED or AS_FIRST_STATED"));
    }

    @Test
    void aStoredProfileCanBeBacktested() {
        String id = "bt-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body("""
                {"id": "%s", "basedOn": "default", "name": "Demanding governments", "settings": {"threshold": {"US": 0.5, "CN": 0.5}}}
                """.formatted(id))
                .post("/api/v1/profiles")
                .then()
                .statusCode(201)
                .body("settings.threshold.US", equalTo(0.5));
        JsonPath strict = given().queryParam("profile", id)
                .get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .body("profile", equalTo(id))
                .extract()
                .jsonPath();
        // A side ratifies when its support index exceeds the threshold (docs/model.md "Ratification and
        // vetoes"): raised from 0 to 0.5, the sides whose index lies between them no longer ratify, and
        // no episode's agreement probability rises (P is increasing in R - threshold).
        JsonPath base = given().get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(ratifiedSides(strict) < ratifiedSides(base), ratifiedSides(strict) + " vs " + ratifiedSides(base));
        List<Number> strictP = strict.getList("episodes.model.agreementProbability");
        List<Number> baseP = base.getList("episodes.model.agreementProbability");
        assertEquals(baseP.size(), strictP.size());
        for (int i = 0; i < baseP.size(); i++) {
            assertTrue(
                    strictP.get(i).doubleValue() <= baseP.get(i).doubleValue(),
                    "episode " + i + ": " + strictP.get(i) + " vs " + baseP.get(i));
        }
    }

    private static long ratifiedSides(JsonPath backtest) {
        return backtest.getList("episodes.model.sides").stream()
                .flatMap(sides -> ((Map<?, ?>) sides).values().stream())
                .filter(side -> Boolean.TRUE.equals(((Map<?, ?>) side).get("ratified")))
                .count();
    }

    @Test
    void theReliabilityDiagramIsAnSvgOfBothSeries() throws Exception {
        String svg = given().accept("image/svg+xml")
                .get("/api/v1/backtests/reliability")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        Document doc = SvgDocuments.parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        List<Element> series = SvgDocuments.groups(doc, "series");
        assertEquals(
                List.of("side decisions", "agreement"),
                series.stream().map(g -> g.getAttribute("data-series")).toList());
        // One point per occupied bin, as many as the JSON's bins; the caption's ECE is the JSON's.
        JsonPath body = given().get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (int i = 0; i < 2; i++) {
            String at = "reliability." + (i == 0 ? "sideDecisions" : "agreement");
            assertEquals(
                    body.getList(at + ".bins").size(),
                    series.get(i)
                            .getElementsByTagNameNS(SvgDocuments.SVG_NS, "circle")
                            .getLength());
            String ece = String.format(java.util.Locale.ROOT, "ECE %.3f", body.getDouble(at + ".ece"));
            assertTrue(svg.contains(ece), ece);
        }
        given().accept("image/svg+xml")
                .queryParam("profile", "hawkish-washington")
                .get("/api/v1/backtests/reliability")
                .then()
                .statusCode(200)
                .body(containsString("profile hawkish-washington"));
        given().accept("image/svg+xml")
                .queryParam("profile", "nope")
                .get("/api/v1/backtests/reliability")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("profile"));
    }

    @Test
    void theReliabilityBlockCountsEveryRecordedDecision() {
        JsonPath body = given().get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .body("reliability.sideDecisions.bins.count", everyItem(greaterThanOrEqualTo(1)))
                .body("reliability.sideDecisions.ece", notNullValue())
                .body("reliability.agreement.uncertainty", notNullValue())
                .extract()
                .jsonPath();
        int recorded = 0;
        for (Map<String, Object> e : body.<Map<String, Object>>getList("episodes")) {
            recorded += ((Map<?, ?>) e.get("happened")).size();
        }
        int binned = body.<Integer>getList("reliability.sideDecisions.bins.count").stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertEquals(recorded, binned);
        assertEquals(recorded, body.getInt("reliability.sideDecisions.forecasts"));
        assertEquals(body.getInt("summary.sideDecisions"), recorded);
        int outcomes = body.<Integer>getList("reliability.agreement.bins.count").stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertEquals(body.getInt("summary.scoredOutcomes"), outcomes);
        for (Map<String, Object> bin : body.<Map<String, Object>>getList("reliability.sideDecisions.bins")) {
            double low = ((Number) bin.get("low")).doubleValue(), high = ((Number) bin.get("high")).doubleValue();
            double observed = ((Number) bin.get("observed")).doubleValue();
            assertTrue(low <= observed && observed <= high, bin.toString());
        }
    }

    /** The README's table of episodes and scores: it must be what the service answers today. */
    @Test
    void theFiguresInTheReadmeAndTheEpisodeTableAreCurrent() throws Exception {
        JsonPath body = given().get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        StringBuilder h = new StringBuilder(
                "<!-- headline:start (BacktestResourceTest writes the expected text when it differs) -->\n");
        h.append("| default profile, 55 episodes | side decisions right | episodes agreeing | Brier (agreement) |\n");
        h.append("|---|---|---|---|\n");
        h.append(row(body, "**leave-one-out** (each judged by a fit to the others)", "outOfFold.leaveOneOut"));
        h.append(row(body, "**temporal** (fitted before 2025, judged 2025–26)", "outOfFold.temporal"));
        h.append(row(body, "in sample", "summary"));
        h.append(String.format(
                java.util.Locale.ROOT,
                "%nAlways forecasting the base rate of agreement scores a Brier of %.3f.%n",
                body.getDouble("summary.referenceBrierScore")));
        h.append("<!-- headline:end -->");
        assertBetweenMarkers("README.md", "headline", h.toString());

        StringBuilder t = new StringBuilder(
                "<!-- backtest:start (BacktestResourceTest writes the expected text when it differs) -->\n");
        t.append("| date | episode | status quo | what happened | model | P(agreement) | surplus U.S. / China |\n");
        t.append("|---|---|---|---|---|---|---|\n");
        List<Map<String, Object>> episodes = body.getList("episodes");
        for (int i = 0; i < episodes.size(); i++) {
            String at = "episodes[" + i + "].";
            String us = body.getString(at + "happened.US");
            String cn = body.getString(at + "happened.CN");
            String happened = us != null && cn != null
                    ? (us.equals(cn)
                            ? "both " + us.toLowerCase()
                            : "U.S. " + us.toLowerCase() + ", China " + cn.toLowerCase())
                    : (us != null ? "U.S. " + us.toLowerCase() : "China " + cn.toLowerCase());
            t.append(String.format(
                    java.util.Locale.ROOT,
                    "| %s | %s (`%s`) | %s | %s | %s%s | %.2f | %+.1f / %+.1f |%n",
                    body.getString(at + "date"),
                    body.getString(at + "title"),
                    body.getString(at + "id"),
                    body.getString(at + "scenario"),
                    happened,
                    body.getString(at + "model.verdict"),
                    body.getBoolean(at + "agrees") ? "" : " **(disagrees)**",
                    body.getDouble(at + "model.agreementProbability"),
                    body.getDouble(at + "model.sides.US.surplus"),
                    body.getDouble(at + "model.sides.CN.surplus")));
        }
        t.append(String.format(
                java.util.Locale.ROOT,
                "%nIn sample: hit rate **%.2f** (%d of %d episodes; %d of %d recorded decisions); Brier score "
                        + "**%.3f** against %.3f for always forecasting the base rate (skill %.2f); per-side Brier score %.3f.%n",
                body.getDouble("summary.hitRate"),
                body.getInt("summary.agreeing"),
                body.getInt("summary.episodes"),
                body.getInt("summary.sideAgreeing"),
                body.getInt("summary.sideDecisions"),
                body.getDouble("summary.brierScore"),
                body.getDouble("summary.referenceBrierScore"),
                body.getDouble("summary.brierSkillScore"),
                body.getDouble("summary.sideBrierScore")));
        t.append("<!-- backtest:end -->");
        assertBetweenMarkers("docs/episodes.md", "backtest", t.toString());
    }

    private static String row(JsonPath body, String label, String at) {
        return String.format(
                java.util.Locale.ROOT,
                "| %s | %d / %d (%.1f%%) | %d / %d | %.3f |%n",
                label,
                body.getInt(at + ".sideAgreeing"),
                body.getInt(at + ".sideDecisions"),
                100 * body.getDouble(at + ".sideHitRate"),
                body.getInt(at + ".agreeing"),
                body.getInt(at + ".episodes"),
                body.getDouble(at + ".brierScore"));
    }

    private static void assertBetweenMarkers(String file, String marker, String expected) throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(file));
        String end = "<!-- " + marker + ":end -->";
        int from = text.indexOf("<!-- " + marker + ":start");
        int to = text.indexOf(end) + end.length();
        assertTrue(from >= 0 && to > from, file + " needs the " + marker + " markers");
        assertEquals(expected, text.substring(from, to), "update " + file + " to:\n" + expected);
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
