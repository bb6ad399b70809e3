package dev.dealeval.presentation.chart;

import static dev.dealeval.presentation.chart.FrontierChart.FONT;
import static dev.dealeval.presentation.chart.FrontierChart.HEIGHT;
import static dev.dealeval.presentation.chart.FrontierChart.PLOT_BOTTOM;
import static dev.dealeval.presentation.chart.FrontierChart.PLOT_TOP;
import static dev.dealeval.presentation.chart.FrontierChart.WIDTH;
import static dev.dealeval.presentation.chart.FrontierChart.ZONE_COLOUR;
import static dev.dealeval.presentation.chart.Plot.TICK_FONT;
import static dev.dealeval.presentation.chart.SvgText.clean;
import static dev.dealeval.presentation.chart.SvgText.count;
import static dev.dealeval.presentation.chart.SvgText.escape;
import static dev.dealeval.presentation.chart.SvgText.human;
import static dev.dealeval.presentation.chart.SvgText.plain;
import static dev.dealeval.presentation.chart.SvgText.textWidth;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Writes the SVG document: its header, the frame around the data (agreement zone, grid and ticks, zero lines,
 * axis labels), then the data ({@link DataMarks}), their labels, the legend and the title, in that order
 * (later elements are drawn on top).
 */
final class ChartRenderer {
    private final Plot plot;
    private final StringBuilder out = new StringBuilder(4096);

    ChartRenderer(Plot plot) {
        this.plot = plot;
    }

    String render() {
        open(out, WIDTH, HEIGHT, plot.chart.title(), description());
        agreementZone();
        gridAndTicks();
        zeroLines();
        axisLabels();
        LabelPlacer placer = new LabelPlacer(plot);
        new DataMarks(plot, placer, out).draw();
        placer.appendTo(out);
        Legend.append(plot, out);
        title(out, plot.chart.title(), WIDTH);
        out.append("</svg>\n");
        return out.toString();
    }

