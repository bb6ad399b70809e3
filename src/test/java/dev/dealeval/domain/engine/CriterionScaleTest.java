package dev.dealeval.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.SectionDef;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A criterion's value is its raw score clamped to 0–1 (docs/model.md "Criteria and weights"). A
 * status quo that already sits at the end of a criterion's scale would silently erase a concession
 * there, for its receiver or its giver: until this test, China's technology access reached 1 at
 * export-control level 5, the level of every scenario of 2017–21, so relief for a listed company
 * (+0.04, +0.08) counted for nothing in the ZTE and Huawei episodes; and in May 2026 a full TikTok
 * sale took China's sovereignty below 0, so 0.03 of its cost was lost. So: from every built-in
 * scenario, each listed value of each term of a section with a giver, moved alone, that raises the
 * receiving side's raw scores must move every criterion of both sides by its raw change.
 */
class CriterionScaleTest {
    private final DealModel model = ModelFixtures.defaultModel();

    /** Under every built-in profile: their beliefs in pledges differ, and belief scales what a pledge scores. */
    @Test
    void noConcessionIsErasedByTheEndOfACriterionsScale() {
        Set<String> erased = new TreeSet<>();
        int moves = 0;
        for (var profile : model.profiles()) {
            CompiledModel m = TestModels.compile(model, profile.id());
            moves += erased(m, profile.id(), erased);
        }
        assertTrue(moves > 2000, "concessions checked: " + moves);
        assertEquals(Set.of(), erased, "concessions erased by a criterion's 0-1 clamp");
    }

    /** Adds to {@code erased} what the clamp cuts under the compiled profile; answers how many moves it checked. */
    private int erased(CompiledModel m, String profile, Set<String> erased) {
        int moves = 0;
        for (int s = 0; s < model.scenarios().size(); s++) {
            String scenario = model.scenarios().get(s).id();
            Work none = new Work(m);
            Scoring.score(m, m.resolve(Bundle.empty(m.nTerms), s), s, none);
            for (TermDef term : model.terms()) {
                Side giver =
                        model.section(term.section()).map(SectionDef::giver).orElse(null);
                if (giver == null) {
                    continue;
                }
                boolean us = giver.other() == Side.US;
                int from = us ? 0 : m.nUs;
                int to = us ? m.nUs : m.nCrit;
                for (Object value : term.listedValues()) {
                    BundleReader.Result read = BundleReader.read(model, Map.of(term.id(), value), "bundle");
                    if (!read.valid()) {
                        continue;
                    }
                    Work w = new Work(m);
                    Scoring.score(m, m.resolve(read.bundle(), s), s, w);
                    if (!raisesOnly(w.raw, none.raw, from, to)) {
                        continue; // not a concession to the receiver from this status quo
                    }
                    moves++;
                    for (int c = 0; c < m.nCrit; c++) { // the receiver's criteria and the giver's
                        double raw = w.raw[c] - none.raw[c];
                        double moved = w.value[c] - none.value[c];
                        String id = model.criteria().get(c).id();
                        if (!m.saturating[c] && Math.abs(raw) > 1e-9 && Math.abs(moved - raw) > 1e-9) {
                            erased.add(String.format(
                                    Locale.ROOT,
                                    "%s, %s: %s = %s moves %s by %.3f raw, %.3f after the clamp",
                                    profile,
                                    scenario,
                                    term.id(),
                                    value,
                                    id,
                                    raw,
                                    moved));
                        }
                    }
                }
            }
        }
        return moves;
    }

    /** The clamp is what the test watches: a status quo beyond the scale is caught (hand-made case). */
    @Test
    void theCheckSeesAClampedMove() {
        CompiledModel m = TestModels.compile(model, "default");
        // JUL_2019 sits at export-control level 5; licences for Huawei raise China's technology access.
        int s = model.scenarios().indexOf(model.scenario("JUL_2019").orElseThrow());
        int tech = model.criteria()
                .indexOf(model.criteria().stream()
                        .filter(c -> c.id().equals("techAccess"))
                        .findFirst()
                        .orElseThrow());
        Work none = new Work(m);
        Scoring.score(m, m.resolve(Bundle.empty(m.nTerms), s), s, none);
        Work w = new Work(m);
        Scoring.score(
                m,
                m.resolve(
                        BundleReader.read(model, Map.of("usConcessions.companyRelief", "LICENCES"), "bundle")
                                .bundle(),
                        s),
                s,
                w);
        assertEquals(0.92, none.value[tech], 1e-12);
        assertEquals(0.96, w.value[tech], 1e-12);
    }

    private static boolean raisesOnly(double[] raw, double[] none, int from, int to) {
        boolean up = false;
        for (int c = from; c < to; c++) {
            if (raw[c] < none[c] - 1e-12) {
                return false;
            }
            up |= raw[c] > none[c] + 1e-12;
        }
        return up;
    }
}
