package dev.dealeval.adapter.modelfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.model.AlternativeUnit;
import dev.dealeval.domain.model.Component;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Gate;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.ScoreFunction;
import dev.dealeval.domain.model.SectionDef;
import dev.dealeval.domain.model.Shape;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import dev.dealeval.domain.model.VetoKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in files read to the records written in them, entry by entry: one entry of each kind
 * with every key it can have, the profiles' changes merged over the defaults, and the episodes.
 * (When the readers replaced the hand-walking ModelLoader, both files read to records equal to its
 * own, compared whole.)
 */
class BuiltInFilesTest {
    private final DealModel model = ModelFixtures.defaultModel();

    @Test
    void sectionsAndTerms() {
        assertEquals(
                List.of(
                        "purchases",
                        "investment",
                        "finance",
                        "fentanyl",
                        "tiktok",
                        "chinaMeasures",
                        "geopolitics",
                        "structural",
                        "usConcessions",
                        "process",
                        "commitment"),
                model.sections().stream().map(SectionDef::id).toList());
        assertEquals(
                new TermDef(
                        "purchases.soybeansMmtPerYear",
                        TermKind.NUMBER,
                        "million metric tons per year",
                        0,
                        40,
                        0,
                        false,
                        List.of(),
                        List.of(0.0, 12.0, 25.0),
                        false,
                        "agriculture",
                        new AlternativeUnit("purchases.agricultureUsdBnPerYear", 0.4),
                        null,
                        "{value} MMT/yr of soybeans",
                        model.term("purchases.soybeansMmtPerYear").orElseThrow().description()),
                model.term("purchases.soybeansMmtPerYear").orElseThrow());
        // An enum's neutral value and levels are encoded as indices of its values.
        TermDef fentanyl = model.term("fentanyl.level").orElseThrow();
        assertEquals(0.0, fentanyl.neutral());
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), fentanyl.levels());
        assertTrue(fentanyl.searchDefault());
        // A derived term has no neutral value of its own.
        TermDef stake = model.term("tiktok.bytedanceStakePct").orElseThrow();
        assertTrue(Double.isNaN(stake.neutral()));
        assertEquals("tiktok.structure", stake.derivedFrom().term());
        assertEquals(
                Map.of(
                        "UNRESOLVED",
                        100.0,
                        "SPLIT_50_50",
                        50.0,
                        "JV_MINORITY_LICENSED_ALGORITHM",
                        19.9,
                        "FULL_DIVESTITURE",
                        0.0),
                stake.derivedFrom().values());
        assertTrue(model.term("chinaMeasures.tariffPct").orElseThrow().inheritsScenario());
    }

    @Test
    void criteriaFactionsAndScenarios() {
        var jobs = model.criteria().stream()
                .filter(c -> c.id().equals("jobsInvestment"))
                .findFirst()
                .orElseThrow();
        assertEquals(Side.US, jobs.side());
        assertEquals(0.09, jobs.weight());
        assertEquals(new Shape(Shape.Kind.SATURATING, 0.6), jobs.shape());
        Gate perJobs = new Gate("investment.jobs", 500000);
        assertEquals(
                List.of(
                        new Component("investment.jobs", new ScoreFunction.Linear(1, 500000), null),
                        new Component(
                                "investment.technologyLicensing",
                                new ScoreFunction.Levels(Map.of("true", 0.15)),
                                perJobs),
                        new Component(
                                "investment.maxChineseEquityPct",
                                new ScoreFunction.Points(
                                        List.of(0.0, 49.0, 51.0, 100.0), List.of(0.0, 0.0, -0.2, -0.4)),
                                perJobs)),
                jobs.components());

        var congress = model.profile("default").orElseThrow().factions().stream()
                .filter(f -> f.id().equals("congress"))
                .findFirst()
                .orElseThrow();
        assertEquals(0.15, congress.clout());
        assertEquals(VetoKind.SCOPED, congress.veto());
        assertEquals(List.of("usConcessions.pntrKept", "tiktok.*", "usConcessions.cfiusPosture"), congress.vetoScope());
        assertEquals(
                Map.of(
                        "nationalSecurity",
                        1.8,
                        "tiktok",
                        1.5,
                        "fentanyl",
                        1.3,
                        "enforcement",
                        1.3,
                        "structuralReform",
                        1.5),
                congress.multipliers());

        var geneva = model.scenario("GENEVA_2025").orElseThrow();
        assertEquals("2025-05-14", geneva.date());
        assertEquals(10.0, geneva.values().get("usConcessions.reciprocalTariffPct"));
        assertEquals(true, geneva.values().get("usConcessions.portFeesSuspended"));
        assertEquals("RESTRICTIVE_LICENSING", geneva.values().get("chinaMeasures.rareEarths"));
        var threat = model.scenario("JUN_2018").orElseThrow().threats().get(0);
        assertEquals("usConcessions.section301ReliefShare", threat.term());
        assertEquals(0.86, threat.value());
        assertEquals(0.9, threat.probability());
        // A scenario of the issue-23 block: an earlier deal's commitments in force sit in its values.
        var may2026 = model.scenario("MAY_2026").orElseThrow();
        assertEquals(25.0, may2026.values().get("purchases.soybeansMmtPerYear"));
        assertEquals("JV_MINORITY_LICENSED_ALGORITHM", may2026.values().get("tiktok.structure"));
        assertTrue(may2026.threats().isEmpty());
    }

    @Test
    void aProfileChangesOnlyWhatItLists() {
        assertEquals(
                List.of("default", "hawkish-washington", "economy-first-beijing", "phase-one-skeptic"),
                model.profiles().stream().map(Profile::id).toList());
        Profile defaults = model.profile("default").orElseThrow();
        Profile hawkish = model.profile("hawkish-washington").orElseThrow();
        assertEquals(0.23, hawkish.weights().get(Side.US).get("nationalSecurity"));
        assertEquals(
                List.copyOf(defaults.weights().get(Side.US).keySet()),
                List.copyOf(hawkish.weights().get(Side.US).keySet()),
                "weights keep the criteria's order");
        assertEquals(defaults.weights().get(Side.CN), hawkish.weights().get(Side.CN));
        var congress = hawkish.factions().stream()
                .filter(f -> f.id().equals("congress"))
                .findFirst()
                .orElseThrow();
        assertEquals(VetoKind.FULL, congress.veto());
        assertEquals(0.15, congress.clout());
        var president = hawkish.factions().get(0);
        assertEquals("president", president.id());
        assertEquals(0.34, president.clout());
        assertEquals(defaults.factions().get(0).multipliers(), president.multipliers());
        assertEquals(defaults.credibility(), hawkish.credibility());
        assertEquals(defaults.settings(), hawkish.settings());

        Profile skeptic = model.profile("phase-one-skeptic").orElseThrow();
        assertEquals(0.7, skeptic.credibility().trackRecords().get("agriculture"));
        assertEquals(0.8, skeptic.credibility().enforcementFactors().get("NONE"));
        assertEquals(defaults.credibility().formFactors(), skeptic.credibility().formFactors());
        assertEquals(
                defaults.credibility().baselineUsdBn(), skeptic.credibility().baselineUsdBn());
        assertEquals(defaults.factions(), skeptic.factions());
    }

    @Test
    void theEpisodes() {
        var set = ModelFixtures.episodes();
        assertEquals(55, set.episodes().size());
        assertEquals(
                List.of(
                        "concessions-list-2018",
                        "six-year-purchase-offer-2019",
                        "phase-one-review-2020",
                        "tiktok-global-2020",
                        "meng-wanzhou-2021",
                        "pcaob-audit-2022",
                        "section-301-increases-2024",
                        "tiktok-jv-closing-2026"),
                set.excluded().stream().map(e -> e.id()).toList());
        // The episodes are in date order; the first of the 21 encoded before issue 23, pinned whole.
        assertEquals("early-harvest-2017", set.episodes().get(0).id());
        Episode first = set.episodes().stream()
                .filter(e -> e.id().equals("purchase-offer-2018"))
                .findFirst()
                .orElseThrow();
        assertEquals("2018-06-03", first.date());
        assertEquals(Episode.Kind.REFUSED_OFFER, first.kind());
        assertEquals("JUN_2018", first.scenario());
        assertEquals(
                Map.of(
                        "purchases.agricultureUsdBnPerYear", 25.0,
                        "purchases.energyUsdBnPerYear", 25.0,
                        "purchases.manufacturedUsdBnPerYear", 20.0,
                        "purchases.years", 1.0,
                        "usConcessions.section301ReliefShare", 1.0,
                        "commitment.form", "FLOATED_PROPOSAL"),
                first.bundle());
        assertEquals(Map.of(Side.US, Episode.Decision.REJECTED, Side.CN, Episode.Decision.ACCEPTED), first.decisions());
        assertTrue(first.encoding().startsWith("The record gives only the total"));
        assertEquals(3, first.sources().size());

        Episode split = set.episodes().stream()
                .filter(e -> e.id().equals("tiktok-split-2025"))
                .findFirst()
                .orElseThrow();
        assertEquals(Map.of(Side.CN, Episode.Decision.REJECTED), split.decisions());
        assertEquals(0, split.agreement(), "a rejection decides the episode");
        Episode geneva = set.episodes().stream()
                .filter(e -> e.id().equals("geneva-truce-2025"))
                .findFirst()
                .orElseThrow();
        assertEquals("", geneva.encoding(), "no encoding is an empty one");
        assertFalse(geneva.sources().isEmpty());

        // An episode of issue 23: a term added for it (single-entity relief) and a scenario added for it.
        Episode woodside = set.episodes().stream()
                .filter(e -> e.id().equals("woodside-summit-2023"))
                .findFirst()
                .orElseThrow();
        assertEquals("2023-11-15", woodside.date());
        assertEquals(Episode.Kind.SIGNED_DEAL, woodside.kind());
        assertEquals("MAR_2023", woodside.scenario());
        assertEquals(
                Map.of(
                        "fentanyl.level", "LAW_ENFORCEMENT_PACKAGE",
                        "usConcessions.companyRelief", "DELISTING",
                        "commitment.form", "LEADER_STATEMENT"),
                woodside.bundle());
        assertEquals(
                Map.of(Side.US, Episode.Decision.ACCEPTED, Side.CN, Episode.Decision.ACCEPTED), woodside.decisions());
        assertEquals(4, woodside.sources().size());
        var dates = set.episodes().stream().map(Episode::date).toList();
        assertEquals(dates.stream().sorted().toList(), dates, "the episodes are in date order");
    }
}