    /**
     * Starts a standalone SVG document of {@code width × height}: the XML declaration, the root element (an
     * image to assistive technology), its title and description, and a white background.
     */
    static void open(StringBuilder out, int width, int height, String title, String description) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" font-family=\"")
                .append(FONT)
                .append("\">\n");
        out.append("<title>").append(escape(clean(title))).append("</title>\n");
        out.append("<desc>").append(escape(description)).append("</desc>\n");
        out.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"#fff\"/>\n");
    }

    private String description() {
        return "Pareto frontier of " + count(plot.frontier.size(), "point") + ", "
                + count(plot.chart.solutions().size(), "bargaining solution") + " and "
                + count(plot.chart.references().size(), "reference bundle")
                + " in (" + plot.axes.x() + " surplus, " + plot.axes.y()
                + " surplus) space; the no-deal point is at the origin.";
    }

    private void agreementZone() {
        double x0 = plot.px(0), y0 = plot.py(0);
        out.append("<rect class=\"agreement-zone\" x=\"")
                .append(plain(x0))
                .append("\" y=\"")
                .append(plain(PLOT_TOP))
                .append("\" width=\"")
                .append(plain(plot.plotRight - x0))
                .append("\" height=\"")
                .append(plain(y0 - PLOT_TOP))
                .append("\" fill=\"")
                .append(ZONE_COLOUR)
                .append("\" fill-opacity=\"0.08\"><title>Both sides gain: ")
                .append(escape(plot.axes.x()))
                .append(" surplus &gt; 0 and ")
                .append(escape(plot.axes.y()))
                .append(" surplus &gt; 0</title></rect>\n");
    }

    private void gridAndTicks() {
        gridAndTicks(
                out,
                plot.xAxis.ticks(),
                plot::px,
                plot.yAxis.ticks(),
                plot::py,
                new Box(plot.plotLeft, PLOT_TOP, plot.plotRight, PLOT_BOTTOM));
    }

    /**
     * The grid lines at the ticks, the plot's frame and the tick labels (x below the plot, y to its left), each
     * label's x (y) attribute the pixel of its value.
     */
    static void gridAndTicks(
            StringBuilder out,
            List<Double> xs,
            DoubleUnaryOperator px,
            List<Double> ys,
            DoubleUnaryOperator py,
            Box area) {
        StringBuilder grid = new StringBuilder();
        StringBuilder xTicks = new StringBuilder();
        StringBuilder yTicks = new StringBuilder();
        for (double t : xs) {
            String x = plain(px.applyAsDouble(t));
            Shapes.line(grid, x, plain(area.top()), x, plain(area.bottom()));
            xTicks.append("<text x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(plain(area.bottom() + 18))
                    .append("\">")
                    .append(escape(human(t)))
                    .append("</text>\n");
        }
        for (double t : ys) {
            String y = plain(py.applyAsDouble(t));
            Shapes.line(grid, plain(area.left()), y, plain(area.right()), y);
            yTicks.append("<text x=\"")
                    .append(plain(area.left() - 7))
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
                .append(plain(area.left()))
                .append("\" y=\"")
                .append(plain(area.top()))
                .append("\" width=\"")
                .append(plain(area.right() - area.left()))
                .append("\" height=\"")
                .append(plain(area.bottom() - area.top()))
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
        String x0 = plain(plot.px(0)), y0 = plain(plot.py(0));
        out.append("<g class=\"zero-lines\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\">\n");
        Shapes.line(out, x0, plain(PLOT_TOP), x0, plain(PLOT_BOTTOM));
        Shapes.line(out, plain(plot.plotLeft), y0, plain(plot.plotRight), y0);
        out.append("</g>\n");
    }

    private void axisLabels() {
        axisLabels(
                out,
                new Box(plot.plotLeft, PLOT_TOP, plot.plotRight, PLOT_BOTTOM),
                HEIGHT - 16,
                plot.axes.x() + " surplus (" + plot.axes.unit() + ")",
                plot.axes.y() + " surplus (" + plot.axes.unit() + ")");
    }

    /** The axes' labels: x centred under the plot on {@code xBaseline}, y rotated at x = 20 beside it. */
    static void axisLabels(StringBuilder out, Box area, double xBaseline, String x, String y) {
        double midX = (area.left() + area.right()) / 2, midY = (area.top() + area.bottom()) / 2;
        out.append("<text class=\"axis-label x-label\" x=\"")
                .append(plain(midX))
                .append("\" y=\"")
                .append(plain(xBaseline))
                .append("\" font-size=\"13\" fill=\"#222\" text-anchor=\"middle\">")
                .append(escape(x))
                .append("</text>\n");
        out.append("<text class=\"axis-label y-label\" transform=\"translate(20,")
                .append(plain(midY))
                .append(") rotate(-90)\" font-size=\"13\" fill=\"#222\" text-anchor=\"middle\">")
                .append(escape(y))
                .append("</text>\n");
    }

    /** The chart's title, centred on baseline y = 28 of a picture {@code width} wide; its font shrinks to fit. */
    static void title(StringBuilder out, String text, int pictureWidth) {
        String title = clean(text);
        double size = 16;
        double available = pictureWidth - 40;
        double width = textWidth(title, size);
        if (width > available) {
            size = Math.max(11, Math.floor(size * available / width * 10) / 10);
        }
        String shown = FrontierChart.truncate(title, (int) (available / (0.6 * size)));
        out.append("<text class=\"chart-title\" x=\"")
                .append(pictureWidth / 2)
                .append("\" y=\"28\" font-size=\"")
                .append(plain(size))
                .append("\" font-weight=\"bold\" fill=\"#111\" text-anchor=\"middle\">")
                .append(escape(shown));
        if (!shown.equals(title)) {
            out.append("<title>").append(escape(title)).append("</title>");
        }
        out.append("</text>\n");
    }
}
