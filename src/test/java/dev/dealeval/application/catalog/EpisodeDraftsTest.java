package dev.dealeval.application.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a stored episode: each problem a violation naming the field, and no episode unless all hold. */
class EpisodeDraftsTest {
    private final DealModel model = ModelFixtures.defaultModel();
    private final Set<String> scenarios = Set.of("GENEVA_2025", "MY_SCENARIO");

    private static EpisodeSetService.EpisodeDraft draft(String id) {
        Map<String, Object> bundle = new HashMap<>();
        bundle.put("usConcessions.exportControlLevel", 1);
        bundle.put("commitment.form", "LEADER_STATEMENT");
        return new EpisodeSetService.EpisodeDraft(
                id,
                "2025-06-11",
                "The London framework",
                Episode.Kind.TRUCE,
                "GENEVA_2025",
                bundle,
                Map.of(Side.US, Episode.Decision.ACCEPTED, Side.CN, Episode.Decision.ACCEPTED),
                "Talks in London agreed a framework.",
                null,
                List.of("a source"));
    }

    private EpisodeDrafts.Read read(List<EpisodeSetService.EpisodeDraft> drafts) {
        return EpisodeDrafts.read(model, scenarios::contains, drafts);
    }

    private static List<String> fields(EpisodeDrafts.Read read) {
        return read.violations().stream().map(Violation::field).toList();
    }

    @Test
    void validDraftsBecomeEpisodes() {
        EpisodeDrafts.Read read = read(List.of(draft("a"), draft("b")));
        assertEquals(List.of(), read.violations());
        assertEquals(2, read.episodes().size());
        Episode a = read.episodes().get(0);
        assertEquals("", a.encoding());
        assertEquals(1, a.bundle().get("usConcessions.exportControlLevel"));
        assertEquals(Map.of(Side.US, Episode.Decision.ACCEPTED, Side.CN, Episode.Decision.ACCEPTED), a.decisions());
    }

    @Test
    void everyProblemIsNamedAndNoEpisodeIsKept() {
        var d = draft("a");
        Map<String, Object> bundle = new HashMap<>(d.bundle());
        bundle.put("purchases.years", 9);
        Map<Side, Episode.Decision> none = new HashMap<>();
        none.put(Side.US, null);
        var bad = new EpisodeSetService.EpisodeDraft(
                "a", "2025-02-30", " ", null, "NOWHERE", bundle, none, null, null, List.of("s", " "));
        EpisodeDrafts.Read read = read(List.of(draft("x"), bad));
        assertEquals(
                List.of(
                        "episodes[1].title",
                        "episodes[1].record",
                        "episodes[1].kind",
                        "episodes[1].date",
                        "episodes[1].scenario",
                        "episodes[1].bundle.purchases.years",
                        "episodes[1].decisions",
                        "episodes[1].sources[1]"),
                fields(read));
        assertEquals(List.of(), read.episodes());
        assertEquals(
                "must be a date yyyy-mm-dd (was '2025-02-30')",
                read.violations().get(3).message());
        assertTrue(read.violations().get(4).message().startsWith("unknown scenario 'NOWHERE'"));
        assertEquals("must be between 1 and 5 (years)", read.violations().get(5).message());
    }

    @Test
    void aStoredScenarioIsAsGoodAsABuiltInOne() {
        var d = draft("a");
        var stored = new EpisodeSetService.EpisodeDraft(
                d.id(),
                d.date(),
                d.title(),
                d.kind(),
                "MY_SCENARIO",
                d.bundle(),
                d.decisions(),
                d.record(),
                "",
                d.sources());
        assertEquals(List.of(), read(List.of(stored)).violations());
    }

    @Test
    void datesAreIsoCalendarDays() {
        for (String date : List.of("12/05/2025", "2025-5-12", "+2025-05-12", "2025-13-01", "2025-05-12T00:00")) {
            var d = draft("a");
            var dated = new EpisodeSetService.EpisodeDraft(
                    d.id(),
                    date,
                    d.title(),
                    d.kind(),
                    d.scenario(),
                    d.bundle(),
                    d.decisions(),
                    d.record(),
                    null,
                    d.sources());
            assertEquals(List.of("episodes[0].date"), fields(read(List.of(dated))), date);
        }
    }

    @Test
    void idsAreUniqueInTheSet() {
        EpisodeDrafts.Read read = read(List.of(draft("a"), draft("b"), draft("a")));
        assertEquals(List.of("episodes[2].id"), fields(read));
        assertEquals(
                "duplicate episode id 'a' (also episodes[0])",
                read.violations().get(0).message());
    }

    @Test
    void aSetHoldsOneToTheMaximumOfEpisodes() {
        assertEquals(List.of("episodes"), fields(read(List.of())));
        assertEquals(List.of("episodes"), fields(read(null)));
        List<EpisodeSetService.EpisodeDraft> many = new ArrayList<>();
        for (int i = 0; i <= EpisodeSetService.MAX_EPISODES; i++) {
            many.add(draft("e" + i));
        }
        assertEquals(
                "must hold at most 500 episodes", read(many).violations().get(0).message());
        assertEquals(
                List.of(), read(many.subList(0, EpisodeSetService.MAX_EPISODES)).violations());
        assertEquals(List.of("episodes[0]"), fields(read(Collections.singletonList(null))));
    }

    @Test
    void anEpisodeReadBackIsTheSameEpisode() {
        Episode e = read(List.of(draft("a"))).episodes().get(0);
        assertEquals(
                List.of(e), read(List.of(EpisodeSetService.EpisodeDraft.of(e))).episodes());
    }
}
