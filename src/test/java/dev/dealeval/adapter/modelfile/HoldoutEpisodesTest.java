package dev.dealeval.adapter.modelfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.backtest.Backtest;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.Episode.Decision;
import dev.dealeval.domain.backtest.EpisodeSet;
import dev.dealeval.domain.backtest.Perturbations;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The blind check of src/test/resources/episodes/holdout-2026-12-06/ (its README says how the episodes
 * were selected and encoded, by sessions that never ran the model): every coder's file reads against
 * the built-in model and accounts for every selected episode, and the model's figures on them are the
 * ones docs/backtest.md ("A blind check") gives. The encodings are never edited to agree; when the model
 * changes, the figures printed here replace the documented ones and the change says why they moved.
 * Run it alone with {@code ./mvnw -B test -Dtest=HoldoutEpisodesTest}.
 */
class HoldoutEpisodesTest {

    private static final String DIR = "/episodes/holdout-2026-12-06/";

    /** A batch: the selection's file and the two coders who each encoded all of it, alone. */
    private record Batch(String candidates, int selected, List<String> coders) {}

    private static final List<Batch> BATCHES = List.of(
            new Batch("candidates.md", 14, List.of("coder-a", "coder-b")),
            new Batch("candidates-2.md", 12, List.of("coder-c", "coder-d")),
            new Batch("candidates-3.md", 8, List.of("coder-e", "coder-f")));

    private static final List<String> PROFILES =
            List.of("default", "phase-one-skeptic", "economy-first-beijing", "hawkish-washington");

    /**
     * The figures docs/backtest.md gives for the model as it stands, under the default profile: per coder,
     * episodes scored, side decisions, side decisions right, Brier score ×1000 (rounded); over the distinct
     * episodes, 11, 22 and 15. The check was scored blind once, on commit 4bc5177 (A 9 of 12 and 304, B 11
     * of 14 and 266, C and D 2 of 4 and 684, E 1 of 2 and 753, F 1 of 4 and 859; 14 of the 22 distinct
     * decisions), and docs/backtest.md keeps those figures; these are the model's since the export-gains
     * scale moved to $200B a year, a change made after the check, so they are no longer blind.
     */
    private static final Map<String, List<Integer>> DOCUMENTED = Map.of(
            "coder-a", List.of(6, 12, 9, 305),
            "coder-b", List.of(7, 14, 11, 265),
            "coder-c", List.of(2, 4, 2, 695),
            "coder-d", List.of(2, 4, 2, 695),
            "coder-e", List.of(1, 2, 1, 758),
            "coder-f", List.of(2, 4, 2, 763));

    /** A candidate's heading in a selection file: {@code ## 3. `gm-crop-approvals-2019`}. */
    private static final Pattern CANDIDATE = Pattern.compile("(?m)^## \\d+\\. `([a-z0-9-]+)`");

    private static EpisodeSet read(String coder) throws Exception {
        try (InputStream in = HoldoutEpisodesTest.class.getResourceAsStream(DIR + coder + ".yaml")) {
            assertNotNull(in, "the test resource " + coder + ".yaml is missing");
            return EpisodeFileReader.read(in, ModelFixtures.defaultModel());
        }
    }

