package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.backtest.Episode.Decision;
import dev.dealeval.domain.backtest.Perturbations.Perturbation;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The perturbations an episode gets, on {@link ModelFixtures#SMALL_YAML} with an INTEGER term and four dated
 * scenarios added (listed out of date order): A 2024-01-01, S 2025-01-01, B 2025-06-01, FAR 2027-01-01.
 */
class PerturbationsTest {
    private static final DealModel MODEL = ModelFixtures.fromYaml(ModelFixtures.SMALL_YAML
            .replace(
                    "  - {id: us.tariff,",
                    "  - {id: offer.years, kind: INTEGER, unit: years, range: [0, 5], neutral: 0, levels: [0, 5],"
                            + " phrase: \"{value} years\", description: years}\n  - {id: us.tariff,")
            .replace("  - {id: S, name: S, date: \"2025-01-01\", description: d, values: {us.tariff: 100}}", """
                      - {id: B, name: B, date: "2025-06-01", description: d, values: {us.tariff: 100}}
                      - {id: FAR, name: FAR, date: "2027-01-01", description: d, values: {us.tariff: 100}}
                      - {id: S, name: S, date: "2025-01-01", description: d, values: {us.tariff: 100}}
                      - {id: A, name: A, date: "2024-01-01", description: d, values: {us.tariff: 100}}"""));

    private static Episode episode(String scenario, Map<String, Object> bundle) {
        return episode("2025-06-15", scenario, bundle);
    }

    private static Episode episode(String date, String scenario, Map<String, Object> bundle) {
        return new Episode(
                "e",
                date,
                "an episode",
                Episode.Kind.SIGNED_DEAL,
                scenario,
                bundle,
                Map.of(Side.US, Decision.ACCEPTED, Side.CN, Decision.ACCEPTED),
                "what happened",
                "",
                List.of("a source"));
    }

    @Test
    void everyGivenTermMovesOnceEachWayAndTheScenarioToItsNeighbours() {
        Episode e = refusedByChina(episode(
                "S", Map.of("offer.goods", 9.0, "offer.years", 2, "us.tariff", 0.0, "commitment.form", "SIGNED_TEXT")));
        List<Perturbation> ps = Perturbations.of(MODEL, e);
        // In the catalogue's order: goods 9 · 0.75 = 6.75 and 9 · 1.25 = 11.25, clamped to 10; years 2 · 0.75
        // = 1.5, rounded half up to 2 (the same: skipped) and 2 · 1.25 = 2.5 → 3; the tariff at 0 is not moved;
        // SIGNED_TEXT is the first form, so only the next one; the enforcement is not given. Then the scenarios:
        // A is 366 days before S, B 151 days after.
        assertEquals(
                List.of(
                        "offer.goods 9 -> 6.75",
                        "offer.goods 9 -> 10",
                        "offer.years 2 -> 3",
                        "commitment.form SIGNED_TEXT -> FLOATED_PROPOSAL",
                        "scenario S -> A",
                        "scenario S -> B"),
                ps.stream().map(Perturbation::description).toList());
        assertEquals(6.75, ps.get(0).episode().bundle().get("offer.goods"));
        assertEquals(3L, ps.get(2).episode().bundle().get("offer.years"));
        assertEquals("FLOATED_PROPOSAL", ps.get(3).episode().bundle().get("commitment.form"));
        assertEquals("A", ps.get(4).episode().scenario());
        assertEquals(e.bundle(), ps.get(4).episode().bundle());
        for (Perturbation p : ps.subList(0, 4)) {
            assertEquals("S", p.episode().scenario());
            assertEquals(e.decisions(), p.episode().decisions());
        }
    }

    private static Episode refusedByChina(Episode e) {
        return e.withDecisions(Map.of(Side.US, Decision.ACCEPTED, Side.CN, Decision.REJECTED));
    }

    @Test
    void aBundleBothGovernmentsAcceptedIsNotReadAsAFloatedProposal() {
        // Signed by both, it was tabled: rule 4 of backtest.yaml defines a floated proposal as never tabled.
        Episode signed = episode("S", Map.of("offer.goods", 9.0, "commitment.form", "SIGNED_TEXT"));
        List<String> allowed = Perturbations.of(MODEL, signed).stream()
                .map(Perturbation::description)
                .toList();
        assertEquals(
                List.of("offer.goods 9 -> 6.75", "offer.goods 9 -> 10", "scenario S -> A", "scenario S -> B"), allowed);
        // As issue 23 first stated the suite, the form moves anyway.
        assertEquals(
                List.of(
                        "offer.goods 9 -> 6.75",
                        "offer.goods 9 -> 10",
                        "commitment.form SIGNED_TEXT -> FLOATED_PROPOSAL",
                        "scenario S -> A",
                        "scenario S -> B"),
                Perturbations.of(MODEL, signed, Perturbations.Readings.AS_FIRST_STATED).stream()
                        .map(Perturbation::description)
                        .toList());
        // A side with no recorded decision leaves the outcome open, so the floated reading stays.
        Episode usOnly = signed.withDecisions(Map.of(Side.US, Decision.ACCEPTED));
        assertTrue(Perturbations.of(MODEL, usOnly).stream()
                .anyMatch(p -> p.description().equals("commitment.form SIGNED_TEXT -> FLOATED_PROPOSAL")));
    }

    @Test
    void valuesAtTheirBoundsMoveOnlyInward() {
        // Goods at the maximum 10: 12.5 is clamped to 10 (skipped), 7.5 remains; years 1: 0.75 and 1.25 both
        // round to 1, so none; the enforcement OTHER is the last value, so only NONE.
        Episode e = episode("S", Map.of("offer.goods", 10, "offer.years", 1, "commitment.enforcement", "OTHER"));
        assertEquals(
                List.of(
                        "offer.goods 10 -> 7.5",
                        "commitment.enforcement OTHER -> NONE",
                        "scenario S -> A",
                        "scenario S -> B"),
                Perturbations.of(MODEL, e).stream()
                        .map(Perturbation::description)
                        .toList());
    }

    @Test
    void aNeighbouringScenarioMustBeWithinFourHundredDays() {
        // Sorted by date: A, S, B, FAR. S–A is 366 days, S–B 151, B–FAR 579.
        assertEquals(List.of("S"), Perturbations.neighbours(MODEL, "A"));
        assertEquals(List.of("A", "B"), Perturbations.neighbours(MODEL, "S"));
        assertEquals(List.of("S"), Perturbations.neighbours(MODEL, "B"));
        assertEquals(List.of(), Perturbations.neighbours(MODEL, "FAR"));
        assertEquals(List.of(), Perturbations.neighbours(MODEL, "NOT_A_SCENARIO"));
    }

    @Test
    void aNeighbourDatedAfterTheDecisionIsReadOnlyWhenAsked() {
        // Decided on 2 January 2025 in S: B (1 June 2025) holds what came after, not a reading of that day.
        Episode early = episode("2025-01-02", "S", Map.of("us.tariff", 76.0));
        List<String> scenarios = Perturbations.of(MODEL, early).stream()
                .map(Perturbation::description)
                .filter(d -> d.startsWith("scenario"))
                .toList();
        assertEquals(List.of("scenario S -> A"), scenarios);
        assertEquals(
                List.of("scenario S -> A", "scenario S -> B"),
                Perturbations.of(MODEL, early, Perturbations.Readings.AS_FIRST_STATED).stream()
                        .map(Perturbation::description)
                        .filter(d -> d.startsWith("scenario"))
                        .toList());
        // Decided on B's own date, B is admitted.
        assertEquals(List.of("A", "B"), Perturbations.neighbours(MODEL, "S", java.time.LocalDate.parse("2025-06-01")));
    }

    /**
     * Goods g (believed at half) and tariff t in S (tariff 100), Δ = 100 − t; support r = S/(G + 2), θ = 0.1:
     * <pre>
     *   boss (0.6, full veto): S = 3g − 0.4Δ, G = 3g + 0.4Δ        hawk (0.4): S = (5g − 2Δ)/3, G = (5g + 2Δ)/3
     *   R(US) = min(0.6 r(boss) + 0.4 r(hawk), r(boss))            lead: S = 0.75Δ − 2.5g, G = 0.75Δ + 2.5g
     * </pre>
     * At goods 8, tariff 76 (Δ 24): boss 14.4/35.6 = 0.40449, hawk (−8/3)/(94/3) = −0.08511, R(US) = 0.24270 −
     * 0.03404 = 0.20865: the U.S. ratifies; the lead −2/40 = −0.05: China rejects. Its perturbations:
     * <pre>
     *   goods 6   boss 8.4/29.6 = 0.28378, hawk −6/28 = −0.21429, R 0.17027 − 0.08571 = 0.08456: U.S. rejects
     *             lead 3/35 = 0.08571: China still rejects                                       → flips US
     *   goods 10  boss 20.4/41.6 = 0.49038, hawk (2/3)/(104/3) = 0.01923, R 0.30192; lead −7/45    → none
     *   tariff 57 boss 6.8/43.2 = 0.15741, hawk (−46/3)/44 = −0.34848, R 0.09444 − 0.13939 < 0: U.S. rejects
     *             lead 12.25/54.25 = 0.22581: China ratifies                                     → flips US, CN
     *   tariff 95 boss 22/28, hawk 10/(56/3) = 0.53571, R 0.68571; lead (3.75 − 20) &lt; 0        → none
     *   scenarios A and B hold the same tariff as S                                             → none
     * </pre>
     */
    private static final Map<String, Object> FLIPPING = Map.of("offer.goods", 8.0, "us.tariff", 76.0);

    @Test
    void aFlipIsARecordedSideWhoseRatificationChanges() {
        CompiledModel m = TestModels.compile(MODEL, "default");
        Episode e = episode("S", FLIPPING);
        assertEquals(
                0.6 * 14.4 / 35.6 - 0.4 * 8.0 / 94,
                Backtest.evaluate(m, e).side(Side.US).supportIndex(),
                1e-9);
        assertTrue(Backtest.evaluate(m, e).side(Side.US).ratified());
        assertFalse(Backtest.evaluate(m, e).side(Side.CN).ratified());
        Perturbations.Report r = Perturbations.flipRate(m, List.of(e));
        assertEquals(1, r.episodes());
        assertEquals(6, r.perturbations());
        assertEquals(
                List.of(
                        new Perturbations.Flip("e", "offer.goods 8 -> 6", List.of(Side.US)),
                        new Perturbations.Flip("e", "us.tariff 76 -> 57", List.of(Side.US, Side.CN))),
                r.flips());
        assertEquals(2.0 / 6, r.share());
        assertEquals(List.of("e"), r.touched());
    }

    /**
     * The same episode, both governments on record as accepting, judged under each of its six readings (the two
     * scenarios hold S's tariff, so they read as the episode itself: U.S. right, China wrong):
     * <pre>
     *   reading     R(US)      R(CN)     U.S.   China   right
     *   goods 6     0.08456    0.08571   no     no      0
     *   goods 10    0.30192   −0.15556   yes    no      1
     *   tariff 57  −0.04495    0.22581   no     yes     1
     *   tariff 95   0.68571   −0.63107   yes    no      1
     *   A, B        0.20865   −0.05      yes    no      1 each
     * </pre>
     * 5 of 12 decisions right. With τ 0.5, θ 0.1 and ε 0.05, each P = 0.05 + 0.9 σ((R − 0.1)/0.5); the
     * per-side Brier score over the readings is the mean of (1 − P)² over the twelve, and the Brier score of the
     * agreement the mean of (1 − P(US)·P(CN))² over the six readings.
     */
    @Test
    void theReadingsJudgeEveryRecordedDecision() {
        CompiledModel m = TestModels.compile(MODEL, "default");
        Perturbations.Report r = Perturbations.flipRate(m, List.of(episode("S", FLIPPING)));
        assertEquals(12, r.readingDecisions());
        assertEquals(5, r.readingRight());
        assertEquals(5.0 / 12, r.readingSideHitRate());
        double[] indices = {
            0.08456, 0.08571, 0.30192, -0.15556, -0.04495, 0.22581, 0.68571, -0.63107, 0.20865, -0.05, 0.20865, -0.05
        };
        double squares = 0;
        double agreement = 0;
        for (int i = 0; i < indices.length; i += 2) {
            double us = 0.05 + 0.9 / (1 + Math.exp(-(indices[i] - 0.1) / 0.5));
            double cn = 0.05 + 0.9 / (1 + Math.exp(-(indices[i + 1] - 0.1) / 0.5));
            squares += (1 - us) * (1 - us) + (1 - cn) * (1 - cn);
            // Both accepted: the outcome is 1, and P(agreement) = P(US) · P(CN).
            agreement += (1 - us * cn) * (1 - us * cn);
        }
        assertEquals(squares / 12, r.readingSideBrierScore(), 1e-5);
        assertEquals(6, r.readingOutcomes());
        assertEquals(agreement / 6, r.readingBrierScore(), 1e-5);
        // With China's decision alone on record, one reading of six gets it right (the tariff at 57).
        Perturbations.Report chinaOnly = Perturbations.flipRate(
                m, List.of(episode("S", FLIPPING).withDecisions(Map.of(Side.CN, Decision.ACCEPTED))));
        assertEquals(6, chinaOnly.readingDecisions());
        assertEquals(1, chinaOnly.readingRight());
        // Nothing perturbed, nothing judged: the rates are undefined, not 0.
        Perturbations.Report none = Perturbations.flipRate(m, List.of());
        assertEquals(0, none.readingDecisions());
        assertTrue(Double.isNaN(none.readingSideHitRate()));
        assertTrue(Double.isNaN(none.readingSideBrierScore()));
        assertTrue(Double.isNaN(none.readingBrierScore()));
    }

    @Test
    void aSideWithoutARecordedDecisionDoesNotFlip() {
        CompiledModel m = TestModels.compile(MODEL, "default");
        Episode e = episode("S", FLIPPING);
        Episode chinaOnly = e.withDecisions(Map.of(Side.CN, Decision.ACCEPTED));
        // Of the flips of aFlipIsARecordedSideWhoseRatificationChanges only China's remains: the U.S. has no
        // recorded decision, so its two changes are not flips.
        Perturbations.Report r = Perturbations.flipRate(m, List.of(chinaOnly));
        assertEquals(6, r.perturbations());
        assertEquals(List.of(new Perturbations.Flip("e", "us.tariff 76 -> 57", List.of(Side.CN))), r.flips());
        assertEquals(1.0 / 6, r.share());
    }
}
