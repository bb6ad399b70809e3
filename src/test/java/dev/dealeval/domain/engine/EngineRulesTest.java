package dev.dealeval.domain.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each rule class on hand-computed numbers: {@link Scoring}, {@link Credibility}, {@link
 * Ratification} and {@link Probabilities}. The model is {@link ModelFixtures#SMALL_YAML}: factions boss
 * (U.S., clout 0.6, full veto), hawk (U.S., clout 0.4, no veto) and lead (China, clout 1, full
 * veto); settings δ = 1, ρ = 0.25, τ = 0.5, thresholds θ = 0.1, stake floor γ = 2, probability floor ε =
 * 0.05; credibility baseline $1,000B, growth 33% a
 * year, excess believed at 0.3, goods track record 0.5.
 */
class EngineRulesTest {
    private static final double EPS = 1e-9;
    private static final Settings SETTINGS = new Settings(1.0, 0.5, 0.1, 0.1, 0.25, 2.0, 0.05);
    private static final double NA = Double.NaN;

    private final CompiledModel m = TestModels.compile(ModelFixtures.fromYaml(ModelFixtures.SMALL_YAML), "default");

    private static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Nested
    class ScoringRule {
        @Test
        void utilityIsUnitTimesTheWeightedValues() {
            // 100 (0.6·0.4 + 0.4·0.5) = 44; with an offset the weights start further in.
            assertEquals(44.0, Scoring.utility(100, new double[] {0.6, 0.4}, 0, new double[] {0.4, 0.5}, 0, 2), EPS);
            assertEquals(
                    44.0, Scoring.utility(100, new double[] {9, 9, 0.6, 0.4}, 2, new double[] {0.4, 0.5}, 0, 2), EPS);
        }

        @Test
        void factionWeightsAreSideWeightsTimesMultipliersRenormalised() {
            // (0.6·1, 0.4·3) = (0.6, 1.2), over 1.8: (1/3, 2/3); the other side's criterion stays 0.
            double[] out = new double[3];
            Scoring.factionWeights(new double[] {0.6, 0.4, 0.5}, new double[] {1, 3, 7}, 0, 0, 2, out);
            assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 0}, out, EPS);
        }
    }

    @Nested
    class CredibilityRule {
        private final Credibility cred = m.credibility;

        @Test
        void paceLimitAndRequiredGrowthAreInverse() {
            // 1000 (1.33 − 1)·2/2 = 330 in one year; 1000 (1.33² − 1)·3/4 = 576.675 in two.
            assertEquals(330.0, cred.paceLimit(1), EPS);
            assertEquals(576.675, cred.paceLimit(2), 1e-9);
            assertEquals(0.33, cred.requiredGrowth(330, 1), EPS);
            assertEquals(0.33, cred.requiredGrowth(cred.paceLimit(3), 3), EPS);
            assertEquals(0.0, cred.requiredGrowth(0, 3), EPS);
        }

        @Test
        void aPledgeWithinPaceIsBelievedAtItsTrackRecord() {
            Work w = m.newWork();
            double[] xe = new double[m.termCount()];
            int goods = m.model().termIndex("offer.goods");
            xe[goods] = 8;
            cred.believe(xe, new double[m.termCount()], 0, w);
            assertEquals(1.0, w.realism, EPS);
            assertEquals(0.5, w.belief[0], EPS);
            assertEquals(8.0, w.pledgedTotal, EPS);
            assertEquals(4.0, w.credibleTotal, EPS);
        }

        @Test
        void expectedDeliveryBeyondPaceIsBelievedOnlyAtExcessBelief() {
            // Weighted pledge 0.5·1000 = 500 > pace 330: realism (330 + 0.3·170)/500 = 0.762.
            Work w = m.newWork();
            double[] xe = new double[m.termCount()];
            xe[m.model().termIndex("offer.goods")] = 1000;
            cred.believe(xe, new double[m.termCount()], 0, w);
            assertEquals(0.762, w.realism, EPS);
            assertEquals(0.381, w.belief[0], EPS);
            assertEquals(381.0, w.credibleTotal, 1e-9);
        }
    }

    @Nested
    class RatificationRule {
        private final double[] x = m.noDeal(0);

        @Test
        void stanceUsesTheSmallerOfDeltaAndRhoTimesStake() {
            assertEquals(0.5, Ratification.margin(SETTINGS, 2), EPS);
            // Margin min(1, 0.25·4) = 1: a surplus of 0.5 is not enough; with stake 1 the margin is 0.25.
            assertEquals(Stance.NEUTRAL, Ratification.stance(SETTINGS, 0.5, 4));
            assertEquals(Stance.SUPPORT, Ratification.stance(SETTINGS, 0.5, 1));
            assertEquals(Stance.OPPOSE, Ratification.stance(SETTINGS, -0.3, 1));
            // A surplus within rounding of 0 is no stance.
            assertEquals(Stance.SUPPORT, Ratification.stance(SETTINGS, 5, 8));
            assertEquals(Stance.NEUTRAL, Ratification.stance(SETTINGS, 1e-10, 0));
        }

        @Test
        void stakeAddsGainsAndLosses() {
            // 100 (0.25·|0.6 − 0.2| + 0.75·|0.2 − 0.4|) = 100 (0.1 + 0.15) = 25.
            double[] v = {0.6, 0.2};
            double[] v0 = {0.2, 0.4};
            assertEquals(25.0, Ratification.stake(100, new double[] {0.25, 0.75}, 0, v, v0, 0, 2), EPS);
        }

        @Test
        void supportIsSurplusAgainstStakePlusTheFloor() {
            // r = S/(G + γ): 4/(8 + 2) = 0.4; −20/(20 + 2); nothing within rounding of 0.
            assertEquals(0.4, Ratification.support(SETTINGS, 4, 8), EPS);
            assertEquals(-20.0 / 22, Ratification.support(SETTINGS, -20, 20), EPS);
            assertEquals(0.0, Ratification.support(SETTINGS, 1e-10, 0), EPS);
        }

        @Test
        void theSupportIndexIsTheCloutWeightedMeanCappedByTheVetoHolders() {
            double[] x = m.noDeal(0);
            // Boss (0.6, full veto) r = 4/10 = 0.4, hawk (0.4) r = −20/22: mean 0.24 − 0.4·20/22 = −0.12364 < θ.
            double[] surplus = {4, -20, 0};
            double[] stake = {8, 20, 0};
            double mean = 0.6 * 0.4 + 0.4 * (-20.0 / 22);
            assertEquals(mean, Ratification.supportIndex(m, Side.US, x, 0, surplus, stake, m.clout), EPS);
            assertFalse(Ratification.ratifies(m, Side.US, x, 0, 4, surplus, stake, m.clout));
            // Both at r = 0.5 (4/(6 + 2), 2/(2 + 2)): R = 0.5 > 0.1.
            assertTrue(Ratification.ratifies(
                    m, Side.US, x, 0, 4, new double[] {4, 2, 0}, new double[] {6, 2, 0}, m.clout));
            // The hawk's 10/12 lifts the mean to 0.6·0.01 + 0.4·10/12 = 0.3393, but the boss's veto caps R at
            // its own 0.2/20 = 0.01, below θ.
            double[] lukewarm = {0.2, 10, 0};
            double[] lukewarmStake = {18, 10, 0};
            assertEquals(0.01, Ratification.supportIndex(m, Side.US, x, 0, lukewarm, lukewarmStake, m.clout), EPS);
            assertFalse(Ratification.ratifies(m, Side.US, x, 0, 4, lukewarm, lukewarmStake, m.clout));
            // Nobody gains: R ≤ 0, never ratified (θ ≥ 0).
            assertFalse(Ratification.ratifies(
                    m, Side.US, x, 0, 0, new double[] {0, -1, 0}, new double[] {0, 1, 0}, m.clout));
        }
    }

    @Nested
    class ProbabilityRule {
        @Test
        void probabilityIsABoundedLogisticOfTheIndexAgainstTheThreshold() {
            assertEquals(0.5, Probabilities.logistic(0), EPS);
            assertEquals(0.75, Probabilities.logistic(Math.log(3)), EPS);
            // R = θ: an even chance. R = 0.5: 0.05 + 0.9 σ(0.4/0.5).
            assertEquals(0.5, Probabilities.ratification(SETTINGS, 0.1, 0.1), EPS);
            assertEquals(0.05 + 0.9 * sigma(0.8), Probabilities.ratification(SETTINGS, 0.5, 0.1), EPS);
            // Never beyond [ε, 1 − ε], however clear the index.
            assertEquals(0.95, Probabilities.ratification(SETTINGS, 1e6, 0.1), 1e-12);
            assertEquals(0.05, Probabilities.ratification(SETTINGS, -1e6, 0.1), 1e-12);
            assertEquals(0.2, Probabilities.agreement(0.5, 0.4), EPS);
        }
    }

    /** The rules of the U.S.–China model that the small model has no place for, on the default model. */
    @Nested
    class DefaultModelRules {
        private final CompiledModel d = TestModels.compile(ModelFixtures.defaultModel(), "default");

        private double[] resolve(String scenario, java.util.Map<String, ?> terms) {
            return d.resolve(TestModels.bundle(d.model(), terms), d.scenarioIndex(scenario));
        }

        @Test
        void coercionIsAConcessionUnderAFreshThreatThatBuysNothingElse() {
            int oct = d.scenarioIndex("OCT_2025");
            // OCT_2025's fresh threat: the reciprocal layer to 110 at even odds (10 before it).
            // China gives, the threat stands: coerced.
            assertTrue(Scoring.coerced(
                    d, resolve("OCT_2025", java.util.Map.of("chinaMeasures.rareEarths", "GENERAL_LICENSES")), oct));
            // China gives, the U.S. only withdraws the threat (back to 10): coerced.
            assertTrue(Scoring.coerced(
                    d,
                    resolve(
                            "OCT_2025",
                            java.util.Map.of(
                                    "chinaMeasures.rareEarths",
                                    "GENERAL_LICENSES",
                                    "usConcessions.reciprocalTariffPct",
                                    10.0)),
                    oct));
            // The U.S. also halves the fentanyl tariff (20 -> 10), as at Busan: not coerced.
            assertFalse(Scoring.coerced(
                    d,
                    resolve(
                            "OCT_2025",
                            java.util.Map.of(
                                    "chinaMeasures.rareEarths",
                                    "GENERAL_LICENSES",
                                    "usConcessions.reciprocalTariffPct",
                                    10.0,
                                    "usConcessions.fentanylTariffPct",
                                    10.0)),
                    oct));
            // China gives nothing: no coercion, whatever stands; nor in a scenario without a fresh threat.
            assertFalse(Scoring.coerced(d, resolve("OCT_2025", java.util.Map.of()), oct));
            assertFalse(Scoring.coerced(
                    d,
                    resolve("BUSAN_2025", java.util.Map.of("chinaMeasures.rareEarths", "BROAD_CONTROLS")),
                    d.scenarioIndex("BUSAN_2025")));
        }

        @Test
        void aConcessionThatBuysNothingButTheWithdrawalOfAFreshMeasureIsCoerced() {
            // FENTANYL_TARIFF_2025: the 10% fentanyl tariff took effect that day (freshMeasures: 0 before it),
            // and no threat is fresh. China's precursor licensing paid only by lifting it, wholly or in part:
            // coerced.
            String f = "FENTANYL_TARIFF_2025";
            String precursors = "PRECURSOR_LICENSING";
            assertTrue(coerced(f, "fentanyl.level", precursors, "usConcessions.fentanylTariffPct", 0.0));
            assertTrue(coerced(f, "fentanyl.level", precursors, "usConcessions.fentanylTariffPct", 5.0));
            // Paid also with a year's standstill: a bargain, not coercion; and a measure in force left
            // standing while the U.S. pays something else is the bargain's price, not coercion either.
            assertFalse(coerced(
                    f,
                    "fentanyl.level",
                    precursors,
                    "usConcessions.fentanylTariffPct",
                    0.0,
                    "usConcessions.standstillMonths",
                    12));
            assertFalse(coerced(f, "fentanyl.level", precursors, "usConcessions.standstillMonths", 12));
            // Lifting the tariff while tightening the chip controls (level 1 to 0) pays China nothing more:
            // a tightening is no concession, so still coerced.
            assertTrue(coerced(
                    f,
                    "fentanyl.level",
                    precursors,
                    "usConcessions.fentanylTariffPct",
                    0.0,
                    "usConcessions.exportControlLevel",
                    0));
            // Paid for nothing at all while the fresh tariff stands: coerced.
            assertTrue(coerced(f, "fentanyl.level", precursors));
            // The same tariff a year on is no longer fresh (PRE_2025 has none): the same bargain is not coerced.
            assertFalse(coerced("PRE_2025", "fentanyl.level", precursors));
        }

        /** Whether the bundle of the given term-value pairs is coerced in the scenario. */
        private boolean coerced(String scenario, Object... termValues) {
            java.util.Map<String, Object> terms = new java.util.LinkedHashMap<>();
            for (int i = 0; i < termValues.length; i += 2) {
                terms.put((String) termValues[i], termValues[i + 1]);
            }
            return Scoring.coerced(d, resolve(scenario, terms), d.scenarioIndex(scenario));
        }

        @Test
        void aCoercedBundleIsScoredAsOneUnderAPrecondition() {
            int oct = d.scenarioIndex("OCT_2025");
            int pre = d.model().termIndex("process.usPreconditions");
            Work w = d.newWork();
            double[] coerced = resolve("OCT_2025", java.util.Map.of("chinaMeasures.rareEarths", "GENERAL_LICENSES"));
            d.score(coerced, oct, w);
            double underThreat = w.utility(dev.dealeval.domain.model.Side.CN);
            coerced[pre] = 1;
            d.score(coerced, oct, w);
            assertEquals(w.utility(dev.dealeval.domain.model.Side.CN), underThreat, EPS);
            // Where nothing coerces, the precondition costs 100 · w(faceEquality) · 0.35 = 100 · 0.15 · 0.35 =
            // 5.25 points of China's utility (faceEquality stays inside 0–1: 0.55 → 0.2).
            int busan = d.scenarioIndex("BUSAN_2025");
            double[] x = resolve("BUSAN_2025", java.util.Map.of("chinaMeasures.tariffPct", 5.0));
            d.score(x, busan, w);
            double free = w.utility(dev.dealeval.domain.model.Side.CN);
            x[pre] = 1;
            d.score(x, busan, w);
            assertEquals(free - 5.25, w.utility(dev.dealeval.domain.model.Side.CN), 1e-9);
        }

        @Test
        void thePurchaseCostIsConvexInThePledgesOverTheWholeTerm() {
            // costOfConcessions scores pledgesTotal = yearly pledges × years through the points (0, 0),
            // (200, −0.05), (400, −0.15), (600, −0.35), (1000, −0.8): $100B a year for 2 years is $200B,
            // −0.05; for 5 years $500B, halfway from −0.15 to −0.35: −0.25.
            int s = d.scenarioIndex("PRE_2025");
            int c = criterionIndex("costOfConcessions");
            Work w = d.newWork();
            d.score(resolve("PRE_2025", java.util.Map.of()), s, w);
            double none = w.value(c);
            java.util.function.IntToDoubleFunction cost = years -> {
                d.score(
                        resolve(
                                "PRE_2025",
                                java.util.Map.of(
                                        "purchases.manufacturedUsdBnPerYear",
                                        50.0,
                                        "purchases.energyUsdBnPerYear",
                                        50.0,
                                        "purchases.years",
                                        years)),
                        s,
                        w);
                return w.value(c);
            };
            assertEquals(none - 0.05, cost.applyAsDouble(2), EPS);
            assertEquals(none - 0.25, cost.applyAsDouble(5), EPS);
        }

        private int criterionIndex(String id) {
            for (int c = 0; c < d.criterionCount(); c++) {
                if (d.criterion(c).id().equals(id)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(id);
        }
    }
}
