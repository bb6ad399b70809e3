package dev.dealeval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Stance;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model small enough to evaluate by hand (docs/model.md). Two terms: a Chinese purchase pledge
 * {@code offer.goods} ($B, believed at its track record 0.5) and the U.S. tariff {@code us.tariff}
 * (inherited from the scenario, 100 there). Criteria and factions:
 * <pre>
 *   US gains    w 0.6  = credible goods / 10          US leverage w 0.4 = tariff / 100
 *   CN relief   w 0.75 = 1 - tariff / 100             CN cost     w 0.25 = 1 - nominal goods / 10
 *   US boss  clout 0.6, full veto;  US hawk clout 0.4, leverage x3;  CN lead clout 1, full veto
 * </pre>
 * Bundle: goods 8, tariff 50, in scenario S (tariff 100). Settings: δ = 1, ρ = 0.25, τ = 0.5, θ = 0.1 per side,
 * stake floor γ = 2, probability floor ε = 0.05 (docs/model.md "Ratification and vetoes", "Probabilities").
 */
class SmallModelTest {
    static final String YAML = ModelFixtures.SMALL_YAML;
    static final double EPS = 1e-9;

    private static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** P = ε + (1 − 2ε)σ((R − θ)/τ) with the small model's ε = 0.05, θ = 0.1, τ = 0.5. */
    private static double probability(double index) {
        return 0.05 + 0.9 * sigma((index - 0.1) / 0.5);
    }

