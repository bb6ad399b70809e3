package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluationResourceTest extends ApiTestSupport {

    static final String GENEVA = """
            {"scenario": "APR_2025", "bundle": {"usConcessions": {"reciprocalTariffPct": 10, "standstillMonths": 3},
             "chinaMeasures": {"tariffPct": 10}}}""";

    @Test
    void genevaIsAgreedWithEveryFieldOfTheContract() {
        evaluate(GENEVA)
                .statusCode(200)
                .contentType("application/json")
                .body("scenario", equalTo("APR_2025"))
                .body("profile", equalTo("default"))
                .body("profileVersion", equalTo(1))
                .body("joint.verdict", equalTo("AGREEMENT_LIKELY"))
                .body("joint.zopa", is(true))
                .body("joint.agreementProbability", greaterThan(0.5))
                .body("sides.US.ratified", is(true))
                .body("sides.CN.ratified", is(true))
                .body("sides.US.surplus", greaterThan(0.0))
                .body("sides.CN.surplus", greaterThan(10.0))
                .body("sides.CN.utility", greaterThan(0.0))
                .body("sides.CN.noDealUtility", greaterThan(0.0))
                .body("sides.US.ratificationProbability", greaterThan(0.5))
                // Clout-weighted mean of the factions' S/(G + 0.6205) (docs/model.md "Ratification and vetoes"):
                // the hawks lose a little (-0.13 of a stake of 7.32), the others gain, and the President's veto
                // does not bind.
                .body("sides.US.supportIndex", closeTo(0.1693, 1e-4))
                .body("sides.US.threshold", equalTo(0.0))
                .body("sides.US.criteria", hasSize(11))
                .body("sides.CN.criteria", hasSize(7))
                .body("sides.US.criteria.id", hasItems("nationalSecurity", "structuralReform"))
                .body(
                        "sides.CN.criteria[0].keySet()",
                        contains("id", "weight", "value", "noDealValue", "contribution", "surplusContribution"))
                .body("sides.CN.terms.term", hasItem("usConcessions.reciprocalTariffPct"))
                .body("sides.CN.terms[0].term", equalTo("usConcessions.reciprocalTariffPct"))
                .body("sides.CN.terms[0].value", equalTo(10.0))
                .body("sides.CN.terms[0].noDealValue", equalTo(125.0))
                .body(
                        "sides.US.factions.id",
                        contains("president", "treasury", "commerce", "securityHawks", "business", "congress"))
                .body(
                        "sides.CN.factions.id",
                        contains("leadership", "commerceMinistry", "securityOrgans", "economicPlanners", "exporters"))
                .body(
                        "sides.US.factions[0].keySet()",
                        contains(
                                "id",
                                "clout",
                                "veto",
                                "vetoApplies",
                                "utility",
                                "noDealUtility",
                                "surplus",
                                "stake",
                                "stanceMargin",
                                "stance",
                                "supportProbability",
                                "reasons",
                                "summary"))
                .body("sides.US.factions[0].veto", equalTo("FULL"))
                .body("sides.US.factions[0].stance", equalTo("SUPPORT"))
                .body("sides.CN.factions[0].reasons[0]", startsWith("a 10% U.S. reciprocal tariff (+"))
                .body("credibility.pledgedUsdBnPerYear", equalTo(0.0))
                .body("credibility.keySet()", hasItem("factor"))
                .body("warnings", empty());
    }

    @Test
    void theFloatedGrandBargainIsRejectedByWashingtonWithReasons() {
        evaluate("""
                {"scenario": "MAR_2025", "bundle": {
                  "purchases": {"agricultureUsdBnPerYear": 16, "energyUsdBnPerYear": 26, "manufacturedUsdBnPerYear": 39, "servicesUsdBnPerYear": 19},
                  "investment": {"jobs": 500000, "technologyLicensing": true},
                  "fentanyl": {"level": "LAW_ENFORCEMENT_PACKAGE"},
                  "usConcessions": {"fentanylTariffPct": 0, "standstillMonths": 24, "exportControlLevel": 3, "cfiusPosture": "CASE_BY_CASE_MINORITY"},
                  "commitment": {"form": "FLOATED_PROPOSAL"}}}""")
                .statusCode(200)
                .body("joint.verdict", equalTo("US_REJECTS"))
                // A floated proposal promises nothing until it is tabled: $100B pledged, none of it believed.
                .body("credibility.pledgedUsdBnPerYear", closeTo(100.0, 1e-9))
                .body("credibility.credibleUsdBnPerYear", equalTo(0.0))
                .body("credibility.factor", equalTo(0.0))
                .body("credibility.formFactor", equalTo(0.0))
                .body("sides.US.factions.find { it.id == 'securityHawks' }.stance", equalTo("OPPOSE"))
                // The floated form costs them most (against a signed text, nothing is believed); chip relief comes
                // next.
                .body(
                        "sides.US.factions.find { it.id == 'securityHawks' }.reasons[0]",
                        startsWith("a floated proposal (-"))
                .body(
                        "sides.US.factions.find { it.id == 'securityHawks' }.reasons",
                        hasItem(startsWith("export-control level 3 (-")))
                .body(
                        "sides.US.factions.find { it.id == 'securityHawks' }.summary",
                        startsWith("securityHawks oppose: a floated proposal"))
                .body("sides.US.factions.find { it.id == 'congress' }.vetoApplies", is(true))
                // Even the deal-maker will not pay with chips and tariffs for promises nobody has tabled.
                .body("sides.US.factions.find { it.id == 'president' }.stance", equalTo("OPPOSE"));
    }

    @Test
    void anEmptyBundleIsNoDealWithSurplusExactlyZero() {
        for (String scenario : new String[] {"PRE_2025", "OCT_2025", "POST_RULING_2026"}) {
            evaluate("{\"scenario\": \"" + scenario + "\", \"bundle\": {}}")
                    .statusCode(200)
                    .body("sides.US.surplus", equalTo(0.0))
                    .body("sides.CN.surplus", equalTo(0.0))
                    .body("sides.US.terms", empty())
                    .body("joint.verdict", equalTo("BOTH_REJECT"))
                    .body("warnings[0]", startsWith("The bundle is empty"));
        }
    }

    @Test
    void scenarioAndProfileDefaultFromConfiguration() {
        evaluate("{\"bundle\": {}}")
                .statusCode(200)
                .body("scenario", equalTo("GENEVA_2025"))
                .body("profile", equalTo("default"));
    }

    @Test
    void theProfileChangesTheVerdict() {
        // A hawkish Washington will not sign the Geneva truce the default Washington signs.
        evaluate(GENEVA.replace("\"scenario\"", "\"profile\": \"hawkish-washington\", \"scenario\""))
                .statusCode(200)
                .body("profile", equalTo("hawkish-washington"))
                .body("joint.verdict", equalTo("US_REJECTS"));
    }

    @Test
    void overridesReweightAndRescaleClouts() {
        evaluate("""
                {"scenario": "APR_2025", "bundle": {"usConcessions": {"reciprocalTariffPct": 10}, "chinaMeasures": {"tariffPct": 10}},
                 "overrides": {"weights": {"US": {"nationalSecurity": 0.34}}, "factions": {"securityHawks": {"clout": 0.25}, "congress": {"veto": "FULL"}}}}""")
                .statusCode(200)
                .body("sides.US.factions.find { it.id == 'congress' }.veto", equalTo("FULL"))
                .body("sides.US.factions.find { it.id == 'congress' }.vetoApplies", is(true))
                // 0.25 / (1 − 0.13 + 0.25) after rescaling.
                .body("sides.US.factions.find { it.id == 'securityHawks' }.clout", closeTo(0.25 / 1.12, 1e-9))
                .body("sides.US.factions.clout.sum()", closeTo(1.0, 1e-9))
                // nationalSecurity 0.34 in place of 0.16, of a total 1 − 0.16 + 0.34 = 1.18.
                .body("sides.US.criteria.find { it.id == 'nationalSecurity' }.weight", closeTo(0.34 / 1.18, 1e-9))
                .body("warnings[0]", containsString("US clouts summed to 1.12"));
    }

    @Test
    void termsLeftOutKeepTheirNoDealValues() {
        // Busan scenario: omitted fentanyl level stays at PRECURSOR_LICENSING, so restating it changes nothing.
        String a = evaluate("{\"scenario\": \"BUSAN_2025\", \"bundle\": {\"purchases\": {\"soybeansMmtPerYear\": 25}}}")
                .statusCode(200)
                .extract()
                .path("sides.US.utility")
                .toString();
        evaluate(
                        "{\"scenario\": \"BUSAN_2025\", \"bundle\": {\"purchases\": {\"soybeansMmtPerYear\": 25}, \"fentanyl\": {\"level\": \"PRECURSOR_LICENSING\"}}}")
                .statusCode(200)
                .body("sides.US.utility.toString()", equalTo(a))
                .body("sides.US.terms.term", not(hasItem("fentanyl.level")));
    }

    @Test
    void probabilitiesAreProbabilities() {
        evaluate(GENEVA)
                .statusCode(200)
                .body("sides.US.factions.supportProbability", everyItem(lessThan(1.0000001)))
                .body("sides.US.factions.supportProbability", everyItem(greaterThan(-0.0000001)))
                .body("joint.agreementProbability", notNullValue());
    }
}
