package dev.dealeval.adapter.modelfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.backtest.Backtest;
import dev.dealeval.domain.backtest.EpisodeSet;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Episodes encoded against an earlier model still read and score against today's. The file under
 * src/test/resources/episodes/backtest-2026-12-02.yaml is the backtest's episode file as first
 * written (21 episodes, 2018-2025), before issue 23 added terms and scenarios: episode sets kept
 * aside or stored by analysts were encoded with the catalogue of their day, so a term, an enumeration
 * value or a scenario removed or renamed since would stop them reading. Terms and scenarios may be
 * added; none may go.
 */
class EpisodeFileCompatibilityTest {

    @Test
    void theFirstEpisodeFileStillReadsAndEveryDecisionIsScored() throws Exception {
        EpisodeSet set;
        try (InputStream in = getClass().getResourceAsStream("/episodes/backtest-2026-12-02.yaml")) {
            assertNotNull(in, "the test resource is missing");
            set = EpisodeFileReader.read(in, ModelFixtures.defaultModel());
        }
        assertEquals(21, set.episodes().size());
        Backtest.Report report =
                Backtest.run(TestModels.compile(ModelFixtures.defaultModel(), "default"), set.episodes());
        assertEquals(21, report.summary().episodes());
        assertEquals(40, report.summary().sideDecisions());
        assertEquals(21, report.summary().scoredOutcomes());
    }
}
