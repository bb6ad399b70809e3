package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return new Episode(
                "e",
                "2025-01-02",
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
        Episode e = episode(
                "S", Map.of("offer.goods", 9.0, "offer.years", 2, "us.tariff", 0.0, "commitment.form", "SIGNED_TEXT"));
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
    void aFlipIsARecordedSideWhoseRatificationChanges() {
        // SmallModelTest's bundle, goods 8 and tariff 50 in S (tariff 100): the goods are believed at half, so
        // the U.S. has U = 100 · (0.6 · g / 20 + 0.4 · t / 100) against 40 without a deal. At (8, 50) it has
        // 24 + 20 = 44 and ratifies (the boss's 0.6 supports it). Goods 6 give 18 + 20 = 38 and a tariff of
        // 37.5 gives 24 + 15 = 39: the U.S. loses and refuses, two flips; goods 10 (50) and a tariff of 62.5
        // (49) keep it. China (no deal 25) gains in all four: 47.5, 37.5, 51.875 and 33.125. The scenarios A
        // and B hold the same tariff as S. So 2 flips of 6 perturbations.
        CompiledModel m = TestModels.compile(MODEL, "default");
        Episode e = episode("S", Map.of("offer.goods", 8.0, "us.tariff", 50.0));
        assertTrue(Backtest.evaluate(m, e).side(Side.US).ratified());
        Perturbations.Report r = Perturbations.flipRate(m, List.of(e));
        assertEquals(1, r.episodes());
        assertEquals(6, r.perturbations());
        assertEquals(
                List.of(
                        new Perturbations.Flip("e", "offer.goods 8 -> 6", List.of(Side.US)),
                        new Perturbations.Flip("e", "us.tariff 50 -> 37.5", List.of(Side.US))),
                r.flips());
        assertEquals(2.0 / 6, r.share());
        assertEquals(List.of("e"), r.touched());
    }

    @Test
    void aSideWithoutARecordedDecisionDoesNotFlip() {
        CompiledModel m = TestModels.compile(MODEL, "default");
        Episode e = episode("S", Map.of("offer.goods", 8.0, "us.tariff", 50.0));
        Episode chinaOnly = new Episode(
                e.id(),
                e.date(),
                e.title(),
                e.kind(),
                e.scenario(),
                e.bundle(),
                Map.of(Side.CN, Decision.ACCEPTED),
                e.record(),
                e.encoding(),
                e.sources());
        Perturbations.Report r = Perturbations.flipRate(m, List.of(chinaOnly));
        assertEquals(6, r.perturbations());
        assertTrue(r.flips().isEmpty(), r.flips().toString());
        assertEquals(0.0, r.share());
    }
}
