package dev.dealeval.presentation.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.presentation.chart.FrontierChart.Chart;
import dev.dealeval.presentation.chart.FrontierChart.Mark;
import dev.dealeval.presentation.chart.FrontierChart.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class FrontierChartTest {
    private static final String SVG_NS = SvgDocuments.SVG_NS;
    private static final String TITLE =
            "Deal space: default profile, GENEVA_2025 \u2014 1,152,000 bundles, 31,204 feasible";

    /** A staircase frontier from (−3.2, 14) to (17.9, −1.5), i.e. x data −3.2 … 17.9. */
    private static List<Point> frontier() {
        return List.of(
                new Point(-3.2, 14.0),
                new Point(1.0, 12.5),
                new Point(4.4, 9.75),
                new Point(8.0, 7.0),
                new Point(11.3, 4.2),
                new Point(15.0, 1.1),
                new Point(17.9, -1.5));
    }

    private static Chart chart() {
        return new Chart(
                TITLE,
                frontier(),
                List.of(
                        new Mark("Nash", 8.0, 7.0), new Mark("Kalai\u2013Smorodinsky", 4.4, 9.75),
                        new Mark("egalitarian", 4.4, 9.75), new Mark("utilitarian", 8.0, 7.0)),
                List.of(new Mark("status quo plus", 2.0, 3.0), new Mark("U.S. ask", 16.0, -6.0)));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Document parse(String svg) throws Exception {
        return SvgDocuments.parse(svg);
    }

    private static List<Element> in(Document doc, String group, String name) {
        return SvgDocuments.in(doc, group, name);
    }

    /** Text of every SVG {@code <text>} element (own text, without nested tooltips). */
    private static List<String> texts(Document doc) {
        List<String> texts = new ArrayList<>();
        NodeList ts = doc.getElementsByTagNameNS(SVG_NS, "text");
        for (int i = 0; i < ts.getLength(); i++) {
            StringBuilder b = new StringBuilder();
            NodeList children = ts.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j).getNodeType() == Node.TEXT_NODE) {
                    b.append(children.item(j).getNodeValue());
                }
            }
            texts.add(b.toString());
        }
        return texts;
    }

    private static Element withClass(Document doc, String name, String cssClass) {
        NodeList es = doc.getElementsByTagNameNS(SVG_NS, name);
        for (int i = 0; i < es.getLength(); i++) {
            Element e = (Element) es.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                return e;
            }
        }
        return null;
    }

    /** Tick values and their pixel positions (x attribute for x ticks, y for y ticks). */
    private record Tick(double value, double pixel) {}

    private static List<Tick> ticks(Document doc, String axis) {
        List<Tick> ticks = new ArrayList<>();
        for (Element t : in(doc, axis + "-ticks", "text")) {
            ticks.add(new Tick(
                    Double.parseDouble(t.getTextContent().replace(",", "")), Double.parseDouble(t.getAttribute(axis))));
        }
        return ticks;
    }

    private static List<Double> values(List<Tick> ticks) {
        List<Double> v = new ArrayList<>();
        ticks.forEach(t -> v.add(t.value()));
        return v;
    }

    /** The documented mapping inverted: the first and last ticks are the ends of the axis. */
    private static double toData(List<Tick> ticks, double pixel) {
        Tick a = ticks.get(0), b = ticks.get(ticks.size() - 1);
        return a.value() + (pixel - a.pixel()) * (b.value() - a.value()) / (b.pixel() - a.pixel());
    }

    private static boolean isNiceStep(double step) {
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        for (double nice : new double[] {1, 2, 5}) {
            if (Math.abs(mantissa - nice) < 1e-6) {
                return true;
            }
        }
        return false;
    }

    private static void assertNiceTicks(List<Double> ticks) {
        assertTrue(ticks.size() >= 3, () -> "too few ticks " + ticks);
        double step = ticks.get(1) - ticks.get(0);
        assertTrue(isNiceStep(step), () -> "not a 1/2/5 step: " + ticks);
        for (int i = 0; i < ticks.size(); i++) {
            double t = ticks.get(i);
            assertEquals(ticks.get(0) + i * step, t, step * 1e-6, () -> "uneven ticks " + ticks);
            assertEquals(Math.round(t / step) * step, t, step * 1e-6, () -> "tick off the step grid " + ticks);
        }
        assertTrue(ticks.contains(0.0), () -> "no 0 tick in " + ticks);
    }

    // -------------------------------------------------------------------------------------------- tests

    @Test
    void isAStandaloneSvgDocumentWithTitleAndAxisLabels() throws Exception {
        String svg = FrontierChart.svg(chart());
        assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("0 0 860 600", root.getAttribute("viewBox"));
        assertEquals("860", root.getAttribute("width"));
        assertEquals("600", root.getAttribute("height"));

        List<String> texts = texts(doc);
        assertTrue(texts.contains("U.S. surplus (utility points)"), texts::toString);
        assertTrue(texts.contains("China surplus (utility points)"), texts::toString);
        assertTrue(texts.contains(TITLE), texts::toString);
        assertTrue(texts.contains("no deal"), texts::toString);
        assertEquals(TITLE, withClass(doc, "text", "chart-title").getTextContent());
    }

    @Test
    void drawsOneDotPerFrontierPointAndAStaircaseThroughThem() throws Exception {
        Document doc = parse(FrontierChart.svg(chart()));
        List<Element> dots = in(doc, "frontier-dots", "circle");
        assertEquals(frontier().size(), dots.size());
        // Every dot has a tooltip with its coordinates.
        for (Element dot : dots) {
            assertTrue(dot.getTextContent().startsWith("U.S. "), dot::getTextContent);
        }
        // Staircase: one move, then a V and an H per further point.
        String d = withClass(doc, "path", "frontier-line").getAttribute("d");
        assertEquals(frontier().size() - 1, d.chars().filter(c -> c == 'V').count());
        assertEquals(frontier().size() - 1, d.chars().filter(c -> c == 'H').count());
        // Dots are in increasing U.S.-surplus order.
        double previous = Double.NEGATIVE_INFINITY;
        for (Element dot : dots) {
            double cx = Double.parseDouble(dot.getAttribute("cx"));
            assertTrue(cx > previous);
            previous = cx;
        }
    }

    @Test
    void ticksAreNiceAndIncludeZero() throws Exception {
        Document doc = parse(FrontierChart.svg(chart()));
        // Documented example: x data from −3.2 to 17.9 (the references lie inside that range).
        assertEquals(List.of(-5.0, 0.0, 5.0, 10.0, 15.0, 20.0), values(ticks(doc, "x")));
        // y data from −6 (a reference) to 14.
        assertEquals(List.of(-10.0, -5.0, 0.0, 5.0, 10.0, 15.0), values(ticks(doc, "y")));
        assertNiceTicks(values(ticks(doc, "x")));
        assertNiceTicks(values(ticks(doc, "y")));
    }

    @Test
    void zeroIsATickEvenWhenAllDataArePositiveOrHuge() throws Exception {
        Chart far = new Chart("far", List.of(new Point(40, 55), new Point(47, 51.5)), List.of(), List.of());
        Document doc = parse(FrontierChart.svg(far));
        assertNiceTicks(values(ticks(doc, "x")));
        assertNiceTicks(values(ticks(doc, "y")));
        // The padding puts one step below 0, so the no-deal point sits inside the frame, not on it.
        List<Double> x = values(ticks(doc, "x")), y = values(ticks(doc, "y"));
        assertEquals(0.0, x.get(1), x::toString);
        assertEquals(0.0, y.get(1), y::toString);

        Chart big = new Chart("big", List.of(new Point(-120, 2400), new Point(98_765, -3)), List.of(), List.of());
        Document bigDoc = parse(FrontierChart.svg(big));
        assertNiceTicks(values(ticks(bigDoc, "x")));
        assertNiceTicks(values(ticks(bigDoc, "y")));
        assertTrue(texts(bigDoc).contains("100,000"), () -> texts(bigDoc).toString());

        Chart tiny = new Chart("tiny", List.of(new Point(0.003, 0.001)), List.of(), List.of());
        List<Double> tinyTicks = values(ticks(parse(FrontierChart.svg(tiny)), "x"));
        assertNiceTicks(tinyTicks);
        assertTrue(tinyTicks.get(1) - tinyTicks.get(0) >= 0.01, tinyTicks::toString);
    }

    @Test
    void axesCoverEveryPointAndMarkWithPadding() throws Exception {
        Document doc = parse(FrontierChart.svg(chart()));
        List<Double> x = values(ticks(doc, "x")), y = values(ticks(doc, "y"));
        double xMin = x.get(0), xMax = x.get(x.size() - 1), yMin = y.get(0), yMax = y.get(y.size() - 1);
        List<double[]> all = new ArrayList<>();
        frontier().forEach(p -> all.add(new double[] {p.us(), p.cn()}));
        chart().solutions().forEach(m -> all.add(new double[] {m.us(), m.cn()}));
        chart().references().forEach(m -> all.add(new double[] {m.us(), m.cn()}));
        for (double[] p : all) {
            assertTrue(
                    p[0] > xMin && p[0] < xMax && p[1] > yMin && p[1] < yMax,
                    () -> p[0] + "," + p[1] + " outside " + x + " × " + y);
        }
    }

    @Test
    void markerPixelsMapBackToTheirData() throws Exception {
        Document doc = parse(FrontierChart.svg(chart()));
        List<Tick> x = ticks(doc, "x"), y = ticks(doc, "y");
        // Pixels are written with two decimals; 0.01 px is well under 0.001 utility points here.
        double tolerance = 1e-3;

        List<Element> dots = in(doc, "frontier-dots", "circle");
        List<Point> sorted = frontier(); // already in U.S.-surplus order
        for (int i = 0; i < dots.size(); i++) {
            assertEquals(
                    sorted.get(i).us(), toData(x, Double.parseDouble(dots.get(i).getAttribute("cx"))), tolerance);
            assertEquals(
                    sorted.get(i).cn(), toData(y, Double.parseDouble(dots.get(i).getAttribute("cy"))), tolerance);
        }

        List<Element> refs = in(doc, "references", "circle");
        assertEquals(2, refs.size());
        Element ask = refs.get(1);
        assertEquals(16.0, toData(x, Double.parseDouble(ask.getAttribute("cx"))), tolerance);
        assertEquals(-6.0, toData(y, Double.parseDouble(ask.getAttribute("cy"))), tolerance);
        assertTrue(ask.getTextContent().contains("U.S. ask: U.S. 16, China -6"), ask::getTextContent);

        // y grows upwards: larger China surplus, smaller pixel y.
        assertTrue(y.get(0).pixel() > y.get(y.size() - 1).pixel());
    }

    @Test
    void showsTheNoDealPointWithDashedZeroLinesAndTheShadedAgreementZone() throws Exception {
        Document doc = parse(FrontierChart.svg(chart()));
        List<Tick> x = ticks(doc, "x"), y = ticks(doc, "y");
        List<Element> zero = in(doc, "zero-lines", "line");
        assertEquals(2, zero.size());
        Element vertical = zero.get(0), horizontal = zero.get(1);
        assertEquals(0.0, toData(x, Double.parseDouble(vertical.getAttribute("x1"))), 1e-3);
        assertEquals(0.0, toData(y, Double.parseDouble(horizontal.getAttribute("y1"))), 1e-3);
        Element dashed = (Element) vertical.getParentNode();
        assertFalse(dashed.getAttribute("stroke-dasharray").isBlank());

        Element zone = withClass(doc, "rect", "agreement-zone");
        assertEquals(0.0, toData(x, Double.parseDouble(zone.getAttribute("x"))), 1e-3);
        double zoneBottom =
                Double.parseDouble(zone.getAttribute("y")) + Double.parseDouble(zone.getAttribute("height"));
        assertEquals(0.0, toData(y, zoneBottom), 1e-3);

        Element label = withClass(doc, "text", "no-deal-label");
        assertEquals("no deal", label.getTextContent());
    }

    @Test
    void coincidingSolutionsShareOneMarkerWithAJoinedLabel() throws Exception {
        Document doc = parse(FrontierChart.svg(chart()));
        List<Element> diamonds = in(doc, "solutions", "polygon");
        assertEquals(2, diamonds.size());
        List<String> solutionLabels = new ArrayList<>();
        for (Element t : in(doc, "labels", "text")) {
            if (t.getAttribute("class").equals("solution-label")) {
                solutionLabels.add(t.getTextContent());
            }
        }
        assertEquals(List.of("Nash = utilitarian", "Kalai\u2013Smorodinsky = egalitarian"), solutionLabels);
        assertTrue(diamonds.get(0).getTextContent().startsWith("Nash = utilitarian: U.S. 8, China 7"));
    }

    @Test
    void labelsOfNearbyMarksDoNotLandOnTheSameSpot() throws Exception {
        List<Mark> crowd = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            crowd.add(new Mark("solution number " + i, 5 + 0.05 * i, 5 - 0.05 * i));
        }
        Document doc = parse(FrontierChart.svg(new Chart("crowd", frontier(), crowd, List.of())));
        List<Element> labels = in(doc, "labels", "text");
        List<String> positions = new ArrayList<>();
        for (Element t : labels) {
            String p = t.getAttribute("x") + "," + t.getAttribute("y") + "," + t.getAttribute("text-anchor");
            assertFalse(positions.contains(p), () -> "two labels at " + p);
            positions.add(p);
        }
        assertEquals(6 + 1, labels.size()); // six solutions and "no deal"
        // Vertically, labels sharing a side are at least a line apart when they overlap horizontally.
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                Element a = labels.get(i), b = labels.get(j);
                if (a.getAttribute("x").equals(b.getAttribute("x"))
                        && a.getAttribute("text-anchor").equals(b.getAttribute("text-anchor"))) {
                    double dy =
                            Math.abs(Double.parseDouble(a.getAttribute("y")) - Double.parseDouble(b.getAttribute("y")));
                    assertTrue(
                            dy >= 12, () -> "labels " + a.getTextContent() + " and " + b.getTextContent() + " overlap");
                }
            }
        }
    }

    @Test
    void namesTheAxesAfterTheParties() throws Exception {
        // An imported domain's parties (names are the user's, so escaped) and its 0-1 utilities.
        Chart c = new Chart(
                "domain",
                List.of(new Point(0.2, 0.9), new Point(0.8, 0.3)),
                List.of(new Mark("Nash", 0.8, 0.3)),
                List.of(),
                new FrontierChart.Axes("buyer <1>", "seller", "utility"));
        Document doc = parse(FrontierChart.svg(c));
        List<String> texts = texts(doc);
        assertTrue(texts.contains("buyer <1> surplus (utility)"), texts::toString);
        assertTrue(texts.contains("seller surplus (utility)"), texts::toString);
        assertFalse(texts.stream().anyMatch(t -> t.contains("U.S.")), texts::toString);
        String titles = allTitles(doc);
        assertTrue(titles.contains("Nash: buyer <1> 0.8, seller 0.3"), titles);
        assertTrue(titles.contains("no deal: buyer <1> 0, seller 0"), titles);
    }

    @Test
    void drawsTrajectoriesWithALegendEntryEachAndTheirPointsInRange() throws Exception {
        List<Point> us = List.of(new Point(30, -5), new Point(25, 2), new Point(25, 2), new Point(12, 9));
        List<Point> cn = List.of(new Point(-8, 40), new Point(4, 22), new Point(12, 9));
        Chart c = new Chart(
                "talks",
                frontier(),
                List.of(),
                List.of(),
                FrontierChart.Axes.US_CHINA,
                List.of(
                        new FrontierChart.Trajectory("U.S. offers", us),
                        new FrontierChart.Trajectory("China offers", cn)));
        String svg = FrontierChart.svg(c);
        Document doc = parse(svg);
        List<String> texts = texts(doc);
        assertTrue(texts.contains("U.S. offers"), texts::toString);
        assertTrue(texts.contains("China offers"), texts::toString);
        var groups = doc.getElementsByTagNameNS(SVG_NS, "g");
        int trajectories = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("trajectory")) {
                trajectories++;
                // one path, and a dot per distinct offer plus the ringed last one, every dot inside the plot
                assertEquals(1, g.getElementsByTagNameNS(SVG_NS, "path").getLength());
                var dots = g.getElementsByTagNameNS(SVG_NS, "circle");
                assertEquals(3, dots.getLength());
                for (int d = 0; d < dots.getLength(); d++) {
                    Element dot = (Element) dots.item(d);
                    double cx = Double.parseDouble(dot.getAttribute("cx"));
                    double cy = Double.parseDouble(dot.getAttribute("cy"));
                    assertTrue(cx >= FrontierChart.MIN_PLOT_LEFT && cx <= FrontierChart.MAX_PLOT_RIGHT, "cx " + cx);
                    assertTrue(cy >= FrontierChart.PLOT_TOP && cy <= FrontierChart.PLOT_BOTTOM, "cy " + cy);
                }
            }
        }
        assertEquals(2, trajectories);
        String titles = allTitles(doc);
        assertTrue(titles.contains("U.S. offers, offer 4: U.S. 12, China 9"), titles);
        assertTrue(titles.contains("China offers, offer 1: U.S. -8, China 40"), titles);
    }

    private static String allTitles(Document doc) {
        StringBuilder b = new StringBuilder();
        var nodes = doc.getElementsByTagNameNS(SVG_NS, "title");
        for (int i = 0; i < nodes.getLength(); i++) {
            b.append(nodes.item(i).getTextContent()).append('\n');
        }
        return b.toString();
    }

    @Test
    void escapesUserTextAndStillParses() throws Exception {
        String nasty = "<b>&\"'";
        Chart c = new Chart(
                "Title " + nasty,
                frontier(),
                List.of(new Mark(nasty, 8.0, 7.0)),
                List.of(new Mark("ref " + nasty + " \u4e2d\u65b9 \u0001 \ud83d\ude00", 1, 1)));
        String svg = FrontierChart.svg(c);
        assertFalse(svg.contains("<b>"));
        assertFalse(svg.contains("\u0001"));
        Document doc = parse(svg);
        List<String> texts = texts(doc);
        assertTrue(texts.contains("Title " + nasty), texts::toString);
        assertTrue(texts.contains(nasty), texts::toString);
        assertTrue(texts.contains("ref " + nasty + " \u4e2d\u65b9 \ud83d\ude00"), texts::toString);
        assertEquals(
                "Title " + nasty,
                doc.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent());
        // Non-ASCII is written as character references: the output is plain ASCII.
        assertTrue(svg.chars().allMatch(ch -> ch < 0x80));
    }

    @Test
    void anEmptyFrontierSaysSoAndStillParses() throws Exception {
        Chart c = new Chart("nothing", List.of(), List.of(), List.of(new Mark("U.S. ask", 10, -4)));
        Document doc = parse(FrontierChart.svg(c));
        assertEquals(
                "No bundle is ratified by both sides",
                withClass(doc, "text", "empty-frontier").getTextContent());
        assertTrue(in(doc, "frontier-dots", "circle").isEmpty());
        assertNiceTicks(values(ticks(doc, "x")));
        assertNiceTicks(values(ticks(doc, "y")));

        Document withFrontier = parse(FrontierChart.svg(chart()));
        assertEquals(null, withClass(withFrontier, "text", "empty-frontier"));
    }

    @Test
    void degenerateRangesStillRender() throws Exception {
        Document none = parse(FrontierChart.svg(new Chart("", List.of(), List.of(), List.of())));
        assertEquals(List.of(-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5), values(ticks(none, "x")));
        assertNiceTicks(values(ticks(none, "y")));

        Chart same = new Chart(
                "same",
                List.of(new Point(5, 5), new Point(5, 5), new Point(5, 5)),
                List.of(new Mark("Nash", 5, 5)),
                List.of());
        Document doc = parse(FrontierChart.svg(same));
        assertEquals(3, in(doc, "frontier-dots", "circle").size());
        List<Double> x = values(ticks(doc, "x"));
        assertNiceTicks(x);
        assertTrue(x.get(x.size() - 1) > 5, x::toString);

        Chart origin = new Chart("origin", List.of(new Point(0, 0)), List.of(), List.of());
        assertNiceTicks(values(ticks(parse(FrontierChart.svg(origin)), "y")));
    }

    @Test
    void outputIsDeterministicAndIndependentOfFrontierOrder() {
        String once = FrontierChart.svg(chart());
        assertEquals(once, FrontierChart.svg(chart()));
        List<Point> shuffled = new ArrayList<>(frontier());
        Collections.shuffle(shuffled, new Random(7));
        assertNotEquals(frontier(), shuffled);
        Chart c = chart();
        assertEquals(once, FrontierChart.svg(new Chart(c.title(), shuffled, c.solutions(), c.references())));
    }

    @Test
    void numbersHaveAtMostTwoDecimals() throws Exception {
        Chart c = new Chart(
                "precise",
                List.of(new Point(1.0 / 3, 2.0 / 3), new Point(0.123456, 0.987654)),
                List.of(new Mark("Nash", 1.0 / 7, 5.0 / 7)),
                List.of());
        String svg = FrontierChart.svg(c);
        assertFalse(svg.matches("(?s).*\\d\\.\\d{3}.*"), "a number with three or more decimals");
        assertFalse(svg.contains("E-") || svg.contains("E+"), "a number in exponent notation");
        assertTrue(svg.contains("U.S. 0.33, China 0.67"));
        parse(svg);
    }

    @Test
    void aFewThousandPointsStayCompact() throws Exception {
        List<Point> many = new ArrayList<>();
        int n = 3000;
        for (int i = 0; i < n; i++) {
            double us = 40.0 * i / n;
            many.add(new Point(us, 30 * Math.sqrt(1 - us / 40.0)));
        }
        Chart c = new Chart("many", many, List.of(new Mark("Nash", 26.67, 17.32)), List.of());
        String svg = FrontierChart.svg(c);
        assertEquals(n, in(parse(svg), "frontier-dots", "circle").size());
        assertTrue(svg.length() < 120 * n, () -> "too large: " + svg.length() + " characters");
    }

    @Test
    void rejectsCoordinatesItCannotDraw() {
        assertThrows(IllegalArgumentException.class, () -> new Point(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new Mark("x", 0, Double.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> new Mark(null, 0, 0));
    }
}
