package dev.dealeval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The credibility calibration of docs/model.md "Credibility" on the default model. */
class CredibilityTest {
    private final CompiledModel m = TestModels.compile(ModelFixtures.defaultModel(), "default");

    @Test
    void aPhaseOneSizedPledgeInASignedTextIsBelievedAtTheObserved57to58Percent() {
        // Phase One's $200B over two years, per year: farm 16.0, energy 26.2, manufactured 38.85, services 18.95.
        Evaluation e = TestModels.evaluate(
                m,
                "GENEVA_2025",
                Map.of(
                        "purchases.agricultureUsdBnPerYear",
                        16.0,
                        "purchases.energyUsdBnPerYear",
                        26.2,
                        "purchases.manufacturedUsdBnPerYear",
                        38.85,
                        "purchases.servicesUsdBnPerYear",
                        18.95,
                        "purchases.years",
                        2,
                        "commitment.form",
                        "SIGNED_TEXT"));
        // 16·0.83 + 26.2·0.37 + 38.85·0.60 + 18.95·0.60 = 13.28 + 9.694 + 23.31 + 11.37 = 57.654.
        assertEquals(100.0, e.credibility().pledgedUsdBnPerYear(), 1e-9);
        assertEquals(57.654, e.credibility().credibleUsdBnPerYear(), 1e-9);
        assertEquals(0.57654, e.credibility().factor(), 1e-9);
        assertTrue(e.credibility().factor() >= 0.57 && e.credibility().factor() <= 0.58);
        assertEquals(1.0, e.credibility().realism(), 0.0, "Phase One's own pace needs no realism discount");
        assertTrue(e.warnings().stream().noneMatch(w -> w.contains("faster than Phase One")));
    }

    @Test
    void aPledgeFasterThanPhaseOnesPaceIsDiscounted() {
        // $60B/yr of farm goods in one year. Pace limit for n = 1: 186·0.33 = 61.38 $B/yr;
        // believed at Phase One's delivery 0.577 → 35.416. Track-record-weighted pledge: 60·0.83 = 49.8.
        // realism = (35.416 + 0.3·(49.8 − 35.416)) / 49.8.
        Evaluation e = TestModels.evaluate(
                m, "GENEVA_2025", Map.of("purchases.agricultureUsdBnPerYear", 60.0, "purchases.years", 1));
        double pace = 186 * 0.33 * 0.577;
        double realism = (pace + 0.3 * (49.8 - pace)) / 49.8;
        assertEquals(0.79782, realism, 1e-5);
        assertEquals(realism, e.credibility().realism(), 1e-12);
        assertEquals(60 * 0.83 * realism, e.credibility().credibleUsdBnPerYear(), 1e-9);
        assertEquals(60.0 / 186, e.credibility().requiredGrowth(), 1e-12, "(1 + 60/186)^1 - 1");
        assertTrue(
                e.warnings().stream().anyMatch(w -> w.contains("realism 0.7978")),
                e.warnings().toString());
    }

    @Test
    void formAndEnforcementScaleBelief() {
        Map<String, Object> pledge = Map.of("purchases.agricultureUsdBnPerYear", 10.0);
        double signed =
                TestModels.evaluate(m, "GENEVA_2025", pledge).credibility().credibleUsdBnPerYear();
        var floated = new java.util.HashMap<String, Object>(pledge);
        floated.put("commitment.form", "FLOATED_PROPOSAL");
        var snap = new java.util.HashMap<String, Object>(pledge);
        snap.put("commitment.enforcement", "SNAPBACK");
        assertEquals(8.3, signed, 1e-9);
        // A floated proposal promises nothing until it is tabled: its form factor is 0.
        assertEquals(
                0.0,
                TestModels.evaluate(m, "GENEVA_2025", floated).credibility().credibleUsdBnPerYear(),
                1e-9);
        var statement = new java.util.HashMap<String, Object>(pledge);
        statement.put("commitment.form", "LEADER_STATEMENT");
        assertEquals(
                8.3 * 0.85,
                TestModels.evaluate(m, "GENEVA_2025", statement).credibility().credibleUsdBnPerYear(),
                1e-9);
        // 0.83 · 1.15 = 0.9545 (capped at 1 only beyond that).
        assertEquals(
                10 * 0.83 * 1.15,
                TestModels.evaluate(m, "GENEVA_2025", snap).credibility().credibleUsdBnPerYear(),
                1e-9);
    }

