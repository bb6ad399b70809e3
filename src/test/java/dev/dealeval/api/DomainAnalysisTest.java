package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The analyses on imported domains, as a researcher runs them: upload an ANAC domain, search it, and
 * compare the Nash and Kalai–Smorodinsky points with the published ones (Baarslag, Hindriks and
 * Jonker, "Effective acceptance conditions in real-time automated negotiation", Decision Support
 * Systems 60, 2014, Table 3; doi:10.1016/j.dss.2013.05.021), then rank outcomes and test them
 * against uncertain weights through the same endpoints the U.S.–China model uses.
 */
@QuarkusTest
class DomainAnalysisTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeniusXml GENIUS_XML = new GeniusXml();
    /** Published to two decimals: within half a hundredth (and a rounding error: 0.895 is published as 0.90). */
    private static final double HALF_A_HUNDREDTH = 0.005 + 1e-12;

    static String resource(String path) {
        try (InputStream in = DomainAnalysisTest.class.getClassLoader().getResourceAsStream("genius/anac/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads a domain under a fresh id and returns the id. */
    static String upload(String folder, String domainFile, String party1, String party2) throws Exception {
        String id = "d-" + UUID.randomUUID().toString().substring(0, 8);
        String body = JSON.writeValueAsString(Map.of(
                "id",
                id,
                "name",
                folder,
                "domainXml",
                resource(folder + "/" + domainFile),
                "parties",
                List.of(
                        Map.of("name", party1, "xml", resource(folder + "/" + party1)),
                        Map.of("name", party2, "xml", resource(folder + "/" + party2)))));
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/domains")
                .then()
                .statusCode(201);
        return id;
    }

    private static JsonPath search(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/searches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Published (party 1, party 2) Nash and Kalai–Smorodinsky points, to two decimals, in the paper's party order. */
    private record Published(
            String folder, String domain, String party1, String party2, int size, double[] nash, double[] ks) {}

    @Test
    void nashAndKalaiSmorodinskyPointsMatchThePublishedOnes() throws Exception {
        List<Published> table = List.of(
                new Published(
                        "y2011/Laptop",
                        "laptop_domain.xml",
                        "laptop_buyer_utility.xml",
                        "laptop_seller_utility.xml",
                        27,
                        new double[] {1.00, 0.82},
                        new double[] {0.87, 0.87}),
                new Published(
                        "y2010/ItexvsCypress",
                        "ItexvsCypress_domain.xml",
                        "ItexvsCypress_Itex.xml",
                        "ItexvsCypress_Cypress.xml",
                        180,
                        new double[] {0.72, 0.67},
                        new double[] {0.72, 0.67}),
                new Published(
                        "y2010/EnglandZimbabwe",
                        "EnglandZimbabwe_domain.xml",
                        "England.xml",
                        "Zimbabwe.xml",
                        576,
                        new double[] {0.91, 0.73},
                        new double[] {0.82, 0.79}),
                new Published(
                        "y2011/Grocery",
                        "Grocery_domain.xml",
                        "Grocery_domain_mary.xml",
                        "Grocery_domain_sam.xml",
                        1600,
                        new double[] {0.84, 0.90},
                        new double[] {0.84, 0.90}));
        for (Published p : table) {
            String id = upload(p.folder(), p.domain(), p.party1(), p.party2());
            JsonPath r = search("{\"domain\":\"" + id + "\"}");
            assertEquals(p.size(), r.getLong("counts.examined"), p.folder());
            assertEquals(p.size(), r.getLong("space.size"), p.folder());
            // Reservation values are 0 in these files: every outcome is individually rational.
            assertEquals(p.size(), r.getLong("counts.feasible"), p.folder());
            assertEquals(0.0, r.getDouble("noDeal.usUtility"), p.folder());
            assertEquals(id, r.getString("domain.id"));
            assertEquals(List.of(p.party1(), p.party2()), r.getList("domain.parties"));
            assertEquals(
                    p.nash()[0],
                    r.getDouble("solutions.nash.usSurplus"),
                    HALF_A_HUNDREDTH,
                    p.folder() + " Nash, party 1");
            assertEquals(
                    p.nash()[1],
                    r.getDouble("solutions.nash.cnSurplus"),
                    HALF_A_HUNDREDTH,
                    p.folder() + " Nash, party 2");
            assertEquals(
                    p.ks()[0],
                    r.getDouble("solutions.kalaiSmorodinsky.usSurplus"),
                    HALF_A_HUNDREDTH,
                    p.folder() + " KS, party 1");
            assertEquals(
                    p.ks()[1],
                    r.getDouble("solutions.kalaiSmorodinsky.cnSurplus"),
                    HALF_A_HUNDREDTH,
                    p.folder() + " KS, party 2");
            // The outcome is written by issue name, every issue given; no U.S.-China bundle.
            Map<String, Object> outcome = r.getMap("solutions.nash.outcome");
            assertEquals(r.getList("space.terms.term"), List.copyOf(outcome.keySet()));
            assertEquals(null, (Object) r.get("solutions.nash.bundle"));
        }
    }

    @Test
    void laptopNashOutcomeIsTheBuyersDellWithTheSellersTerms() throws Exception {
        String id =
                upload("y2011/Laptop", "laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml");
        NegotiationDomain d = GENIUS_XML.readDomain(resource("y2011/Laptop/laptop_domain.xml"), "laptop");
        Preferences buyer = GENIUS_XML.readPreferences(resource("y2011/Laptop/laptop_buyer_utility.xml"), d, "b");
        Preferences seller = GENIUS_XML.readPreferences(resource("y2011/Laptop/laptop_seller_utility.xml"), d, "s");
        JsonPath r = search("{\"domain\":\"" + id + "\"}");
        // Brute force over the 27 outcomes, from GENIUS's definition.
        double best = 0;
        int[] arg = null;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 3; c++) {
                    int[] o = {a, b, c};
                    double p = buyer.utility(d, o) * seller.utility(d, o);
                    if (p > best) {
                        best = p;
                        arg = o;
                    }
                }
            }
        }
        assertEquals(best, r.getDouble("solutions.nash.nashProduct"), 1e-12);
        Map<String, Object> nash = r.getMap("solutions.nash.outcome");
        assertEquals(d.issues().get(0).value(arg[0]), nash.get("Laptop"));
        assertEquals(d.issues().get(1).value(arg[1]), nash.get("Harddisk"));
        assertEquals(d.issues().get(2).value(arg[2]), nash.get("External Monitor"));

        // The same outcome ranked by a comparison has the same utilities; narrowing an issue searches fewer outcomes.
        String outcome = JSON.writeValueAsString(nash);
        given().contentType(ContentType.JSON)
                .body(
                        "{\"domain\":\"" + id + "\",\"bundles\":[{\"name\":\"nash\",\"outcome\":" + outcome + "},"
                                + "{\"name\":\"dell\",\"outcome\":{\"Laptop\":\"Dell\",\"Harddisk\":\"60 Gb\",\"External Monitor\":\"19'' LCD\"}}]}")
                .post("/api/v1/comparisons")
                .then()
                .statusCode(200)
                .body("domain.id", equalTo(id))
                .body("ranking[0].name", equalTo("nash"))
                .body("ranking[0].usSurplus", closeTo(r.getDouble("solutions.nash.usSurplus"), 1e-12))
                .body("ranking[0].cnSurplus", closeTo(r.getDouble("solutions.nash.cnSurplus"), 1e-12))
                .body("ranking[0].verdict", equalTo("AGREEMENT_LIKELY"))
                .body("ranking[0].usRatificationProbability", closeTo(1.0, 0.0));
        // The chart names the parties on its axes, in GENIUS utility.
        String svg = given().contentType(ContentType.JSON)
                .body("{\"domain\":\"" + id + "\"}")
                .post("/api/v1/searches/chart")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        assertTrue(svg.contains(">laptop_buyer_utility.xml surplus (utility)</text>"), svg);
        assertTrue(svg.contains(">laptop_seller_utility.xml surplus (utility)</text>"), svg);
        assertTrue(svg.contains("27 outcomes, 27 individually rational"), svg);
        JsonPath narrowed = search("{\"domain\":\"" + id + "\",\"terms\":[{\"term\":\"Laptop\",\"levels\":[\"HP\"]}]}");
        assertEquals(9, narrowed.getLong("counts.examined"));
        assertEquals("HP", narrowed.getString("solutions.nash.outcome.Laptop"));
        assertEquals(List.of("Laptop", "Harddisk", "External Monitor"), narrowed.getList("space.terms.term"));
    }

    @Test
    void energyFrontierAndSolutionsOverHttpMatchBruteForce() throws Exception {
        String id = upload("y2011/Energy", "energy_domain.xml", "energy_consumer.xml", "energy_distributor.xml");
        NegotiationDomain d = GENIUS_XML.readDomain(resource("y2011/Energy/energy_domain.xml"), "energy");
        Preferences a = GENIUS_XML.readPreferences(resource("y2011/Energy/energy_consumer.xml"), d, "a");
        Preferences b = GENIUS_XML.readPreferences(resource("y2011/Energy/energy_distributor.xml"), d, "b");
        JsonPath r = search("{\"domain\":\"" + id + "\",\"frontierLimit\":1000}");
        assertEquals(390_625, r.getLong("counts.examined"));
        double[] ua = GeniusTestData.utilities(d, a);
        double[] ub = GeniusTestData.utilities(d, b);
        double nash = 0;
        double welfare = 0;
        for (int k = 0; k < 390_625; k++) {
            if (ua[k] > a.reservation() && ub[k] > b.reservation()) {
                nash = Math.max(nash, (ua[k] - a.reservation()) * (ub[k] - b.reservation()));
                welfare = Math.max(welfare, ua[k] + ub[k] - a.reservation() - b.reservation());
            }
        }
        assertEquals(nash, r.getDouble("solutions.nash.nashProduct"), 0.0);
        assertEquals(welfare, r.getDouble("solutions.utilitarian.welfare"), 0.0);
        assertTrue(
                r.getInt("frontier.size") > 10, "Energy's frontier holds " + r.getInt("frontier.size") + " outcomes");
    }

    @Test
    void sensitivityRunsOnADomainWithTheReservationValuesFixed() throws Exception {
        String id =
                upload("y2011/Laptop", "laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml");
        String body = "{\"domain\":\"" + id + "\",\"samples\":500,\"seed\":7,\"bundles\":["
                + "{\"name\":\"dell\",\"outcome\":{\"Laptop\":\"Dell\",\"Harddisk\":\"60 Gb\",\"External Monitor\":\"19'' LCD\"}},"
                + "{\"name\":\"mac\",\"outcome\":{\"Laptop\":\"Macintosh\",\"Harddisk\":\"80 Gb\",\"External Monitor\":\"19'' LCD\"}}]}";
        JsonPath first = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/sensitivity-analyses")
                .then()
                .statusCode(200)
                .body("domain.parties", equalTo(List.of("laptop_buyer_utility.xml", "laptop_seller_utility.xml")))
                .body("tornado.criterion", hasItem("Laptop"))
                .extract()
                .jsonPath();
        List<Number> acceptability = first.getList("bundles[0].rankAcceptability");
        assertEquals(
                1.0, acceptability.stream().mapToDouble(Number::doubleValue).sum(), 1e-6);
        // Reproducible from the seed.
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/sensitivity-analyses")
                .then()
                .statusCode(200)
                .body("bundles[0].rankAcceptability", equalTo(acceptability));
    }

    @Test
    void domainRequestsThatCannotBeAnsweredAreRefusedNamingTheField() throws Exception {
        String id =
                upload("y2011/Laptop", "laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml");
        problem("/api/v1/searches", "{\"domain\":\"no-such-domain\"}", "domain", "unknown domain");
        problem(
                "/api/v1/searches",
                "{\"domain\":\"" + id + "\",\"scenario\":\"GENEVA_2025\"}",
                "scenario",
                "leave it out with a domain");
        problem(
                "/api/v1/searches",
                "{\"domain\":\"" + id + "\",\"profile\":\"default\"}",
                "profile",
                "leave it out with a domain");
        problem(
                "/api/v1/searches",
                "{\"domain\":\"" + id + "\",\"base\":{\"fentanyl\":{\"level\":\"STATEMENT\"}}}",
                "base",
                "every issue is searched");
        problem(
                "/api/v1/searches",
                "{\"domain\":\"" + id + "\",\"terms\":[{\"term\":\"Colour\"}]}",
                "terms[0].term",
                "unknown term");
        problem(
                "/api/v1/searches",
                "{\"domain\":\"" + id + "\",\"terms\":[{\"term\":\"Laptop\",\"levels\":[\"Lenovo\"]}]}",
                "terms[0].levels[0]",
                "must be one of Dell, Macintosh, HP");
        problem(
                "/api/v1/searches",
                "{\"domain\":\"" + id + "\",\"budget\":20}",
                "budget",
                "narrow some issues to fewer values");
        problem(
                "/api/v1/comparisons",
                "{\"domain\":\"" + id + "\",\"bundles\":[{\"outcome\":{\"Laptop\":\"Dell\"}}]}",
                "bundles[0].outcome.Harddisk",
                "every issue");
        problem(
                "/api/v1/comparisons",
                "{\"domain\":\"" + id + "\",\"bundles\":[{\"bundle\":{}}]}",
                "bundles[0].outcome",
                "is required with a domain");
        problem(
                "/api/v1/comparisons",
                "{\"bundles\":[{\"outcome\":{\"Laptop\":\"Dell\"}}]}",
                "bundles[0].bundle",
                "is required");
        problem(
                "/api/v1/sensitivity-analyses",
                "{\"domain\":\"" + id + "\",\"overrides\":{\"weights\":{\"US\":{\"Laptop\":1}}},"
                        + "\"bundles\":[{\"outcome\":{\"Laptop\":\"Dell\",\"Harddisk\":\"60 Gb\",\"External Monitor\":\"19'' LCD\"}}]}",
                "overrides",
                "leave them out with a domain");
    }

    @Test
    void aDomainDeletedAndImportedAgainUnderItsIdIsAnalysedAsItIsNow() throws Exception {
        String id =
                upload("y2011/Laptop", "laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml");
        assertEquals(1.0, search("{\"domain\":\"" + id + "\"}").getDouble("solutions.nash.usSurplus"), 1e-12);
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/domains/" + id)
                .then()
                .statusCode(204);
        // The same id and version 1 again, with the parties the other way round.
        String body = JSON.writeValueAsString(Map.of(
                "id",
                id,
                "name",
                "Laptop",
                "domainXml",
                resource("y2011/Laptop/laptop_domain.xml"),
                "parties",
                List.of(
                        Map.of("name", "seller", "xml", resource("y2011/Laptop/laptop_seller_utility.xml")),
                        Map.of("name", "buyer", "xml", resource("y2011/Laptop/laptop_buyer_utility.xml")))));
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/domains")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"");
        JsonPath r = search("{\"domain\":\"" + id + "\"}");
        assertEquals(1.0, r.getDouble("solutions.nash.cnSurplus"), 1e-12);
        assertEquals(List.of("seller", "buyer"), r.getList("domain.parties"));
    }

    @Test
    void deliveryTermsByHand() throws Exception {
        // The deliveryTerms example of the OpenAPI document: a discrete and an integer issue, reservation values 0.3
        // and 0.25.
        String id = "d-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = """
                <negotiation_template><utility_space number_of_issues="2"><objective index="0" name="Delivery terms">
                <issue index="1" name="delivery" etype="discrete" type="discrete"><item index="1" value="1 week"/><item index="2" value="2 weeks"/><item index="3" value="1 month"/></issue>
                <issue index="2" name="price" etype="integer" type="integer" lowerbound="10" upperbound="20"/>
                </objective></utility_space></negotiation_template>""";
        String buyer = """
                <utility_space><objective index="0" name="Delivery terms">
                <issue index="1" name="delivery" type="discrete"><item value="1 week" evaluation="10"/><item value="2 weeks" evaluation="6"/><item value="1 month" evaluation="1"/></issue>
                <issue index="2" name="price" type="integer"><evaluator ftype="linear" slope="-0.1" offset="2"/></issue>
                <weight index="1" value="0.4"/><weight index="2" value="0.6"/>
                </objective><reservation value="0.3"/><discount_factor value="1"/></utility_space>""";
        String seller = """
                <utility_space><objective index="0" name="Delivery terms">
                <issue index="1" name="delivery" type="discrete"><item value="1 week" evaluation="2"/><item value="2 weeks" evaluation="5"/><item value="1 month" evaluation="8"/></issue>
                <issue index="2" name="price" type="integer"><evaluator ftype="linear" slope="0.1" offset="-1"/></issue>
                <weight index="1" value="0.3"/><weight index="2" value="0.7"/>
                </objective><reservation value="0.25"/><discount_factor value="1"/></utility_space>""";
        given().contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(Map.of(
                        "id",
                        id,
                        "name",
                        "Delivery terms",
                        "domainXml",
                        domain,
                        "parties",
                        List.of(Map.of("name", "buyer", "xml", buyer), Map.of("name", "seller", "xml", seller)))))
                .post("/api/v1/domains")
                .then()
                .statusCode(201)
                .body("outcomeCount", equalTo(33));
        // Fast and dear (1 week, 18): buyer 0.4·10/10 + 0.6·(2 − 1.8) = 0.52, seller 0.3·2/8 + 0.7·(1.8 − 1) = 0.635;
        // surpluses 0.22 and 0.385, Nash product 0.0847. Slow and cheap (1 month, 11): buyer 0.4·1/10 + 0.6·0.9 = 0.58,
        // seller 0.3 + 0.7·0.1 = 0.37; surpluses 0.28 and 0.12, Nash 0.0336. Both clear the reservation values.
        given().contentType(ContentType.JSON)
                .body("{\"domain\":\"" + id + "\",\"bundles\":["
                        + "{\"name\":\"slow and cheap\",\"outcome\":{\"delivery\":\"1 month\",\"price\":11}},"
                        + "{\"name\":\"fast and dear\",\"outcome\":{\"delivery\":\"1 week\",\"price\":18}}]}")
                .post("/api/v1/comparisons")
                .then()
                .statusCode(200)
                .body("ranking.name", equalTo(List.of("fast and dear", "slow and cheap")))
                .body("ranking[0].usUtility", closeTo(0.52, 1e-12))
                .body("ranking[0].cnUtility", closeTo(0.635, 1e-12))
                .body("ranking[0].objective", closeTo(0.22 * 0.385, 1e-12))
                .body("ranking[1].usSurplus", closeTo(0.28, 1e-12))
                .body("ranking[1].cnSurplus", closeTo(0.12, 1e-12))
                .body("ranking[1].objective", closeTo(0.28 * 0.12, 1e-12));
        // The Nash outcome over all 33. With 1 week, price p gives the buyer 0.4 + 0.6·(2 − p/10) and the seller 0.075
        // + 0.7·(p/10 − 1):
        // surpluses 1.3 − 0.06p and 0.07p − 0.875, a product (1.3 − 0.06p)(0.07p − 0.875) peaking at p = 17.1, so p =
        // 17 of the
        // whole numbers: surpluses 0.28 and 0.315, product 0.0882. The best with 2 weeks is 0.069 (p = 15) and with 1
        // month 0.0418
        // (p = 12), lower (the same sums over their evaluations).
        JsonPath r = search("{\"domain\":\"" + id + "\"}");
        assertEquals(33, r.getLong("counts.examined"));
        assertEquals(0.3, r.getDouble("noDeal.usUtility"), 1e-15);
        assertEquals(0.25, r.getDouble("noDeal.cnUtility"), 1e-15);
        assertEquals("1 week", r.getString("solutions.nash.outcome.delivery"));
        assertEquals(17, r.getInt("solutions.nash.outcome.price"));
        assertEquals(0.28, r.getDouble("solutions.nash.usSurplus"), 1e-12);
        assertEquals(0.315, r.getDouble("solutions.nash.cnSurplus"), 1e-12);
        assertEquals(0.28 * 0.315, r.getDouble("solutions.nash.nashProduct"), 1e-12);
    }

    @Test
    void filesUploadedAsAFormImportLikeTheJsonForm() {
        String id = "form-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] domain = resource("y2011/Laptop/laptop_domain.xml").getBytes(StandardCharsets.UTF_8);
        byte[] buyer = resource("y2011/Laptop/laptop_buyer_utility.xml").getBytes(StandardCharsets.UTF_8);
        byte[] seller = resource("y2011/Laptop/laptop_seller_utility.xml").getBytes(StandardCharsets.UTF_8);
        given().multiPart("id", id)
                .multiPart("name", "Laptop")
                .multiPart("domain", "laptop_domain.xml", domain, "application/xml")
                .multiPart("party1", "laptop_buyer_utility.xml", buyer, "application/xml")
                .multiPart("party2", "laptop_seller_utility.xml", seller, "application/xml")
                .multiPart("party2Name", "seller")
                .post("/api/v1/domains")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("outcomeCount", equalTo(27))
                .body("parties.name", equalTo(List.of("laptop_buyer_utility.xml", "seller")));
        // The uploaded domain is analysed like any other.
        search("{\"domain\":\"" + id + "\"}");

        String refused = "form-" + UUID.randomUUID().toString().substring(0, 8);
        given().multiPart("id", refused)
                .multiPart("name", "Laptop")
                .multiPart("domain", "laptop_domain.xml", domain, "application/xml")
                .multiPart(
                        "party1",
                        "b.xml",
                        resource("y2011/Laptop/laptop_buyer_utility.xml")
                                .replace("<weight index=\"3\"", "<weight index=\"9\"")
                                .getBytes(StandardCharsets.UTF_8),
                        "application/xml")
                .multiPart("party2", "laptop_seller_utility.xml", seller, "application/xml")
                .post("/api/v1/domains")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("party1"))
                .body("violations[0].message", containsString("weight[3].index"));
        given().multiPart("id", refused)
                .multiPart("domain", "laptop_domain.xml", domain, "application/xml")
                .post("/api/v1/domains")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("party1", "party2")));
        given().get("/api/v1/domains/" + refused).then().statusCode(404);
    }

    private static void problem(String path, String body, String field, String message) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.find { it.field == '" + field + "' }.message", containsString(message))
                .body("violations.find { it.field == '" + field + "' }", org.hamcrest.Matchers.not(nullValue()));
    }
}
