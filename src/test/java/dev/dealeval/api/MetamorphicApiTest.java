package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The properties of docs/model.md, checked end to end through POST /api/v1/evaluations. */
@QuarkusTest
class MetamorphicApiTest extends ApiTestSupport {

    private static JsonPath post(String body) {
        return evaluate(body).statusCode(200).extract().jsonPath();
    }

    private static double us(JsonPath j) {
        return j.getDouble("sides.US.utility");
    }

    private static double cn(JsonPath j) {
        return j.getDouble("sides.CN.utility");
    }

    private static double hawks(JsonPath j) {
        return j.getDouble("sides.US.factions.find { it.id == 'securityHawks' }.utility");
    }

    @Test
    void noDealHasSurplusExactlyZeroInEveryScenario() {
        for (String s : new String[] {
            "PRE_2025", "FEB_2025", "MAR_2025", "APR_2025", "GENEVA_2025", "OCT_2025", "BUSAN_2025", "POST_RULING_2026"
        }) {
            JsonPath j = post("{\"scenario\": \"" + s + "\", \"bundle\": {}}");
            assertEquals(0.0, j.getDouble("sides.US.surplus"), s);
            assertEquals(0.0, j.getDouble("sides.CN.surplus"), s);
        }
    }

    @Test
    void scalingEveryWeightChangesNothing() {
        String bundle =
                "\"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": 24}, \"usConcessions\": {\"exportControlLevel\": 2}}";
        JsonPath base = post("{" + bundle + "}");
        // Every default weight of docs/model.md ("Criteria and weights") times 10: the same weights once normalised.
        JsonPath scaled = post("{" + bundle + ", \"overrides\": {\"weights\": {"
                + "\"US\": {\"exportGains\": 1.6, \"nationalSecurity\": 1.6, \"fentanyl\": 1.0, \"enforcement\": 1.0, \"jobsInvestment\": 0.9,"
                + " \"economicStability\": 0.8, \"leverage\": 0.8, \"tiktok\": 0.6, \"geopolitics\": 0.5, \"dollarFinance\": 0.5,"
                + " \"structuralReform\": 0.7},"
                + "\"CN\": {\"tariffRelief\": 2.5, \"predictability\": 1.5, \"techAccess\": 1.5, \"faceEquality\": 1.5,"
                + " \"sovereigntySecurity\": 1.2, \"costOfConcessions\": 1.0, \"investmentAccess\": 0.8}}}}");
        assertEquals(us(base), us(scaled), 1e-9);
        assertEquals(cn(base), cn(scaled), 1e-9);
        assertEquals(base.getString("joint.verdict"), scaled.getString("joint.verdict"));
    }

    @Test
    void raisingAPledgeNeverLowersUsUtility() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int ag = 0; ag <= 60; ag += 10) {
            double u = us(post("{\"scenario\": \"MAR_2025\", \"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": "
                    + ag + ", \"energyUsdBnPerYear\": 40, \"years\": 1}}}"));
            assertTrue(u >= previous, "farm pledge " + ag);
            previous = u;
        }
        previous = Double.NEGATIVE_INFINITY;
        for (String level : new String[] {
            "NONE", "STATEMENT", "LAW_ENFORCEMENT_PACKAGE", "PRECURSOR_LICENSING", "VERIFIED_REDUCTION"
        }) {
            double u = us(post("{\"bundle\": {\"fentanyl\": {\"level\": \"" + level + "\"}}}"));
            assertTrue(u > previous, level);
            previous = u;
        }
        previous = Double.NEGATIVE_INFINITY;
        for (int jobs = 0; jobs <= 1_000_000; jobs += 250_000) {
            double u =
                    us(post("{\"bundle\": {\"investment\": {\"jobs\": " + jobs + ", \"maxChineseEquityPct\": 100}}}"));
            assertTrue(u >= previous, "jobs " + jobs);
            previous = u;
        }
    }

    @Test
    void exportControlReliefLowersTheHawksAndRaisesChina() {
        JsonPath previous = null;
        for (int level = 0; level <= 5; level++) {
            JsonPath j = post("{\"scenario\": \"APR_2025\", \"bundle\": {\"usConcessions\": {\"exportControlLevel\": "
                    + level + "}}}");
            if (previous != null) {
                assertTrue(hawks(j) < hawks(previous), "hawks at level " + level);
                assertTrue(cn(j) > cn(previous), "China at level " + level);
            }
            previous = j;
        }
    }

    @Test
    void lowerUsTariffsRaiseChinasUtility() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int tariff = 125; tariff >= 0; tariff -= 25) {
            double u = cn(post("{\"scenario\": \"APR_2025\", \"bundle\": {\"usConcessions\": {\"reciprocalTariffPct\": "
                    + tariff + "}}}"));
            assertTrue(u > previous, "reciprocal " + tariff);
            previous = u;
        }
    }
}
