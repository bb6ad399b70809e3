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
 * Bundle: goods 8, tariff 50, in scenario S (tariff 100).
 */
class SmallModelTest {
    static final String YAML = ModelFixtures.SMALL_YAML;
    static final double EPS = 1e-9;

    private static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
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
        assertEquals(Stance.OPPOSE, hawk.stance());
        assertEquals(sigma(-10), hawk.supportProbability(), EPS);
        var boss = us.factions().get(0);
        assertEquals(4.0, boss.surplus(), EPS);
        assertEquals(Stance.SUPPORT, boss.stance());

        // Ratification: the U.S. gains, supporters' 0.6 > 0.5 × (0.6 + 0.4) and the veto holder supports.
        assertTrue(us.ratified());
        assertEquals(0.6, us.supportingClout(), EPS);
        assertEquals(0.4, us.opposingClout(), EPS);
        // P(US) = C(x:x0)/(C(x:x0)+C(x0:x)) · σ(S_boss/τ) = (0.6·4)/(0.6·4 + 0.4·20) · σ(2).
        assertEquals(2.4 / 10.4 * sigma(2.0), us.ratificationProbability(), EPS);
        assertTrue(cn.ratified());
        assertEquals(sigma(8.75), cn.ratificationProbability(), EPS);

        // Joint: ZOPA, Nash 4·17.5, welfare 21.5.
        assertTrue(e.joint().zopa());
        assertEquals(70.0, e.joint().nashProduct(), EPS);
        assertEquals(21.5, e.joint().welfare(), EPS);
        assertEquals(Verdict.AGREEMENT_LIKELY, e.joint().verdict());
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
        // The hawk abstains: the boss's 0.6 is all the clout that takes a stance, above half of it.
        assertEquals(0.6, e.side(Side.US).supportingClout(), EPS);
        assertEquals(0.0, e.side(Side.US).opposingClout(), EPS);
        assertTrue(e.side(Side.US).ratified());
        // P(US): coalition (0.6·0.7 + 0.4/6) / same = 1, times σ(0.7 / (2 · 0.275)) for the boss's veto.
        assertEquals(sigma(0.7 / 0.55), e.side(Side.US).ratificationProbability(), EPS);
        assertEquals(sigma(0.7 / 0.55), boss.supportProbability(), EPS);
        // China: relief +0.375, cost −0.75 (nominal 0.3): S = −0.375, G = 1.125, margin 0.28125: the leader
        // opposes and vetoes.
        var lead = e.side(Side.CN).factions().get(0);
        assertEquals(-0.375, lead.surplus(), EPS);
        assertEquals(1.125, lead.stake(), EPS);
        assertEquals(Stance.OPPOSE, lead.stance());
        assertEquals(Verdict.CHINA_REJECTS, e.joint().verdict());
        // With ρ = 1 the boss's margin is min(δ, 1.1) = δ: a 0.7 gain leaves it neutral, nobody supports
        // and the U.S. does not ratify.
        CompiledModel absolute = TestModels.compile(
                ModelFixtures.fromYaml(YAML.replace("relativeStanceMargin: 0.25", "relativeStanceMargin: 1.0")),
                "default");
        Evaluation strict = TestModels.evaluate(absolute, "S", Map.of("offer.goods", 0.3, "us.tariff", 99.5));
        assertEquals(1.0, strict.side(Side.US).factions().get(0).stanceMargin(), EPS);
        assertFalse(strict.side(Side.US).ratified());
    }

    @Test
    void neutralFactionsAbstainButAnOpposedVetoHolderStillBlocks() {
        DealModel model = ModelFixtures.fromYaml(YAML);
        CompiledModel m = TestModels.compile(model, "default");
        // The hand-computed bundle: boss supports (0.6), hawk opposes (0.4): 0.6 > 0.5 · 1.0.
        assertTrue(TestModels.evaluate(m, "S", Map.of("offer.goods", 8.0, "us.tariff", 50.0))
                .side(Side.US)
                .ratified());
        // With a threshold of 0.7 the same split fails: 0.6 ≤ 0.7 · 1.0.
        CompiledModel high = TestModels.compile(
                ModelFixtures.fromYaml(YAML.replace("threshold: {US: 0.5", "threshold: {US: 0.7")), "default");
        assertFalse(TestModels.evaluate(high, "S", Map.of("offer.goods", 8.0, "us.tariff", 50.0))
                .side(Side.US)
                .ratified());
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
        DealModel model = ModelFixtures.fromYaml(YAML.replace("clout: 0.4, veto: NONE", "clout: 0.4, veto: FULL"));
        CompiledModel m = TestModels.compile(model, "default");
        Evaluation e = TestModels.evaluate(m, "S", Map.of("offer.goods", 8.0, "us.tariff", 50.0));
        assertFalse(e.side(Side.US).ratified());
        assertEquals(Verdict.US_REJECTS, e.joint().verdict());
        // Both veto holders now multiply in: σ(4/2)·σ(−20/2).
        assertEquals(2.4 / 10.4 * sigma(2.0) * sigma(-10.0), e.side(Side.US).ratificationProbability(), EPS);
    }

    @Test
    void theEmptyBundleIsNoDealWithNeutralProbability() {
        DealModel model = ModelFixtures.fromYaml(YAML);
        CompiledModel m = TestModels.compile(model, "default");
        Evaluation e = TestModels.evaluate(m, "S", Map.of());
        assertEquals(0.0, e.side(Side.US).surplus());
        assertEquals(0.0, e.side(Side.CN).surplus());
        assertEquals(Verdict.BOTH_REJECT, e.joint().verdict());
        // No faction cares either way: coalition 1/2, times σ(0) = 1/2 for each veto holder.
        assertEquals(0.25, e.side(Side.US).ratificationProbability(), EPS);
        assertTrue(e.warnings().get(0).startsWith("The bundle is empty"));
    }
}
