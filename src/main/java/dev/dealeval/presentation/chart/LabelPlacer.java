package dev.dealeval.presentation.chart;

import static dev.dealeval.presentation.chart.FrontierChart.PLOT_BOTTOM;
import static dev.dealeval.presentation.chart.FrontierChart.PLOT_TOP;
import static dev.dealeval.presentation.chart.SvgText.escape;
import static dev.dealeval.presentation.chart.SvgText.plain;
import static dev.dealeval.presentation.chart.SvgText.textWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the markers' labels greedily, in the order asked, each at the candidate position around its marker
 * that costs least: overlapping a marker or an earlier label, leaving the plot area or covering frontier dots
 * all cost, as does distance (rings outwards) and a less preferred direction. Labels pushed out two rings or
 * more get a leader line.
 */
final class LabelPlacer {
    private static final double LABEL_FONT = 12;
    private static final int LABEL_CHARS = 60;

    /** Direction unit vectors, in order of preference: NE, E, N, NW, SE, W, S, SW. */
    private static final double[][] DIRECTIONS = {
        {0.7071, -0.7071},
        {1, 0},
        {0, -1},
        {-0.7071, -0.7071},
        {0.7071, 0.7071},
        {-1, 0},
        {0, 1},
        {-0.7071, 0.7071},
    };

    private static final double[] RINGS = {4, 14, 28, 46, 70};

    private final Plot plot;
    private final List<Box> obstacles = new ArrayList<>();
    private final List<double[]> dotPixels = new ArrayList<>();
    private final StringBuilder leaders = new StringBuilder();
    private final StringBuilder labels = new StringBuilder();

    LabelPlacer(Plot plot) {
        this.plot = plot;
    }

    /** Something drawn that labels should keep off. */
    void avoid(Box box) {
        obstacles.add(box);
    }

    /** A frontier dot drawn at (x, y): a label covering it costs a little. */
    void dot(double x, double y) {
        dotPixels.add(new double[] {x, y});
    }

    /** Labels a marker of half-size {@code markerSize} at (mx, my); an empty label is not drawn. */
    void place(String label, double mx, double my, double markerSize, String cssClass, String colour) {
        if (label.isEmpty()) {
            return;
        }
        String shown = FrontierChart.truncate(label, LABEL_CHARS);
        double w = textWidth(shown, LABEL_FONT);
        Box area = new Box(plot.plotLeft + 2, PLOT_TOP + 2, plot.plotRight - 2, PLOT_BOTTOM - 2);

        double bestCost = Double.POSITIVE_INFINITY;
        Box bestBox = null;
        String bestAnchor = null;
        double bestX = 0, bestBaseline = 0;
        int bestRing = 0;
        for (int ring = 0; ring < RINGS.length; ring++) {
            double r = markerSize + RINGS[ring];
            for (int dir = 0; dir < DIRECTIONS.length; dir++) {
                double dx = DIRECTIONS[dir][0], dy = DIRECTIONS[dir][1];
                String anchor = dx > 0.1 ? "start" : dx < -0.1 ? "end" : "middle";
                double ox = dx * r, oy = dy * r;
                if (dx != 0 && dy != 0) {
                    // Diagonal: the label's near corner must clear the marker's bounding square.
                    ox = Math.signum(dx) * Math.max(Math.abs(ox), markerSize + 2);
                    oy = Math.signum(dy) * Math.max(Math.abs(oy), markerSize + 2);
                }
                double x = mx + ox;
                // Vertical: centred on the marker for E/W; box bottom (top) at the offset when above (below).
                double baseline = dy < -0.1 ? my + oy - 3.5 : dy > 0.1 ? my + oy + 10 : my + 4;
                double left = anchor.equals("start") ? x : anchor.equals("end") ? x - w : x - w / 2;
                Box box = new Box(left, baseline - 10, left + w, baseline + 3.5);

                double cost = ring * 60 + dir * 2;
                Box padded = box.grow(2);
                for (Box o : obstacles) {
                    cost += 100 * padded.overlap(o);
                }
                cost += 100 * (box.area() - box.overlap(area));
                for (double[] dot : dotPixels) {
                    if (box.contains(dot[0], dot[1], plot.dotRadius)) {
                        cost += 25;
                    }
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    bestBox = box;
                    bestAnchor = anchor;
                    bestX = x;
                    bestBaseline = baseline;
                    bestRing = ring;
                }
            }
        }
        obstacles.add(bestBox.grow(1));
        if (bestRing >= 2) {
            double nx = Math.max(bestBox.left(), Math.min(mx, bestBox.right()));
            double ny = Math.max(bestBox.top(), Math.min(my, bestBox.bottom()));
            double len = Math.hypot(nx - mx, ny - my);
            if (len > markerSize + 3) {
                double sx = mx + (nx - mx) / len * (markerSize + 1), sy = my + (ny - my) / len * (markerSize + 1);
                Shapes.line(leaders, plain(sx), plain(sy), plain(nx), plain(ny));
            }
        }
        labels.append("<text class=\"")
                .append(cssClass)
                .append("\" x=\"")
                .append(plain(bestX))
                .append("\" y=\"")
                .append(plain(bestBaseline))
                .append('"');
        if (!bestAnchor.equals("start")) {
            labels.append(" text-anchor=\"").append(bestAnchor).append('"');
        }
        labels.append(" fill=\"").append(colour).append("\">").append(escape(shown));
        if (!shown.equals(label)) {
            labels.append("<title>").append(escape(label)).append("</title>");
        }
        labels.append("</text>\n");
    }

    /** The leader lines, then the labels, as two groups. */
    void appendTo(StringBuilder out) {
        out.append("<g class=\"leaders\" stroke=\"#777\" stroke-width=\"0.8\">\n")
                .append(leaders)
                .append("</g>\n");
        out.append("<g class=\"labels\" font-size=\"")
                .append(plain(LABEL_FONT))
                .append("\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\""
                        + " paint-order=\"stroke\">\n")
                .append(labels)
                .append("</g>\n");
    }
}