    @Test
    void evaluatesTheBundleByHand() {
        DealModel model = ModelFixtures.fromYaml(YAML);
        CompiledModel m = TestModels.compile(model, "default");
        Evaluation e = TestModels.evaluate(m, "S", Map.of("offer.goods", 8.0, "us.tariff", 50.0));

        // U.S.: goods believed at 0.5 → 4 → gains 0.4; leverage 0.5. U = 100(0.6·0.4 + 0.4·0.5) = 44.
        // No deal: gains 0, leverage 1 → 40.
        var us = e.side(Side.US);
        assertEquals(44.0, us.utility(), EPS);
        assertEquals(40.0, us.noDealUtility(), EPS);
        assertEquals(4.0, us.surplus(), EPS);
        // China: relief 0.5, cost 1 − 8/10 = 0.2 (nominal). U = 100(0.75·0.5 + 0.25·0.2) = 42.5; no deal 25.
        var cn = e.side(Side.CN);
        assertEquals(42.5, cn.utility(), EPS);
        assertEquals(25.0, cn.noDealUtility(), EPS);
        assertEquals(17.5, cn.surplus(), EPS);

        // Hawk weights ∝ (0.6, 0.4·3) → (1/3, 2/3): U = 100(0.4/3 + 2·0.5/3) = 46.667, no deal 66.667.
        var hawk = us.factions().get(1);
        assertEquals("hawk", hawk.id());
        assertEquals(140.0 / 3, hawk.utility(), EPS);
        assertEquals(200.0 / 3, hawk.noDealUtility(), EPS);
        assertEquals(-20.0, hawk.surplus(), EPS);
        // Stake G = 100(|0.4 − 0|/3 + 2·|0.5 − 1|/3) = 140/3: the bundle moves the hawk mostly one way, down.
        assertEquals(140.0 / 3, hawk.stake(), EPS);
        assertEquals(Stance.OPPOSE, hawk.stance());
        // r(hawk) = −20/(140/3 + γ 2) = −60/146 = −30/73 = −0.41096; P = ε + (1 − 2ε)σ((r − θ)/τ).
        double rHawk = -30.0 / 73;
        assertEquals(probability(rHawk), hawk.supportProbability(), EPS);
        // The boss (the side's weights): S = 4, G = 100(0.6·0.4 + 0.4·0.5) = 44, margin min(1, 0.25·44) = 1.
        var boss = us.factions().get(0);
        assertEquals(4.0, boss.surplus(), EPS);
        assertEquals(44.0, boss.stake(), EPS);
        assertEquals(Stance.SUPPORT, boss.stance());
        // r(boss) = 4/(44 + 2) = 2/23 = 0.08696.
        double rBoss = 2.0 / 23;
        assertEquals(probability(rBoss), boss.supportProbability(), EPS);

        // Ratification: R(US) = min(0.6·2/23 + 0.4·(−30/73), 2/23 (the boss's veto)) = 0.05217 − 0.16438
        // = −0.11221 ≤ θ 0.1. The boss and 0.6 of the clout support, yet the hawk's loss is larger against
        // its stake than the boss's gain: the U.S. does not ratify although its surplus is positive.
        double rUs = 0.6 * rBoss + 0.4 * rHawk;
        assertEquals(-0.1122097, rUs, 1e-7);
        assertEquals(rUs, us.supportIndex(), EPS);
        assertEquals(0.1, us.threshold(), EPS);
        assertFalse(us.ratified());
        // Stances still explain: 0.6 supports, 0.4 opposes.
        assertEquals(0.6, us.supportingClout(), EPS);
        assertEquals(0.4, us.opposingClout(), EPS);
        // P(US) = 0.05 + 0.9 σ((−0.11221 − 0.1)/0.5) = 0.05 + 0.9 σ(−0.42442) = 0.05 + 0.9 · 0.39546 = 0.40591.
        assertEquals(0.40591, us.ratificationProbability(), 1e-5);
        assertEquals(probability(rUs), us.ratificationProbability(), EPS);
        // China's lead alone: S = 17.5, G = 100(0.75·0.5 + 0.25·0.8) = 57.5, r = 17.5/59.5 = 5/17 = 0.29412 > θ.
        var lead = cn.factions().get(0);
        assertEquals(57.5, lead.stake(), EPS);
        assertEquals(5.0 / 17, cn.supportIndex(), EPS);
        assertTrue(cn.ratified());
        // P(CN) = 0.05 + 0.9 σ((5/17 − 0.1)/0.5) = 0.05 + 0.9 σ(0.38824) = 0.05 + 0.9 · 0.59586 = 0.58627.
        assertEquals(0.58627, cn.ratificationProbability(), 1e-5);
        assertEquals(probability(5.0 / 17), cn.ratificationProbability(), EPS);

        // Joint: ZOPA, Nash 4·17.5, welfare 21.5; but the U.S. rejects.
        assertTrue(e.joint().zopa());
        assertEquals(70.0, e.joint().nashProduct(), EPS);
        assertEquals(21.5, e.joint().welfare(), EPS);
        assertEquals(Verdict.US_REJECTS, e.joint().verdict());
        assertEquals(
                us.ratificationProbability() * cn.ratificationProbability(),
                e.joint().agreementProbability(),
                EPS);

        // Credibility: 8 pledged, 4 credible.
        assertEquals(8.0, e.credibility().pledgedUsdBnPerYear(), EPS);
        assertEquals(4.0, e.credibility().credibleUsdBnPerYear(), EPS);
        assertEquals(0.5, e.credibility().factor(), EPS);

        // Criteria: U.S. gains contributes 100·0.6·0.4 = 24 of the utility and of the surplus.
        var gains = us.criteria().get(0);
        assertEquals("gains", gains.id());
        assertEquals(0.6, gains.weight(), EPS);
        assertEquals(0.4, gains.value(), EPS);
        assertEquals(24.0, gains.contribution(), EPS);
        assertEquals(24.0, gains.surplusContribution(), EPS);

        // Terms: U(x) − U(x with the term at no deal). U.S.: goods +24, tariff 44 − 64 = −20.
        Map<String, Double> usTerms = new java.util.HashMap<>();
        us.terms().forEach(t -> usTerms.put(t.term(), t.contribution()));
        assertEquals(24.0, usTerms.get("offer.goods"), EPS);
        assertEquals(-20.0, usTerms.get("us.tariff"), EPS);
        Map<String, Double> cnTerms = new java.util.HashMap<>();
        cn.terms().forEach(t -> cnTerms.put(t.term(), t.contribution()));
        assertEquals(-20.0, cnTerms.get("offer.goods"), EPS);
        assertEquals(37.5, cnTerms.get("us.tariff"), EPS);

        // The hawk opposes because of the tariff cut: U(x) − U(x with tariff 100) = 46.667 − 80 = −33.3.
        assertEquals(java.util.List.of("a 50% tariff (-33.3)"), hawk.reasons());
        assertEquals("hawk oppose: a 50% tariff (-33.3)", hawk.summary());
    }

