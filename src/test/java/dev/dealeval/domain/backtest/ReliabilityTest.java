package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.domain.backtest.Reliability.Bin;
import dev.dealeval.domain.backtest.Reliability.Forecast;
import dev.dealeval.domain.backtest.Reliability.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reliability diagram's bins and scores, computed by hand. */
class ReliabilityTest {
    private static final double EPS = 1e-12;

    /**
     * Seven forecasts in three bins:
     * [0, 0.2): 0.1 → 0, 0.1 → 0 (n 2, mean 0.1, observed 0);
     * [0.2, 0.4): 0.3 → 1 (n 1, mean 0.3, observed 1);
     * [0.8, 1]: 0.8 → 1, 1.0 → 1, 0.9 → 1, 0.9 → 0 (n 4, mean 3.6 / 4 = 0.9, observed 3 / 4 = 0.75).
     */
    private static final List<Forecast> SEVEN = List.of(
            new Forecast(0.1, 0),
            new Forecast(0.1, 0),
            new Forecast(0.3, 1),
            new Forecast(0.8, 1),
            new Forecast(1.0, 1),
            new Forecast(0.9, 1),
            new Forecast(0.9, 0));

    @Test
    void binsHoldCountsMeansAndObservedFrequencies() {
        Series s = Reliability.of("test", SEVEN);
        assertEquals(7, s.forecasts());
        assertEquals(3, s.bins().size(), "empty bins are left out");
        assertBin(s.bins().get(0), 0.0, 0.2, 2, 0.1, 0.0);
        assertBin(s.bins().get(1), 0.2, 0.4, 1, 0.3, 1.0);
        assertBin(s.bins().get(2), 0.8, 1.0, 4, 0.9, 0.75);
    }

    @Test
    void theWilsonIntervalIsTheNinetyPercentScoreInterval() {
        Series s = Reliability.of("test", SEVEN);
        // z = 1.6448536269514722, z² = 2.705543454095413.
        // 0 of 2: denominator 1 + z²/2 = 2.352771727; centre (0 + z²/4) / 2.352771727 = 0.287484695;
        // half z / 2.352771727 · √(0 + z²/16) = z² / (4 · 2.352771727) = 0.287484695: [0, 0.574969391].
        assertEquals(0.0, s.bins().get(0).low(), EPS);
        assertEquals(0.5749693909936537, s.bins().get(0).high(), EPS);
        // 1 of 1: denominator 1 + z² = 3.705543454; centre (1 + z²/2) / 3.705543454 = 0.634932974;
        // half z / 3.705543454 · √(0 + z²/4) = z² / (2 · 3.705543454) = 0.365067026: [0.269865949, 1].
        assertEquals(0.2698659487840541, s.bins().get(1).low(), EPS);
        assertEquals(1.0, s.bins().get(1).high(), EPS);
        // 3 of 4: denominator 1 + z²/4 = 1.676385864; centre (0.75 + z²/8) / 1.676385864 = 0.649130344;
        // half z / 1.676385864 · √(0.75 · 0.25 / 4 + z²/64) = 0.981190 · √0.089149 = 0.292962335:
        // [0.356168009, 0.942092679].
        assertEquals(0.3561680085985064, s.bins().get(2).low(), EPS);
        assertEquals(0.9420926788001414, s.bins().get(2).high(), EPS);
    }

