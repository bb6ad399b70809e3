package dev.dealeval.presentation.chart;

import static dev.dealeval.presentation.chart.FrontierChart.FRONTIER_COLOUR;
import static dev.dealeval.presentation.chart.FrontierChart.SOLUTION_COLOUR;
import static dev.dealeval.presentation.chart.FrontierChart.TRAJECTORY_COLOURS;
import static dev.dealeval.presentation.chart.SvgText.clean;
import static dev.dealeval.presentation.chart.SvgText.count;
import static dev.dealeval.presentation.chart.SvgText.escape;
import static dev.dealeval.presentation.chart.SvgText.plain;

import dev.dealeval.domain.backtest.Reliability;
import dev.dealeval.domain.backtest.Reliability.Bin;
import dev.dealeval.domain.backtest.Reliability.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A standalone SVG reliability diagram (docs/backtest.md, "Calibration"): predicted probability across,
 * observed frequency up, one point per occupied bin of each series of forecasts.
 *
 * <h2>Layout (680 × 670 user units)</h2>
 * <pre>
 *   title (baseline y = 28), legend (one row, baseline y = 52)
 *   plot frame: x from 100 to 580, y from 72 to 552; inside it, 16 units from the frame, the unit square
 *   tick labels every 0.2, axis labels (x at y = 596), then two lines of caption (y = 628 and 648)
 * </pre>
 * A probability p is at {@code x = 116 + 448 p}, an observed frequency o at {@code y = 536 − 448 o}, so that
 * points at 0 or 1 stay clear of the frame. The dashed diagonal is perfect calibration. A bin's point is at
 * (mean predicted, observed), its radius {@code min(12, 3 + 1.2 √n)} for n forecasts, with n written to its
 * right (above its centre for the first and third series, below for the others, so that coinciding points keep
 * both counts readable) and the Wilson 90 % interval of the observed frequency as a vertical whisker. Each point's tooltip says its bin, count, mean and interval; the caption gives each series' expected
 * calibration error (ECE). Numbers are written with at most two decimals ({@link SvgText}), the ECE with
 * three, whatever the default locale; equal input gives equal output. Without any forecast, the plot says
 * "No forecasts".
 */
public final class ReliabilityDiagram {
    static final int WIDTH = 680;
    static final int HEIGHT = 670;
    static final Box AREA = new Box(100, 72, 580, 552);

    /** Space between the frame and the unit square. */
    static final double PAD = 16;

    static final String NO_FORECASTS = "No forecasts";

    /** One colour per series: at most four series. */
    static final String[] COLOURS = {FRONTIER_COLOUR, TRAJECTORY_COLOURS[0], TRAJECTORY_COLOURS[1], SOLUTION_COLOUR};

    /** 0, 0.2, …, 1: five steps of 2 · 10⁻¹. */
    private static final Axis UNIT = new Axis(0, 5, 2, -1);

    private static final int NAME_CHARS = 24;

    private ReliabilityDiagram() {}

    /** The diagram of {@code series} (at most four), in their order, as a standalone SVG document. */
    public static String svg(String title, List<Series> series) {
        Objects.requireNonNull(title, "title");
        if (series.size() > COLOURS.length) {
            throw new IllegalArgumentException("at most " + COLOURS.length + " series");
        }
        StringBuilder out = new StringBuilder(8192);
        ChartRenderer.open(out, WIDTH, HEIGHT, title, description(series));
        ChartRenderer.gridAndTicks(
                out, UNIT.ticks(), ReliabilityDiagram::px, UNIT.ticks(), ReliabilityDiagram::py, AREA);
        out.append("<path class=\"diagonal\" d=\"")
                .append(Shapes.segment(px(0), py(0), px(1), py(1)))
                .append("\" fill=\"none\" stroke=\"#777\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\">")
                .append("<title>perfect calibration</title></path>\n");
        ChartRenderer.axisLabels(out, AREA, 596, "Predicted probability", "Observed frequency");
        for (int i = 0; i < series.size(); i++) {
            series(out, series.get(i), COLOURS[i]);
        }
        for (int i = 0; i < series.size(); i++) {
            counts(out, series.get(i), COLOURS[i], i % 2 == 0);
        }
        if (series.stream().allMatch(s -> s.forecasts() == 0)) {
            out.append("<text class=\"empty\" x=\"")
                    .append(plain((AREA.left() + AREA.right()) / 2))
                    .append("\" y=\"")
                    .append(plain((AREA.top() + AREA.bottom()) / 2))
                    .append("\" font-size=\"15\" font-style=\"italic\" fill=\"#8a1c24\" text-anchor=\"middle\">")
                    .append(NO_FORECASTS)
                    .append("</text>\n");
        }
        legend(out, series);
        caption(out, series);
        ChartRenderer.title(out, title, WIDTH);
        out.append("</svg>\n");
        return out.toString();
    }

    static double px(double p) {
        return AREA.left() + PAD + p * (AREA.right() - AREA.left() - 2 * PAD);
    }

    static double py(double observed) {
        return AREA.bottom() - PAD - observed * (AREA.bottom() - AREA.top() - 2 * PAD);
    }

    static double radius(int count) {
        return Math.min(12, 3 + 1.2 * Math.sqrt(count));
    }

