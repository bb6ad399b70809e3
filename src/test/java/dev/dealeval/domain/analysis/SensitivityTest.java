package dev.dealeval.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.BundleGenerator;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.analysis.Sensitivity.BundleResult;
import dev.dealeval.domain.analysis.Sensitivity.Result;
import dev.dealeval.domain.analysis.Sensitivity.Spec;
import dev.dealeval.domain.analysis.Sensitivity.TornadoBar;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SMAA and the tornado of docs/analyses.md "Sensitivity", on a hand-computable model and on the default model. */
class SensitivityTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * The small model of SmallModelTest: Chinese goods pledge (track record 0.5) and the U.S. tariff.
     * <pre>
     *   US gains    w 0.6  = credible goods / 10          US leverage w 0.4  = tariff / 100
     *   CN relief   w 0.75 = 1 - tariff / 100             CN cost     w 0.25 = 1 - nominal goods / 10
     *   US boss  clout 0.6, full veto;  US hawk clout 0.4, leverage x3;  CN lead clout 1, full veto
     * </pre>
     * Bundle 1 (goods 8, tariff 50) in scenario S (tariff 100) has values gains 0.4, leverage 0.5,
     * relief 0.5, cost 0.2; no deal has 0, 1, 0, 1.
     */
    static final String SMALL = ModelFixtures.SMALL_YAML;

    private static final double EPS = 1e-9;

    private final DealModel model = ModelFixtures.defaultModel();
    private final CompiledModel m = TestModels.compile(model, "default");
    private final int geneva = m.scenarioIndex("GENEVA_2025");

    // ------------------------------------------------------------------ fixtures

    /** Realistic bundles after the examples of openapi.yaml, all evaluated in GENEVA_2025. */
    private static Map<String, Map<String, Object>> realistic() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put("empty", Map.of());
        Map<String, Object> grand = new HashMap<>();
        grand.put("purchases.agricultureUsdBnPerYear", 16);
        grand.put("purchases.energyUsdBnPerYear", 26);
        grand.put("purchases.manufacturedUsdBnPerYear", 39);
        grand.put("purchases.servicesUsdBnPerYear", 19);
        grand.put("purchases.years", 2);
        grand.put("investment.jobs", 500000);
        grand.put("investment.maxChineseEquityPct", 49);
        grand.put("investment.technologyLicensing", true);
        grand.put("finance.treasuryChangeUsdBn", 100);
        grand.put("finance.reserveCurrencyStandDown", true);
        grand.put("finance.noDevaluationPledge", true);
        grand.put("fentanyl.level", "LAW_ENFORCEMENT_PACKAGE");
        grand.put("geopolitics.ukraine", 0.5);
        grand.put("geopolitics.northKorea", 0.5);
        grand.put("chinaMeasures.tariffPct", 0);
        grand.put("usConcessions.fentanylTariffPct", 0);
        grand.put("usConcessions.standstillMonths", 24);
        grand.put("usConcessions.exportControlLevel", 3);
        grand.put("usConcessions.cfiusPosture", "CASE_BY_CASE_MINORITY");
        Map<String, Object> signed = new HashMap<>(grand);
        signed.put("commitment.form", "SIGNED_TEXT");
        out.put("grandBargainSigned", signed);
        Map<String, Object> floated = new HashMap<>(grand);
        floated.put("commitment.form", "FLOATED_PROPOSAL");
        out.put("grandBargainFloated", floated);
        Map<String, Object> restore = new HashMap<>();
        restore.put("purchases.agricultureUsdBnPerYear", 16);
        restore.put("purchases.energyUsdBnPerYear", 26);
        restore.put("purchases.manufacturedUsdBnPerYear", 39);
        restore.put("purchases.servicesUsdBnPerYear", 19);
        restore.put("purchases.years", 2);
        restore.put("finance.noDevaluationPledge", true);
        restore.put("fentanyl.level", "PRECURSOR_LICENSING");
        restore.put("chinaMeasures.tariffPct", 0);
        restore.put("usConcessions.fentanylTariffPct", 0);
        restore.put("usConcessions.standstillMonths", 12);
        restore.put("commitment.form", "SIGNED_TEXT");
        restore.put("commitment.enforcement", "MONITORING");
        out.put("restorePhaseOne", restore);
        Map<String, Object> security = new HashMap<>();
        security.put("purchases.agricultureUsdBnPerYear", 24);
        security.put("purchases.energyUsdBnPerYear", 26);
        security.put("purchases.manufacturedUsdBnPerYear", 39);
        security.put("purchases.years", 2);
        security.put("purchases.catchUpProvision", true);
        security.put("fentanyl.level", "VERIFIED_REDUCTION");
        security.put("tiktok.structure", "FULL_DIVESTITURE");
        security.put("chinaMeasures.tariffPct", 10);
        security.put("usConcessions.reciprocalTariffPct", 0);
        security.put("usConcessions.fentanylTariffPct", 10);
        security.put("usConcessions.exportControlLevel", 0);
        security.put("usConcessions.cfiusPosture", "BLOCK");
        security.put("commitment.form", "SIGNED_TEXT");
        security.put("commitment.enforcement", "SNAPBACK");
        out.put("securityFirst", security);
        Map<String, Object> busan = new HashMap<>();
        busan.put("purchases.soybeansMmtPerYear", 25);
        busan.put("purchases.years", 3);
        busan.put("fentanyl.level", "PRECURSOR_LICENSING");
        busan.put("chinaMeasures.rareEarths", "GENERAL_LICENSES");
        busan.put("chinaMeasures.countermeasuresSuspended", true);
        busan.put("usConcessions.reciprocalTariffPct", 10);
        busan.put("usConcessions.fentanylTariffPct", 10);
        busan.put("usConcessions.standstillMonths", 12);
        busan.put("usConcessions.exportControlLevel", 2);
        busan.put("usConcessions.portFeesSuspended", true);
        out.put("busanTruce", busan);
        return out;
    }

    private List<double[]> resolve(CompiledModel cm, int s, Iterable<Map<String, Object>> terms) {
        List<double[]> out = new ArrayList<>();
        for (Map<String, Object> t : terms) {
            out.add(cm.resolve(TestModels.bundle(cm.model(), t), s));
        }
        return out;
    }

    private List<double[]> realisticBundles() {
        return resolve(m, geneva, realistic().values());
    }

    private static Spec spec(int samples, long seed, double alpha, Objective objective, int parallelism) {
        return new Spec(samples, seed, alpha, alpha, alpha, objective, 0.2, parallelism);
    }

    private static void assertSameResult(Result a, Result b) {
        assertEquals(a.samples(), b.samples());
        assertEquals(a.bundles().size(), b.bundles().size());
        for (int i = 0; i < a.bundles().size(); i++) {
            BundleResult x = a.bundles().get(i);
            BundleResult y = b.bundles().get(i);
            assertEquals(x.index(), y.index());
            assertArrayEquals(x.rankAcceptability(), y.rankAcceptability());
            assertEquals(x.usRatifies(), y.usRatifies());
            assertEquals(x.cnRatifies(), y.cnRatifies());
            assertEquals(x.agreement(), y.agreement());
            assertArrayEquals(x.centralWeights(), y.centralWeights());
            // assertEquals(double, double) compares bit patterns: bit-identical means.
            assertEquals(x.meanUsSurplus(), y.meanUsSurplus());
            assertEquals(x.meanCnSurplus(), y.meanCnSurplus());
            assertEquals(x.meanObjective(), y.meanObjective());
            assertEquals(x.baseObjective(), y.baseObjective());
            assertEquals(x.baseRank(), y.baseRank());
        }
        assertEquals(a.tornado().size(), b.tornado().size());
        for (int i = 0; i < a.tornado().size(); i++) {
            TornadoBar x = a.tornado().get(i);
            TornadoBar y = b.tornado().get(i);
            assertEquals(x.criterion(), y.criterion());
            assertArrayEquals(x.low(), y.low());
            assertArrayEquals(x.high(), y.high());
            assertArrayEquals(x.verdictChanges(), y.verdictChanges());
        }
    }

    // ------------------------------------------------------------------ determinism and shape

    @Test
    void theSameSeedGivesBitIdenticalResultsWhateverTheThreadCount() {
        List<double[]> bundles = realisticBundles();
        // 1000 samples: three full blocks of 256 and a partial one, so the threads split unevenly.
        Result one = Sensitivity.run(m, geneva, bundles, spec(1000, 42, 20, Objective.NASH, 1));
        Result two = Sensitivity.run(m, geneva, bundles, spec(1000, 42, 20, Objective.NASH, 2));
        Result three = Sensitivity.run(m, geneva, bundles, spec(1000, 42, 20, Objective.NASH, 3));
        Result again = Sensitivity.run(m, geneva, bundles, spec(1000, 42, 20, Objective.NASH, 1));
        assertSameResult(one, two);
        assertSameResult(one, three);
        assertSameResult(one, again);
        // on a shared pool, busy or not: the caller takes the blocks the pool's threads do not get to
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(1);
        try {
            assertSameResult(one, Sensitivity.run(m, geneva, bundles, spec(1000, 42, 20, Objective.NASH, 3), pool));
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            java.util.concurrent.Future<Result> busy = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> Sensitivity.run(m, geneva, bundles, spec(1000, 42, 20, Objective.NASH, 2), pool));
            release.countDown();
            assertSameResult(one, busy.get(30, java.util.concurrent.TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }

        Result other = Sensitivity.run(m, geneva, bundles, spec(1000, 43, 20, Objective.NASH, 2));
        boolean differs = false;
        for (int b = 0; b < bundles.size(); b++) {
            differs |= !java.util.Arrays.equals(
                    one.bundles().get(b).rankAcceptability(),
                    other.bundles().get(b).rankAcceptability());
        }
        assertTrue(differs, "another seed draws other samples");
        assertEquals(
                one.bundles().get(1).baseObjective(),
                other.bundles().get(1).baseObjective(),
                "the base does not depend on the seed");
    }

    @Test
    void rankAcceptabilityRowsAndColumnsSumToOne() {
        List<double[]> bundles = new ArrayList<>(realisticBundles());
        BundleGenerator gen = new BundleGenerator(model, 17, 0.5);
        for (int i = 0; i < 6; i++) {
            bundles.add(m.resolve(TestModels.bundle(model, gen.next()), geneva));
        }
        int n = bundles.size();
        for (Objective objective : Objective.values()) {
            Result r = Sensitivity.run(m, geneva, bundles, spec(777, 5, 10, objective, 2));
            assertEquals(777, r.samples());
            double[] columns = new double[n];
            for (BundleResult b : r.bundles()) {
                assertEquals(n, b.rankAcceptability().length);
                double row = 0;
                for (int k = 0; k < n; k++) {
                    row += b.rankAcceptability()[k];
                    columns[k] += b.rankAcceptability()[k];
                }
                assertEquals(1.0, row, 1e-12, objective + " bundle " + b.index());
            }
            for (int k = 0; k < n; k++) {
                assertEquals(1.0, columns[k], 1e-12, objective + " rank " + (k + 1));
            }
            // Central weights: the mean of Dirichlet draws, so each side's part sums to 1.
            for (BundleResult b : r.bundles()) {
                if (b.rankAcceptability()[0] == 0) {
                    assertNull(b.centralWeights());
                    continue;
                }
                double us = 0;
                double cn = 0;
                for (int c = 0; c < m.criterionCount(); c++) {
                    if (c < m.usCriterionCount()) {
                        us += b.centralWeights()[c];
                    } else {
                        cn += b.centralWeights()[c];
                    }
                }
                assertEquals(1.0, us, 1e-9);
                assertEquals(1.0, cn, 1e-9);
            }
        }
    }

    // ------------------------------------------------------------------ the sampled mathematics

    @Test
    void utilitiesUnderTheProfilesWeightsEqualTheEngines() {
        BundleGenerator gen = new BundleGenerator(model, 23, 0.6);
        Work work = m.newWork();
        double[] weights = new double[m.criterionCount()];
        for (int c = 0; c < weights.length; c++) {
            weights[c] = m.weight(c);
        }
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            int s = i % model.scenarios().size();
            if (i % 2 == 1) {
                // Perturbed track records: the values change, the identity must not.
                for (int k = 0; k < m.pledgeCategoryCount(); k++) {
                    work.setTrackRecord(k, rng.nextDouble());
                }
            }
            m.score(m.resolve(TestModels.bundle(model, gen.next()), s), s, work);
            double[] u = Sensitivity.utilities(m, work, weights);
            assertEquals(work.utility(Side.US), u[0], EPS);
            assertEquals(work.utility(Side.CN), u[1], EPS);
            for (int f = 0; f < m.factionCount(); f++) {
                assertEquals(work.factionUtility(f), u[2 + f], EPS, m.faction(f).id());
            }
        }
        // And the faction weights the sampler derives from side weights are the engine's.
        m.score(m.noDeal(geneva), geneva, work);
        double[] u = Sensitivity.utilities(m, work, weights);
        for (int f = 0; f < m.factionCount(); f++) {
            assertEquals(m.noDealFactionUtility(f, geneva), u[2 + f], EPS);
        }
    }

    @Test
    void withoutUncertaintyEverySampleIsTheEvaluation() {
        // Infinite concentrations fix weights, clouts and track records at the profile's values.
        List<double[]> bundles = realisticBundles();
        List<Map<String, Object>> terms = new ArrayList<>(realistic().values());
        Result r = Sensitivity.run(m, geneva, bundles, new Spec(300, 1, INF, INF, INF, Objective.WELFARE, 0.2, 2));
        for (int b = 0; b < bundles.size(); b++) {
            Evaluation e = Evaluator.evaluate(m, TestModels.bundle(model, terms.get(b)), geneva, List.of());
            BundleResult br = r.bundles().get(b);
            assertEquals(e.side(Side.US).surplus(), br.meanUsSurplus(), EPS);
            assertEquals(e.side(Side.CN).surplus(), br.meanCnSurplus(), EPS);
            assertEquals(e.joint().welfare(), br.baseObjective(), EPS);
            assertEquals(br.baseObjective(), br.meanObjective(), EPS);
            assertEquals(e.side(Side.US).ratified() ? 1.0 : 0.0, br.usRatifies());
        }
    }

    @Test
    void hugeConcentrationsGiveTheDeterministicOutcome() {
        List<Map<String, Object>> terms = new ArrayList<>(realistic().values());
        List<double[]> bundles = realisticBundles();
        int n = bundles.size();
        List<Evaluation> evaluations = new ArrayList<>();
        for (Map<String, Object> t : terms) {
            evaluations.add(Evaluator.evaluate(m, TestModels.bundle(model, t), geneva, List.of()));
        }
        for (Objective objective : Objective.values()) {
            Result r = Sensitivity.run(m, geneva, bundles, spec(600, 9, 1e9, objective, 2));
            // The base rank from the evaluations, by the documented rule: larger first, ties by lower index.
            double[] value = new double[n];
            for (int b = 0; b < n; b++) {
                value[b] = objective.value(
                        evaluations.get(b).side(Side.US).surplus(),
                        evaluations.get(b).side(Side.CN).surplus());
            }
            for (int b = 0; b < n; b++) {
                Evaluation e = evaluations.get(b);
                BundleResult br = r.bundles().get(b);
                int rank = 1;
                for (int o = 0; o < n; o++) {
                    if (value[o] > value[b] || (value[o] == value[b] && o < b)) {
                        rank++;
                    }
                }
                String what = objective + " " + terms.get(b);
                assertEquals(rank, br.baseRank(), what);
                assertEquals(value[b], br.baseObjective(), EPS, what);
                assertEquals(1.0, br.rankAcceptability()[rank - 1], what);
                assertEquals(e.side(Side.US).ratified() ? 1.0 : 0.0, br.usRatifies(), what);
                assertEquals(e.side(Side.CN).ratified() ? 1.0 : 0.0, br.cnRatifies(), what);
                assertEquals(e.joint().verdict() == Verdict.AGREEMENT_LIKELY ? 1.0 : 0.0, br.agreement(), what);
                assertEquals(e.side(Side.US).surplus(), br.meanUsSurplus(), 1e-3, what);
                assertEquals(e.side(Side.CN).surplus(), br.meanCnSurplus(), 1e-3, what);
                if (rank == 1) {
                    for (int c = 0; c < m.criterionCount(); c++) {
                        assertEquals(m.weight(c), br.centralWeights()[c], 1e-4, what);
                    }
                } else {
                    assertNull(br.centralWeights(), what);
                }
            }
        }
        // The outcomes are not all alike, so the test can tell ratification from rejection.
        assertTrue(evaluations.stream().anyMatch(e -> e.joint().verdict() == Verdict.AGREEMENT_LIKELY));
        assertTrue(evaluations.stream().anyMatch(e -> e.joint().verdict() == Verdict.CHINA_REJECTS));
    }

    /** P(Binomial(n, p) ≤ k). */
    private static double binomialCdf(int n, double p, int k) {
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            double choose = 1;
            for (int j = 1; j <= i; j++) {
                choose = choose * (n - i + j) / j;
            }
            sum += choose * Math.pow(p, i) * Math.pow(1 - p, n - i);
        }
        return sum;
    }

    /**
     * The root in [0, 1] of a·x² + b·x + c (a &gt; 0, one root in [0, 1], the other beyond 1 or below 0): where a
     * support index that rises with x crosses its threshold.
     */
    private static double rootInUnitInterval(double a, double b, double c) {
        double d = Math.sqrt(b * b - 4 * a * c);
        double lo = (-b - d) / (2 * a);
        double hi = (-b + d) / (2 * a);
        return lo >= 0 && lo <= 1 ? lo : hi;
    }

    @Test
    void ratificationSharesMatchTheBetaLawOfTheSmallModel() {
        // Only weights vary (α = 20); clouts and the track record are fixed. With two criteria per side,
        // w'(gains) ~ Beta(12, 8) and w'(relief) ~ Beta(15, 5), independent.
        // U.S., with w = w'(gains) and values gains 0.4 (no deal 0), leverage 0.5 (no deal 1):
        //   boss (the side's weights w, 1 − w): S = 100(0.4 w − 0.5(1 − w)) = 90 w − 50, G = 100(0.4 w + 0.5(1 − w))
        //   = 50 − 10 w, r = (90 w − 50)/(52 − 10 w) with γ = 2;
        //   hawk (w, 3(1 − w))/(3 − 2w): S = 100(1.9 w − 1.5)/(3 − 2w), G = 100(1.5 − 1.1 w)/(3 − 2w),
        //   r = (190 w − 150)/(156 − 114 w).
        // Both increase with w. R = min(0.6 r(boss) + 0.4 r(hawk), r(boss)) > θ = 0.1 needs r(boss) > 0.1, i.e.
        // 91 w > 55.2, w > 0.6066, and the mean above 0.1: with A = 52 − 10w, B = 156 − 114w (both > 0),
        //   0.6(90w − 50)B + 0.4(190w − 150)A > 0.1 AB
        //   0.6(−10260w² + 19740w − 7800) + 0.4(−1900w² + 11380w − 7800) > 0.1(1140w² − 7488w + 8112)
        //   −6916w² + 16396w − 7800 > 114w² − 748.8w + 811.2
        //   7030w² − 17144.8w + 8611.2 < 0, between the roots 0.70752 and 1.7313:
        // the mean binds, and the U.S. ratifies iff w > 0.70752.
        // China (lead alone, u = w'(relief); relief 0.5 from 0, cost 0.2 from 1): S = 100(0.5u − 0.8(1 − u)) =
        // 130u − 80, G = 80 − 30u, r = (130u − 80)/(82 − 30u) > 0.1 iff 133u > 88.2, u > 88.2/133 = 0.66316.
        // For integer a, b: P(Beta(a, b) > x) = P(Binomial(a + b − 1, x) ≤ a − 1).
        double wStar = rootInUnitInterval(7030, -17144.8, 8611.2);
        assertEquals(0.70752, wStar, 1e-5);
        DealModel small = ModelFixtures.fromYaml(SMALL);
        CompiledModel sm = TestModels.compile(small, "default");
        int s = sm.scenarioIndex("S");
        List<double[]> bundles = resolve(sm, s, List.of(Map.of(), Map.of("offer.goods", 8.0, "us.tariff", 50.0)));
        Result r = Sensitivity.run(sm, s, bundles, new Spec(20_000, 2024, 20, INF, INF, Objective.US, 0.2, 2));
        BundleResult deal = r.bundles().get(1);
        double pUs = binomialCdf(19, wStar, 11);
        double pCn = binomialCdf(19, 88.2 / 133, 14);
        // About 0.16 and 0.81: at the profile's weights (w = 0.6) the U.S. rejects and China ratifies.
        assertEquals(pUs, deal.usRatifies(), 0.015);
        assertEquals(pCn, deal.cnRatifies(), 0.015);
        assertEquals(pUs * pCn, deal.agreement(), 0.015);
        // E[w'] = w, so the mean surpluses are the profile's: 4 and 17.5 (sd 9.6 and 12.3 per sample).
        assertEquals(4.0, deal.meanUsSurplus(), 0.3);
        assertEquals(17.5, deal.meanCnSurplus(), 0.35);
        assertEquals(4.0, deal.baseObjective(), EPS);
        assertEquals(1, deal.baseRank());
        // Objective US: the deal ranks first iff S > 0 iff w > 5/9 (the empty bundle has S = 0 exactly).
        double first = binomialCdf(19, 5.0 / 9, 11);
        assertEquals(first, deal.rankAcceptability()[0], 0.015);
        // Central weights: E[w | w > x] = E[w] · P(Beta(13, 8) > x) / P(Beta(12, 8) > x); China's are unconditioned.
        double central = 0.6 * binomialCdf(20, 5.0 / 9, 12) / first;
        assertEquals(central, deal.centralWeights()[0], 0.005);
        assertEquals(1 - central, deal.centralWeights()[1], 0.005);
        assertEquals(0.75, deal.centralWeights()[2], 0.005);
        double centralEmpty = 0.6 * (1 - binomialCdf(20, 5.0 / 9, 12)) / (1 - first);
        assertEquals(centralEmpty, r.bundles().get(0).centralWeights()[0], 0.005);
        // The empty bundle is no deal: every surplus is exactly 0, so every support and R are 0 ≤ θ.
        BundleResult empty = r.bundles().get(0);
        assertEquals(0.0, empty.usRatifies());
        assertEquals(0.0, empty.cnRatifies());
        assertEquals(0.0, empty.meanUsSurplus());
    }

    @Test
    void credibilityUncertaintyMovesOnlyTheUsView() {
        // κ = 4 around r = 0.5: r' ~ Beta(2, 2). Gains = 0.8 r', so S(US) = 100(0.6 · 0.8 r' − 0.2) and
        // E = 4, while China values the nominal pledge and its surplus stays 17.5 in every sample.
        // Boss (0.6, 0.4): S = 48 r' − 20, G = 48 r' + 20, r = (48 r' − 20)/(48 r' + 22).
        // Hawk (1/3, 2/3): S = (80 r' − 100)/3, G = (80 r' + 100)/3, r = (80 r' − 100)/(80 r' + 106) < 0.
        // R > 0.1 needs r(boss) > 0.1 (r' > 22.2/43.2 = 0.51389) and the mean above 0.1: with A = 48r' + 22,
        // B = 80r' + 106, 0.6(48r' − 20)B + 0.4(80r' − 100)A > 0.1 AB, i.e.
        //   (2304r'² + 2092.8r' − 1272) + (1536r'² − 1216r' − 880) > 384r'² + 684.8r' + 233.2
        //   3456r'² + 192r' − 2385.2 > 0: r' > 0.80345 (the other root is negative). The mean binds.
        // P(Beta(2, 2) > x) = P(Bin(3, x) ≤ 1). China's lead: r = 17.5/59.5 = 5/17 > 0.1 always.
        double rStar = rootInUnitInterval(3456, 192, -2385.2);
        assertEquals(0.80345, rStar, 1e-5);
        DealModel small = ModelFixtures.fromYaml(SMALL);
        CompiledModel sm = TestModels.compile(small, "default");
        int s = sm.scenarioIndex("S");
        List<double[]> bundles = resolve(sm, s, List.of(Map.of("offer.goods", 8.0, "us.tariff", 50.0)));
        Result r = Sensitivity.run(sm, s, bundles, new Spec(20_000, 7, INF, INF, 4, Objective.WELFARE, 0.2, 2));
        BundleResult deal = r.bundles().get(0);
        assertEquals(4.0, deal.meanUsSurplus(), 0.15);
        assertEquals(17.5, deal.meanCnSurplus(), EPS);
        assertEquals(binomialCdf(3, rStar, 1), deal.usRatifies(), 0.015);
        assertEquals(1.0, deal.cnRatifies());
    }

    // ------------------------------------------------------------------ the samplers

    @Test
    void dirichletDrawsHaveTheRightMeansAndVariances() {
        double[] mean = {0.5, 0.3, 0.2};
        for (double alpha : new double[] {10, 0.5}) {
            // α = 0.5 puts every shape below 1, exercising the boost of the Gamma sampler.
            int draws = 20_000;
            double[] sum = new double[3];
            double[] sumSq = new double[3];
            double[] out = new double[3];
            SplittableRandom rng = new SplittableRandom(99);
            for (int i = 0; i < draws; i++) {
                SensitivityDraws.dirichlet(rng, alpha, mean, 0, 3, 1.0, out);
                assertEquals(1.0, out[0] + out[1] + out[2], 1e-12);
                for (int c = 0; c < 3; c++) {
                    assertTrue(out[c] >= 0 && out[c] <= 1);
                    sum[c] += out[c];
                    sumSq[c] += out[c] * out[c];
                }
            }
            for (int c = 0; c < 3; c++) {
                double mu = sum[c] / draws;
                double var = sumSq[c] / draws - mu * mu;
                double expectedVar = mean[c] * (1 - mean[c]) / (alpha + 1);
                // Standard errors: mean sqrt(var/n) ≤ 0.003; variance about var·sqrt(2/n)·(1 + kurtosis) ≤ 0.004.
                assertEquals(mean[c], mu, 0.01, "mean, α " + alpha + ", component " + c);
                assertEquals(expectedVar, var, 0.1 * expectedVar, "variance, α " + alpha + ", component " + c);
            }
        }
    }

    @Test
    void dirichletKeepsZerosScalesAndIsExactWhenTight() {
        double[] mean = {0.0, 0.6, 0.0, 0.4};
        double[] out = new double[4];
        SplittableRandom rng = new SplittableRandom(3);
        SensitivityDraws.dirichlet(rng, 5, mean, 0, 4, 2.0, out);
        assertEquals(0.0, out[0]);
        assertEquals(0.0, out[2]);
        assertEquals(2.0, out[1] + out[3], 1e-12);
        // Only part of the array is touched.
        double[] part = {7, 7, 7, 7};
        SensitivityDraws.dirichlet(rng, 5, new double[] {0, 0.5, 0.5, 0}, 1, 3, 1.0, part);
        assertEquals(7.0, part[0]);
        assertEquals(7.0, part[3]);
        assertEquals(1.0, part[1] + part[2], 1e-12);
        SensitivityDraws.dirichlet(rng, 1e12, mean, 0, 4, 1.0, out);
        assertEquals(0.6, out[1], 1e-5);
    }

    @Test
    void gammaAndBetaDrawsHaveTheRightMoments() {
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 40_000;
        for (double shape : new double[] {0.3, 1.0, 4.5}) {
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < draws; i++) {
                double g = Math.exp(SensitivityDraws.logGamma(rng, shape));
                sum += g;
                sumSq += g * g;
            }
            double mu = sum / draws;
            // Gamma(a, 1): mean a, variance a.
            assertEquals(shape, mu, 0.03 * Math.max(1, shape), "shape " + shape);
            assertEquals(shape, sumSq / draws - mu * mu, 0.08 * Math.max(1, shape), "shape " + shape);
        }
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < draws; i++) {
            double b = SensitivityDraws.beta(rng, 2.0, 6.0);
            sum += b;
            sumSq += b * b;
        }
        double mu = sum / draws;
        // Beta(2, 6): mean 1/4, variance ab/((a+b)²(a+b+1)) = 12/576 = 1/48.
        assertEquals(0.25, mu, 0.003);
        assertEquals(1.0 / 48, sumSq / draws - mu * mu, 0.001);
    }

    @Test
    void sampleSeedsDependOnSeedAndIndexOnly() {
        assertEquals(SensitivityDraws.sampleSeed(5, 1000), SensitivityDraws.sampleSeed(5, 1000));
        assertFalse(SensitivityDraws.sampleSeed(5, 1000) == SensitivityDraws.sampleSeed(5, 1001));
        assertFalse(SensitivityDraws.sampleSeed(5, 1000) == SensitivityDraws.sampleSeed(6, 1000));
        // Nearby (seed, index) pairs do not alias, as a plain seed + index would.
        assertFalse(SensitivityDraws.sampleSeed(5, 1) == SensitivityDraws.sampleSeed(6, 0));
    }

    @Test
    void rankSortsLargestFirstWithTiesByIndex() {
        double[] objective = {1, 3, 3, -2, 0, 3, 1};
        int[] order = new int[7];
        SensitivityKernel.rank(objective, order, new int[7]);
        assertArrayEquals(new int[] {1, 2, 5, 0, 6, 4, 3}, order);
        int[] one = new int[1];
        SensitivityKernel.rank(new double[] {5}, one, new int[1]);
        assertArrayEquals(new int[] {0}, one);
    }

    // ------------------------------------------------------------------ dominance and plausibility

    @Test
    void aDominatedBundleNeverRanksAboveItsDominator() {
        // A = B plus a state visit (process.format STATE_VISIT instead of MUTUAL). process.format enters only
        // China's faceEquality (+0.2: 0.55 → 0.75 for B's MONITORING enforcement, so no clamping at 1) and no
        // U.S. criterion, pledge or credibility factor. So in every sample A's U.S. criterion values equal B's
        // and A's China values are B's except faceEquality, which is higher; faceEquality's profile weight is
        // 0.15 > 0, so its sampled weight is positive. Hence S_US(A) = S_US(B) and S_CN(A) > S_CN(B) for every
        // weight vector, clout vector and track record: WELFARE(A) > WELFARE(B) strictly. B is given the lower
        // index, so a tie (or a reversed comparison) would put B above A and fail the test. (α = 5 keeps every
        // sampled weight far above 1e-15 of the others, so the strict inequality survives rounding; see below.)
        Map<String, Object> b = realistic().get("restorePhaseOne");
        Map<String, Object> a = new HashMap<>(b);
        a.put("process.format", "STATE_VISIT");
        Map<String, Object> c = realistic().get("busanTruce");
        List<double[]> bundles = resolve(m, geneva, List.of(b, c, a));
        Result r = Sensitivity.run(m, geneva, bundles, spec(3000, 77, 5, Objective.WELFARE, 2));
        BundleResult rb = r.bundles().get(0);
        BundleResult ra = r.bundles().get(2);
        assertEquals(0.0, rb.rankAcceptability()[0], "B can never be first: A is always above it");
        assertEquals(0.0, ra.rankAcceptability()[2], "A can never be last: B is always below it");
        assertTrue(r.bundles().get(1).rankAcceptability()[0] > 0, "the third bundle does compete");
        assertEquals(rb.meanUsSurplus(), ra.meanUsSurplus(), "identical U.S. values in every sample");
        assertTrue(ra.meanCnSurplus() > rb.meanCnSurplus());

        // With very loose weights (α = 1, so faceEquality's Dirichlet shape is 0.15) its sampled weight is now and
        // then below 1e-15, and 100·w·0.2 vanishes when added to S_CN: A and B tie in floating point. Rounding is
        // monotone, so A ≥ B still holds exactly; with A at the lower index it must then rank first every time.
        Result pair = Sensitivity.run(
                m, geneva, List.of(bundles.get(2), bundles.get(0)), spec(3000, 78, 1, Objective.WELFARE, 2));
        assertEquals(1.0, pair.bundles().get(0).rankAcceptability()[0], "even with very loose weights (α = 1)");
        assertEquals(1.0, pair.bundles().get(1).rankAcceptability()[1]);
    }

    @Test
    void theDefaultModelGivesPlausibleShares() {
        List<double[]> bundles = realisticBundles();
        Result r = Sensitivity.run(m, geneva, bundles, spec(4000, 2025, 30, Objective.NASH, 2));
        BundleResult empty = r.bundles().get(0);
        BundleResult signed = r.bundles().get(1);
        BundleResult floated = r.bundles().get(2);
        BundleResult security = r.bundles().get(4);
        // No deal: every faction's surplus is exactly 0 in every sample, so no side ever ratifies it.
        assertEquals(0.0, empty.agreement());
        assertEquals(0.0, empty.usRatifies());
        assertEquals(0.0, empty.meanObjective());
        // The signed grand bargain is ratified by both sides at the profile's values; under uncertainty it stays
        // likely (0.80 of the draws), and far likelier than no deal.
        assertTrue(signed.agreement() > 0.75, "agreement " + signed.agreement());
        assertTrue(signed.agreement() > empty.agreement());
        // The security-first counter gives China nothing it wants: every Chinese faction opposes by 8-15 points.
        assertTrue(security.usRatifies() > 0.95, "US " + security.usRatifies());
        assertTrue(security.cnRatifies() < 0.02, "CN " + security.cnRatifies());
        assertTrue(security.agreement() < 0.02);
        // A floated proposal is believed less and scores the enforcement criterion lower for the U.S. in every
        // sample; China's criteria use nominal pledges, so its surplus is the same in every sample.
        assertTrue(signed.meanUsSurplus() > floated.meanUsSurplus());
        assertEquals(signed.meanCnSurplus(), floated.meanCnSurplus());
        assertTrue(signed.rankAcceptability()[0] > floated.rankAcceptability()[0]);
        // Shares are probabilities and agreement needs both sides.
        for (BundleResult b : r.bundles()) {
            assertTrue(b.agreement() <= Math.min(b.usRatifies(), b.cnRatifies()));
            assertTrue(b.agreement() >= b.usRatifies() + b.cnRatifies() - 1 - 1e-12);
        }
        // The tornado has one bar per criterion, sorted by swing.
        assertEquals(m.criterionCount(), r.tornado().size());
        for (int i = 1; i < r.tornado().size(); i++) {
            assertTrue(r.tornado().get(i - 1).swing() >= r.tornado().get(i).swing());
        }
    }

    // ------------------------------------------------------------------ the tornado

    @Test
    void theTornadoOfTheSmallModelByHand() {
        // Bundles: 0 = no deal (every surplus 0), 1 = goods 8, tariff 50. Objective MIN_SURPLUS, step 0.5.
        // Bundle 1's values: gains 0.4 (no deal 0), leverage 0.5 (1), relief 0.5 (0), cost 0.2 (1); base S = (4, 17.5).
        //   gains ×0.5: w = (0.3, 0.4)/0.7  → S_US = 100(0.3·0.4 − 0.4·0.5)/0.7 = −80/7 = −11.428571; min = −11.428571
        //   gains ×1.5: w = (0.9, 0.4)/1.3  → S_US = 100(0.36 − 0.2)/1.3 = 160/13 = 12.307692;        min = 12.307692
        //   leverage ×0.5: w = (0.6, 0.2)/0.8 → S_US = 100(0.24 − 0.1)/0.8 = 17.5;                   min = 17.5
        //   leverage ×1.5: w = (0.6, 0.6)/1.2 → S_US = 100(0.24 − 0.3)/1.2 = −5;                     min = −5
        //   relief ×0.5: w = (0.375, 0.25)/0.625 → S_CN = 100(0.1875 − 0.2)/0.625 = −2;             min = −2
        //   relief ×1.5: w = (1.125, 0.25)/1.375 → S_CN = 100(0.5625 − 0.2)/1.375 = 26.3636;        min = 4
        //   cost ×0.5: w = (0.75, 0.125)/0.875 → S_CN = 100(0.375 − 0.1)/0.875 = 31.4286;           min = 4
        //   cost ×1.5: w = (0.75, 0.375)/1.125 → S_CN = 100(0.375 − 0.3)/1.125 = 6.6667;            min = 4
        // Swings 23.736264, 22.5, 6, 0: gains, leverage, relief, cost.
        // Verdicts. With the U.S. weights (w, 1 − w), ratificationSharesMatchTheBetaLawOfTheSmallModel finds that the
        // U.S. ratifies bundle 1 iff w > 0.70752; China (r = 5/17 at the profile) ratifies. Base: w = 0.6, the U.S.
        // rejects, so no agreement. Gains ×0.5: w = 3/7; gains ×1.5: w = 9/13 = 0.69231 (R = 0.6·160/586 −
        // 0.4·240/1002 = 0.06801 ≤ 0.1): still no. Leverage ×0.5: w = 0.6/0.8 = 0.75 (boss 17.5/44.5, hawk
        // −7.5/70.5, R = 0.23596 − 0.04255 = 0.19340 > 0.1): both ratify, a change. Leverage ×1.5: w = 0.5: no.
        // China's weights move China only; the U.S. still rejects, so relief and cost change nothing.
        // No deal is never ratified (every support is 0) and never changes.
        DealModel small = ModelFixtures.fromYaml(SMALL);
        CompiledModel sm = TestModels.compile(small, "default");
        int s = sm.scenarioIndex("S");
        List<double[]> bundles = resolve(sm, s, List.of(Map.of(), Map.of("offer.goods", 8.0, "us.tariff", 50.0)));
        Result r = Sensitivity.run(sm, s, bundles, new Spec(10, 1, 10, 10, 10, Objective.MIN_SURPLUS, 0.5, 1));
        List<TornadoBar> bars = r.tornado();
        assertEquals(
                List.of("gains", "leverage", "relief", "cost"),
                bars.stream().map(TornadoBar::criterion).toList());
        assertEquals(
                List.of(Side.US, Side.US, Side.CN, Side.CN),
                bars.stream().map(TornadoBar::side).toList());

        TornadoBar gains = bars.get(0);
        assertArrayEquals(new double[] {0, -80.0 / 7}, gains.low(), EPS);
        assertArrayEquals(new double[] {0, 160.0 / 13}, gains.high(), EPS);
        assertEquals(160.0 / 13 + 80.0 / 7, gains.swing(), EPS);
        assertEquals(0, gains.leaderLow());
        assertEquals(1, gains.leaderHigh());
        assertArrayEquals(new int[0], gains.verdictChanges());

        TornadoBar leverage = bars.get(1);
        assertArrayEquals(new double[] {0, 17.5}, leverage.low(), EPS);
        assertArrayEquals(new double[] {0, -5}, leverage.high(), EPS);
        assertEquals(22.5, leverage.swing(), EPS);
        assertEquals(1, leverage.leaderLow());
        assertEquals(0, leverage.leaderHigh());
        assertArrayEquals(new int[] {1}, leverage.verdictChanges());

        TornadoBar relief = bars.get(2);
        assertArrayEquals(new double[] {0, -2}, relief.low(), EPS);
        assertArrayEquals(new double[] {0, 4}, relief.high(), EPS);
        assertEquals(6, relief.swing(), EPS);
        assertEquals(0, relief.leaderLow());
        assertEquals(1, relief.leaderHigh());
        assertArrayEquals(new int[0], relief.verdictChanges());

        TornadoBar cost = bars.get(3);
        assertArrayEquals(new double[] {0, 4}, cost.low(), EPS);
        assertArrayEquals(new double[] {0, 4}, cost.high(), EPS);
        assertEquals(0, cost.swing(), EPS);
        assertEquals(1, cost.leaderLow());
        assertEquals(1, cost.leaderHigh());
        assertArrayEquals(new int[0], cost.verdictChanges());

        assertEquals(4.0, r.bundles().get(1).baseObjective(), EPS);
        assertEquals(1, r.bundles().get(1).baseRank());
        assertEquals(2, r.bundles().get(0).baseRank());
    }

    @Test
    void aTornadoStepOfZeroSwingsNothing() {
        List<double[]> bundles = realisticBundles();
        Result r = Sensitivity.run(m, geneva, bundles, new Spec(50, 3, 20, 20, 20, Objective.NASH, 0.0, 1));
        int baseLeader = -1;
        for (BundleResult b : r.bundles()) {
            if (b.baseRank() == 1) {
                baseLeader = b.index();
            }
        }
        assertEquals(m.criterionCount(), r.tornado().size());
        for (TornadoBar bar : r.tornado()) {
            assertEquals(0.0, bar.swing(), bar.criterion());
            assertArrayEquals(bar.low(), bar.high());
            for (BundleResult b : r.bundles()) {
                assertEquals(b.baseObjective(), bar.low()[b.index()], EPS);
            }
            assertEquals(baseLeader, bar.leaderLow());
            assertEquals(baseLeader, bar.leaderHigh());
            assertArrayEquals(new int[0], bar.verdictChanges(), bar.criterion());
        }
        // Ties in swing keep U.S. criteria first, then China's, each in criterion order.
        for (int c = 0; c < m.criterionCount(); c++) {
            assertEquals(m.criterion(c).id(), r.tornado().get(c).criterion());
        }
    }

    @Test
    void aSidesOnlyCriterionCannotMoveTheOtherSidesObjective() {
        // Objective US: a China weight changes nothing, so every China bar has swing 0 and sorts after the U.S. bars.
        Result r = Sensitivity.run(m, geneva, realisticBundles(), spec(20, 1, 20, Objective.US, 1));
        List<TornadoBar> bars = r.tornado();
        int nUs = m.usCriterionCount();
        for (int i = 0; i < bars.size(); i++) {
            TornadoBar bar = bars.get(i);
            if (bar.side() == Side.CN) {
                assertEquals(0.0, bar.swing(), bar.criterion());
                assertTrue(i >= nUs);
            } else {
                assertTrue(bar.swing() > 0, bar.criterion());
            }
        }
    }

    // ------------------------------------------------------------------ input checks

    @Test
    void badSpecsAndInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Spec(0, 1, 1, 1, 1, Objective.NASH, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Spec(1, 1, 0, 1, 1, Objective.NASH, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Spec(1, 1, 1, Double.NaN, 1, Objective.NASH, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Spec(1, 1, 1, 1, -1, Objective.NASH, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Spec(1, 1, 1, 1, 1, Objective.NASH, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Spec(1, 1, 1, 1, 1, Objective.NASH, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Spec(1, 1, 1, 1, 1, Objective.NASH, 0.2, 0));
        assertThrows(NullPointerException.class, () -> new Spec(1, 1, 1, 1, 1, null, 0.2, 1));
        Spec ok = spec(1, 1, 1, Objective.NASH, 1);
        assertThrows(IllegalArgumentException.class, () -> Sensitivity.run(m, geneva, List.of(), ok));
        assertThrows(IllegalArgumentException.class, () -> Sensitivity.run(m, -1, realisticBundles(), ok));
        assertThrows(IllegalArgumentException.class, () -> Sensitivity.run(m, geneva, List.of(new double[2]), ok));
        assertNotNull(Sensitivity.run(m, geneva, List.of(m.noDeal(geneva)), ok));
    }
}
