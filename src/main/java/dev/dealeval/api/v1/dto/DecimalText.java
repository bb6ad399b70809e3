package dev.dealeval.api.v1.dto;

/**
 * The text Jackson writes for a double (its Schubfach writer, the same text as {@code Double.toString}
 * from JDK 19), produced without that general algorithm for the numbers an evaluation is mostly made
 * of: zero and the decimals of at most four places from 0.001 up to 10^7 (1.0, 0.5, 0.18, 26.4568).
 * Everything else is left to Jackson. In the grand-bargain evaluation bench/wrk.sh posts, 148 of the
 * answer's 252 numbers are such, and formatting doubles was about a quarter of the explained view's CPU.
 *
 * <p>Why the text is the same: Java writes the shortest decimal that rounds to the double, in plain
 * notation from 10^-3 up to 10^7. Below 10^7 neighbouring doubles are at most 2^-29 apart, so for
 * each number of places k ≤ 4 at most one decimal c·10^-k rounds to a given double v, it is the one
 * nearest to v·10^k, and {@code (double) c / 10^k == v} tests exactly whether it rounds to v (c and
 * 10^k are exact doubles and the division is correctly rounded). The smallest k that passes gives the
 * shortest decimal. DecimalTextTest compares the two writers over a million seeded values.
 */
final class DecimalText {
    /** Longest text written: a sign, seven integer digits, the point and four places. */
    static final int MAX_LENGTH = 13;

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000};

    private DecimalText() {}

    /**
     * Writes {@code v} into {@code buf} from index 0 and returns the length, or -1 when {@code v} is
     * none of the numbers handled here (then Jackson's writer is needed).
     */
    static int format(double v, char[] buf) {
        int pos = 0;
        if (Double.doubleToRawLongBits(v) < 0) {
            buf[pos++] = '-';
        }
        double a = Math.abs(v);
        if (a == 0) {
            buf[pos] = '0';
            buf[pos + 1] = '.';
            buf[pos + 2] = '0';
            return pos + 3;
        }
        if (!(a >= 1e-3 && a < 1e7)) {
            return -1; // NaN, infinities, and what Java writes in E notation
        }
        for (int k = 0; k < POW10.length; k++) {
            double scaled = a * POW10[k];
            long c = Math.round(scaled);
            // A decimal of k places that rounds to a lies within 10^k·2^-30 of a·10^k, and the product
            // is off by at most 2^-17: further from an integer, no division is needed to say no.
            if (Math.abs(scaled - c) < 1e-4 && (double) c / POW10[k] == a) {
                return digits(c, k, buf, pos);
            }
        }
        return -1;
    }

    /** c·10^-k in plain notation, at least one digit after the point. */
    private static int digits(long c, int k, char[] buf, int pos) {
        long integer = c / POW10[k];
        long fraction = c % POW10[k];
        int length = 1;
        for (long p = 10; p <= integer; p *= 10) {
            length++;
        }
        for (int i = pos + length - 1; i >= pos; i--) {
            buf[i] = (char) ('0' + integer % 10);
            integer /= 10;
        }
        pos += length;
        buf[pos++] = '.';
        if (k == 0) {
            buf[pos++] = '0';
            return pos;
        }
        for (int i = pos + k - 1; i >= pos; i--) {
            buf[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return pos + k;
    }
}
