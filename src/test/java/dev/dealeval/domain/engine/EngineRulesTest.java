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
 * veto); settings δ = 1, τ = 2, quorums 0.5, ρ = 0.25; credibility baseline $1,000B, growth 33% a
 * year, excess believed at 0.3, goods track record 0.5.
 */
class EngineRulesTest {
    private static final double EPS = 1e-9;
    private static final Settings SETTINGS = new Settings(1.0, 2.0, 0.5, 0.5, 0.25);
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
            CompiledModel.Work w = m.newWork();
            double[] xe = new double[m.termCount()];
            int goods = m.model().termIndex("offer.goods");
            xe[goods] = 8;
            cred.believe(xe, new double[m.termCount()], w);
            assertEquals(1.0, w.realism, EPS);
            assertEquals(0.5, w.belief[0], EPS);
            assertEquals(8.0, w.pledgedTotal, EPS);
            assertEquals(4.0, w.credibleTotal, EPS);
        }

        @Test
        void expectedDeliveryBeyondPaceIsBelievedOnlyAtExcessBelief() {
            // Weighted pledge 0.5·1000 = 500 > pace 330: realism (330 + 0.3·170)/500 = 0.762.
            CompiledModel.Work w = m.newWork();
            double[] xe = new double[m.termCount()];
            xe[m.model().termIndex("offer.goods")] = 1000;
            cred.believe(xe, new double[m.termCount()], w);
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
            // |S| ≥ δ decides without the stake; a surplus within rounding of 0 is no stance.
            assertEquals(Stance.SUPPORT, Ratification.stance(SETTINGS, 5, NA));
            assertEquals(Stance.NEUTRAL, Ratification.stance(SETTINGS, 1e-10, 0));
            assertTrue(Ratification.stakeDecides(0.99, 1));
            assertFalse(Ratification.stakeDecides(1.0, 1));
        }

        @Test
        void stakeAddsGainsAndLosses() {
            // 100 (0.25·|0.6 − 0.2| + 0.75·|0.2 − 0.4|) = 100 (0.1 + 0.15) = 25.
            double[] v = {0.6, 0.2};
            double[] v0 = {0.2, 0.4};
            assertEquals(25.0, Ratification.stake(100, new double[] {0.25, 0.75}, 0, v, v0, 0, 2), EPS);
        }

        @Test
        void aSideRatifiesWithMoreThanTheQuorumOfTheCloutThatTakesAStance() {
            double[] none = {NA, NA, NA};
            // Boss supports (0.6), hawk opposes (0.4, no veto): 0.6 > 0.5 × 1.0.
            assertTrue(Ratification.ratifies(m, Side.US, x, 0, 4, new double[] {4, -20, 0}, none, m.clout));
            // The same stances with the clouts swapped: 0.4 is not more than 0.5.
            assertFalse(Ratification.ratifies(
                    m, Side.US, x, 0, 4, new double[] {4, -20, 0}, none, new double[] {0.4, 0.6, 1}));
            // Boss opposes with a full veto: no, however much the hawk supports.
            assertFalse(Ratification.ratifies(m, Side.US, x, 0, 4, new double[] {-2, 5, 0}, none, m.clout));
            // No side surplus, no ratification, whatever the factions say.
            assertFalse(Ratification.ratifies(m, Side.US, x, 0, 0, new double[] {4, 4, 0}, none, m.clout));
            // Everyone neutral (0.1 < margin min(1, 0.25·4)): nobody supports.
            double[] stakes = {4, 4, 4};
            assertFalse(Ratification.ratifies(m, Side.US, x, 0, 4, new double[] {0.1, 0.1, 0}, stakes, m.clout));
        }
    }

    @Nested
    class ProbabilityRule {
        @Test
        void supportIsALogisticWhoseTemperatureShrinksWithTheMargin() {
            assertEquals(0.5, Probabilities.logistic(0), EPS);
            assertEquals(0.75, Probabilities.logistic(Math.log(3)), EPS);
            assertEquals(0.5, Probabilities.support(SETTINGS, 0, 1), EPS);
            // Margin min(1, 0.25·8) = 1: σ(2/2). Margin 0.5 halves τ: σ(0.5/(2·0.5)).
            assertEquals(sigma(1), Probabilities.support(SETTINGS, 2, 8), EPS);
            assertEquals(sigma(0.5), Probabilities.support(SETTINGS, 0.5, 2), EPS);
            // No relative margin: the temperature is 0, so support is certain either way.
            Settings sharp = new Settings(1.0, 2.0, 0.5, 0.5, 0);
            assertEquals(1.0, Probabilities.support(sharp, 0.5, 2), EPS);
            assertEquals(0.0, Probabilities.support(sharp, -0.5, 2), EPS);
        }

        @Test
        void ratificationIsTheCoalitionShareTimesEachVetoHoldersSupport() {
            double[] x = m.noDeal(0);
            // (0.6·4)/(0.6·4 + 0.4·20) × σ(4/2) for the boss (margin min(1, 0.25·8) = 1).
            double p =
                    Probabilities.ratification(m, Side.US, x, 0, 4, new double[] {4, -20, 0}, new double[] {8, 8, 0});
            assertEquals(2.4 / 10.4 * sigma(2), p, EPS);
            // Nobody moved: a coalition share of 1/2, times the boss's 1/2.
            assertEquals(
                    0.25,
                    Probabilities.ratification(m, Side.US, x, 0, 0, new double[] {0, 0, 0}, new double[] {0, 0, 0}),
                    EPS);
            assertEquals(0.2, Probabilities.agreement(0.5, 0.4), EPS);
        }
    }
}
