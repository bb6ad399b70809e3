package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogResourceTest extends ApiTestSupport {

    @Test
    void termsListTheWholeCatalogue() {
        given().get("/api/v1/terms")
                .then()
                .statusCode(200)
                .body("modelVersion", equalTo("2026.12-1"))
                .body("defaultSearchSpace", equalTo(1152000))
                .body("terms", hasSize(ModelFixtures.termsInModelFile()))
                .body("terms.find { it.id == 'purchases.years' }.kind", equalTo("INTEGER"))
                .body("terms.find { it.id == 'purchases.years' }.min", equalTo(1.0))
                .body("terms.find { it.id == 'purchases.years' }.max", equalTo(5.0))
                .body("terms.find { it.id == 'purchases.years' }.neutral", equalTo(2))
                .body("terms.find { it.id == 'purchases.years' }.levels", contains(2, 3))
                .body(
                        "terms.find { it.id == 'fentanyl.level' }.values",
                        contains(
                                "NONE",
                                "STATEMENT",
                                "LAW_ENFORCEMENT_PACKAGE",
                                "PRECURSOR_LICENSING",
                                "VERIFIED_REDUCTION"))
                .body("terms.find { it.id == 'fentanyl.level' }.neutral", equalTo("NONE"))
                .body("terms.find { it.id == 'usConcessions.exportControlLevel' }.inheritsScenario", is(true))
                .body("terms.find { it.id == 'usConcessions.exportControlLevel' }.neutral", nullValue())
                .body("terms.find { it.id == 'tiktok.bytedanceStakePct' }.derivedFrom", equalTo("tiktok.structure"))
                .body("terms.find { it.id == 'usConcessions.pntrKept' }.neutral", is(true))
                .body("terms.findAll { it.searchDefault }.id", hasSize(10))
                .body("criteria", hasSize(18))
                .body("criteria.find { it.id == 'structuralReform' }.side", equalTo("US"))
                .body("criteria.find { it.id == 'tariffRelief' }.side", equalTo("CN"))
                .body("criteria.find { it.id == 'tariffRelief' }.defaultWeight", equalTo(0.25))
                .body(
                        "criteria.find { it.id == 'exportGains' }.formula",
                        org.hamcrest.Matchers.containsString("credible purchases / 200"));
    }

    @Test
    void scenariosListTheBuiltInStatusQuos() {
        // Built-ins first, in id order (other tests may have added user-defined ones after them): the
        // eight of 2025-26, the thirty-four historical ones that hold what was in force from 2017 to 2024, and the
        // status quo after the Beijing summit of May 2026.
        java.util.List<String> ids = given().get("/api/v1/scenarios?size=43")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(43))
                .extract()
                .path("items.id");
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of(
                        "APR_2018",
                        "APR_2024",
                        "APR_2025",
                        "AUG_2020",
                        "AUG_2025",
                        "AUG_2025_EXTENDED",
                        "BEIJING_2026",
                        "BUSAN_2025",
                        "DEC_2018",
                        "DEC_2018_TRUCE",
                        "DEC_2019",
                        "DOUBLING_2025",
                        "FEB_2019",
                        "FEB_2019_EXTENDED",
                        "FEB_2020",
                        "FEB_2022",
                        "FEB_2025",
                        "FENTANYL_TARIFF_2025",
                        "GENEVA_2025",
                        "JAN_2020_SIGNED",
                        "JUL_2019",
                        "JUN_2018",
                        "JUN_2019",
                        "MAR_2023",
                        "MAR_2025",
                        "MAY_2017",
                        "MAY_2018",
                        "MAY_2019",
                        "MAY_2026",
                        "MID_MAY_2018",
                        "NOV_2022",
                        "NOV_2025",
                        "OCT_2019",
                        "OCT_2019_UNDERSTANDING",
                        "OCT_2021",
                        "OCT_2025",
                        "POST_RULING_2026",
                        "PRE_2025",
                        "SEP_2018",
                        "SEP_2019",
                        "SEP_2025",
                        "STOCKHOLM_2025",
                        "ULTIMATUM_2025"),
                ids);
    }

    @Test
    void aScenarioShowsItsNoDealBundle() {
        given().get("/api/v1/scenarios/OCT_2025")
                .then()
                .statusCode(200)
                .body("values.'chinaMeasures.rareEarths'", equalTo("BROAD_CONTROLS"))
                .body("threats[0].term", equalTo("usConcessions.reciprocalTariffPct"))
                .body("threats[0].probability", equalTo(0.5))
                // 10% now, 110% threatened at even odds → expected 60% without a deal.
                .body("noDealBundle.'usConcessions.reciprocalTariffPct'", equalTo(60.0))
                .body("noDealBundle.'tiktok.bytedanceStakePct'", nullValue())
                // 100 × (0.16 × exportGains 0.1104 + 0.16 × nationalSecurity 0.72 + 0.10 × enforcement 0.5
                // + 0.08 × economicStability 0.162 + 0.08 × leverage 0.782 + 0.06 × tiktok 0.1 + 0.05 × dollarFinance
                // 0.3 + 0.10 × fentanyl 0.4 + 0.07 × structuralReform 0.5), the cooperation and Phase One's chapters
                // in force counted in full (belief discounts only what a bundle changes), the other two U.S.
                // criteria 0 without a deal (docs/model.md "Criteria and weights", "Credibility").
                .body("values.'fentanyl.level'", equalTo("LAW_ENFORCEMENT_PACKAGE"))
                .body("values.'structural.reform'", equalTo("CHAPTERS"))
                .body("noDealUtility.US", closeTo(35.4384, 1e-4));
    }

    /**
     * SEP_2018, written for the gap between the first Section 301 tariffs and Buenos Aires
     * (docs/episodes.md): the $50B in force, the $200B list at 25% and China's answer as
     * threats, the $16B list of 23 August as a fresh measure.
     */
    @Test
    void theScenarioOfSeptember2018HoldsTheFirstTariffsAndTheThreatsOfTheDay() {
        given().get("/api/v1/scenarios/SEP_2018")
                .then()
                .statusCode(200)
                .body("freshMeasures.'usConcessions.section301ReliefShare'", closeTo(0.904, 1e-12))
                // 0.86 missing in force, 0.11 at 0.9: 0.1 × 0.86 + 0.9 × 0.11 = 0.185.
                .body("noDealBundle.'usConcessions.section301ReliefShare'", closeTo(0.185, 1e-9))
                // China's 0.38 in force, 0.16 at 0.9: 0.1 × 0.38 + 0.9 × 0.16 = 0.182.
                .body("noDealBundle.'chinaMeasures.retaliationReliefShare'", closeTo(0.182, 1e-9))
                .body("noDealBundle.'chinaMeasures.countermeasuresSuspended'", equalTo(false));
    }

    @Test
    void profilesIncludeTheBuiltIns() {
        given().get("/api/v1/profiles")
                .then()
                .statusCode(200)
                .body(
                        "items.id",
                        hasItems("default", "hawkish-washington", "economy-first-beijing", "phase-one-skeptic"))
                .body("items.find { it.id == 'default' }.builtIn", is(true));
        given().get("/api/v1/profiles/hawkish-washington")
                .then()
                .statusCode(200)
                .body("weights.US.nationalSecurity", equalTo(0.23))
                .body("weights.US.structuralReform", equalTo(0.1))
                .body("factions.find { it.id == 'congress' }.veto", equalTo("FULL"))
                .body("factions.find { it.id == 'securityHawks' }.clout", equalTo(0.2))
                .body("credibility.trackRecords.agriculture", equalTo(0.83))
                // The fitted decision settings of the model file, which the profile does not change.
                .body("settings.threshold.US", equalTo(0.0))
                .body("settings.temperature", equalTo(0.153));
    }

    @Test
    void unknownIdsInAPathAre404ProblemDocuments() {
        given().get("/api/v1/scenarios/NOPE")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("No scenario with id 'NOPE'."))
                .body("instance", equalTo("/api/v1/scenarios/NOPE"));
        given().get("/api/v1/profiles/nobody")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No profile with id 'nobody'."));
    }
}
