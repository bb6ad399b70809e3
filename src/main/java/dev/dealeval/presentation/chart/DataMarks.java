package dev.dealeval.presentation.chart;

import static dev.dealeval.presentation.chart.FrontierChart.EMPTY_FRONTIER;
import static dev.dealeval.presentation.chart.FrontierChart.FRONTIER_COLOUR;
import static dev.dealeval.presentation.chart.FrontierChart.NO_DEAL;
import static dev.dealeval.presentation.chart.FrontierChart.PLOT_TOP;
import static dev.dealeval.presentation.chart.FrontierChart.REFERENCE_COLOUR;
import static dev.dealeval.presentation.chart.FrontierChart.SOLUTION_COLOUR;
import static dev.dealeval.presentation.chart.FrontierChart.TRAJECTORY_COLOURS;
import static dev.dealeval.presentation.chart.SvgText.escape;
import static dev.dealeval.presentation.chart.SvgText.plain;
import static dev.dealeval.presentation.chart.SvgText.textWidth;

import dev.dealeval.presentation.chart.FrontierChart.Point;
import dev.dealeval.presentation.chart.FrontierChart.Trajectory;
import java.util.HashSet;
import java.util.Set;

/**
 * The data on the plot, in drawing order: the frontier's staircase and dots, the trajectories, the message of
 * an empty frontier, the markers (references, the no-deal cross, solutions), then the markers' labels.
 */
final class DataMarks {
    private static final double SOLUTION_SIZE = 7;
    private static final double REFERENCE_RADIUS = 5.5;
    private static final double NO_DEAL_SIZE = 5;

    private final Plot plot;
    private final LabelPlacer placer;
    private final StringBuilder out;

    DataMarks(Plot plot, LabelPlacer placer, StringBuilder out) {
        this.plot = plot;
        this.placer = placer;
        this.out = out;
    }

    void draw() {
        frontierLine();
        frontierDots();
        trajectories();
        emptyMessage();
        markers();
        placeLabels();
    }

    private void frontierLine() {
        if (plot.frontier.isEmpty()) {
            return;
        }
        StringBuilder d = new StringBuilder();
        Point first = plot.frontier.get(0);
        d.append('M').append(plain(plot.px(first.us()))).append(' ').append(plain(plot.py(first.cn())));
        for (int i = 1; i < plot.frontier.size(); i++) {
            Point p = plot.frontier.get(i);
            d.append('V').append(plain(plot.py(p.cn()))).append('H').append(plain(plot.px(p.us())));
        }
        out.append("<path class=\"frontier-line\" d=\"")
                .append(d)
                .append("\" fill=\"none\" stroke=\"")
                .append(FRONTIER_COLOUR)
                .append("\" stroke-opacity=\"0.55\" stroke-width=\"1.4\"" + " stroke-linejoin=\"round\"/>\n");
    }

    private void frontierDots() {
        out.append("<g class=\"frontier-dots\" fill=\"").append(FRONTIER_COLOUR).append("\">\n");
        String r = plain(plot.dotRadius);
        for (Point p : plot.frontier) {
            double x = plot.px(p.us()), y = plot.py(p.cn());
            placer.dot(x, y);
            out.append("<circle cx=\"")
                    .append(plain(x))
                    .append("\" cy=\"")
                    .append(plain(y))
                    .append("\" r=\"")
                    .append(r)
                    .append("\"><title>")
                    .append(plot.coordinates(p.us(), p.cn()))
                    .append("</title></circle>\n");
        }
        out.append("</g>\n");
    }

