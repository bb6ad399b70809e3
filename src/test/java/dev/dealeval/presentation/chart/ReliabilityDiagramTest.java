package dev.dealeval.presentation.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.domain.backtest.Reliability;
import dev.dealeval.domain.backtest.Reliability.Forecast;
import dev.dealeval.domain.backtest.Reliability.Series;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The reliability diagram: a well-formed SVG document whose points sit where the bins say. */
class ReliabilityDiagramTest {
    /** Bins (mean 0.1, observed 0, n 2), (0.3, 1, n 1), (0.9, 0.75, n 4): ECE (0.2 + 0.7 + 0.6) / 7 = 0.214. */
    private static final Series SIDES =
            series("side decisions", new double[] {0.1, 0.1, 0.3, 0.9, 0.9, 0.9, 0.9}, new int[] {0, 0, 1, 1, 1, 1, 0});

    /** One bin, (0.5, 0.5, n 2). */
    private static final Series AGREEMENT = series("agreement", new double[] {0.5, 0.5}, new int[] {1, 0});

    private static final String TITLE = "Reliability of the backtest: default profile";

    @Test
    void isAnAccessibleStandaloneSvgDocument() throws Exception {
        Document doc = SvgDocuments.parse(ReliabilityDiagram.svg(TITLE, List.of(SIDES, AGREEMENT)));
        Element svg = doc.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("img", svg.getAttribute("role"));
        assertEquals(TITLE, text(doc, "title"));
        String desc = text(doc, "desc");
        assertTrue(
                desc.contains("side decisions, ECE 0.214 (7 forecasts)")
                        && desc.contains("agreement, ECE 0.000 (2 forecasts)"),
                desc);
    }

    @Test
    void eachOccupiedBinIsOnePointAtItsMeanAndObservedFrequency() throws Exception {
        Document doc = SvgDocuments.parse(ReliabilityDiagram.svg(TITLE, List.of(SIDES, AGREEMENT)));
        List<Element> series = SvgDocuments.groups(doc, "series");
        assertEquals(
                List.of("side decisions", "agreement"),
                series.stream().map(g -> g.getAttribute("data-series")).toList());
        // x = 116 + 448 p, y = 536 − 448 o: (0.1, 0) → (160.8, 536), (0.3, 1) → (250.4, 88), (0.9, 0.75) →
        // (519.2, 200); (0.5, 0.5) → (340, 312). Radius 3 + 1.2 √n: n 2 → 4.7, n 1 → 4.2, n 4 → 5.4.
        assertEquals(List.of("160.8 536 4.7", "250.4 88 4.2", "519.2 200 5.4"), points(series.get(0)));
        assertEquals(List.of("340 312 4.7"), points(series.get(1)));
        // The counts right of the points (x + r + 2): above the centre for the first series (y − 2), below for
        // the second (y + 10).
        List<Element> counts = SvgDocuments.in(doc, "counts", "text").subList(0, 3);
        assertEquals(
                List.of("2", "1", "4"),
                counts.stream().map(Element::getTextContent).toList());
        assertEquals(
                "167.5 534",
                counts.get(0).getAttribute("x") + " " + counts.get(0).getAttribute("y"));
        Element agreementCount = SvgDocuments.in(doc, "counts", "text").get(3);
        assertEquals("346.7 322", agreementCount.getAttribute("x") + " " + agreementCount.getAttribute("y"));
    }

    @Test
    void theWilsonIntervalIsAVerticalWhisker() throws Exception {
        Document doc = SvgDocuments.parse(ReliabilityDiagram.svg(TITLE, List.of(SIDES)));
        List<Element> whiskers = children(SvgDocuments.groups(doc, "series").get(0), "path");
        assertEquals(3, whiskers.size());
        // The last bin, 3 of 4: [0.356168, 0.942093] → y 536 − 159.56 = 376.44 and 536 − 422.06 = 113.94, at
        // x 519.2.
        assertEquals(
                "M519.2 376.44V113.94M515.2 376.44h8M515.2 113.94h8",
                whiskers.get(2).getAttribute("d"));
    }

