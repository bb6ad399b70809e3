package dev.dealeval.domain.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    private static final String[] TRAJECTORY_COLOURS = {"#d97706", "#0f8b8d"};

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

    private static final int X_INTERVALS = 8;
    private static final int Y_INTERVALS = 6;
    private static final double MIN_SPAN = 0.1;
    private static final double PADDING = 0.05;
    private static final int LABEL_CHARS = 60;

    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
    private static final String FRONTIER_COLOUR = "#1f5fa8";
    private static final String SOLUTION_COLOUR = "#c8323c";
    private static final String REFERENCE_COLOUR = "#6a3d9a";
    private static final String ZONE_COLOUR = "#2e9e5b";

    private FrontierChart() {}

    /** The chart as a standalone SVG document (XML declaration included). */
    public static String svg(Chart chart) {
        Objects.requireNonNull(chart, "chart");
        return new Renderer(chart).render();
    }

    private static void checkCoordinate(double v, String name) {
        if (!Double.isFinite(v) || Math.abs(v) > MAX_COORDINATE) {
            throw new IllegalArgumentException(
                    name + " must be finite and at most " + MAX_COORDINATE + " in magnitude, was " + v);
        }
    }

    // ------------------------------------------------------------------------------------------------ axes

    /** An axis from {@code first·step} to {@code last·step}; the step is {@code k·10^exponent}, k ∈ {1, 2, 5}. */
    record Axis(long first, long last, int k, int exponent) {

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
            if (normalised <= 1 + 1e-9) {
                k = 1;
            } else if (normalised <= 2 + 1e-9) {
                k = 2;
            } else if (normalised <= 5 + 1e-9) {
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

    // ------------------------------------------------------------------------------------------- rendering

    /** A rectangle in pixels. */
    private record Box(double left, double top, double right, double bottom) {
        double overlap(Box o) {
            double w = Math.min(right, o.right) - Math.max(left, o.left);
            double h = Math.min(bottom, o.bottom) - Math.max(top, o.top);
            return w > 0 && h > 0 ? w * h : 0;
        }

        double area() {
            return (right - left) * (bottom - top);
        }

        boolean contains(double x, double y, double margin) {
            return x >= left - margin && x <= right + margin && y >= top - margin && y <= bottom + margin;
        }

        Box grow(double d) {
            return new Box(left - d, top - d, right + d, bottom + d);
        }
    }

    /** Marks sharing a position (to two decimals): one marker, one joined label. */
    private record Group(double us, double cn, String label) {
        static List<Group> of(List<Mark> marks) {
            Map<String, double[]> position = new LinkedHashMap<>();
            Map<String, Set<String>> labels = new LinkedHashMap<>();
            for (Mark m : marks) {
                String key = plain(m.us()) + "," + plain(m.cn());
                position.putIfAbsent(key, new double[] {m.us(), m.cn()});
                String label = clean(m.label());
                Set<String> set = labels.computeIfAbsent(key, x -> new LinkedHashSet<>());
                if (!label.isEmpty()) {
                    set.add(label);
                }
            }
            List<Group> groups = new ArrayList<>();
            for (Map.Entry<String, double[]> e : position.entrySet()) {
                groups.add(new Group(e.getValue()[0], e.getValue()[1], String.join(" = ", labels.get(e.getKey()))));
            }
            return groups;
        }
    }

    private static final class Renderer {
        private static final double LABEL_FONT = 12;
        private static final double TICK_FONT = 11;
        private static final double SOLUTION_SIZE = 7;
        private static final double REFERENCE_RADIUS = 5.5;
        private static final double NO_DEAL_SIZE = 5;

        private final Chart chart;
        private final Axes axes;
        private final List<Point> frontier;
        private final List<Group> solutions;
        private final List<Group> references;
        private final Axis xAxis;
        private final Axis yAxis;
        private final double plotLeft;
        private final double plotRight;
        private final double dotRadius;
        private final StringBuilder out = new StringBuilder(4096);
        private final List<Box> obstacles = new ArrayList<>();
        private final List<double[]> dotPixels = new ArrayList<>();
        private final StringBuilder leaders = new StringBuilder();
        private final StringBuilder labels = new StringBuilder();

        Renderer(Chart chart) {
            this.chart = chart;
            this.axes = chart.axes();
            List<Point> sorted = new ArrayList<>(chart.frontier());
            sorted.sort(Comparator.comparingDouble(Point::us).thenComparing(Point::cn, Comparator.reverseOrder()));
            this.frontier = sorted;
            this.solutions = Group.of(chart.solutions());
            this.references = Group.of(chart.references());

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
            this.xAxis = Axis.covering(xMin, xMax, X_INTERVALS);
            this.yAxis = Axis.covering(yMin, yMax, Y_INTERVALS);

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

        String render() {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                    .append(WIDTH)
                    .append(' ')
                    .append(HEIGHT)
                    .append("\" width=\"")
                    .append(WIDTH)
                    .append("\" height=\"")
                    .append(HEIGHT)
                    .append("\" role=\"img\" font-family=\"")
                    .append(FONT)
                    .append("\">\n");
            out.append("<title>").append(escape(clean(chart.title()))).append("</title>\n");
            out.append("<desc>").append(escape(description())).append("</desc>\n");
            out.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"")
                    .append(WIDTH)
                    .append("\" height=\"")
                    .append(HEIGHT)
                    .append("\" fill=\"#fff\"/>\n");

            agreementZone();
            gridAndTicks();
            zeroLines();
            axisLabels();
            frontierLine();
            frontierDots();
            trajectories();
            emptyMessage();
            markers();
            placeLabels();
            out.append("<g class=\"leaders\" stroke=\"#777\" stroke-width=\"0.8\">\n")
                    .append(leaders)
                    .append("</g>\n");
            out.append("<g class=\"labels\" font-size=\"")
                    .append(plain(LABEL_FONT))
                    .append("\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\""
                            + " paint-order=\"stroke\">\n")
                    .append(labels)
                    .append("</g>\n");
            legend();
            title();
            out.append("</svg>\n");
            return out.toString();
        }

        private String description() {
            return "Pareto frontier of " + count(frontier.size(), "point") + ", "
                    + count(chart.solutions().size(), "bargaining solution") + " and "
                    + count(chart.references().size(), "reference bundle")
                    + " in (" + axes.x() + " surplus, " + axes.y()
                    + " surplus) space; the no-deal point is at the origin.";
        }

        private void agreementZone() {
            double x0 = px(0), y0 = py(0);
            out.append("<rect class=\"agreement-zone\" x=\"")
                    .append(plain(x0))
                    .append("\" y=\"")
                    .append(plain(PLOT_TOP))
                    .append("\" width=\"")
                    .append(plain(plotRight - x0))
                    .append("\" height=\"")
                    .append(plain(y0 - PLOT_TOP))
                    .append("\" fill=\"")
                    .append(ZONE_COLOUR)
                    .append("\" fill-opacity=\"0.08\"><title>Both sides gain: ")
                    .append(escape(axes.x()))
                    .append(" surplus &gt; 0 and ")
                    .append(escape(axes.y()))
                    .append(" surplus &gt; 0</title></rect>\n");
        }

        private void gridAndTicks() {
            StringBuilder grid = new StringBuilder();
            StringBuilder xTicks = new StringBuilder();
            StringBuilder yTicks = new StringBuilder();
            for (double t : xAxis.ticks()) {
                String x = plain(px(t));
                grid.append("<line x1=\"")
                        .append(x)
                        .append("\" y1=\"")
                        .append(plain(PLOT_TOP))
                        .append("\" x2=\"")
                        .append(x)
                        .append("\" y2=\"")
                        .append(plain(PLOT_BOTTOM))
                        .append("\"/>\n");
                xTicks.append("<text x=\"")
                        .append(x)
                        .append("\" y=\"")
                        .append(plain(PLOT_BOTTOM + 18))
                        .append("\">")
                        .append(escape(human(t)))
                        .append("</text>\n");
            }
            for (double t : yAxis.ticks()) {
                String y = plain(py(t));
                grid.append("<line x1=\"")
                        .append(plain(plotLeft))
                        .append("\" y1=\"")
                        .append(y)
                        .append("\" x2=\"")
                        .append(plain(plotRight))
                        .append("\" y2=\"")
                        .append(y)
                        .append("\"/>\n");
                yTicks.append("<text x=\"")
                        .append(plain(plotLeft - 7))
                        .append("\" y=\"")
                        .append(y)
                        .append("\" dy=\"0.35em\">")
                        .append(escape(human(t)))
                        .append("</text>\n");
            }
            out.append("<g class=\"grid\" stroke=\"#e2e2e2\" stroke-width=\"1\">\n")
                    .append(grid)
                    .append("</g>\n");
            out.append("<rect class=\"plot-frame\" x=\"")
                    .append(plain(plotLeft))
                    .append("\" y=\"")
                    .append(plain(PLOT_TOP))
                    .append("\" width=\"")
                    .append(plain(plotRight - plotLeft))
                    .append("\" height=\"")
                    .append(plain(PLOT_BOTTOM - PLOT_TOP))
                    .append("\" fill=\"none\" stroke=\"#9a9a9a\"/>\n");
            out.append("<g class=\"x-ticks\" font-size=\"")
                    .append(plain(TICK_FONT))
                    .append("\" fill=\"#444\" text-anchor=\"middle\">\n")
                    .append(xTicks)
                    .append("</g>\n");
            out.append("<g class=\"y-ticks\" font-size=\"")
                    .append(plain(TICK_FONT))
                    .append("\" fill=\"#444\" text-anchor=\"end\">\n")
                    .append(yTicks)
                    .append("</g>\n");
        }

        private void zeroLines() {
            String x0 = plain(px(0)), y0 = plain(py(0));
            out.append("<g class=\"zero-lines\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\">\n");
            out.append("<line x1=\"")
                    .append(x0)
                    .append("\" y1=\"")
                    .append(plain(PLOT_TOP))
                    .append("\" x2=\"")
                    .append(x0)
                    .append("\" y2=\"")
                    .append(plain(PLOT_BOTTOM))
                    .append("\"/>\n");
            out.append("<line x1=\"")
                    .append(plain(plotLeft))
                    .append("\" y1=\"")
                    .append(y0)
                    .append("\" x2=\"")
                    .append(plain(plotRight))
                    .append("\" y2=\"")
                    .append(y0)
                    .append("\"/>\n");
            out.append("</g>\n");
        }

        private void axisLabels() {
            double midX = (plotLeft + plotRight) / 2, midY = (PLOT_TOP + PLOT_BOTTOM) / 2;
            out.append("<text class=\"axis-label x-label\" x=\"")
                    .append(plain(midX))
                    .append("\" y=\"")
                    .append(HEIGHT - 16)
                    .append("\" font-size=\"13\" fill=\"#222\" text-anchor=\"middle\">")
                    .append(escape(axes.x() + " surplus (" + axes.unit() + ")"))
                    .append("</text>\n");
            out.append("<text class=\"axis-label y-label\" transform=\"translate(20,")
                    .append(plain(midY))
                    .append(") rotate(-90)\" font-size=\"13\" fill=\"#222\" text-anchor=\"middle\">")
                    .append(escape(axes.y() + " surplus (" + axes.unit() + ")"))
                    .append("</text>\n");
        }

        private void frontierLine() {
            if (frontier.isEmpty()) {
                return;
            }
            StringBuilder d = new StringBuilder();
            Point first = frontier.get(0);
            d.append('M').append(plain(px(first.us()))).append(' ').append(plain(py(first.cn())));
            for (int i = 1; i < frontier.size(); i++) {
                Point p = frontier.get(i);
                d.append('V').append(plain(py(p.cn()))).append('H').append(plain(px(p.us())));
            }
            out.append("<path class=\"frontier-line\" d=\"")
                    .append(d)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(FRONTIER_COLOUR)
                    .append("\" stroke-opacity=\"0.55\" stroke-width=\"1.4\"" + " stroke-linejoin=\"round\"/>\n");
        }

        private void frontierDots() {
            out.append("<g class=\"frontier-dots\" fill=\"")
                    .append(FRONTIER_COLOUR)
                    .append("\">\n");
            String r = plain(dotRadius);
            for (Point p : frontier) {
                double x = px(p.us()), y = py(p.cn());
                dotPixels.add(new double[] {x, y});
                out.append("<circle cx=\"")
                        .append(plain(x))
                        .append("\" cy=\"")
                        .append(plain(y))
                        .append("\" r=\"")
                        .append(r)
                        .append("\"><title>")
                        .append(coordinates(p.us(), p.cn()))
                        .append("</title></circle>\n");
            }
            out.append("</g>\n");
        }

        private void emptyMessage() {
            if (!frontier.isEmpty()) {
                return;
            }
            double x = (plotLeft + plotRight) / 2, baseline = PLOT_TOP + 30;
            double w = textWidth(EMPTY_FRONTIER, 15);
            obstacles.add(new Box(x - w / 2, baseline - 13, x + w / 2, baseline + 4).grow(2));
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
            for (Group g : references) {
                double x = px(g.us()), y = py(g.cn());
                obstacles.add(square(x, y, REFERENCE_RADIUS + 1));
                out.append("<circle cx=\"")
                        .append(plain(x))
                        .append("\" cy=\"")
                        .append(plain(y))
                        .append("\" r=\"")
                        .append(plain(REFERENCE_RADIUS))
                        .append("\"><title>")
                        .append(tooltip(g))
                        .append("</title></circle>\n");
            }
            out.append("</g>\n");

            double x0 = px(0), y0 = py(0), s = NO_DEAL_SIZE;
            obstacles.add(square(x0, y0, s + 1));
            out.append("<g class=\"no-deal\"><path d=\"M")
                    .append(plain(x0 - s))
                    .append(' ')
                    .append(plain(y0 - s))
                    .append('L')
                    .append(plain(x0 + s))
                    .append(' ')
                    .append(plain(y0 + s))
                    .append('M')
                    .append(plain(x0 - s))
                    .append(' ')
                    .append(plain(y0 + s))
                    .append('L')
                    .append(plain(x0 + s))
                    .append(' ')
                    .append(plain(y0 - s))
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
                    .append(escape(axes.x()))
                    .append(" 0, ")
                    .append(escape(axes.y()))
                    .append(" 0</title></circle></g>\n");

            out.append("<g class=\"solutions\" fill=\"")
                    .append(SOLUTION_COLOUR)
                    .append("\" stroke=\"#fff\" stroke-width=\"1.2\">\n");
            for (Group g : solutions) {
                double x = px(g.us()), y = py(g.cn()), d = SOLUTION_SIZE;
                obstacles.add(square(x, y, d));
                out.append("<polygon points=\"")
                        .append(plain(x))
                        .append(',')
                        .append(plain(y - d))
                        .append(' ')
                        .append(plain(x + d))
                        .append(',')
                        .append(plain(y))
                        .append(' ')
                        .append(plain(x))
                        .append(',')
                        .append(plain(y + d))
                        .append(' ')
                        .append(plain(x - d))
                        .append(',')
                        .append(plain(y))
                        .append("\"><title>")
                        .append(tooltip(g))
                        .append("</title></polygon>\n");
            }
            out.append("</g>\n");
        }

        private void placeLabels() {
            for (Group g : solutions) {
                place(g.label(), px(g.us()), py(g.cn()), SOLUTION_SIZE, "solution-label", SOLUTION_COLOUR);
            }
            for (Group g : references) {
                place(g.label(), px(g.us()), py(g.cn()), REFERENCE_RADIUS + 1, "reference-label", REFERENCE_COLOUR);
            }
            place(NO_DEAL, px(0), py(0), NO_DEAL_SIZE + 1, "no-deal-label", "#111");
        }

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

        private void place(String label, double mx, double my, double markerSize, String cssClass, String colour) {
            if (label.isEmpty()) {
                return;
            }
            String shown = truncate(label, LABEL_CHARS);
            double w = textWidth(shown, LABEL_FONT);
            Box plot = new Box(plotLeft + 2, PLOT_TOP + 2, plotRight - 2, PLOT_BOTTOM - 2);

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
                    cost += 100 * (box.area() - box.overlap(plot));
                    for (double[] dot : dotPixels) {
                        if (box.contains(dot[0], dot[1], dotRadius)) {
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
                    leaders.append("<line x1=\"")
                            .append(plain(sx))
                            .append("\" y1=\"")
                            .append(plain(sy))
                            .append("\" x2=\"")
                            .append(plain(nx))
                            .append("\" y2=\"")
                            .append(plain(ny))
                            .append("\"/>\n");
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

        /**
         * Each trajectory as a thin path through its points in order, a dot at each distinct point and
         * the last one ringed; the tooltip of a dot says whose offer it is, its position and where it lies.
         */
        private void trajectories() {
            for (int k = 0; k < chart.trajectories().size(); k++) {
                Trajectory t = chart.trajectories().get(k);
                if (t.points().isEmpty()) {
                    continue;
                }
                String colour = TRAJECTORY_COLOURS[k];
                out.append("<g class=\"trajectory\">\n<path d=\"");
                for (int i = 0; i < t.points().size(); i++) {
                    Point p = t.points().get(i);
                    out.append(i == 0 ? 'M' : 'L')
                            .append(plain(px(p.us())))
                            .append(' ')
                            .append(plain(py(p.cn())));
                }
                out.append("\" fill=\"none\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-opacity=\"0.7\" stroke-width=\"1.2\"/>\n");
                java.util.Set<Point> drawn = new java.util.HashSet<>();
                for (int i = 0; i < t.points().size(); i++) {
                    Point p = t.points().get(i);
                    boolean last = i == t.points().size() - 1;
                    if (drawn.add(p) || last) {
                        out.append("<circle cx=\"")
                                .append(plain(px(p.us())))
                                .append("\" cy=\"")
                                .append(plain(py(p.cn())))
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
                                .append(coordinates(p.us(), p.cn()))
                                .append("</title></circle>\n");
                    }
                }
                out.append("</g>\n");
            }
        }

        private void legend() {
            double baseline = 52, mid = baseline - 4;
            List<String> texts = new ArrayList<>();
            List<Double> symbolWidths = new ArrayList<>();
            for (Trajectory t : chart.trajectories()) {
                texts.add(truncate(clean(t.label()), 16));
                symbolWidths.add(22.0);
            }
            if (!frontier.isEmpty()) {
                texts.add("Pareto frontier (" + count(frontier.size(), "point") + ")");
                symbolWidths.add(26.0);
            }
            if (!solutions.isEmpty()) {
                texts.add("bargaining solution");
                symbolWidths.add(20.0);
            }
            if (!references.isEmpty()) {
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
            double x = Math.max(10, Math.min(plotLeft, WIDTH - 10 - total));

            StringBuilder g = new StringBuilder();
            g.append("<g class=\"legend\" font-size=\"12\" fill=\"#333\">\n");
            int item = 0;
            for (int k = 0; k < chart.trajectories().size(); k++) {
                g.append("<path d=\"M")
                        .append(plain(x))
                        .append(' ')
                        .append(plain(mid + 4))
                        .append('L')
                        .append(plain(x + 14))
                        .append(' ')
                        .append(plain(mid - 4))
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
            if (!frontier.isEmpty()) {
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
            if (!solutions.isEmpty()) {
                double cx = x + 7, d = 6;
                g.append("<polygon points=\"")
                        .append(plain(cx))
                        .append(',')
                        .append(plain(mid - d))
                        .append(' ')
                        .append(plain(cx + d))
                        .append(',')
                        .append(plain(mid))
                        .append(' ')
                        .append(plain(cx))
                        .append(',')
                        .append(plain(mid + d))
                        .append(' ')
                        .append(plain(cx - d))
                        .append(',')
                        .append(plain(mid))
                        .append("\" fill=\"")
                        .append(SOLUTION_COLOUR)
                        .append("\"/>\n");
                x = legendText(g, x, symbolWidths.get(item), texts.get(item++), baseline);
            }
            if (!references.isEmpty()) {
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
            g.append("<path d=\"M")
                    .append(plain(cx - s))
                    .append(' ')
                    .append(plain(mid - s))
                    .append('L')
                    .append(plain(cx + s))
                    .append(' ')
                    .append(plain(mid + s))
                    .append('M')
                    .append(plain(cx - s))
                    .append(' ')
                    .append(plain(mid + s))
                    .append('L')
                    .append(plain(cx + s))
                    .append(' ')
                    .append(plain(mid - s))
                    .append("\" stroke=\"#111\" stroke-width=\"2\"/>\n");
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
        private double legendText(StringBuilder g, double x, double symbolWidth, String text, double baseline) {
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
        private static double legendAdvance(String text) {
            return textWidth(text, 12) * 0.55 / 0.6 + 16;
        }

        private void title() {
            String title = clean(chart.title());
            double size = 16;
            double available = WIDTH - 40;
            double width = textWidth(title, size);
            if (width > available) {
                size = Math.max(11, Math.floor(size * available / width * 10) / 10);
            }
            String shown = truncate(title, (int) (available / (0.6 * size)));
            out.append("<text class=\"chart-title\" x=\"")
                    .append(WIDTH / 2)
                    .append("\" y=\"28\" font-size=\"")
                    .append(plain(size))
                    .append("\" font-weight=\"bold\" fill=\"#111\" text-anchor=\"middle\">")
                    .append(escape(shown));
            if (!shown.equals(title)) {
                out.append("<title>").append(escape(title)).append("</title>");
            }
            out.append("</text>\n");
        }

        private static Box square(double x, double y, double half) {
            return new Box(x - half, y - half, x + half, y + half);
        }

        private String tooltip(Group g) {
            String coordinates = coordinates(g.us(), g.cn());
            return g.label().isEmpty() ? coordinates : escape(g.label()) + ": " + coordinates;
        }

        private String coordinates(double us, double cn) {
            return escape(axes.x()) + " " + human(us) + ", " + escape(axes.y()) + " " + human(cn);
        }

        private static String count(int n, String noun) {
            return human(n) + " " + noun + (n == 1 ? "" : "s");
        }
    }

    // ----------------------------------------------------------------------------------------------- text

    /** {@code v} rounded half-up to at most two decimals, ASCII digits, no exponent, no "-0". */
    static String plain(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /** Like {@link #plain} with the integer part grouped by commas: -1234.5 → "-1,234.5". */
    static String human(double v) {
        String s = plain(v);
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + grouped + fraction;
    }

    /** {@code s} if it has at most {@code max} code points, else its first max − 1 and an ellipsis. */
    public static String truncate(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, max - 1))) + "\u2026";
    }

    /** Runs of whitespace and control characters become one space; ends trimmed. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * XML text and attribute escaping: markup characters as entities, non-ASCII as numeric references,
     * characters XML 1.0 forbids (and lone surrogates) as U+FFFD.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    boolean allowed = cp == 0x9
                            || cp == 0xA
                            || cp == 0xD
                            || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD)
                            || cp >= 0x10000;
                    if (!allowed) {
                        b.append("&#xFFFD;");
                    } else if (cp < 0x80) {
                        b.append((char) cp);
                    } else {
                        b.append("&#x")
                                .append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT))
                                .append(';');
                    }
                }
            }
        }
        return b.toString();
    }

    /** A deliberately generous estimate of rendered text width: 0.6 em per character, 1 em for wide scripts. */
    static double textWidth(String s, double fontSize) {
        double em = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            em += cp >= 0x2E80 && cp <= 0xFFDC || cp >= 0x1F000 ? 1.0 : 0.6;
        }
        return em * fontSize;
    }
}