    private void emptyMessage() {
        if (!plot.frontier.isEmpty()) {
            return;
        }
        double x = (plot.plotLeft + plot.plotRight) / 2, baseline = PLOT_TOP + 30;
        double w = textWidth(EMPTY_FRONTIER, 15);
        placer.avoid(new Box(x - w / 2, baseline - 13, x + w / 2, baseline + 4).grow(2));
        out.append("<text class=\"empty-frontier\" x=\"")
                .append(plain(x))
                .append("\" y=\"")
                .append(plain(baseline))
                .append("\" font-size=\"15\" font-style=\"italic\" fill=\"#8a1c24\" text-anchor=\"middle\""
                        + " stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">")
                .append(escape(EMPTY_FRONTIER))
                .append("</text>\n");
    }

    private void markers() {
        out.append("<g class=\"references\" fill=\"#fff\" fill-opacity=\"0\" stroke=\"")
                .append(REFERENCE_COLOUR)
                .append("\" stroke-width=\"2\">\n");
        for (MarkGroup g : plot.references) {
            double x = plot.px(g.us()), y = plot.py(g.cn());
            placer.avoid(Box.square(x, y, REFERENCE_RADIUS + 1));
            out.append("<circle cx=\"")
                    .append(plain(x))
                    .append("\" cy=\"")
                    .append(plain(y))
                    .append("\" r=\"")
                    .append(plain(REFERENCE_RADIUS))
                    .append("\"><title>")
                    .append(plot.tooltip(g))
                    .append("</title></circle>\n");
        }
        out.append("</g>\n");

        double x0 = plot.px(0), y0 = plot.py(0), s = NO_DEAL_SIZE;
        placer.avoid(Box.square(x0, y0, s + 1));
        out.append("<g class=\"no-deal\"><path d=\"")
                .append(Shapes.cross(x0, y0, s))
                .append("\" stroke=\"#111\" stroke-width=\"2.2\"/>")
                .append("<circle cx=\"")
                .append(plain(x0))
                .append("\" cy=\"")
                .append(plain(y0))
                .append("\" r=\"")
                .append(plain(s + 1))
                .append("\" fill=\"#fff\" fill-opacity=\"0\"><title>")
                .append(escape(NO_DEAL))
                .append(": ")
                .append(escape(plot.axes.x()))
                .append(" 0, ")
                .append(escape(plot.axes.y()))
                .append(" 0</title></circle></g>\n");

        out.append("<g class=\"solutions\" fill=\"")
                .append(SOLUTION_COLOUR)
                .append("\" stroke=\"#fff\" stroke-width=\"1.2\">\n");
        for (MarkGroup g : plot.solutions) {
            double x = plot.px(g.us()), y = plot.py(g.cn()), d = SOLUTION_SIZE;
            placer.avoid(Box.square(x, y, d));
            out.append("<polygon points=\"")
                    .append(Shapes.diamond(x, y, d))
                    .append("\"><title>")
                    .append(plot.tooltip(g))
                    .append("</title></polygon>\n");
        }
        out.append("</g>\n");
    }

    private void placeLabels() {
        for (MarkGroup g : plot.solutions) {
            placer.place(g.label(), plot.px(g.us()), plot.py(g.cn()), SOLUTION_SIZE, "solution-label", SOLUTION_COLOUR);
        }
        for (MarkGroup g : plot.references) {
            placer.place(
                    g.label(),
                    plot.px(g.us()),
                    plot.py(g.cn()),
                    REFERENCE_RADIUS + 1,
                    "reference-label",
                    REFERENCE_COLOUR);
        }
        placer.place(NO_DEAL, plot.px(0), plot.py(0), NO_DEAL_SIZE + 1, "no-deal-label", "#111");
    }

    /**
     * Each trajectory as a thin path through its points in order, a dot at each distinct point and
     * the last one ringed; the tooltip of a dot says whose offer it is, its position and where it lies.
     */
    private void trajectories() {
        for (int k = 0; k < plot.chart.trajectories().size(); k++) {
            Trajectory t = plot.chart.trajectories().get(k);
            if (t.points().isEmpty()) {
                continue;
            }
            String colour = TRAJECTORY_COLOURS[k];
            out.append("<g class=\"trajectory\">\n<path d=\"");
            for (int i = 0; i < t.points().size(); i++) {
                Point p = t.points().get(i);
                out.append(i == 0 ? 'M' : 'L')
                        .append(plain(plot.px(p.us())))
                        .append(' ')
                        .append(plain(plot.py(p.cn())));
            }
            out.append("\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-opacity=\"0.7\" stroke-width=\"1.2\"/>\n");
            Set<Point> drawn = new HashSet<>();
            for (int i = 0; i < t.points().size(); i++) {
                Point p = t.points().get(i);
                boolean last = i == t.points().size() - 1;
                if (drawn.add(p) || last) {
                    out.append("<circle cx=\"")
                            .append(plain(plot.px(p.us())))
                            .append("\" cy=\"")
                            .append(plain(plot.py(p.cn())))
                            .append("\" r=\"")
                            .append(last ? "4.5" : "2.4")
                            .append("\" fill=\"")
                            .append(last ? "none" : colour)
                            .append("\" stroke=\"")
                            .append(colour)
                            .append("\" stroke-width=\"1.5\"><title>")
                            .append(escape(t.label()))
                            .append(", offer ")
                            .append(i + 1)
                            .append(": ")
                            .append(plot.coordinates(p.us(), p.cn()))
                            .append("</title></circle>\n");
                }
            }
            out.append("</g>\n");
        }
    }
}
