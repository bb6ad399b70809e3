package dev.dealeval.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.BundleGenerator;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's two paths: the grouped hot loop of score() and the per-criterion path of the explanations. */
class CompiledModelTest {
    private final DealModel model = ModelFixtures.defaultModel();
    private final CompiledModel m = TestModels.compile(model, "default");

    @Test
    void bothPathsGiveBitIdenticalCriterionValues() {
        BundleGenerator gen = new BundleGenerator(model, 5, 0.6);
        Work w = m.newWork();
        for (int i = 0; i < 500; i++) {
            int s = i % model.scenarios().size();
            double[] x = m.resolve(TestModels.bundle(model, gen.next()), s);
            m.score(x, s, w);
            double[] fromScore = w.value.clone();
            Scoring.prepare(m, x, s, w);
            for (int c = 0; c < m.nCrit; c++) {
                assertEquals(
                        Double.doubleToLongBits(fromScore[c]),
                        Double.doubleToLongBits(Scoring.criterion(m, c, s, w)),
                        "criterion " + c);
            }
        }
    }

    /**
     * The search's incremental path: after a bundle is scored, change one to four random terms to
     * random values of the other bundle and rescore only their criteria; every criterion value and
     * every utility must equal a full score bit for bit, for every built-in profile.
     */
    @Test
    void rescoringTheCriteriaOfTheChangedTermsEqualsAFullScoreBitForBit() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (var p : model.profiles()) {
            CompiledModel cm = CompiledModel.compile(model, p);
            BundleGenerator gen = new BundleGenerator(model, 12, 0.6);
            Work inc = cm.newWork();
            Work full = cm.newWork();
            for (int i = 0; i < 400; i++) {
                int s = i % model.scenarios().size();
                double[] x = cm.resolve(TestModels.bundle(model, gen.next()), s);
                double[] other = cm.resolve(TestModels.bundle(model, gen.next()), s);
                cm.score(x, s, inc);
                int changes = 1 + r.nextInt(4);
                int[] terms = new int[changes];
                for (int k = 0; k < changes; k++) {
                    terms[k] = r.nextInt(cm.nTerms);
                    x[terms[k]] = other[terms[k]];
                }
                cm.rescore(x, s, inc, cm.affectedCriteria(terms));
                cm.score(x, s, full);
                String what = p.id() + " case " + i + " terms " + java.util.Arrays.toString(terms);
                for (int c = 0; c < cm.nCrit; c++) {
                    assertEquals(
                            Double.doubleToLongBits(full.value[c]),
                            Double.doubleToLongBits(inc.value[c]),
                            what + " criterion " + c);
                }
                assertEquals(
                        Double.doubleToLongBits(full.utility(Side.US)),
                        Double.doubleToLongBits(inc.utility(Side.US)),
                        what);
                assertEquals(
                        Double.doubleToLongBits(full.utility(Side.CN)),
                        Double.doubleToLongBits(inc.utility(Side.CN)),
                        what);
                for (int f = 0; f < cm.nFac; f++) {
                    assertEquals(
                            Double.doubleToLongBits(full.factionUtility(f)),
                            Double.doubleToLongBits(inc.factionUtility(f)),
                            what);
                }
            }
        }
    }

    @Test
    void theSummaryEvaluationHasTheExplainedOnesNumbersBitForBit() {
        BundleGenerator gen = new BundleGenerator(model, 17, 0.6);
        for (var p : model.profiles()) {
            CompiledModel mp = CompiledModel.compile(model, p);
            for (int i = 0; i < 300; i++) {
                var b = dev.dealeval.domain.TestModels.bundle(model, gen.next());
                int s = i % model.scenarios().size();
                Evaluation full = Evaluator.evaluate(mp, b, s, List.of(), true);
                Evaluation summary = Evaluator.evaluate(mp, b, s, List.of(), false);
                for (var side : dev.dealeval.domain.model.Side.values()) {
                    var f = full.side(side);
                    var q = summary.side(side);
                    assertEquals(f.utility(), q.utility());
                    assertEquals(f.surplus(), q.surplus());
                    assertEquals(f.ratified(), q.ratified());
                    assertEquals(f.ratificationProbability(), q.ratificationProbability());
                    assertEquals(f.supportingClout(), q.supportingClout());
                    assertEquals(f.opposingClout(), q.opposingClout());
                    assertTrue(q.criteria().isEmpty()
                            && q.terms().isEmpty()
                            && q.factions().isEmpty());
                }
                assertEquals(full.credibility(), summary.credibility());
                assertEquals(full.joint(), summary.joint());
                assertEquals(full.warnings(), summary.warnings());
            }
        }
    }

    @Test
    void termContributionsEqualAFullRescoreWithTheTermReset() {
        // The explanation recomputes only the criteria a term touches; check it against scoring everything again.
        BundleGenerator gen = new BundleGenerator(model, 6, 0.6);
        Work w = m.newWork();
        for (int i = 0; i < 100; i++) {
            int s = i % model.scenarios().size();
            Bundle b = TestModels.bundle(model, gen.next());
            Evaluation e = Evaluator.evaluate(m, b, s, List.of());
            double[] x = m.resolve(b, s);
            for (Side side : Side.values()) {
                for (var t : e.side(side).terms()) {
                    int ti = model.termIndex(t.term());
                    double[] xt = x.clone();
                    xt[ti] = m.noDeal(s)[ti];
                    m.score(xt, s, w);
                    assertEquals(
                            e.side(side).utility() - w.utility(side), t.contribution(), 1e-9, t.term() + " in " + b);
                }
            }
        }
    }

    @Test
    void everyTermThatCanMoveACriterionIsListedAsAffectingIt() {
        Map<String, Object> probe = Map.of("purchases.years", 1, "commitment.form", "FLOATED_PROPOSAL");
        int years = model.termIndex("purchases.years");
        int exportGains = 0;
        assertEquals("exportGains", m.criteria[exportGains].id());
        assertTrue(
                java.util.Arrays.stream(m.affectedCriteria[years]).anyMatch(c -> c == exportGains),
                "years change belief in purchases");
        int form = model.termIndex("commitment.form");
        assertTrue(m.affectedCriteria[form].length > 2, "form changes belief in every pledge " + probe);
        int structure = model.termIndex("tiktok.structure");
        long byStake = java.util.Arrays.stream(m.affectedCriteria[structure])
                .filter(c -> m.criteria[c].id().equals("tiktok"))
                .count();
        assertEquals(1, byStake, "the derived ByteDance stake follows the structure");
    }
}