    @Test
    void aSmallDealIsJudgedAgainstItsStake() {
        DealModel model = ModelFixtures.fromYaml(YAML);
        CompiledModel m = TestModels.compile(model, "default");
        // Goods 0.3 (believed 0.15 → gains 0.015), tariff 99.5 (leverage 0.995, relief 0.005); ρ = 0.25.
        Evaluation e = TestModels.evaluate(m, "S", Map.of("offer.goods", 0.3, "us.tariff", 99.5));
        var boss = e.side(Side.US).factions().get(0);
        var hawk = e.side(Side.US).factions().get(1);
        // Boss (0.6, 0.4): S = 100(0.6·0.015 − 0.4·0.005) = 0.7, G = 0.9 + 0.2 = 1.1, margin min(1, 0.275):
        // it supports although it gains less than δ.
        assertEquals(0.7, boss.surplus(), EPS);
        assertEquals(1.1, boss.stake(), EPS);
        assertEquals(0.275, boss.stanceMargin(), EPS);
        assertEquals(Stance.SUPPORT, boss.stance());
        // Hawk (1/3, 2/3): S = 100(0.015/3 − 2·0.005/3) = 1/6, G = 0.5 + 1/3 = 5/6, margin 5/24 > 1/6: neutral.
        assertEquals(1.0 / 6, hawk.surplus(), EPS);
        assertEquals(5.0 / 6, hawk.stake(), EPS);
        assertEquals(Stance.NEUTRAL, hawk.stance());
        // Support against stake plus the floor γ = 2: boss 0.7/3.1 = 7/31 = 0.22581, hawk (1/6)/(17/6) = 1/17.
        // R = min(0.6·7/31 + 0.4/17, 7/31) = 0.13548 + 0.02353 = 0.15901 > θ 0.1: the U.S. ratifies.
        double rBoss = 7.0 / 31;
        double rUs = 0.6 * rBoss + 0.4 / 17;
        assertEquals(0.15901, rUs, 1e-5);
        assertEquals(rUs, e.side(Side.US).supportIndex(), EPS);
        assertTrue(e.side(Side.US).ratified());
        // P(US) = 0.05 + 0.9 σ(0.05901/0.5): barely more than an even chance for so small a deal.
        assertEquals(probability(rUs), e.side(Side.US).ratificationProbability(), EPS);
        assertEquals(probability(rBoss), boss.supportProbability(), EPS);
        // China: relief +0.375, cost −0.75 (nominal 0.3): S = −0.375, G = 1.125, margin 0.28125: the leader
        // opposes; r = −0.375/3.125 = −0.12 caps R, and China rejects.
        var lead = e.side(Side.CN).factions().get(0);
        assertEquals(-0.375, lead.surplus(), EPS);
        assertEquals(1.125, lead.stake(), EPS);
        assertEquals(Stance.OPPOSE, lead.stance());
        assertEquals(-0.12, e.side(Side.CN).supportIndex(), EPS);
        assertEquals(Verdict.CHINA_REJECTS, e.joint().verdict());

        // With ρ = 1 the boss's margin is min(δ, 1.1) = δ: a 0.7 gain leaves it neutral, yet the index, not the
        // stance, decides, and it does not depend on ρ: the U.S. still ratifies.
        CompiledModel absolute = TestModels.compile(
                ModelFixtures.fromYaml(YAML.replace("relativeStanceMargin: 0.25", "relativeStanceMargin: 1.0")),
                "default");
        Evaluation strict = TestModels.evaluate(absolute, "S", Map.of("offer.goods", 0.3, "us.tariff", 99.5));
        assertEquals(1.0, strict.side(Side.US).factions().get(0).stanceMargin(), EPS);
        assertEquals(Stance.NEUTRAL, strict.side(Side.US).factions().get(0).stance());
        assertEquals(rUs, strict.side(Side.US).supportIndex(), EPS);
        assertTrue(strict.side(Side.US).ratified());

        // The stake floor shrinks a small deal toward indifference. With γ = 10: boss 0.7/11.1 = 7/111, hawk
        // (1/6)/(5/6 + 10) = 1/65, R = 0.6·7/111 + 0.4/65 = 0.03784 + 0.00615 = 0.04399 ≤ 0.1: rejected.
        CompiledModel floored = TestModels.compile(
                ModelFixtures.fromYaml(YAML.replace("stakeFloor: 2.0", "stakeFloor: 10.0")), "default");
        Evaluation small = TestModels.evaluate(floored, "S", Map.of("offer.goods", 0.3, "us.tariff", 99.5));
        assertEquals(0.6 * 7 / 111 + 0.4 / 65, small.side(Side.US).supportIndex(), EPS);
        assertFalse(small.side(Side.US).ratified());
        // The same deal ten times over (goods 3, tariff 95) moves every surplus and stake ten times as far:
        // boss 7/(11 + 10) = 1/3, hawk (5/3)/(25/3 + 10) = 1/11, R = 0.2 + 0.4/11 = 0.23636 > 0.1: ratified.
        Evaluation large = TestModels.evaluate(floored, "S", Map.of("offer.goods", 3.0, "us.tariff", 95.0));
        assertEquals(7.0, large.side(Side.US).factions().get(0).surplus(), EPS);
        assertEquals(11.0, large.side(Side.US).factions().get(0).stake(), EPS);
        assertEquals(0.2 + 0.4 / 11, large.side(Side.US).supportIndex(), EPS);
        assertTrue(large.side(Side.US).ratified());
    }

