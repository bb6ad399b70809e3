package dev.dealeval.presentation.chart;

import static dev.dealeval.presentation.chart.FrontierChart.FRONTIER_COLOUR;
import static dev.dealeval.presentation.chart.FrontierChart.NO_DEAL;
import static dev.dealeval.presentation.chart.FrontierChart.REFERENCE_COLOUR;
import static dev.dealeval.presentation.chart.FrontierChart.SOLUTION_COLOUR;
import static dev.dealeval.presentation.chart.FrontierChart.TRAJECTORY_COLOURS;
import static dev.dealeval.presentation.chart.FrontierChart.WIDTH;
import static dev.dealeval.presentation.chart.FrontierChart.ZONE_COLOUR;
import static dev.dealeval.presentation.chart.SvgText.clean;
import static dev.dealeval.presentation.chart.SvgText.count;
import static dev.dealeval.presentation.chart.SvgText.escape;
import static dev.dealeval.presentation.chart.SvgText.plain;
import static dev.dealeval.presentation.chart.SvgText.textWidth;

import dev.dealeval.presentation.chart.FrontierChart.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The legend: one row above the plot (baseline y = 52), an entry for each trajectory and for each kind of mark
 * the chart shows, then "no deal" and the shaded zone; it starts at the plot's left edge, or further left when
 * the row would not fit.
 */
final class Legend {
    private Legend() {}

    /** Appends the legend's group to {@code out}. */
    static void append(Plot plot, StringBuilder out) {
        double baseline = 52, mid = baseline - 4;
        List<String> texts = new ArrayList<>();
        List<Double> symbolWidths = new ArrayList<>();
        for (Trajectory t : plot.chart.trajectories()) {
            texts.add(FrontierChart.truncate(clean(t.label()), 16));
            symbolWidths.add(22.0);
        }
        if (!plot.frontier.isEmpty()) {
            texts.add("Pareto frontier (" + count(plot.frontier.size(), "point") + ")");
            symbolWidths.add(26.0);
        }
        if (!plot.solutions.isEmpty()) {
            texts.add("bargaining solution");
            symbolWidths.add(20.0);
        }
        if (!plot.references.isEmpty()) {
            texts.add("reference bundle");
            symbolWidths.add(18.0);
        }
        texts.add(NO_DEAL);
        symbolWidths.add(17.0);
        texts.add("both sides gain");
        symbolWidths.add(19.0);
        double total = 0;
        for (int i = 0; i < texts.size(); i++) {
            total += symbolWidths.get(i) + legendAdvance(texts.get(i));
        }
        double x = Math.max(10, Math.min(plot.plotLeft, WIDTH - 10 - total));

        StringBuilder g = new StringBuilder();
        g.append("<g class=\"legend\" font-size=\"12\" fill=\"#333\">\n");
        int item = 0;
        for (int k = 0; k < plot.chart.trajectories().size(); k++) {
            g.append("<path d=\"")
                    .append(Shapes.segment(x, mid + 4, x + 14, mid - 4))
                    .append("\" stroke=\"")
                    .append(TRAJECTORY_COLOURS[k])
                    .append("\" stroke-width=\"1.5\"/>");
            g.append("<circle cx=\"")
                    .append(plain(x + 14))
                    .append("\" cy=\"")
                    .append(plain(mid - 4))
                    .append("\" r=\"2.4\" fill=\"")
                    .append(TRAJECTORY_COLOURS[k])
                    .append("\"/>\n");
            x = legendText(g, x, symbolWidths.get(item), texts.get(item++), baseline);
        }
        if (!plot.frontier.isEmpty()) {
            g.append("<path d=\"M")
                    .append(plain(x))
                    .append(' ')
                    .append(plain(mid - 5))
                    .append('H')
                    .append(plain(x + 8))
                    .append('V')
                    .append(plain(mid + 5))
                    .append('H')
                    .append(plain(x + 18))
                    .append("\" fill=\"none\" stroke=\"")
                    .append(FRONTIER_COLOUR)
                    .append("\" stroke-opacity=\"0.55\" stroke-width=\"1.4\"/>");
            g.append("<circle cx=\"")
                    .append(plain(x + 8))
                    .append("\" cy=\"")
                    .append(plain(mid - 5))
                    .append("\" r=\"3\" fill=\"")
                    .append(FRONTIER_COLOUR)
                    .append("\"/>");
            g.append("<circle cx=\"")
                    .append(plain(x + 18))
                    .append("\" cy=\"")
                    .append(plain(mid + 5))
                    .append("\" r=\"3\" fill=\"")
                    .append(FRONTIER_COLOUR)
                    .append("\"/>\n");
            x = legendText(g, x, symbolWidths.get(item), texts.get(item++), baseline);
        }
        if (!plot.solutions.isEmpty()) {
            double cx = x + 7, d = 6;
            g.append("<polygon points=\"")
                    .append(Shapes.diamond(cx, mid, d))
                    .append("\" fill=\"")
                    .append(SOLUTION_COLOUR)
                    .append("\"/>\n");
            x = legendText(g, x, symbolWidths.get(item), texts.get(item++), baseline);
        }
        if (!plot.references.isEmpty()) {
            g.append("<circle cx=\"")
                    .append(plain(x + 6))
                    .append("\" cy=\"")
                    .append(plain(mid))
                    .append("\" r=\"5\" fill=\"none\" stroke=\"")
                    .append(REFERENCE_COLOUR)
                    .append("\" stroke-width=\"2\"/>\n");
            x = legendText(g, x, symbolWidths.get(item), texts.get(item++), baseline);
        }
        double cx = x + 5, s = 4.5;
        g.append("<path d=\"").append(Shapes.cross(cx, mid, s)).append("\" stroke=\"#111\" stroke-width=\"2\"/>\n");
        x = legendText(g, x, symbolWidths.get(item), texts.get(item++), baseline);
        g.append("<rect x=\"")
                .append(plain(x))
                .append("\" y=\"")
                .append(plain(mid - 6))
                .append("\" width=\"14\" height=\"12\" fill=\"")
                .append(ZONE_COLOUR)
                .append("\" fill-opacity=\"0.16\" stroke=\"")
                .append(ZONE_COLOUR)
                .append("\" stroke-opacity=\"0.4\"/>\n");
        legendText(g, x, symbolWidths.get(item), texts.get(item), baseline);
        g.append("</g>\n");
        out.append(g);
    }

    /** Writes a legend entry's text after its symbol; returns where the next entry starts. */
    static double legendText(StringBuilder g, double x, double symbolWidth, String text, double baseline) {
        g.append("<text x=\"")
                .append(plain(x + symbolWidth))
                .append("\" y=\"")
                .append(plain(baseline))
                .append("\">")
                .append(escape(text))
                .append("</text>\n");
        return x + symbolWidth + legendAdvance(text);
    }

    /** Legend text width (12 px, 0.55 em a character, a little tighter than label estimates) plus a gap. */
    static double legendAdvance(String text) {
        return textWidth(text, 12) * 0.55 / 0.6 + 16;
    }
}
