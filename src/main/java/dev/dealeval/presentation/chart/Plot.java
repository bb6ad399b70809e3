package dev.dealeval.presentation.chart;

import static dev.dealeval.presentation.chart.FrontierChart.MAX_PLOT_RIGHT;
import static dev.dealeval.presentation.chart.FrontierChart.MIN_PLOT_LEFT;
import static dev.dealeval.presentation.chart.FrontierChart.PLOT_BOTTOM;
import static dev.dealeval.presentation.chart.FrontierChart.PLOT_TOP;
import static dev.dealeval.presentation.chart.FrontierChart.WIDTH;
import static dev.dealeval.presentation.chart.SvgText.escape;
import static dev.dealeval.presentation.chart.SvgText.human;
import static dev.dealeval.presentation.chart.SvgText.textWidth;

import dev.dealeval.presentation.chart.FrontierChart.Axes;
import dev.dealeval.presentation.chart.FrontierChart.Chart;
import dev.dealeval.presentation.chart.FrontierChart.Mark;
import dev.dealeval.presentation.chart.FrontierChart.Point;
import dev.dealeval.presentation.chart.FrontierChart.Trajectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A chart's geometry: its axes, the plot area's edges and the mapping from data to pixels, with the frontier
 * sorted and the marks grouped as they are drawn.
 */
final class Plot {
    static final double TICK_FONT = 11;

    final Chart chart;
    final Axes axes;
    final List<Point> frontier;
    final List<MarkGroup> solutions;
    final List<MarkGroup> references;
    final Axis xAxis;
    final Axis yAxis;
    final double plotLeft;
    final double plotRight;
    final double dotRadius;

    Plot(Chart chart) {
        this.chart = chart;
        this.axes = chart.axes();
        List<Point> sorted = new ArrayList<>(chart.frontier());
        sorted.sort(Comparator.comparingDouble(Point::us).thenComparing(Point::cn, Comparator.reverseOrder()));
        this.frontier = sorted;
        this.solutions = MarkGroup.of(chart.solutions());
        this.references = MarkGroup.of(chart.references());

        double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
        for (Point p : sorted) {
            xMin = Math.min(xMin, p.us());
            xMax = Math.max(xMax, p.us());
            yMin = Math.min(yMin, p.cn());
            yMax = Math.max(yMax, p.cn());
        }
        for (Trajectory t : chart.trajectories()) {
            for (Point p : t.points()) {
                xMin = Math.min(xMin, p.us());
                xMax = Math.max(xMax, p.us());
                yMin = Math.min(yMin, p.cn());
                yMax = Math.max(yMax, p.cn());
            }
        }
        for (List<Mark> marks : List.of(chart.solutions(), chart.references())) {
            for (Mark m : marks) {
                xMin = Math.min(xMin, m.us());
                xMax = Math.max(xMax, m.us());
                yMin = Math.min(yMin, m.cn());
                yMax = Math.max(yMax, m.cn());
            }
        }
        this.xAxis = Axis.covering(xMin, xMax, Axis.X_INTERVALS);
        this.yAxis = Axis.covering(yMin, yMax, Axis.Y_INTERVALS);

        double widest = 0;
        for (double t : yAxis.ticks()) {
            widest = Math.max(widest, textWidth(human(t), TICK_FONT));
        }
        this.plotLeft = Math.max(MIN_PLOT_LEFT, Math.ceil(34 + widest + 8));
        // The last x tick label is centred on the right edge: keep it inside the picture.
        double lastX = textWidth(human(xAxis.max()), TICK_FONT);
        this.plotRight = Math.min(MAX_PLOT_RIGHT, Math.floor(WIDTH - 6 - lastX / 2));
        int n = sorted.size();
        this.dotRadius = n <= 300 ? 3 : n <= 1500 ? 2.2 : 1.6;
    }

    double px(double us) {
        return plotLeft + (us - xAxis.min()) / (xAxis.max() - xAxis.min()) * (plotRight - plotLeft);
    }

    double py(double cn) {
        return PLOT_BOTTOM - (cn - yAxis.min()) / (yAxis.max() - yAxis.min()) * (PLOT_BOTTOM - PLOT_TOP);
    }

    /** A tooltip's position text, escaped: "U.S. 8, China 7". */
    String coordinates(double us, double cn) {
        return escape(axes.x()) + " " + human(us) + ", " + escape(axes.y()) + " " + human(cn);
    }

    /** A grouped marker's tooltip, escaped: its label and its position. */
    String tooltip(MarkGroup g) {
        String coordinates = coordinates(g.us(), g.cn());
        return g.label().isEmpty() ? coordinates : escape(g.label()) + ": " + coordinates;
    }
}
