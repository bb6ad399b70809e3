package dev.dealeval.presentation.chart;

import java.util.List;
import java.util.Objects;

/**
 * A standalone SVG picture of a deal-space search: the Pareto frontier of (U.S. surplus, China surplus),
 * the bargaining solutions on it, reference bundles the caller asked about, and the no-deal point.
 *
 * <h2>Layout (860 × 600 user units)</h2>
 * <pre>
 *   title                        (centred, baseline y = 28; font shrinks to fit the width)
 *   legend                       (one row, baseline y = 52, starting at the plot's left edge)
 *   ┌ plot area ─────────────┐   top = 66, bottom = 538, right = 840 (less if the last x tick label is wide),
 *   │                        │   left = 64 or more (widened to fit the longest y tick label)
 *   └────────────────────────┘
 *   x tick labels (y = 556), x-axis label (y = 584); y-axis label rotated at x = 18
 * </pre>
 *
 * <h2>Axes</h2>
 * Each axis covers 0 and every frontier point, solution and reference; the data range is widened by 5 % of
 * its span on each side and then rounded outwards to a multiple of a "nice" step (1, 2 or 5 × 10<sup>k</sup>,
 * about 8 intervals across and 6 up). The first and last ticks are the ends of the axis, so the mapping from
 * data to pixels is
 * <pre>
 *   px = left   + (us − xFirstTick) / (xLastTick − xFirstTick) · (right − left)
 *   py = bottom − (cn − yFirstTick) / (yLastTick − yFirstTick) · (bottom − top)
 * </pre>
 * and the x attribute of an x tick label (the y attribute of a y tick label) is exactly its pixel position,
 * so a reader of the document can invert it. 0 is always a tick. An axis whose data are all 0 (e.g. no points
 * at all) spans −1 … 1 before padding; a non-zero span below 0.1 is widened to 0.1, which keeps the step at
 * 0.02 or more so that two-decimal tick labels stay distinct. For example data from −3.2 to 17.9 give the x
 * ticks −5, 0, 5, 10, 15, 20.
 *
 * <h2>Marks</h2>
 * Frontier points are small filled dots (sorted by U.S. surplus, then China surplus descending) joined by the
 * staircase that bounds the region they dominate (down, then right). Solutions are filled diamonds, references
 * hollow circles, the no-deal point a cross; every marker carries a {@code <title>} tooltip with its
 * coordinates. Solutions (or references) whose coordinates agree to two decimals share one marker whose label
 * joins theirs with " = ". Labels are placed greedily (solutions first, then references, then "no deal") at
 * the candidate position around their marker that overlaps no marker, no earlier label and covers the fewest
 * frontier dots, preferring positions up and to the right (where nothing can lie, beyond the frontier);
 * labels pushed further out get a thin leader line.
 *
 * <h2>Text and numbers</h2>
 * All text is XML-escaped; characters outside ASCII are written as character references and characters XML
 * cannot hold are replaced by U+FFFD, so the output is valid whatever encoding it is later sent in. Numbers
 * use {@link java.util.Locale#ROOT}-style digits with at most two decimals (tooltips and tick labels group
 * thousands with commas). The output depends only on the chart's contents: equal charts give equal strings,
 * whatever the order of the frontier points.
 *
 * <h2>Where each part is drawn</h2>
 * {@link Plot} fixes the geometry (axes, plot edges, data to pixels), {@link ChartRenderer} writes the document
 * and the frame around the data, {@link DataMarks} the frontier, trajectories and markers, {@link LabelPlacer}
 * their labels, {@link Legend} the legend; {@link SvgText} formats numbers and escapes text.
 */
public final class FrontierChart {

    /** A point in surplus space: U.S. surplus on x, China surplus on y, in utility points. */
    public record Point(double us, double cn) {
        public Point {
            checkCoordinate(us, "us");
            checkCoordinate(cn, "cn");
        }
    }