    /** No episode was dropped: each coder either encoded or excluded (with a reason) every selected candidate. */
    @Test
    void everyCoderAccountsForEverySelectedEpisode() throws Exception {
        for (Batch batch : BATCHES) {
            Set<String> candidates = new TreeSet<>();
            try (InputStream in = HoldoutEpisodesTest.class.getResourceAsStream(DIR + batch.candidates())) {
                assertNotNull(in, "the test resource " + batch.candidates() + " is missing");
                Matcher m = CANDIDATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    candidates.add(m.group(1));
                }
            }
            assertEquals(batch.selected(), candidates.size(), batch.candidates());
            for (String coder : batch.coders()) {
                EpisodeSet set = read(coder);
                Set<String> accounted = new TreeSet<>();
                set.episodes().forEach(e -> accounted.add(e.id()));
                set.excluded().forEach(x -> accounted.add(x.id()));
                assertEquals(candidates, accounted, coder);
                assertEquals(
                        batch.selected(),
                        set.episodes().size() + set.excluded().size(),
                        coder + ": an episode both encoded and excluded");
            }
        }
    }

    @Test
    void theBlindlyCodedEpisodesScoreAsDocumented() throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, CompiledModel> models = new LinkedHashMap<>();
        PROFILES.forEach(p -> models.put(p, TestModels.compile(ModelFixtures.defaultModel(), p)));
        Map<String, Backtest.Report> defaults = new LinkedHashMap<>();
        for (Batch batch : BATCHES) {
            for (String coder : batch.coders()) {
                defaults.put(coder, score(coder, models, out));
            }
            out.append(agreementBetweenCoders(
                    defaults.get(batch.coders().get(0)),
                    defaults.get(batch.coders().get(1))));
        }
        // One version of each distinct episode: the first coder's (the coders of a batch record the same decisions).
        Map<String, Episode> distinct = new LinkedHashMap<>();
        defaults.values()
                .forEach(r -> r.results()
                        .forEach(x -> distinct.putIfAbsent(x.episode().id(), x.episode())));
        Backtest.Summary all = Backtest.run(models.get("default"), List.copyOf(distinct.values()))
                .summary();
        out.append(String.format(
                Locale.ROOT,
                "distinct episodes: %d, %d of %d side decisions right (%.1f %%)%n",
                all.episodes(),
                all.sideAgreeing(),
                all.sideDecisions(),
                100 * all.sideHitRate()));
        System.out.print(out);
        assertEquals(
                List.of(11, 22, 15),
                List.of(all.episodes(), all.sideDecisions(), all.sideAgreeing()),
                "distinct episodes\n" + out);

        for (var documented : DOCUMENTED.entrySet()) {
            Backtest.Summary s = defaults.get(documented.getKey()).summary();
            assertEquals(
                    documented.getValue(),
                    List.of(s.episodes(), s.sideDecisions(), s.sideAgreeing(), (int) Math.round(1000 * s.brierScore())),
                    documented.getKey()
                            + ": the documented figures differ from the model's; the run above gives the new ones\n"
                            + out);
        }
    }

    /**
     * Why the gestures' giver sides are not a matter of the model's numbers (docs/backtest.md, "Why the gestures
     * are misses the model cannot avoid"): the one-sided episodes of the record and of the blind files (every
     * term the bundle sets given by one side, no state visit), grouped by the giver's evaluation. The bundles
     * of a group do the same to every criterion of the giver (the early harvest and the North Korea linkage even
     * from the same status quo), so any rule on what a bundle does for its giver gives them one verdict; where a
     * group holds both a refusal and a gesture, the smaller part is wrong whatever the rule. 41 one-sided
     * episodes: the giver gave in 13 and refused in 28; two groups mix them (market access of 0.5 alone: the
     * North Korea linkage refused, the early harvest and three blind gestures given; the next fentanyl level
     * alone: two demands refused, two schedulings given), so such a rule gets at least 3 giver sides wrong, at
     * most 38 of 41 right, where the property that a concession for nothing is refused by its giver gets 28.
     */
    @Test
    void oneSidedBundlesTheModelCannotTellApart() throws Exception {
        DealModel model = ModelFixtures.defaultModel();
        Map<String, Episode> episodes = new LinkedHashMap<>();
        ModelFixtures.episodes().episodes().forEach(e -> episodes.put(e.id(), e));
        for (Batch batch : BATCHES) {
            for (String coder : batch.coders()) {
                read(coder).episodes().forEach(e -> episodes.putIfAbsent(e.id(), e));
            }
        }
        Map<String, List<String>> groups = new TreeMap<>();
        int gave = 0;
        int oneSided = 0;
        for (Backtest.Result r : Backtest.run(TestModels.compile(model, "default"), List.copyOf(episodes.values()))
                .results()) {
            Episode e = r.episode();
            Set<Side> givers = EnumSet.noneOf(Side.class);
            for (String term : e.bundle().keySet()) {
                Side giver = model.giver(model.term(term).orElseThrow());
                if (giver != null) {
                    givers.add(giver);
                }
            }
            if (givers.size() != 1 || "STATE_VISIT".equals(e.bundle().get("process.format"))) {
                continue;
            }
            Side giver = givers.iterator().next();
            boolean gives = e.decisions().get(giver) == Decision.ACCEPTED;
            Evaluation.SideResult side = r.evaluation().side(giver);
            String key = String.format(
                    Locale.ROOT,
                    "%s gives: surplus %.6f, support index %.6f",
                    giver,
                    side.surplus(),
                    side.supportIndex());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e.id() + (gives ? " (gave)" : " (refused)"));
            oneSided++;
            gave += gives ? 1 : 0;
        }
        int forced = 0;
        StringBuilder out = new StringBuilder();
        for (var group : groups.entrySet()) {
            long given =
                    group.getValue().stream().filter(x -> x.endsWith("(gave)")).count();
            forced += (int) Math.min(given, group.getValue().size() - given);
            if (group.getValue().size() > 1) {
                out.append(group.getKey()).append(": ").append(group.getValue()).append('\n');
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "%d one-sided episodes, the giver gave in %d; bundles that do the same for their giver force %d wrong giver"
                        + " sides, so at most %d right for any rule on that, %d for refusing every concession for nothing%n",
                oneSided,
                gave,
                forced,
                oneSided - forced,
                oneSided - gave));
        System.out.print(out);
        assertEquals(List.of(41, 13, 3), List.of(oneSided, gave, forced), out.toString());
    }

    /** One coder's file under every built-in profile, with the default's robustness and every episode; the default's report. */
    private static Backtest.Report score(String coder, Map<String, CompiledModel> models, StringBuilder out)
            throws Exception {
        EpisodeSet set = read(coder);
        out.append(String.format(
                Locale.ROOT,
                "%s: %d episodes encoded, %d excluded%n",
                coder,
                set.episodes().size(),
                set.excluded().size()));
        Backtest.Report defaults = null;
        for (String profile : PROFILES) {
            CompiledModel m = models.get(profile);
            Backtest.Report r = Backtest.run(m, set.episodes());
            Backtest.Summary s = r.summary();
            out.append(String.format(
                    Locale.ROOT,
                    "  %-22s side decisions %d of %d (%.1f %%), episodes %d of %d, Brier %.3f (base rate %.3f), per-side Brier %.3f%n",
                    profile,
                    s.sideAgreeing(),
                    s.sideDecisions(),
                    100 * s.sideHitRate(),
                    s.agreeing(),
                    s.episodes(),
                    s.brierScore(),
                    s.referenceBrierScore(),
                    s.sideBrierScore()));
            if (profile.equals("default")) {
                defaults = r;
                Perturbations.Report p = Perturbations.flipRate(m, set.episodes());
                out.append(String.format(
                        Locale.ROOT,
                        "  %-22s robustness: %d of %d readings flip (%.1f %%); over the readings %d of %d decisions right, Brier %.3f%n",
                        "",
                        p.flips().size(),
                        p.perturbations(),
                        100 * p.share(),
                        p.readingRight(),
                        p.readingDecisions(),
                        p.readingBrierScore()));
            }
        }
        for (Backtest.Result r : defaults.results()) {
            Episode e = r.episode();
            out.append(String.format(
                    Locale.ROOT,
                    "    %-40s %-20s %-28s %-18s P(US) %.2f P(CN) %.2f P(agreement) %.2f %s%n",
                    e.id(),
                    e.scenario(),
                    e.decisions(),
                    r.evaluation().joint().verdict(),
                    r.evaluation().side(Side.US).ratificationProbability(),
                    r.evaluation().side(Side.CN).ratificationProbability(),
                    r.evaluation().joint().agreementProbability(),
                    r.agrees() ? "" : "DISAGREES " + r.sideAgrees()));
        }
        return defaults;
    }

    /** Two coders of one batch against each other: the episodes both encoded, and how often their records and verdicts match. */
    private static String agreementBetweenCoders(Backtest.Report first, Backtest.Report second) {
        Map<String, Backtest.Result> a = byId(first);
        Map<String, Backtest.Result> b = byId(second);
        Set<String> both = new TreeSet<>(a.keySet());
        both.retainAll(b.keySet());
        int sameDecisions = 0;
        int sameScenario = 0;
        int sameVerdict = 0;
        for (String id : both) {
            Episode ea = a.get(id).episode();
            Episode eb = b.get(id).episode();
            sameDecisions += ea.decisions().equals(eb.decisions()) ? 1 : 0;
            sameScenario += ea.scenario().equals(eb.scenario()) ? 1 : 0;
            sameVerdict += a.get(id).evaluation().joint().verdict()
                            == b.get(id).evaluation().joint().verdict()
                    ? 1
                    : 0;
        }
        return String.format(
                Locale.ROOT,
                "between the coders: %d episodes encoded by both; the same recorded decisions in %d, the same scenario in %d, the same verdict in %d%n",
                both.size(),
                sameDecisions,
                sameScenario,
                sameVerdict);
    }

    private static Map<String, Backtest.Result> byId(Backtest.Report r) {
        Map<String, Backtest.Result> byId = new LinkedHashMap<>();
        r.results().forEach(x -> byId.put(x.episode().id(), x));
        return byId;
    }
}
