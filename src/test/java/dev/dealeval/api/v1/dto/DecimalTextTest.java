package dev.dealeval.api.v1.dto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DecimalText writes Jackson's text for every double it takes, and takes the ones it is for. */
class DecimalTextTest {
    private final char[] buf = new char[DecimalText.MAX_LENGTH];

    /** Jackson's text (its Schubfach writer, as the service configures it). */
    private static String jackson(double v) {
        return NumberOutput.toString(v, true);
    }

    /** DecimalText's text, or null when it leaves the number to Jackson. */
    private String fast(double v) {
        int length = DecimalText.format(v, buf);
        return length < 0 ? null : new String(buf, 0, length);
    }

    @Test
    void writesShortDecimalsItself() {
        String[][] cases = {
            {"0.0", "0.0"},
            {"-0.0", "-0.0"},
            {"1", "1.0"},
            {"-1", "-1.0"},
            {"0.5", "0.5"},
            {"0.18", "0.18"},
            {"26.4568", "26.4568"},
            {"-4.59", "-4.59"},
            {"500000", "500000.0"},
            {"9999999", "9999999.0"},
            {"9999999.9999", "9999999.9999"},
            {"0.001", "0.001"},
            {"0.0012", "0.0012"},
            {"1200000", "1200000.0"},
            {"0.1", "0.1"},
            {"100.25", "100.25"},
            {"3.0001", "3.0001"},
        };
        for (String[] c : cases) {
            double v = Double.parseDouble(c[0]);
            assertEquals(c[1], fast(v), c[0]);
            assertEquals(jackson(v), fast(v), c[0]);
        }
    }

    @Test
    void leavesTheRestToJackson() {
        double[] others = {
            0.1 + 0.2,
            0.2699999999999999,
            20.106799999999996,
            1e7,
            1.5e7,
            9.9999e-4,
            1e-4,
            0.00012345,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            -Double.MIN_NORMAL,
            1.0 / 3,
            3.00001,
            0.12345
        };
        for (double v : others) {
            assertEquals(null, fast(v), Double.toString(v));
        }
    }

    @Test
    void agreesWithJacksonOnSeededDecimalsAndArithmetic() {
        SplittableRandom random = new SplittableRandom(20261203);
        long[] pow10 = {1, 10, 100, 1_000, 10_000};
        int taken = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double v = switch (i % 4) {
                // decimals of 0-4 places across the plain range: all must be taken
                case 0 ->
                    (random.nextBoolean() ? -1 : 1)
                            * (double) random.nextLong(100_000_000_000L >> random.nextInt(36))
                            / pow10[random.nextInt(5)];
                // sums and products of such numbers, as the engine makes them: mostly float noise
                case 1 ->
                    random.nextInt(10_000) / 100.0 * (random.nextInt(10_000) / 1_000.0) - random.nextInt(1_000) / 10.0;
                // any double between 10^-4 and 10^8
                case 2 -> Math.pow(10, random.nextDouble(-4, 8)) * (random.nextBoolean() ? -1 : 1);
                // any bit pattern
                default -> Double.longBitsToDouble(random.nextLong());
            };
            String fast = fast(v);
            if (fast != null) {
                taken++;
                assertEquals(jackson(v), fast, () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
            } else if (i % 4 == 0) {
                double a = Math.abs(v);
                assertTrue(
                        a != 0 && (a < 1e-3 || a >= 1e7),
                        () -> "a decimal of at most four places was left to Jackson: " + v);
            }
        }
        assertTrue(taken > 200_000, "taken " + taken);
    }
}
