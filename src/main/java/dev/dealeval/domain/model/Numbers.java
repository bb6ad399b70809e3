package dev.dealeval.domain.model;

/** Number formatting for messages and reasons, without the cost of String.format. */
public final class Numbers {
    /**
     * Differences smaller than this are floating-point rounding, not a difference: a surplus this close
     * to 0 is no stance, a weight sum this close to 1 needs no rescaling, a value this far past a bound is
     * on it. One constant for the whole code base (utility points, shares and scores alike).
     */
    public static final double TOLERANCE = 1e-9;

    private Numbers() {}

    /** 12 → "12", 0.5 → "0.5", 1e6 → "1000000", 19.9 → "19.9". */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.indexOf('E') < 0
                ? s
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** One decimal with an explicit sign: 6.14 → "+6.1", -3.36 → "-3.4". */
    public static String signed1(double v) {
        long tenths = Math.round(Math.abs(v) * 10);
        String sign = v < 0 && tenths != 0 ? "-" : "+";
        return sign + (tenths / 10) + "." + (tenths % 10);
    }

    /** Rounds for reporting: 4 decimals. */
    public static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** A count with thousands separators, as a person reads it: 1,152,000. */
    public static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Scales w[from..to) to sum to 1; leaves it alone when it sums to 0. */
    public static void normalise(double[] w, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += w[i];
        }
        if (sum > 0) {
            for (int i = from; i < to; i++) {
                w[i] /= sum;
            }
        }
    }
}