    @Test
    void aLukewarmVetoHolderCapsTheIndexAndTheThresholdDecides() {
        // Scenario T has the tariff at 50; the bundle raises it to 50.5 (leverage 0.505 against 0.5), nothing else.
        String yaml = YAML.replace(
                "values: {us.tariff: 100}}",
                "values: {us.tariff: 100}}\n  - {id: T, name: T, date: \"2025-02-01\", description: d,"
                        + " values: {us.tariff: 50}}");
        Map<String, Object> raise = Map.of("us.tariff", 50.5);
        // Boss: S = G = 100·0.4·0.005 = 0.2, r = 0.2/2.2 = 1/11 = 0.09091. Hawk: S = G = 100·(2/3)·0.005 = 1/3,
        // r = (1/3)/(7/3) = 1/7. Both support (margins 0.05 and 1/12). Mean 0.6/11 + 0.4/7 = 0.05455 + 0.05714
        // = 0.11169 > θ 0.1, but the boss's full veto caps R at its own 1/11 ≤ 0.1: not ratified.
        Evaluation e = TestModels.evaluate(TestModels.compile(ModelFixtures.fromYaml(yaml), "default"), "T", raise);
        var us = e.side(Side.US);
        assertEquals(0.2, us.factions().get(0).surplus(), EPS);
        assertEquals(0.2, us.factions().get(0).stake(), EPS);
        assertEquals(Stance.SUPPORT, us.factions().get(0).stance());
        assertEquals(Stance.SUPPORT, us.factions().get(1).stance());
        assertEquals(1.0, us.supportingClout(), EPS);
        assertEquals(1.0 / 11, us.supportIndex(), EPS);
        assertFalse(us.ratified());
        // P = 0.05 + 0.9 σ((1/11 − 0.1)/0.5) = 0.05 + 0.9 σ(−0.01818): just below an even chance.
        assertEquals(probability(1.0 / 11), us.ratificationProbability(), EPS);
        assertTrue(us.ratificationProbability() < 0.5);
        // Without the boss's veto the mean decides: 0.11169 > 0.1.
        Evaluation noVeto = TestModels.evaluate(
                TestModels.compile(
                        ModelFixtures.fromYaml(yaml.replace("clout: 0.6, veto: FULL", "clout: 0.6, veto: NONE")),
                        "default"),
                "T",
                raise);
        assertEquals(0.6 / 11 + 0.4 / 7, noVeto.side(Side.US).supportIndex(), EPS);
        assertTrue(noVeto.side(Side.US).ratified());
        // With the veto and a threshold of 0.05, the capped 1/11 clears it.
        Evaluation lowBar = TestModels.evaluate(
                TestModels.compile(
                        ModelFixtures.fromYaml(yaml.replace("threshold: {US: 0.1", "threshold: {US: 0.05")), "default"),
                "T",
                raise);
        assertEquals(1.0 / 11, lowBar.side(Side.US).supportIndex(), EPS);
        assertTrue(lowBar.side(Side.US).ratified());
    }

    @Test
    void aFloatedProposalIsBelievedLess() {
        DealModel model = ModelFixtures.fromYaml(YAML);
        CompiledModel m = TestModels.compile(model, "default");
        Evaluation e = TestModels.evaluate(
                m, "S", Map.of("offer.goods", 8.0, "us.tariff", 50.0, "commitment.form", "FLOATED_PROPOSAL"));
        // π = 0.5 · 0.5 → 2 credible → gains 0.2 → U = 100(0.12 + 0.2) = 32.
        assertEquals(2.0, e.credibility().credibleUsdBnPerYear(), EPS);
        assertEquals(32.0, e.side(Side.US).utility(), EPS);
        // China's cost uses the nominal pledge, so its utility is unchanged.
        assertEquals(42.5, e.side(Side.CN).utility(), EPS);
    }

