package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** Simulated negotiations and tournaments over HTTP: the protocol's record, reproducibility, bounds, the chart, domains. */
@QuarkusTest
class SimulationApiTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BOULWARE_CONCEDER = """
            {"scenario": "GENEVA_2025", "strategies": {"us": {"kind": "BOULWARE"}, "cn": {"kind": "CONCEDER"}}, "deadline": 100,
             "starts": "US", "seed": 1}""";

    private static JsonPath simulate(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/simulations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aNegotiationIsRecordedRoundByRoundAndItsAgreementEvaluatesAsReported() throws Exception {
        JsonPath r = simulate(BOULWARE_CONCEDER);
        assertTrue(r.getBoolean("outcome.agreed"));
        int round = r.getInt("outcome.round");
        List<Map<String, Object>> rounds = r.getList("rounds");
        assertEquals(round, rounds.size());
        double dUs = r.getDouble("noDeal.usUtility");
        for (int i = 0; i < rounds.size(); i++) {
            assertEquals(i + 1, r.getInt("rounds[" + i + "].round"));
            // Alternating, the U.S. first.
            assertEquals(i % 2 == 0 ? "US" : "CN", r.getString("rounds[" + i + "].proposer"));
            assertEquals(i == rounds.size() - 1, r.getBoolean("rounds[" + i + "].accepted"));
            int offer = r.getInt("rounds[" + i + "].offer");
            assertEquals(r.getDouble("offers[" + offer + "].usSurplus"), r.getDouble("rounds[" + i + "].usSurplus"));
            assertEquals(
                    r.getDouble("rounds[" + i + "].usSurplus") + dUs, r.getDouble("rounds[" + i + "].usUtility"), 1e-9);
        }
        assertEquals(round % 2 == 0 ? "US" : "CN", r.getString("outcome.acceptedBy"));
        assertTrue(r.getDouble("outcome.distanceToFrontier") >= 0);
        assertTrue(r.getDouble("outcome.distanceToNash") >= 0);
        assertEquals(
                r.getDouble("outcome.usSurplus") * r.getDouble("outcome.cnSurplus"),
                r.getDouble("outcome.nashProduct"),
                1e-9);
        // The accepted bundle, evaluated on its own, has the surpluses and verdict the outcome reports.
        Map<String, Object> bundle = r.getMap("offers[" + r.getInt("outcome.offer") + "].bundle");
        given().contentType(ContentType.JSON)
                .queryParam("store", false)
                .body(JSON.writeValueAsString(Map.of("scenario", "GENEVA_2025", "bundle", bundle)))
                .post("/api/v1/evaluations")
                .then()
                .statusCode(200)
                .body("sides.US.surplus", closeTo(r.getDouble("outcome.usSurplus"), 1e-9))
                .body("sides.CN.surplus", closeTo(r.getDouble("outcome.cnSurplus"), 1e-9))
                .body("joint.verdict", equalTo(r.getString("outcome.verdict")));
        // The Boulware side comes out ahead of the Nash bundle, the Conceder behind it.
        assertTrue(r.getDouble("outcome.usSurplus") > r.getDouble("nash.usSurplus"));
        assertTrue(r.getDouble("outcome.cnSurplus") < r.getDouble("nash.cnSurplus"));
    }

    @Test
    void theSameSeedPlaysTheSameNegotiation() {
        String body = """
                {"strategies": {"us": {"kind": "LINEAR", "window": 3}, "cn": {"kind": "RATIFICATION_AWARE", "exponent": 0.5, "window": 3}},
                 "deadline": 300, "seed": 11, "starts": "CN"}""";
        JsonPath a = simulate(body);
        JsonPath b = simulate(body);
        assertEquals(a.getList("rounds"), b.getList("rounds"));
        assertEquals(a.getList("offers"), b.getList("offers"));
        assertEquals(a.getMap("outcome"), b.getMap("outcome"));
        assertEquals("CN", a.getString("rounds[0].proposer"));
        assertEquals(0.5, a.getDouble("strategies.CN.exponent"));
        // China bids only bundles its government would ratify.
        List<Map<String, Object>> rounds = a.getList("rounds");
        for (int i = 0; i < rounds.size(); i++) {
            if (a.getString("rounds[" + i + "].proposer").equals("CN")) {
                assertTrue(a.getBoolean("offers[" + a.getInt("rounds[" + i + "].offer") + "].cnRatifies"));
            }
        }
    }

    @Test
    void theChartDrawsBothSidesOffersOverTheFrontier() throws Exception {
        String svg = given().contentType(ContentType.JSON)
                .body(BOULWARE_CONCEDER)
                .post("/api/v1/simulations/chart")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(svg.contains(">U.S. offers</text>"), svg);
        assertTrue(svg.contains(">China offers</text>"), svg);
        assertTrue(svg.contains("class=\"trajectory\""), svg);
        assertTrue(svg.contains("Negotiation: BOULWARE (U.S.) vs CONCEDER (China)"), svg);
    }

    @Test
    void aTournamentPlaysEveryOrderedPairInEverySetting() {
        JsonPath t = given().contentType(ContentType.JSON)
                .body("""
                {"strategies": [{"kind": "BOULWARE"}, {"kind": "CONCEDER"}, {"name": "careful", "kind": "RATIFICATION_AWARE"}],
                 "scenarios": ["GENEVA_2025", "BUSAN_2025"], "deadline": 60, "seed": 3}""")
                .post("/api/v1/simulations/tournaments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(18, t.getInt("simulations"));
        assertEquals(9, t.getList("pairs").size());
        assertEquals(List.of("GENEVA_2025", "BUSAN_2025"), t.getList("settings.scenario"));
        assertEquals(List.of("default", "default"), t.getList("settings.profile"));
        assertEquals(List.of(1, 2, 3), t.getList("ranking.rank"));
        for (int i = 0; i < 9; i++) {
            assertEquals(2, t.getInt("pairs[" + i + "].played"));
            double rate = t.getDouble("pairs[" + i + "].agreementRate");
            assertTrue(rate >= 0 && rate <= 1);
            assertTrue(t.getInt("pairs[" + i + "].ratified") <= t.getInt("pairs[" + i + "].agreements"));
            assertTrue(t.getDouble("pairs[" + i + "].meanRounds") <= 60);
        }
        assertEquals(List.of("BOULWARE", "CONCEDER", "careful"), t.getList("strategies.name"));
        // A pair's figures are those of its negotiations played one by one (no window, so the seed does not matter):
        // the U.S. conceding, China holding out, in each scenario.
        double us = 0;
        double cn = 0;
        double rounds = 0;
        int ratified = 0;
        for (String scenario : List.of("GENEVA_2025", "BUSAN_2025")) {
            JsonPath one =
                    simulate("{\"scenario\": \"" + scenario + "\", \"strategies\": {\"us\": {\"kind\": \"CONCEDER\"}, "
                            + "\"cn\": {\"kind\": \"BOULWARE\"}}, \"deadline\": 60}");
            boolean both = one.getBoolean("outcome.ratifiedByBoth");
            ratified += both ? 1 : 0;
            us += both ? one.getDouble("outcome.usSurplus") : 0;
            cn += both ? one.getDouble("outcome.cnSurplus") : 0;
            rounds += one.getBoolean("outcome.agreed") ? one.getInt("outcome.round") : 60;
        }
        String pair = "pairs.find { it.us == 'CONCEDER' && it.cn == 'BOULWARE' }";
        assertEquals(ratified, t.getInt(pair + ".ratified"));
        assertEquals(us / 2, t.getDouble(pair + ".meanUsSurplus"), 1e-9);
        assertEquals(cn / 2, t.getDouble(pair + ".meanCnSurplus"), 1e-9);
        assertEquals(rounds / 2, t.getDouble(pair + ".meanRounds"), 1e-9);
    }

    @Test
    void negotiationsRunOnImportedDomainsToo() throws Exception {
        String id = DomainAnalysisTest.upload(
                "y2011/Laptop", "laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml");
        JsonPath r = simulate("{\"domain\": \"" + id
                + "\", \"strategies\": {\"us\": {\"kind\": \"LINEAR\"}, \"cn\": {\"kind\": \"LINEAR\"}},"
                + " \"deadline\": 20}");
        assertTrue(r.getBoolean("outcome.agreed"));
        assertEquals(id, r.getString("domain.id"));
        assertEquals(
                List.of("Laptop", "Harddisk", "External Monitor"),
                List.copyOf(r.getMap("offers[0].outcome").keySet()));
        assertEquals(0.0, r.getDouble("noDeal.usUtility"));
        // Two linear sides on the Laptop frontier settle on it.
        assertEquals(0.0, r.getDouble("outcome.distanceToFrontier"), 1e-12);
        JsonPath t = given().contentType(ContentType.JSON)
                .body("{\"strategies\": [{\"kind\": \"BOULWARE\"}, {\"kind\": \"CONCEDER\"}]," + " \"domains\": [\""
                        + id + "\"], \"deadline\": 20}")
                .post("/api/v1/simulations/tournaments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(4, t.getInt("simulations"));
        assertEquals(id, t.getString("settings[0].domain"));
    }

    @Test
    void workIsBoundedAndBadRequestsNameTheField() {
        problem(
                "/api/v1/simulations",
                BOULWARE_CONCEDER.replace("\"deadline\": 100", "\"deadline\": 10001"),
                "deadline",
                "between 1 and 10,000");
        problem("/api/v1/simulations", "{\"deadline\": 10}", "strategies", "is required");
        problem(
                "/api/v1/simulations",
                        "{\"strategies\": {\"us\": {\"kind\": \"BOULWARE\", \"exponent\": 3}, \"cn\": {\"kind\": \"LINEAR\"}}}",
                "strategies.us.exponent", "has its own exponent");
        problem(
                "/api/v1/simulations",
                        "{\"strategies\": {\"us\": {\"kind\": \"TIME_DEPENDENT\", \"exponent\": 0}, \"cn\": {\"kind\": \"LINEAR\"}}}",
                "strategies.us.exponent", "between 0.01 and 100");
        problem(
                "/api/v1/simulations",
                        "{\"strategies\": {\"us\": {\"kind\": \"LINEAR\"}, \"cn\": {\"kind\": \"LINEAR\", \"window\": -1}}}",
                "strategies.cn.window", "between 0 and 100");
        problem(
                "/api/v1/simulations",
                        "{\"strategies\": {\"us\": {\"kind\": \"LINEAR\"}, \"cn\": {\"kind\": \"LINEAR\"}}, \"budget\": 10}",
                "budget", "more than the budget");
        StringBuilder nine = new StringBuilder("{\"strategies\": [");
        for (int i = 0; i < 9; i++) {
            nine.append(i == 0 ? "" : ",").append("{\"name\": \"s").append(i).append("\", \"kind\": \"LINEAR\"}");
        }
        problem("/api/v1/simulations/tournaments", nine + "]}", "strategies", "between 2 and 8");
        problem(
                "/api/v1/simulations/tournaments",
                "{\"strategies\": [{\"kind\": \"LINEAR\"}, {\"kind\": \"BOULWARE\"}], "
                        + "\"scenarios\": [\"GENEVA_2025\", \"BUSAN_2025\", \"APR_2025\", \"AUG_2025\", \"NOV_2025\"], "
                        + "\"profiles\": [\"default\", \"hawkish-washington\", \"economy-first-beijing\", \"phase-one-skeptic\"]}",
                "scenarios",
                "the scenarios × profiles make 20 settings, more than the configured 16");
        problem(
                "/api/v1/simulations/tournaments", "{\"strategies\": [{\"kind\": \"LINEAR\"}, {\"kind\": \"LINEAR\"}]}",
                "strategies[1].name", "used twice");
        problem(
                "/api/v1/simulations/tournaments",
                        "{\"strategies\": [{\"kind\": \"LINEAR\"}, {\"kind\": \"BOULWARE\"}], \"scenarios\": [\"GENEVA_2025\", \"NOWHERE\"]}",
                "settings[1].scenario", "unknown scenario");
        problem(
                "/api/v1/simulations/tournaments",
                "{\"strategies\": [{\"kind\": \"LINEAR\"}, {\"kind\": \"BOULWARE\"}], \"domains\": [\"x\"],"
                        + " \"scenarios\": [\"GENEVA_2025\"]}",
                "scenarios",
                "leave them out with domains");
    }

    private static void problem(String path, String body, String field, String message) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.find { it.field == '" + field + "' }.message", containsString(message));
    }
}