    @Test
    void theAxesRunFromZeroToOneWithTheDiagonalAndTheEceInTheCaption() throws Exception {
        String svg = ReliabilityDiagram.svg(TITLE, List.of(SIDES, AGREEMENT));
        Document doc = SvgDocuments.parse(svg);
        List<String> xTicks = SvgDocuments.in(doc, "x-ticks", "text").stream()
                .map(t -> t.getTextContent() + "@" + t.getAttribute("x"))
                .toList();
        assertEquals(List.of("0@116", "0.2@205.6", "0.4@295.2", "0.6@384.8", "0.8@474.4", "1@564"), xTicks);
        List<String> yTicks = SvgDocuments.in(doc, "y-ticks", "text").stream()
                .map(t -> t.getTextContent() + "@" + t.getAttribute("y"))
                .toList();
        assertEquals(List.of("0@536", "0.2@446.4", "0.4@356.8", "0.6@267.2", "0.8@177.6", "1@88"), yTicks);
        assertTrue(svg.contains("<path class=\"diagonal\" d=\"M116 536L564 88\""), svg);
        List<String> caption = SvgDocuments.in(doc, "caption", "text").stream()
                .map(Element::getTextContent)
                .toList();
        // ECE 1.5 / 7 = 0.2143 for the sides; 0 for the agreement, whose one bin is on the diagonal.
        assertEquals("side decisions: ECE 0.214 (7 forecasts); agreement: ECE 0.000 (2 forecasts)", caption.get(0));
        List<String> legend = SvgDocuments.in(doc, "legend", "text").stream()
                .map(Element::getTextContent)
                .toList();
        assertEquals(List.of("side decisions", "agreement", "perfect calibration"), legend);
    }

    @Test
    void noForecastsDrawAnEmptyDiagramThatSaysSo() throws Exception {
        for (List<Series> input : List.of(List.<Series>of(), List.of(Reliability.of("agreement", List.of())))) {
            String svg = ReliabilityDiagram.svg(TITLE, input);
            Document doc = SvgDocuments.parse(svg);
            assertEquals(
                    0, doc.getElementsByTagNameNS(SvgDocuments.SVG_NS, "circle").getLength() - legendDots(doc));
            assertTrue(svg.contains("<text class=\"empty\""), svg);
            assertTrue(svg.contains(">No forecasts</text>"), svg);
        }
        String oneEmpty = ReliabilityDiagram.svg(TITLE, List.of(SIDES, Reliability.of("agreement", List.of())));
        assertTrue(oneEmpty.contains("agreement: no forecasts"), oneEmpty);
        assertTrue(!oneEmpty.contains("class=\"empty\""), "one series has forecasts");
    }

    @Test
    void outputIsDeterministicWhateverTheLocale() {
        String first = ReliabilityDiagram.svg(TITLE, List.of(SIDES, AGREEMENT));
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals(first, ReliabilityDiagram.svg(TITLE, List.of(SIDES, AGREEMENT)));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void userTextIsEscapedAndSeriesAreLimitedToTheColours() throws Exception {
        Series odd = Reliability.of("<A&B> \u00e9", List.of(new Forecast(0.5, 1)));
        String svg = ReliabilityDiagram.svg("T <&>", List.of(odd));
        SvgDocuments.parse(svg);
        assertTrue(svg.contains("data-series=\"&lt;A&amp;B&gt; &#xE9;\""), svg);
        assertThrows(
                IllegalArgumentException.class,
                () -> ReliabilityDiagram.svg(TITLE, Collections.nCopies(ReliabilityDiagram.COLOURS.length + 1, odd)));
    }

    private static Series series(String name, double[] p, int[] o) {
        List<Forecast> forecasts = new java.util.ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            forecasts.add(new Forecast(p[i], o[i]));
        }
        return Reliability.of(name, forecasts);
    }

    private static String text(Document doc, String name) {
        return doc.getElementsByTagNameNS(SvgDocuments.SVG_NS, name).item(0).getTextContent();
    }

    private static List<Element> children(Element g, String name) {
        List<Element> found = new java.util.ArrayList<>();
        for (var n = g.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> points(Element series) {
        return children(series, "circle").stream()
                .map(c -> c.getAttribute("cx") + " " + c.getAttribute("cy") + " " + c.getAttribute("r"))
                .toList();
    }

    private static int legendDots(Document doc) {
        return SvgDocuments.in(doc, "legend", "circle").size();
    }
}
