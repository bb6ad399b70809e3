package dev.dealeval.presentation.chart;

import dev.dealeval.domain.model.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis from {@code first·step} to {@code last·step}; the step is {@code k·10^exponent}, k ∈ {1, 2, 5}
 * (the rule is in {@link FrontierChart}'s "Axes").
 */
record Axis(long first, long last, int k, int exponent) {
    /** Intervals across (x) and up (y), about. */
    static final int X_INTERVALS = 8;

    static final int Y_INTERVALS = 6;

    private static final double MIN_SPAN = 0.1;
    private static final double PADDING = 0.05;

    /** The axis covering {@code dataMin … dataMax} and 0, padded, with about {@code intervals} intervals. */
    static Axis covering(double dataMin, double dataMax, int intervals) {
        double lo = Math.min(dataMin, 0);
        double hi = Math.max(dataMax, 0);
        if (hi - lo == 0) {
            lo = -1;
            hi = 1;
        } else if (hi - lo < MIN_SPAN) {
            double extra = (MIN_SPAN - (hi - lo)) / 2;
            lo -= extra;
            hi += extra;
        }
        double pad = PADDING * (hi - lo);
        lo -= pad;
        hi += pad;
        double raw = (hi - lo) / intervals;
        int exponent = (int) Math.floor(Math.log10(raw));
        double normalised = raw / Math.pow(10, exponent);
        int k;
        if (normalised <= 1 + Numbers.TOLERANCE) {
            k = 1;
        } else if (normalised <= 2 + Numbers.TOLERANCE) {
            k = 2;
        } else if (normalised <= 5 + Numbers.TOLERANCE) {
            k = 5;
        } else {
            k = 1;
            exponent++;
        }
        Axis unit = new Axis(0, 0, k, exponent);
        long first = (long) Math.floor(lo / unit.step());
        long last = (long) Math.ceil(hi / unit.step());
        return new Axis(first, last, k, exponent);
    }

    double step() {
        return value(1);
    }

    /** The i-th multiple of the step, computed so that e.g. 3 × 0.2 is the double nearest 0.6. */
    double value(long i) {
        return exponent >= 0 ? i * k * Math.pow(10, exponent) : (double) (i * k) / Math.pow(10, -exponent);
    }

    double min() {
        return value(first);
    }

    double max() {
        return value(last);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            ticks.add(value(i));
        }
        return ticks;
    }
}