    @Test
    void eceAndTheBrierDecompositionAreTheHandComputedOnes() {
        Series s = Reliability.of("test", SEVEN);
        // ECE = (2 · |0 − 0.1| + 1 · |1 − 0.3| + 4 · |0.75 − 0.9|) / 7 = (0.2 + 0.7 + 0.6) / 7 = 1.5 / 7.
        assertEquals(1.5 / 7, s.ece(), EPS);
        // Brier = (0.01 + 0.01 + 0.49 + 0.04 + 0 + 0.01 + 0.81) / 7 = 1.37 / 7.
        assertEquals(1.37 / 7, s.brier(), EPS);
        // Reliability = (2 · 0.1² + 1 · 0.7² + 4 · 0.15²) / 7 = (0.02 + 0.49 + 0.09) / 7 = 0.6 / 7.
        assertEquals(0.6 / 7, s.reliability(), EPS);
        // ō = 4 / 7. Resolution = (2 · (4/7)² + 1 · (3/7)² + 4 · (0.75 − 4/7)²) / 7, with 0.75 − 4/7 = 5/28:
        // (128 + 36 + 25) / 196 / 7 = 189 / 1372 = 27 / 196.
        assertEquals(27.0 / 196, s.resolution(), EPS);
        // Uncertainty = 4/7 · 3/7 = 12 / 49.
        assertEquals(12.0 / 49, s.uncertainty(), EPS);
        // The last bin's forecasts spread: (0.1² + 0.1² + 0 + 0) / 7 = 0.02 / 7; their covariance with the
        // outcomes, Σ (p − 0.9)(o − 0.75) = −0.1 · 0.25 + 0.1 · 0.25 + 0 + 0 = 0. So
        // Brier = 0.6/7 − 27/196 + 12/49 + 0.02/7 = (16.8 − 27 + 48 + 0.56) / 196 = 38.36 / 196 = 1.37 / 7.
        assertEquals(s.brier(), s.reliability() - s.resolution() + s.uncertainty() + 0.02 / 7, EPS);
    }

    @Test
    void equalForecastsInEachBinDecomposeTheBrierScoreExactly() {
        // 0.5 → 1, 0.5 → 0, 0.9 → 1, 0.9 → 1: Brier (0.25 + 0.25 + 0.01 + 0.01) / 4 = 0.13;
        // reliability (2 · 0 + 2 · 0.1²) / 4 = 0.005; ō = 0.75, resolution (2 · 0.25² + 2 · 0.25²) / 4 = 0.0625;
        // uncertainty 0.75 · 0.25 = 0.1875; 0.005 − 0.0625 + 0.1875 = 0.13.
        Series s = Reliability.of(
                "equal",
                List.of(new Forecast(0.5, 1), new Forecast(0.5, 0), new Forecast(0.9, 1), new Forecast(0.9, 1)));
        assertEquals(0.13, s.brier(), EPS);
        assertEquals(0.005, s.reliability(), EPS);
        assertEquals(0.0625, s.resolution(), EPS);
        assertEquals(0.1875, s.uncertainty(), EPS);
        assertEquals(s.brier(), s.reliability() - s.resolution() + s.uncertainty(), EPS);
        // ECE = (2 · 0 + 2 · 0.1) / 4 = 0.05.
        assertEquals(0.05, s.ece(), EPS);
    }

    @Test
    void theEdgesBelongToTheBinAboveAndOneToTheLast() {
        assertEquals(0, Reliability.bin(0.0));
        assertEquals(0, Reliability.bin(0.19999));
        assertEquals(1, Reliability.bin(0.2));
        assertEquals(2, Reliability.bin(0.4));
        assertEquals(3, Reliability.bin(0.6));
        assertEquals(4, Reliability.bin(0.8));
        assertEquals(4, Reliability.bin(1.0));
    }

    @Test
    void noForecastsGiveNoBinsAndNoScores() {
        Series s = Reliability.of("none", List.of());
        assertEquals(0, s.forecasts());
        assertTrue(s.bins().isEmpty());
        assertTrue(Double.isNaN(s.ece()) && Double.isNaN(s.brier()) && Double.isNaN(s.uncertainty()));
    }

    @Test
    void forecastsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Forecast(1.01, 1));
        assertThrows(IllegalArgumentException.class, () -> new Forecast(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Forecast(0.5, 2));
    }

    private static void assertBin(Bin b, double from, double to, int count, double mean, double observed) {
        assertEquals(from, b.from(), EPS);
        assertEquals(to, b.to(), EPS);
        assertEquals(count, b.count());
        assertEquals(mean, b.meanPredicted(), EPS);
        assertEquals(observed, b.observed(), EPS);
        assertTrue(b.low() <= observed && observed <= b.high(), b.toString());
    }
}