    @Test
    void aCommitmentClauseWithoutAPledgeIsWorthNothing() {
        // Snap-back and a signed text with nothing pledged: no credibility to report, no utility for the U.S.
        Evaluation e = TestModels.evaluate(m, "GENEVA_2025", Map.of("commitment.enforcement", "SNAPBACK"));
        assertEquals(0.0, e.credibility().factor(), 0);
        assertEquals(0.0, e.side(dev.dealeval.domain.model.Side.US).surplus(), 0);
        assertEquals(0.0, e.side(dev.dealeval.domain.model.Side.CN).surplus(), 0);
        assertTrue(
                e.warnings().stream().anyMatch(w -> w.startsWith("commitment.enforcement is worth nothing of its own")),
                e.warnings().toString());
        // With $10B of farm goods (credible 8.3 × 1.15 = 9.545), snap-back adds 0.25 × 9.545 / 50 to the
        // enforcement criterion (weight 0.11): 100 × 0.11 × 0.0477 = 0.525 points over monitoring's 0.1 × 8.3 / 50.
        Map<String, Object> farm = Map.of("purchases.agricultureUsdBnPerYear", 10.0);
        var snap = new java.util.HashMap<String, Object>(farm);
        snap.put("commitment.enforcement", "SNAPBACK");
        double enfSnap = enforcement(TestModels.evaluate(m, "GENEVA_2025", snap));
        double enfMon = enforcement(TestModels.evaluate(m, "GENEVA_2025", farm));
        assertEquals(0.5 + (0.2 + 0.25) * 10 * 0.83 * 1.15 / 50, enfSnap, 1e-12);
        assertEquals(0.5 + (0.2 + 0.1) * 10 * 0.83 / 50, enfMon, 1e-12);
        for (String form : new String[] {"SIGNED_TEXT", "LEADER_STATEMENT", "FLOATED_PROPOSAL"}) {
            var f = new java.util.HashMap<String, Object>(farm);
            f.put("commitment.form", form);
            assertTrue(TestModels.evaluate(m, "GENEVA_2025", f).credibility().factor() <= 1.0);
        }
    }

    private static double enforcement(Evaluation e) {
        return e.side(dev.dealeval.domain.model.Side.US).criteria().stream()
                .filter(c -> c.id().equals("enforcement"))
                .findFirst()
                .orElseThrow()
                .value();
    }

    @Test
    void liftingTheTariffsThatEnforceThePledgesBelievesThemLess() {
        // MAY_2019 has 45% of the legacy tariffs relieved in force: 16.3 x 0.55 = 8.965 points enforce
        // China's pledges. Relieving 72.5% keeps 16.3 x 0.275 = 4.4825, half of them: every pledge is
        // believed at half its credibility, farm goods at 0.83 x 0.5, policy pledges at 0.75 x 0.5. The
        // $10B of farm goods pledge $6B above the Buenos Aires soybeans in force (10 Mt, $4B): 6 x 0.83 = 4.98.
        Map<String, Object> pledge = Map.of("purchases.agricultureUsdBnPerYear", 10.0);
        Evaluation kept = TestModels.evaluate(m, "MAY_2019", pledge);
        assertEquals(1.0, kept.credibility().enforcementKept(), 0);
        assertEquals(4.98, kept.credibility().credibleUsdBnPerYear(), 1e-9);
        var half = new java.util.HashMap<String, Object>(pledge);
        half.put("usConcessions.section301ReliefShare", 0.725);
        Evaluation e = TestModels.evaluate(m, "MAY_2019", half);
        assertEquals(0.5, e.credibility().enforcementKept(), 1e-12);
        assertEquals(2.49, e.credibility().credibleUsdBnPerYear(), 1e-9);
        assertEquals(0.375, e.credibility().policyFactor(), 1e-12);
        assertTrue(
                e.warnings().stream()
                        .anyMatch(w -> w.startsWith("The bundle lifts 50% of the tariffs in force on MAY_2019's day")
                                && w.endsWith("believed at 50% of its credibility.")),
                e.warnings().toString());
        // Every legacy tariff lifted: nothing enforces the pledge, and it is believed at 0.
        var all = new java.util.HashMap<String, Object>(pledge);
        all.put("usConcessions.section301ReliefShare", 1.0);
        assertEquals(0.0, TestModels.evaluate(m, "MAY_2019", all).credibility().credibleUsdBnPerYear(), 1e-12);
        // Tariffs raised above those in force believe no pledge more than its track record.
        var more = new java.util.HashMap<String, Object>(pledge);
        more.put("usConcessions.section301ReliefShare", 0.0);
        assertEquals(1.0, TestModels.evaluate(m, "MAY_2019", more).credibility().enforcementKept(), 0);
        // Lifting without a pledge warns of nothing: there is nothing to believe.
        assertTrue(
                TestModels.evaluate(m, "MAY_2019", Map.of("usConcessions.section301ReliefShare", 1.0))
                        .warnings()
                        .stream()
                        .noneMatch(w -> w.startsWith("The bundle lifts")));
    }