    /** A labelled point: a bargaining solution ("Nash", "Kalai–Smorodinsky", "egalitarian", "utilitarian") or a bundle the caller gave. */
    public record Mark(String label, double us, double cn) {
        public Mark {
            Objects.requireNonNull(label, "label");
            checkCoordinate(us, "us");
            checkCoordinate(cn, "cn");
        }
    }

    /**
     * @param title      e.g. "Deal space: default profile, GENEVA_2025 — 1,152,000 bundles, 31,204 feasible"
     * @param frontier   Pareto frontier points (any order)
     * @param solutions  bargaining solutions (several may coincide on one point: show all their labels without overlap)
     * @param references bundles the caller asked to see (may be dominated, may lie in any quadrant, may be infeasible)
     * @param axes       who is on x and on y, and the unit of their surpluses
     * @param trajectories sequences of points drawn as paths (a negotiation's offers, side by side), at most two
     */
    public record Chart(
            String title,
            List<Point> frontier,
            List<Mark> solutions,
            List<Mark> references,
            Axes axes,
            List<Trajectory> trajectories) {
        public Chart {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(axes, "axes");
            frontier = List.copyOf(frontier);
            solutions = List.copyOf(solutions);
            references = List.copyOf(references);
            trajectories = List.copyOf(trajectories);
            if (trajectories.size() > TRAJECTORY_COLOURS.length) {
                throw new IllegalArgumentException("at most " + TRAJECTORY_COLOURS.length + " trajectories");
            }
        }

        /** A chart of the U.S.–China model: the U.S. on x, China on y, in utility points. */
        public Chart(String title, List<Point> frontier, List<Mark> solutions, List<Mark> references) {
            this(title, frontier, solutions, references, Axes.US_CHINA);
        }

        public Chart(String title, List<Point> frontier, List<Mark> solutions, List<Mark> references, Axes axes) {
            this(title, frontier, solutions, references, axes, List.of());
        }
    }

    /** A labelled sequence of points drawn as a path with a dot at each (one side's offers, in order). */
    public record Trajectory(String label, List<Point> points) {
        public Trajectory {
            Objects.requireNonNull(label, "label");
            points = List.copyOf(points);
        }
    }

    static final String[] TRAJECTORY_COLOURS = {"#d97706", "#0f8b8d"};

    /**
     * The parties on the axes, as labels and tooltips name them, and the unit of their surpluses.
     *
     * @param x      the party on x ("U.S."), y the party on y ("China")
     * @param unit   "utility points", or "utility" for an imported domain's 0–1 utilities
     */
    public record Axes(String x, String y, String unit) {
        public static final Axes US_CHINA = new Axes("U.S.", "China", "utility points");

        public Axes {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** Largest coordinate magnitude accepted; far beyond any utility scale, small enough for exact arithmetic. */
    public static final double MAX_COORDINATE = 1e12;

    static final int WIDTH = 860;
    static final int HEIGHT = 600;
    static final double PLOT_TOP = 66;
    static final double PLOT_BOTTOM = 538;
    static final double MAX_PLOT_RIGHT = 840;
    static final double MIN_PLOT_LEFT = 64;

    static final String EMPTY_FRONTIER = "No bundle is ratified by both sides";
    static final String NO_DEAL = "no deal";

    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
    static final String FRONTIER_COLOUR = "#1f5fa8";
    static final String SOLUTION_COLOUR = "#c8323c";
    static final String REFERENCE_COLOUR = "#6a3d9a";
    static final String ZONE_COLOUR = "#2e9e5b";

    private FrontierChart() {}

    /** The chart as a standalone SVG document (XML declaration included). */
    public static String svg(Chart chart) {
        Objects.requireNonNull(chart, "chart");
        return new ChartRenderer(new Plot(chart)).render();
    }

    /** {@code s} if it has at most {@code max} code points, else its first max − 1 and an ellipsis. */
    public static String truncate(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, max - 1))) + "\u2026";
    }

    private static void checkCoordinate(double v, String name) {
        if (!Double.isFinite(v) || Math.abs(v) > MAX_COORDINATE) {
            throw new IllegalArgumentException(
                    name + " must be finite and at most " + MAX_COORDINATE + " in magnitude, was " + v);
        }
    }
}
