package dev.dealeval.adapter.modelfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dealeval.domain.model.ModelException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each mutation of the built-in episodes stops reading them with a message naming the entry and the problem. */
class EpisodeFileReaderTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "    scenario: JUN_2018|    scenario: NOPE|episodes[8] (purchase-offer-2018).scenario: unknown scenario 'NOPE'; episodes use the model's built-in scenarios",
                "    scenario: JUN_2018||episodes[8] (purchase-offer-2018).scenario: is required",
                "      purchases.years: 1\\n|      purchases.years: 99\\n|episodes[3] (deficit-plan-demand-2018).bundle.purchases.years: must be between 1 and 5 (years)",
                "    decisions: {US: REJECTED, CN: ACCEPTED}|    decisions: {US: REJECTD, CN: ACCEPTED}|episodes[6] (beijing-counter-demands-2018).decisions.US: must be one of [ACCEPTED, REJECTED]",
                "    decisions: {US: REJECTED, CN: ACCEPTED}|    decisions: {XX: REJECTED}|episodes[6] (beijing-counter-demands-2018).decisions.XX: unknown key; allowed: CN, US",
                "    decisions: {US: REJECTED, CN: ACCEPTED}|    decisions: {}|episodes[6] (beijing-counter-demands-2018).decisions: must record what at least one government did",
                "    kind: REFUSED_OFFER|    kind: OFFER|episodes[1] (dialogue-demands-2017).kind: must be one of [SIGNED_DEAL, TRUCE, EXTENSION, REFUSED_OFFER, ESCALATION]",
                "    kind: REFUSED_OFFER|    kind: REFUSED_OFFER\\n    x: 1|episodes[1] (dialogue-demands-2017).x: unknown key; allowed: bundle, date, decisions, encoding, id, kind, record, scenario, sources, title",
                "  - id: buenos-aires-truce-2018|  - id: purchase-offer-2018|episodes[10].id: duplicate episode id 'purchase-offer-2018'",
                "    sources: [\"Wall|    sources: [5, \"Wall|episodes[8] (purchase-offer-2018).sources[0]: must be text",
                "    reason: The reported offer|    why: The reported offer|excluded[1] (six-year-purchase-offer-2019).why: unknown key; allowed: date, id, reason, title",
                "episodes:|episode:|episode: unknown key; allowed: episodes, excluded",
            })
    void aBrokenFileNamesTheBadEntry(String from, String to, String message) {
        String broken = ModelFixtures.edited(EpisodeFileReader.BUILT_IN, from, to);
        ModelException e = assertThrows(
                ModelException.class,
                () -> EpisodeFileReader.read(
                        new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)),
                        ModelFixtures.defaultModel()));
        assertEquals(message, e.getMessage());
    }
}