    @Test
    void relievingMoreOfTheLegacyNeverRaisesBelief() {
        // Over seeded random bundles, every scenario and every built-in profile: the share kept is in
        // [0, 1], and relieving more of the legacy tariffs never raises it, the credible purchases or any
        // category's belief.
        BundleGenerator gen = new BundleGenerator(m.model(), 23, 0.5);
        int lowered = 0;
        for (var profile : m.model().profiles()) {
            CompiledModel c = CompiledModel.compile(m.model(), profile);
            for (int i = 0; i < 200; i++) {
                Map<String, Object> b = gen.next();
                String scenario = m.model()
                        .scenarios()
                        .get(gen.random().nextInt(m.model().scenarios().size()))
                        .id();
                double lo = gen.random().nextDouble();
                double hi = lo + (1 - lo) * gen.random().nextDouble();
                var less = new java.util.HashMap<String, Object>(b);
                less.put("usConcessions.section301ReliefShare", lo);
                var more = new java.util.HashMap<String, Object>(b);
                more.put("usConcessions.section301ReliefShare", hi);
                var kept = TestModels.evaluate(c, scenario, less).credibility();
                var lifted = TestModels.evaluate(c, scenario, more).credibility();
                String at = profile.id() + " " + scenario + " " + lo + " -> " + hi + " " + b;
                assertTrue(lifted.enforcementKept() >= 0 && kept.enforcementKept() <= 1, at);
                assertTrue(lifted.enforcementKept() <= kept.enforcementKept() + 1e-12, at);
                assertTrue(lifted.credibleUsdBnPerYear() <= kept.credibleUsdBnPerYear() + 1e-9, at);
                assertTrue(lifted.policyFactor() <= kept.policyFactor() + 1e-12, at);
                for (int k = 0; k < kept.categories().size(); k++) {
                    assertTrue(
                            lifted.categories().get(k).factor()
                                    <= kept.categories().get(k).factor() + 1e-12,
                            at);
                }
                lowered += lifted.enforcementKept() < kept.enforcementKept() - 1e-9 ? 1 : 0;
            }
        }
        assertTrue(lowered > 100, "relief lowered the share kept in only " + lowered + " cases");
    }

    @Test
    void aThreatWithdrawnIsNoEnforcementLifted() {
        // MID_MAY_2018: the first Section 301 lists were proposed, none in force (relief 1.0). A bundle
        // that withdraws them lifts nothing in force, so it keeps every pledge's credibility.
        Evaluation e = TestModels.evaluate(
                m,
                "MID_MAY_2018",
                Map.of("purchases.agricultureUsdBnPerYear", 10.0, "usConcessions.section301ReliefShare", 1.0));
        assertEquals(1.0, e.credibility().enforcementKept(), 0);
        assertEquals(8.3, e.credibility().credibleUsdBnPerYear(), 1e-9);
    }

    @Test
    void soybeansAreAnAlternativeUnitNotAnAddition() {
        // Busan's 25 MMT a year ≈ $10B (0.4 $B per MMT); given with $8B of farm goods the larger counts.
        Evaluation e = TestModels.evaluate(
                m, "OCT_2025", Map.of("purchases.soybeansMmtPerYear", 25.0, "purchases.agricultureUsdBnPerYear", 8.0));
        assertEquals(10.0, e.credibility().pledgedUsdBnPerYear(), 1e-9);
        assertTrue(e.warnings().stream().anyMatch(w -> w.contains("two units")));
    }
}