    /** A series' whiskers, then its points, in one group. */
    private static void series(StringBuilder out, Series s, String colour) {
        String name = name(s);
        out.append("<g class=\"series\" data-series=\"")
                .append(escape(name))
                .append("\" fill=\"")
                .append(colour)
                .append("\" stroke=\"")
                .append(colour)
                .append("\">\n");
        for (Bin b : s.bins()) {
            double x = px(b.meanPredicted()), low = py(b.low()), high = py(b.high());
            out.append("<path class=\"interval\" d=\"M")
                    .append(plain(x))
                    .append(' ')
                    .append(plain(low))
                    .append('V')
                    .append(plain(high))
                    .append('M')
                    .append(plain(x - 4))
                    .append(' ')
                    .append(plain(low))
                    .append("h8M")
                    .append(plain(x - 4))
                    .append(' ')
                    .append(plain(high))
                    .append("h8\" fill=\"none\" stroke-width=\"1.5\"/>\n");
        }
        for (Bin b : s.bins()) {
            out.append("<circle class=\"bin\" cx=\"")
                    .append(plain(px(b.meanPredicted())))
                    .append("\" cy=\"")
                    .append(plain(py(b.observed())))
                    .append("\" r=\"")
                    .append(plain(radius(b.count())))
                    .append("\" fill-opacity=\"0.85\" stroke=\"#fff\"><title>")
                    .append(escape(tooltip(name, b)))
                    .append("</title></circle>\n");
        }
        out.append("</g>\n");
    }

    /** A series' counts beside its points, haloed in white, drawn over every series' points. */
    private static void counts(StringBuilder out, Series s, String colour, boolean above) {
        out.append("<g class=\"counts\" data-series=\"")
                .append(escape(name(s)))
                .append("\" fill=\"")
                .append(colour)
                .append("\" font-size=\"11\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\n");
        for (Bin b : s.bins()) {
            out.append("<text x=\"")
                    .append(plain(px(b.meanPredicted()) + radius(b.count()) + 2))
                    .append("\" y=\"")
                    .append(plain(py(b.observed()) + (above ? -2 : 10)))
                    .append("\">")
                    .append(b.count())
                    .append("</text>\n");
        }
        out.append("</g>\n");
    }

    private static String tooltip(String name, Bin b) {
        return name + ": " + count(b.count(), "forecast") + " from " + plain(b.from()) + " to " + plain(b.to())
                + ", mean predicted " + plain(b.meanPredicted()) + ", observed " + plain(b.observed())
                + " (90% interval " + plain(b.low()) + " to " + plain(b.high()) + ")";
    }

    private static void legend(StringBuilder out, List<Series> series) {
        double x = AREA.left(), baseline = 52, mid = baseline - 4;
        StringBuilder g = new StringBuilder("<g class=\"legend\" font-size=\"12\" fill=\"#333\">\n");
        for (int i = 0; i < series.size(); i++) {
            g.append("<circle cx=\"")
                    .append(plain(x + 6))
                    .append("\" cy=\"")
                    .append(plain(mid))
                    .append("\" r=\"5\" fill=\"")
                    .append(COLOURS[i])
                    .append("\"/>\n");
            x = Legend.legendText(g, x, 16, name(series.get(i)), baseline);
        }
        g.append("<path d=\"")
                .append(Shapes.segment(x, mid + 5, x + 14, mid - 5))
                .append("\" stroke=\"#777\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n");
        Legend.legendText(g, x, 22, "perfect calibration", baseline);
        out.append(g).append("</g>\n");
    }

    private static void caption(StringBuilder out, List<Series> series) {
        List<String> eces = new ArrayList<>();
        series.forEach(s -> eces.add(name(s) + ": " + ece(s)));
        String first = eces.isEmpty() ? NO_FORECASTS : String.join("; ", eces);
        String second = "ECE: expected calibration error. Bins of width 0.2; whiskers: Wilson 90% intervals.";
        out.append("<g class=\"caption\" font-size=\"11\" fill=\"#444\" text-anchor=\"middle\">\n");
        for (String[] line : new String[][] {{first, "628"}, {second, "648"}}) {
            out.append("<text x=\"")
                    .append(WIDTH / 2)
                    .append("\" y=\"")
                    .append(line[1])
                    .append("\">")
                    .append(escape(line[0]))
                    .append("</text>\n");
        }
        out.append("</g>\n");
    }

    private static String description(List<Series> series) {
        List<String> parts = new ArrayList<>();
        series.forEach(s -> parts.add(name(s) + ", " + ece(s)));
        return "Reliability diagram: predicted probability (x) against observed frequency (y) in " + Reliability.BINS
                + " bins of width 0.2, for " + (parts.isEmpty() ? "no series" : String.join("; ", parts))
                + ". Points on the dashed diagonal are perfectly calibrated; whiskers are Wilson 90% intervals;"
                + " ECE is the expected calibration error.";
    }

    /** "ECE 0.031 (40 forecasts)", or "no forecasts". */
    private static String ece(Series s) {
        return s.forecasts() == 0
                ? "no forecasts"
                : String.format(Locale.ROOT, "ECE %.3f (%s)", s.ece(), count(s.forecasts(), "forecast"));
    }

    private static String name(Series s) {
        return FrontierChart.truncate(clean(s.name()), NAME_CHARS);
    }
}
