package dev.dealeval.domain.backtest;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.backtest.Episode.Decision;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.model.Side;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The default model judged against the record: every episode of model/backtest.yaml, decided against
 * its own status quo, must come out as the governments decided. The episodes are never changed to
 * fit the model (the file's header states the encoding rules).
 */
class BacktestTest {
    private final CompiledModel m = TestModels.compile(ModelFixtures.defaultModel(), "default");
    private final EpisodeSet set = ModelFixtures.episodes();
    private final Backtest.Report report = Backtest.run(m, set.episodes());

    /**
     * The episodes the default profile gets wrong in sample, the ones docs/backtest.md ("Current
     * figures") lists by class: a change of the model that gets another one wrong, or one of these
     * right, must say so there.
     */
    static final Set<String> MISSES = Set.of(
            // unilateral gestures China made and took as its own
            "early-harvest-2017",
            "boao-opening-2018",
            "soybean-pork-exclusions-2019",
            // U.S. refusals of purchase-and-relief offers, and China's own offer of June 2018
            "washington-statement-2018",
            "liu-he-terms-2019",
            "purchase-offer-2018",
            // the President's relief for single companies and chip sales
            "zte-settlement-2018",
            "huawei-licences-2019",
            "h20-licences-2025",
            "h200-sales-2025",
            // a U.S. demand whose fentanyl part, coded before the scenarios held Woodside's cooperation,
            // asks for what was already in force (docs/backtest.md "Current figures")
            "call-first-demand-2025");

    @TestFactory
    Stream<DynamicTest> everyEpisodeIsJudgedAsHistorySaysButTheDocumentedMisses() {
        return report.results().stream()
                .map(r -> DynamicTest.dynamicTest(r.episode().id(), () -> {
                    Evaluation e = r.evaluation();
                    assertEquals(
                            !MISSES.contains(r.episode().id()),
                            r.agrees(),
                            () -> r.episode().id() + ": " + r.episode().decisions() + ", the model says "
                                    + e.joint().verdict() + "; "
                                    + e.side(Side.US).factions().stream()
                                            .map(f -> f.summary())
                                            .toList()
                                    + " / "
                                    + e.side(Side.CN).factions().stream()
                                            .map(f -> f.summary())
                                            .toList());
                }));
    }

    @Test
    void theSetIsBroadAndDocumented() {
        EpisodeSet s = set;
        assertTrue(s.episodes().size() >= 20, "at least 20 episodes");
        Set<String> years = new HashSet<>();
        Set<Episode.Kind> kinds = new HashSet<>();
        for (Episode e : s.episodes()) {
            years.add(e.date().substring(0, 4));
            kinds.add(e.kind());
            assertFalse(e.sources().isEmpty(), e.id());
            assertFalse(e.record().isBlank(), e.id());
        }
        assertTrue(years.containsAll(Set.of("2018", "2019", "2021", "2025")), years.toString());
        assertEquals(Set.of(Episode.Kind.values()), kinds);
        // Refused offers, rejections by each side, and deals both took.
        assertTrue(s.episodes().stream().anyMatch(e -> e.decisions().get(Side.US) == Decision.REJECTED));
        assertTrue(s.episodes().stream().anyMatch(e -> e.decisions().get(Side.CN) == Decision.REJECTED));
        assertTrue(s.episodes().stream()
                        .filter(e -> Integer.valueOf(1).equals(e.agreement()))
                        .count()
                >= 10);
        assertFalse(s.excluded().isEmpty());
        var dates = s.episodes().stream().map(Episode::date).toList();
        assertEquals(dates.stream().sorted().toList(), dates, "episodes in date order");
    }

    @Test
    void theScoresAreWhatTheResultsSay() {
        Backtest.Summary sum = report.summary();
        int agreeing = 0;
        double brier = 0;
        double agreements = 0;
        int sideDecisions = 0;
        for (Backtest.Result r : report.results()) {
            agreeing += r.agrees() ? 1 : 0;
            double o = r.episode().decisions().containsValue(Decision.REJECTED) ? 0 : 1;
            agreements += o;
            double p = r.evaluation().joint().agreementProbability();
            brier += (p - o) * (p - o);
            sideDecisions += r.episode().decisions().size();
        }
        int n = report.results().size();
        assertEquals(n, sum.episodes());
        assertEquals(agreeing, sum.agreeing());
        assertEquals((double) agreeing / n, sum.hitRate(), 1e-12);
        assertEquals(sideDecisions, sum.sideDecisions());
        assertEquals(n, sum.scoredOutcomes(), "every episode has a known outcome");
        assertEquals(brier / n, sum.brierScore(), 1e-12);
        double base = agreements / n;
        assertEquals(base * (1 - base), sum.referenceBrierScore(), 1e-12);
        assertEquals(1 - sum.brierScore() / sum.referenceBrierScore(), sum.brierSkillScore(), 1e-12);
    }

    @Test
    void theModelScoresAsDocumented() {
        // docs/backtest.md "Current figures": in sample, after the fit. The out-of-fold figures are
        // FitReportTest's; the model before the backtest scored 0.459 on its first 21 episodes.
        Backtest.Summary sum = report.summary();
        assertEquals(94, sum.sideAgreeing(), "side decisions right");
        assertEquals(108, sum.sideDecisions());
        assertTrue(sum.brierScore() < 0.128, "Brier " + sum.brierScore());
        assertTrue(sum.brierScore() < sum.referenceBrierScore());
    }

    @Test
    void phaseOneIsBelievedAtTheDeliveryLaterObserved() {
        // The signed Phase One text is believed at 57-58%: PIIE's share of the target China bought.
        Evaluation e = result("phase-one-2019");
        assertTrue(
                e.credibility().factor() > 0.57 && e.credibility().factor() < 0.58,
                String.valueOf(e.credibility().factor()));
    }

    @Test
    void beijingRefusedToAskFirstBecauseOfFace() {
        var leadership = result("call-first-demand-2025").side(Side.CN).factions().stream()
                .filter(f -> f.id().equals("leadership"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                leadership.summary().startsWith("leadership oppose: a china requests call format"),
                leadership.summary());
    }

    @Test
    void theSecurityOrgansVetoTheTiktokDealThatBringsNothing() {
        var organs = result("tiktok-jv-blocked-2025").side(Side.CN).factions().stream()
                .filter(f -> f.id().equals("securityOrgans"))
                .findFirst()
                .orElseThrow();
        assertTrue(organs.vetoApplies());
        assertEquals(dev.dealeval.domain.engine.Stance.OPPOSE, organs.stance());
    }

    @Test
    void theRealFormOfASmallDealDoesNotFlipIt() {
        // Geneva and Busan as announced (joint or leader statements) and as signed texts: the same verdict.
        for (String id : new String[] {"geneva-truce-2025", "busan-framework-2025", "london-framework-2025"}) {
            Episode ep = set.episodes().stream()
                    .filter(e -> e.id().equals(id))
                    .findFirst()
                    .orElseThrow();
            var signed = new java.util.HashMap<>(ep.bundle());
            signed.put("commitment.form", "SIGNED_TEXT");
            assertEquals(
                    Verdict.AGREEMENT_LIKELY,
                    TestModels.evaluate(m, ep.scenario(), signed).joint().verdict(),
                    id);
            assertEquals(
                    Verdict.AGREEMENT_LIKELY,
                    TestModels.evaluate(m, ep.scenario(), ep.bundle()).joint().verdict(),
                    id);
        }
    }

    @Test
    void busanHoldsWithoutTheExportControlPause() {
        // The same truce read strictly (the affiliates-rule pause not counted as a change of level)
        // keeps its verdict: the backtest should not hinge on one coding choice.
        Evaluation e = TestModels.evaluate(
                m,
                "OCT_2025",
                Map.ofEntries(
                        entry("usConcessions.reciprocalTariffPct", 10.0),
                        entry("usConcessions.fentanylTariffPct", 10.0),
                        entry("usConcessions.standstillMonths", 12),
                        entry("usConcessions.portFeesSuspended", true),
                        entry("chinaMeasures.rareEarths", "GENERAL_LICENSES"),
                        entry("chinaMeasures.countermeasuresSuspended", true),
                        entry("purchases.soybeansMmtPerYear", 25.0),
                        entry("purchases.years", 3),
                        entry("fentanyl.level", "PRECURSOR_LICENSING"),
                        entry("commitment.form", "LEADER_STATEMENT")));
        assertEquals(Verdict.AGREEMENT_LIKELY, e.joint().verdict());
    }

    /**
     * Other readings an analyst could give the 2025 deals from the same reports: without the
     * standstill, with China's non-tariff countermeasures and rare-earth licences counted, with the
     * threatened 100% left in place, with the 12 MMT of late 2025 instead of 25 MMT a year, with
     * H20-class chips as the controls level. Every one is still ratified by both sides.
     */
    @Test
    void otherReadingsOfThe2025DealsKeepTheirVerdict() {
        String r = "usConcessions.reciprocalTariffPct",
                f = "usConcessions.fentanylTariffPct",
                c = "chinaMeasures.tariffPct";
        String ls = "LEADER_STATEMENT";
        Map<String, Map<String, Object>> readings = new java.util.LinkedHashMap<>();
        readings.put("APR_2025 Geneva, rates only", terms(r, 10.0, c, 10.0));
        readings.put(
                "APR_2025 Geneva, countermeasures and licences",
                terms(
                        r,
                        10.0,
                        c,
                        10.0,
                        "usConcessions.standstillMonths",
                        3,
                        "chinaMeasures.countermeasuresSuspended",
                        true,
                        "chinaMeasures.rareEarths",
                        "GENERAL_LICENSES",
                        "commitment.form",
                        ls));
        readings.put("AUG_2025 extension, rates only", terms(r, 10.0, c, 10.0));
        readings.put("NOV_2025 extension, rates only", terms(r, 10.0, c, 10.0));
        readings.put(
                "OCT_2025 Busan, 12 MMT for one year",
                terms(
                        r,
                        10.0,
                        f,
                        10.0,
                        "usConcessions.portFeesSuspended",
                        true,
                        "chinaMeasures.rareEarths",
                        "GENERAL_LICENSES",
                        "chinaMeasures.countermeasuresSuspended",
                        true,
                        "purchases.soybeansMmtPerYear",
                        12.0,
                        "purchases.years",
                        1,
                        "fentanyl.level",
                        "PRECURSOR_LICENSING",
                        "commitment.form",
                        ls));
        readings.put(
                "OCT_2025 Busan, H20-class chips",
                terms(
                        r,
                        10.0,
                        f,
                        10.0,
                        "usConcessions.standstillMonths",
                        12,
                        "usConcessions.portFeesSuspended",
                        true,
                        "usConcessions.exportControlLevel",
                        3,
                        "chinaMeasures.rareEarths",
                        "GENERAL_LICENSES",
                        "chinaMeasures.countermeasuresSuspended",
                        true,
                        "purchases.soybeansMmtPerYear",
                        25.0,
                        "purchases.years",
                        3,
                        "fentanyl.level",
                        "PRECURSOR_LICENSING",
                        "commitment.form",
                        ls));
        readings.forEach((label, bundle) -> assertEquals(
                Verdict.AGREEMENT_LIKELY,
                TestModels.evaluate(m, label.substring(0, label.indexOf(' ')), bundle)
                        .joint()
                        .verdict(),
                label));
    }

    @Test
    void theBusanPackageUnderTheFreshThreatIsCoercion() {
        // The same package with the fresh 100% threat of OCT_2025 left standing: whatever China gives is
        // given under a U.S. precondition (docs/model.md "Coercion"), and Beijing refuses it.
        String f = "usConcessions.fentanylTariffPct";
        String ls = "LEADER_STATEMENT";
        Map<String, Object> underThreat = terms(
                f,
                10.0,
                "usConcessions.standstillMonths",
                12,
                "usConcessions.portFeesSuspended",
                true,
                "chinaMeasures.rareEarths",
                "GENERAL_LICENSES",
                "chinaMeasures.countermeasuresSuspended",
                true,
                "purchases.soybeansMmtPerYear",
                25.0,
                "purchases.years",
                3,
                "fentanyl.level",
                "PRECURSOR_LICENSING",
                "commitment.form",
                ls);
        Evaluation e = TestModels.evaluate(m, "OCT_2025", underThreat);
        assertEquals(Verdict.CHINA_REJECTS, e.joint().verdict());
    }

    @Test
    void aStateVisitCannotBuyATrillionDollarsOfPurchases() {
        // $240B a year for five years, $1,200B in all: the purchase cost is convex in the whole pledge
        // (docs/model.md "Scores and utility"), and the face of a state visit is far from paying for it.
        for (String scenario : new String[] {"PRE_2025", "BUSAN_2025", "DEC_2019"}) {
            Evaluation e = TestModels.evaluate(
                    m,
                    scenario,
                    Map.of(
                            "purchases.agricultureUsdBnPerYear", 60.0,
                            "purchases.energyUsdBnPerYear", 60.0,
                            "purchases.manufacturedUsdBnPerYear", 80.0,
                            "purchases.servicesUsdBnPerYear", 40.0,
                            "purchases.years", 5,
                            "process.format", "STATE_VISIT",
                            "commitment.form", "SIGNED_TEXT"));
            assertFalse(e.side(Side.CN).ratified(), scenario);
            assertTrue(e.side(Side.CN).ratificationProbability() < 0.5, scenario);
        }
    }

    @Test
    void oneSidedGiveawaysAreRejectedByTheGiver() {
        // Each side giving something for nothing, from every status quo of the record.
        for (String scenario :
                new String[] {"DEC_2018", "OCT_2019", "OCT_2021", "APR_2025", "GENEVA_2025", "OCT_2025", "NOV_2025"}) {
            Evaluation china = TestModels.evaluate(
                    m,
                    scenario,
                    Map.of(
                            "purchases.agricultureUsdBnPerYear",
                            24.0,
                            "fentanyl.level",
                            "VERIFIED_REDUCTION",
                            "commitment.form",
                            "LEADER_STATEMENT"));
            assertFalse(china.side(Side.CN).ratified(), scenario + ": China gives everything");
            Evaluation us = TestModels.evaluate(
                    m,
                    scenario,
                    Map.of(
                            "usConcessions.reciprocalTariffPct",
                            0.0,
                            "usConcessions.fentanylTariffPct",
                            0.0,
                            "usConcessions.exportControlLevel",
                            5,
                            "usConcessions.standstillMonths",
                            24,
                            "usConcessions.section301ReliefShare",
                            1.0));
            assertFalse(us.side(Side.US).ratified(), scenario + ": the U.S. gives everything");
        }
    }

    @Test
    void anEmptyBundleIsRatifiedByNobody() {
        for (var sc : ModelFixtures.defaultModel().scenarios()) {
            Evaluation e = TestModels.evaluate(m, sc.id(), Map.of());
            assertEquals(Verdict.BOTH_REJECT, e.joint().verdict(), sc.id());
            e.sides()
                    .values()
                    .forEach(s -> s.factions()
                            .forEach(f -> assertEquals(dev.dealeval.domain.engine.Stance.NEUTRAL, f.stance())));
        }
    }

    private static Map<String, Object> terms(Object... keysAndValues) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    private Evaluation result(String id) {
        return report.results().stream()
                .filter(r -> r.episode().id().equals(id))
                .findFirst()
                .orElseThrow()
                .evaluation();
    }
}