    @Test
    void aHawkWithFullVetoBlocksRatification() {
        // Goods 10 (believed 5: gains 0.5), tariff 70 (leverage 0.7; China's relief 0.3, cost 0).
        // Boss: S = 100(0.6·0.5 − 0.4·0.3) = 18, G = 30 + 12 = 42, r = 18/44 = 9/22 = 0.40909.
        // Hawk: S = 100(0.5/3 − 2·0.3/3) = −10/3, G = 100(0.5/3 + 0.6/3) = 110/3, r = (−10/3)/(116/3) = −5/58.
        // China: S = 100(0.75·0.3 − 0.25·1) = −2.5, G = 47.5, r = −2.5/49.5: China rejects either way.
        Map<String, Object> bundle = Map.of("offer.goods", 10.0, "us.tariff", 70.0);
        double rBoss = 9.0 / 22;
        double rHawk = -5.0 / 58;
        // Without the hawk's veto R = min(0.6·9/22 − 0.4·5/58, 9/22) = 0.24545 − 0.03448 = 0.21097 > θ 0.1.
        Evaluation plain =
                TestModels.evaluate(TestModels.compile(ModelFixtures.fromYaml(YAML), "default"), "S", bundle);
        assertEquals(0.6 * rBoss + 0.4 * rHawk, plain.side(Side.US).supportIndex(), EPS);
        assertTrue(plain.side(Side.US).ratified());
        assertEquals(Verdict.CHINA_REJECTS, plain.joint().verdict());
        // With it, the hawk's −5/58 = −0.08621 caps R: the U.S. rejects too.
        DealModel model = ModelFixtures.fromYaml(YAML.replace("clout: 0.4, veto: NONE", "clout: 0.4, veto: FULL"));
        CompiledModel m = TestModels.compile(model, "default");
        Evaluation e = TestModels.evaluate(m, "S", bundle);
        assertTrue(e.side(Side.US).factions().get(1).vetoApplies());
        assertEquals(rHawk, e.side(Side.US).supportIndex(), EPS);
        assertFalse(e.side(Side.US).ratified());
        assertEquals(Verdict.BOTH_REJECT, e.joint().verdict());
        // P(US) = 0.05 + 0.9 σ((−5/58 − 0.1)/0.5) = 0.05 + 0.9 σ(−0.37241) = 0.05 + 0.9 · 0.40796 = 0.41716.
        assertEquals(0.41716, e.side(Side.US).ratificationProbability(), 1e-5);
        assertEquals(probability(rHawk), e.side(Side.US).ratificationProbability(), EPS);
    }

    @Test
    void theEmptyBundleIsNoDealJustBelowAnEvenChance() {
        DealModel model = ModelFixtures.fromYaml(YAML);
        CompiledModel m = TestModels.compile(model, "default");
        Evaluation e = TestModels.evaluate(m, "S", Map.of());
        assertEquals(0.0, e.side(Side.US).surplus());
        assertEquals(0.0, e.side(Side.CN).surplus());
        // Every faction's support is 0, so R = 0 ≤ θ = 0.1 on both sides.
        assertEquals(0.0, e.side(Side.US).supportIndex(), EPS);
        assertEquals(0.0, e.side(Side.CN).supportIndex(), EPS);
        assertEquals(Verdict.BOTH_REJECT, e.joint().verdict());
        // P = ε + (1 − 2ε) σ(−θ/τ) = 0.05 + 0.9 σ(−0.2) = 0.05 + 0.9 · 0.45017 = 0.45515 per side.
        double p = 0.05 + 0.9 * sigma(-0.2);
        assertEquals(0.45515, p, 1e-5);
        assertEquals(p, e.side(Side.US).ratificationProbability(), EPS);
        assertEquals(p, e.side(Side.CN).ratificationProbability(), EPS);
        assertEquals(p * p, e.joint().agreementProbability(), EPS);
        assertTrue(e.warnings().get(0).startsWith("The bundle is empty"));
    }
}
