package dev.dealeval.presentation.chart;

import static dev.dealeval.presentation.chart.SvgText.plain;

/** Shapes drawn in more than one place (on the plot and in the legend), their coordinates to two decimals. */
final class Shapes {
    private Shapes() {}

    /** Appends a {@code <line>} from (x1, y1) to (x2, y2), its coordinates already written. */
    static void line(StringBuilder out, String x1, String y1, String x2, String y2) {
        out.append("<line x1=\"")
                .append(x1)
                .append("\" y1=\"")
                .append(y1)
                .append("\" x2=\"")
                .append(x2)
                .append("\" y2=\"")
                .append(y2)
                .append("\"/>\n");
    }

    /** Path data of the segment from (x1, y1) to (x2, y2). */
    static String segment(double x1, double y1, double x2, double y2) {
        return "M" + plain(x1) + ' ' + plain(y1) + 'L' + plain(x2) + ' ' + plain(y2);
    }

    /** Path data of an X of half-size {@code s} centred on (x, y): the no-deal mark. */
    static String cross(double x, double y, double s) {
        return "M" + plain(x - s) + ' ' + plain(y - s) + 'L' + plain(x + s) + ' ' + plain(y + s) + 'M' + plain(x - s)
                + ' ' + plain(y + s) + 'L' + plain(x + s) + ' ' + plain(y - s);
    }

    /** Polygon points of a diamond of half-diagonal {@code d} centred on (x, y), from the top clockwise. */
    static String diamond(double x, double y, double d) {
        return plain(x)
                + ','
                + plain(y - d)
                + ' '
                + plain(x + d)
                + ','
                + plain(y)
                + ' '
                + plain(x)
                + ','
                + plain(y + d)
                + ' '
                + plain(x - d)
                + ','
                + plain(y);
    }
}
