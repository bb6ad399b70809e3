package dev.dealeval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.backtest.Fitting;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Properties of docs/model.md on the default model, over seeded random bundles, every scenario and
 * every built-in profile. A failure message carries the seed's bundle so it can be replayed.
 */
class PropertiesTest {
    private static final int CASES = 300;
    private final DealModel model = ModelFixtures.defaultModel();

    private double utility(CompiledModel m, Map<String, Object> terms, int s, Side side) {
        Work w = m.newWork();
        m.score(m.resolve(TestModels.bundle(model, terms), s), s, w);
        return w.utility(side);
    }

    private int faction(CompiledModel m, String id) {
        for (int f = 0; f < m.factionCount(); f++) {
            if (m.faction(f).id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException(id);
    }

    @Test
    void theNoDealBundleHasSurplusExactlyZeroOnBothSides() {
        for (Profile p : model.profiles()) {
            CompiledModel m = CompiledModel.compile(model, p);
            for (Scenario sc : model.scenarios()) {
                int s = m.scenarioIndex(sc.id());
                Evaluation empty =
                        Evaluator.evaluate(m, Bundle.empty(model.terms().size()), s, List.of());
                assertEquals(0.0, empty.side(Side.US).surplus(), p.id() + "/" + sc.id());
                assertEquals(0.0, empty.side(Side.CN).surplus(), p.id() + "/" + sc.id());
                // The same bundle written out term by term (every no-deal value given explicitly).
                Map<String, Object> explicit = new HashMap<>();
                double[] x0 = m.noDeal(s);
                for (int t = 0; t < x0.length; t++) {
                    if (!Double.isNaN(x0[t])) {
                        explicit.put(
                                model.terms().get(t).id(), model.terms().get(t).decode(x0[t]));
                    }
                }
                Evaluation written = Evaluator.evaluate(m, TestModels.bundle(model, explicit), s, List.of());
                assertEquals(0.0, written.side(Side.US).surplus(), p.id() + "/" + sc.id());
                assertEquals(0.0, written.side(Side.CN).surplus(), p.id() + "/" + sc.id());
                written.side(Side.US).factions().forEach(f -> assertEquals(0.0, f.surplus()));
                written.side(Side.CN).factions().forEach(f -> assertEquals(0.0, f.surplus()));
            }
        }
    }

    @Test
    void weightsAreScaleInvariant() {
        BundleGenerator gen = new BundleGenerator(model, 11, 0.5);
        Profile base = model.profile("default").orElseThrow();
        CompiledModel m = CompiledModel.compile(model, base);
        for (int i = 0; i < 20; i++) {
            double k = 0.01 + gen.random().nextDouble() * 50;
            Map<Side, Map<String, Double>> scaled = new EnumMap<>(Side.class);
            base.weights().forEach((side, w) -> {
                Map<String, Double> s = new HashMap<>();
                w.forEach((c, v) -> s.put(c, v * k));
                scaled.put(side, s);
            });
            Profile p = new Profile(
                    "scaled",
                    "s",
                    "s",
                    List.of(),
                    false,
                    1,
                    scaled,
                    base.factions(),
                    base.credibility(),
                    base.settings());
            CompiledModel ms = CompiledModel.compile(model, p);
            for (int j = 0; j < 10; j++) {
                Map<String, Object> b = gen.next();
                int s = gen.random().nextInt(model.scenarios().size());
                for (Side side : Side.values()) {
                    assertEquals(utility(m, b, s, side), utility(ms, b, s, side), 1e-9, "k=" + k + " " + b);
                }
            }
        }
    }

    @Test
    void raisingAPledgeNeverLowersUsUtility() {
        BundleGenerator gen = new BundleGenerator(model, 42, 0.5);
        for (Profile p : profilesAndAFitOfTheWeights()) {
            CompiledModel m = CompiledModel.compile(model, p);
            for (int i = 0; i < CASES; i++) {
                Map<String, Object> b = gen.next();
                int s = gen.random().nextInt(model.scenarios().size());
                for (TermDef t : model.terms()) {
                    if (!t.isPledge()) {
                        continue;
                    }
                    Map<String, Object> low = new HashMap<>(b);
                    Map<String, Object> high = new HashMap<>(b);
                    Object a = gen.value(t);
                    Object c = gen.value(t);
                    boolean aLower = switch (t.kind()) {
                        case BOOLEAN -> !((Boolean) a) || (Boolean) c;
                        case ENUM -> t.values().indexOf(a) <= t.values().indexOf(c);
                        default -> ((Number) a).doubleValue() <= ((Number) c).doubleValue();
                    };
                    low.put(t.id(), aLower ? a : c);
                    high.put(t.id(), aLower ? c : a);
                    double uLow = utility(m, low, s, Side.US);
                    double uHigh = utility(m, high, s, Side.US);
                    assertTrue(
                            uHigh >= uLow - 1e-9,
                            p.id() + ": raising " + t.id() + " from " + low.get(t.id()) + " to " + high.get(t.id())
                                    + " lowered U.S. utility " + uLow + " → " + uHigh + " in " + b);
                }
            }
        }
    }

    /** The default's fits of the weights, and of the weights and clouts (computed once: each is a fit). */
    private static List<Profile> fits;

    /**
     * The built-in profiles, and the default with its criterion weights, and with its weights and clouts,
     * fitted to the built-in episodes (POST /api/v1/fits with weights or clouts: true), which must keep
     * the properties they are fitted under: a concession for nothing refused by its giver, and the
     * direction of every move (docs/fitting.md "Fitting the weights and the clouts").
     */
    private List<Profile> profilesAndAFitOfTheWeights() {
        List<Profile> all = new ArrayList<>(model.profiles());
        all.addAll(fitsOfTheWeights());
        return all;
    }

    private synchronized List<Profile> fitsOfTheWeights() {
        if (fits == null) {
            Profile defaults = model.profile("default").orElseThrow();
            List<Profile> out = new ArrayList<>();
            for (Fitting.Scope scope : List.of(Fitting.Scope.SETTINGS_AND_WEIGHTS, new Fitting.Scope(true, true))) {
                Profile fitted = Fitting.procedure(
                                model, defaults, ModelFixtures.episodes().episodes(), scope)
                        .fit()
                        .profile();
                assertNotEquals(defaults.weights(), fitted.weights());
                out.add(fitted);
            }
            fits = List.copyOf(out);
        }
        return fits;
    }

    /**
     * One concession alone, for nothing, from every built-in scenario under every profile, and under the
     * default with its weights (and its weights and clouts) fitted: wherever it is a gift (the other side
     * gains), the side that gives it does not ratify.
     */
    @Test
    void aSingleConcessionForNothingIsRejectedByItsGiver() {
        Object[][] us = {
            {"usConcessions.reciprocalTariffPct", 0.0},
            {"usConcessions.fentanylTariffPct", 0.0},
            {"usConcessions.section301ReliefShare", 0.5},
            {"usConcessions.section301ReliefShare", 1.0},
            {"usConcessions.standstillMonths", 12},
            {"usConcessions.standstillMonths", 36},
            {"usConcessions.exportControlLevel", 5},
            {"usConcessions.cfiusPosture", "OPEN_NON_SENSITIVE"},
            {"usConcessions.cfiusPosture", "CASE_BY_CASE_MINORITY"},
            {"usConcessions.portFeesSuspended", true},
            {"usConcessions.companyRelief", "LICENCES"},
            {"usConcessions.companyRelief", "DELISTING"},
            {"process.format", "STATE_VISIT"}
        };
        Object[][] cn = {
            {"purchases.agricultureUsdBnPerYear", 8.0},
            {"purchases.energyUsdBnPerYear", 40.0},
            {"purchases.soybeansMmtPerYear", 25.0},
            {"purchases.catchUpProvision", true},
            {"investment.technologyLicensing", true},
            {"finance.treasuryChangeUsdBn", 100.0},
            {"finance.reserveCurrencyStandDown", true},
            {"finance.noDevaluationPledge", true},
            {"fentanyl.level", "STATEMENT"},
            {"fentanyl.level", "VERIFIED_REDUCTION"},
            {"tiktok.structure", "FULL_DIVESTITURE"},
            {"tiktok.structure", "JV_MINORITY_LICENSED_ALGORITHM"},
            {"chinaMeasures.tariffPct", 0.0},
            {"chinaMeasures.rareEarths", "GENERAL_LICENSES"},
            {"chinaMeasures.countermeasuresSuspended", true},
            {"geopolitics.ukraine", 0.5},
            {"geopolitics.northKorea", 1.0},
            {"geopolitics.nuclearDialogue", true},
            {"geopolitics.overcapacityRestraint", 0.5},
            {"structural.reform", "CHAPTERS"},
            {"structural.reform", "LEGAL_CHANGES"},
            {"chinaMeasures.marketAccess", 0.5},
            {"chinaMeasures.retaliationReliefShare", 1.0}
        };
        int gifts = 0;
        int flagged = 0;
        for (Profile p : profilesAndAFitOfTheWeights()) {
            CompiledModel m = CompiledModel.compile(model, p);
            for (var sc : model.scenarios()) {
                for (Object[][] set : List.of(us, cn)) {
                    Side giver = set == us ? Side.US : Side.CN;
                    for (Object[] t : set) {
                        for (String form : new String[] {"SIGNED_TEXT", "LEADER_STATEMENT"}) {
                            var e = TestModels.evaluate(
                                    m, sc.id(), Map.of((String) t[0], t[1], "commitment.form", form));
                            if (!(e.side(giver.other()).surplus() > 0)) {
                                continue; // no gift here: the scenario already has it, or it is a rollback
                            }
                            gifts++;
                            if (e.side(giver).surplus() < 0
                                    && model.giver(model.term((String) t[0]).orElseThrow()) == giver) {
                                flagged++;
                                assertTrue(
                                        e.warnings().stream().anyMatch(w -> w.startsWith(GESTURE)),
                                        () -> sc.id() + ": " + t[0] + " " + e.warnings());
                            }
                            assertFalse(
                                    e.side(giver).ratified(),
                                    () -> p.id() + " " + sc.id() + ": " + giver + " gives " + t[0] + " = " + t[1]
                                            + " for nothing and ratifies ("
                                            + e.side(giver).factions().stream()
                                                    .map(f -> f.summary())
                                                    .toList() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(gifts > 2000, "gifts tested: " + gifts);
        assertTrue(flagged > 2000, "concessions for nothing flagged: " + flagged);
    }

    /** The start of the warning an evaluation carries for a one-sided concession its giver loses by. */
    private static final String GESTURE = "Every term this bundle moves that a side gives is given by ";

    /**
     * The warning is for a one-sided concession its giver loses by: not for a bundle both sides give to, nor for a move its
     * giver gains from too (China's investment pledge raises its own investment access), nor for an empty one.
     */
    @Test
    void onlyAOneSidedConcessionItsGiverLosesByIsFlagged() {
        CompiledModel m = TestModels.compile(model, "default");
        java.util.function.Function<Map<String, Object>, List<String>> flags =
                bundle -> TestModels.evaluate(m, "GENEVA_2025", bundle).warnings().stream()
                        .filter(w -> w.startsWith(GESTURE))
                        .toList();
        assertEquals(
                1, flags.apply(Map.of("purchases.agricultureUsdBnPerYear", 8.0)).size());
        assertTrue(flags.apply(Map.of("purchases.agricultureUsdBnPerYear", 8.0))
                .get(0)
                .startsWith(GESTURE + "China"));
        assertTrue(flags.apply(Map.of("usConcessions.companyRelief", "LICENCES"))
                .get(0)
                .startsWith(GESTURE + "the U.S."));
        assertEquals(
                List.of(),
                flags.apply(
                        Map.of("purchases.agricultureUsdBnPerYear", 8.0, "usConcessions.reciprocalTariffPct", 0.0)));
        assertTrue(TestModels.evaluate(m, "GENEVA_2025", Map.of("investment.jobs", 500000))
                        .side(Side.CN)
                        .surplus()
                > 0);
        assertEquals(List.of(), flags.apply(Map.of("investment.jobs", 500000)));
        assertEquals(List.of(), flags.apply(Map.of()));
    }

    /**
     * Under the default profile and under its fits of the weights (which must keep this direction: the
     * step from level 2 to 3 gains China 0.05 of technology access against 0.06 of self-reliance).
     */
    @Test
    void exportControlReliefLowersTheHawksAndRaisesChina() {
        List<Profile> profiles = new ArrayList<>();
        profiles.add(model.profile("default").orElseThrow());
        profiles.addAll(fitsOfTheWeights());
        for (Profile p : profiles) {
            BundleGenerator gen = new BundleGenerator(model, 7, 0.5);
            CompiledModel m = CompiledModel.compile(model, p);
            int hawks = faction(m, "securityHawks");
            int strictHawks = 0;
            int strictChina = 0;
            for (int i = 0; i < CASES; i++) {
                Map<String, Object> b = gen.next();
                int s = gen.random().nextInt(model.scenarios().size());
                int level = gen.random().nextInt(5);
                Map<String, Object> tight = new HashMap<>(b);
                tight.put("usConcessions.exportControlLevel", level);
                Map<String, Object> relaxed = new HashMap<>(b);
                relaxed.put("usConcessions.exportControlLevel", level + 1);
                Work w = m.newWork();
                m.score(m.resolve(TestModels.bundle(model, tight), s), s, w);
                double hawkTight = w.factionUtility(hawks);
                double cnTight = w.utility(Side.CN);
                m.score(m.resolve(TestModels.bundle(model, relaxed), s), s, w);
                assertTrue(w.factionUtility(hawks) <= hawkTight + 1e-12, p.id() + ": hawks gained from relief in " + b);
                assertTrue(w.utility(Side.CN) >= cnTight - 1e-12, p.id() + ": China lost from relief in " + b);
                strictHawks += w.factionUtility(hawks) < hawkTight - 1e-9 ? 1 : 0;
                strictChina += w.utility(Side.CN) > cnTight + 1e-9 ? 1 : 0;
            }
            // Not vacuous: the effect is strict unless a criterion is clamped at a bound.
            assertEquals(CASES, strictChina, p.id());
            assertTrue(strictHawks > CASES * 0.95, p.id() + ": hawks strictly worse in " + strictHawks + "/" + CASES);
        }
    }

    @Test
    void lowerUsTariffsRaiseChinasUtility() {
        BundleGenerator gen = new BundleGenerator(model, 99, 0.5);
        for (Profile p : profilesAndAFitOfTheWeights()) {
            CompiledModel m = CompiledModel.compile(model, p);
            int strict = 0;
            for (int i = 0; i < CASES; i++) {
                Map<String, Object> b = gen.next();
                int s = gen.random().nextInt(model.scenarios().size());
                String term = gen.random().nextBoolean()
                        ? "usConcessions.reciprocalTariffPct"
                        : "usConcessions.fentanylTariffPct";
                TermDef t = model.term(term).orElseThrow();
                double hi = t.min() + gen.random().nextDouble() * (t.max() - t.min());
                double lo = hi * gen.random().nextDouble();
                Map<String, Object> high = new HashMap<>(b);
                high.put(term, hi);
                Map<String, Object> low = new HashMap<>(b);
                low.put(term, lo);
                double uHigh = utility(m, high, s, Side.CN);
                double uLow = utility(m, low, s, Side.CN);
                assertTrue(
                        uLow >= uHigh - 1e-12,
                        p.id() + ": cutting " + term + " " + hi + " → " + lo + " lowered China's utility in " + b);
                strict += uLow > uHigh + 1e-9 ? 1 : 0;
            }
            assertTrue(strict > CASES * 0.9, p.id() + ": strictly better in " + strict + "/" + CASES);
        }
    }

    @Test
    void everyConcessionCostsTheSideThatGivesIt() {
        // docs/model.md "Criteria and weights": a bundle in which one side gives everything and receives nothing is
        // rejected by that side.
        CompiledModel m = CompiledModel.compile(model, model.profile("default").orElseThrow());
        for (Scenario sc : model.scenarios()) {
            Map<String, Object> usGivesAll = new HashMap<>();
            Map<String, Object> cnGivesAll = new HashMap<>();
            for (TermDef t : model.terms()) {
                Object best = givenMost(t);
                if (best != null) {
                    (t.section().equals("usConcessions") ? usGivesAll : cnGivesAll).put(t.id(), best);
                }
            }
            Evaluation us = TestModels.evaluate(m, sc.id(), usGivesAll);
            Evaluation cn = TestModels.evaluate(m, sc.id(), cnGivesAll);
            assertTrue(
                    !us.side(Side.US).ratified() && us.side(Side.US).surplus() < 0,
                    sc.id() + " U.S. gives all: " + us.side(Side.US).surplus());
            assertTrue(
                    !cn.side(Side.CN).ratified() && cn.side(Side.CN).surplus() < 0,
                    sc.id() + " China gives all: " + cn.side(Side.CN).surplus());
        }
    }

    /** The most generous value of a term for the side that gives it, or null for terms neither side "gives". */
    private static Object givenMost(TermDef t) {
        return switch (t.id()) {
            case "usConcessions.reciprocalTariffPct", "usConcessions.fentanylTariffPct", "chinaMeasures.tariffPct" ->
                0.0;
            case "usConcessions.section301ReliefShare", "chinaMeasures.retaliationReliefShare" -> 1.0;
            case "usConcessions.licenceRevenueSharePct" -> 0.0;
            case "usConcessions.companyRelief" -> "DELISTING";
            case "structural.reform" -> "LEGAL_CHANGES";
            case "usConcessions.standstillMonths" -> 36;
            case "usConcessions.exportControlLevel" -> 5;
            case "usConcessions.cfiusPosture" -> "OPEN_NON_SENSITIVE";
            case "usConcessions.portFeesSuspended",
                    "chinaMeasures.countermeasuresSuspended",
                    "finance.reserveCurrencyStandDown",
                    "finance.noDevaluationPledge",
                    "geopolitics.nuclearDialogue",
                    "purchases.catchUpProvision" -> true;
            case "chinaMeasures.rareEarths" -> "GENERAL_LICENSES";
            case "fentanyl.level" -> "VERIFIED_REDUCTION";
            case "tiktok.structure" -> "FULL_DIVESTITURE";
            default ->
                t.isPledge()
                                && (t.kind() == TermKind.NUMBER || t.kind() == TermKind.INTEGER)
                                && t.alternativeOf() == null
                        ? (Object) t.max()
                        : null;
        };
    }
}
