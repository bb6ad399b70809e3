package dev.dealeval.adapter.genius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.domain.analysis.Frontier;
import dev.dealeval.domain.analysis.Search.Point;
import dev.dealeval.domain.analysis.Solutions;
import dev.dealeval.domain.genius.DomainDefinition;
import dev.dealeval.domain.genius.Issue;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import dev.dealeval.domain.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GENIUS XML in and out, on ANAC domains (src/test/resources/genius/README.md): utilities as GENIUS
 * defines them, checked by hand and by brute force; the shared frontier and Nash code on an
 * imported domain; a write-read round trip; and hostile or broken files refused naming the element.
 */
class GeniusXmlTest {
    private static final GeniusXml GENIUS_XML = new GeniusXml();
    private static final double EPS = 1e-12;

    private static String resource(String path) {
        try (InputStream in = GeniusXmlTest.class.getClassLoader().getResourceAsStream("genius/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A domain and its two parties. */
    private record Scenario(NegotiationDomain domain, Preferences a, Preferences b) {
        static Scenario of(String folder, String domain, String a, String b) {
            NegotiationDomain d = GENIUS_XML.readDomain(resource(folder + "/" + domain), folder);
            return new Scenario(
                    d,
                    GENIUS_XML.readPreferences(resource(folder + "/" + a), d, a),
                    GENIUS_XML.readPreferences(resource(folder + "/" + b), d, b));
        }
    }

    private static Scenario laptop() {
        return Scenario.of(
                "anac/y2011/Laptop", "laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml");
    }

    /** Every outcome, as value positions, the last issue turning fastest. */
    private static List<int[]> outcomes(NegotiationDomain d) {
        List<int[]> out = new ArrayList<>();
        int n = d.issues().size();
        int[] o = new int[n];
        while (true) {
            out.add(o.clone());
            int i = n - 1;
            while (i >= 0 && ++o[i] == d.issues().get(i).size()) {
                o[i--] = 0;
            }
            if (i < 0) {
                return out;
            }
        }
    }

    @Test
    void laptopUtilitiesAreGeniusUtilities() {
        Scenario s = laptop();
        assertEquals(27, s.domain().outcomeCount());
        assertEquals(
                List.of("Laptop", "Harddisk", "External Monitor"),
                s.domain().issues().stream().map(Issue::name).toList());
        // Buyer: weights 0.4452125771655631, 0.37808251708013424, 0.1767567099260568; evaluations divided by
        // each issue's best (30, 30, 30). Dell (12), 60 Gb (30), 19'' (30):
        // The weights sum to 1.0000518 (a hand-edited file); they are divided by that sum.
        double sum = 0.4452125771655631 + 0.37808251708013424 + 0.1767567099260568;
        double buyer =
                (0.4452125771655631 * 12 / 30 + 0.37808251708013424 * 30 / 30 + 0.1767567099260568 * 30 / 30) / sum;
        assertEquals(buyer, s.a().utility(s.domain(), new int[] {0, 0, 0}), EPS);
        // Seller: Macintosh (30 of 30), 80 Gb (30 of 30), 19'' (3 of 3): every issue at its best. The weights
        // of this hand-edited file sum to 1.0000518; divided by their sum, the best outcome is worth exactly 1.
        double sellerWeights = 0.37808251708013424 + 0.1767567099260568 + 0.4452125771655631;
        assertEquals(1.0000518, sellerWeights, 1e-7);
        assertEquals(1.0, s.b().utility(s.domain(), new int[] {1, 1, 0}), EPS);
        // HP (20 of 30), 120 Gb (9 of 30), 23'' (1 of 3) for the seller:
        assertEquals(
                (0.37808251708013424 * 20 / 30 + 0.1767567099260568 * 9 / 30 + 0.4452125771655631 / 3) / sellerWeights,
                s.b().utility(s.domain(), new int[] {2, 2, 2}),
                EPS);
        assertEquals(0.0, s.a().reservation());
        assertEquals(0.42441038, s.a().discount());
    }

    @Test
    void anacDomainsReadWithTheirOutcomeCountsAndWeights() {
        Scenario energy =
                Scenario.of("anac/y2011/Energy", "energy_domain.xml", "energy_consumer.xml", "energy_distributor.xml");
        assertEquals(390_625, energy.domain().outcomeCount(), "5 levels for each of 8 three-hour slots");
        Scenario grocery = Scenario.of(
                "anac/y2011/Grocery", "Grocery_domain.xml", "Grocery_domain_mary.xml", "Grocery_domain_sam.xml");
        Scenario england =
                Scenario.of("anac/y2010/EnglandZimbabwe", "EnglandZimbabwe_domain.xml", "England.xml", "Zimbabwe.xml");
        for (Scenario s : List.of(energy, grocery, england, laptop())) {
            for (Preferences p : List.of(s.a(), s.b())) {
                double sum = 0;
                for (double w : p.weights()) {
                    sum += w;
                }
                assertEquals(1.0, sum, 1e-3, p.name());
                // The best outcome is worth 1 and the worst 0 or more, as normalised evaluations make it.
                double[][] norm = p.normalised(s.domain());
                for (double[] issue : norm) {
                    double max = 0;
                    for (double v : issue) {
                        assertTrue(v >= 0 && v <= 1, p.name());
                        max = Math.max(max, v);
                    }
                    assertEquals(1.0, max, EPS, p.name());
                }
            }
        }
        long groceryOutcomes = 1;
        for (Issue i : grocery.domain().issues()) {
            groceryOutcomes *= i.size();
        }
        assertEquals(groceryOutcomes, grocery.domain().outcomeCount());
    }

    /**
     * Every domain of ANAC 2010-2012 (83 domains, 166 preference files, each year's A/B/C variants
     * included) reads: its domain file, and each party's preferences against it.
     */
    @Test
    void everyAnacDomainOf2010To2012Reads() throws Exception {
        int domains = 0;
        int parties = 0;
        for (java.nio.file.Path folder : AnacFolders.all()) {
            DomainDefinition d = AnacFolders.domain(folder);
            assertTrue(d.domain().outcomeCount() > 1, folder.toString());
            domains++;
            for (Preferences p : d.parties()) {
                assertTrue(
                        p.reservation() >= 0 && p.reservation() <= 1 && p.discount() > 0 && p.discount() <= 1,
                        folder + "/" + p.name());
                parties++;
            }
        }
        assertEquals(83, domains);
        assertEquals(166, parties);
    }

    @Test
    void theSharedFrontierAndNashCodeRunOnAnImportedDomain() {
        Scenario s = laptop();
        List<int[]> all = outcomes(s.domain());
        int n = all.size();
        double[] x = new double[n];
        double[] y = new double[n];
        long[] id = new long[n];
        for (int k = 0; k < n; k++) {
            // Surpluses over the reservation values, the disagreement point.
            x[k] = s.a().utility(s.domain(), all.get(k)) - s.a().reservation();
            y[k] = s.b().utility(s.domain(), all.get(k)) - s.b().reservation();
            id[k] = k;
        }
        int[] frontier = Frontier.positions(x, y, id, n, null, null);
        // Brute force: a point is on the frontier when no point is at least as good in both and better in one.
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean dominated = false;
            for (int j = 0; j < n && !dominated; j++) {
                dominated = x[j] >= x[i] && y[j] >= y[i] && (x[j] > x[i] || y[j] > y[i]);
            }
            boolean duplicateOfEarlier = false;
            for (int j = 0; j < i; j++) {
                duplicateOfEarlier |= x[j] == x[i] && y[j] == y[i];
            }
            if (!dominated && !duplicateOfEarlier) {
                expected.add(i);
            }
        }
        assertEquals(
                expected.stream().sorted().toList(),
                java.util.Arrays.stream(frontier).boxed().sorted().toList());
        List<Point> points = new ArrayList<>();
        for (int k : frontier) {
            points.add(new Point(k, x[k], y[k], 0));
        }
        Point nash = Solutions.of(points).nash();
        double best = -1;
        for (int k = 0; k < n; k++) {
            if (x[k] > 0 && y[k] > 0) {
                best = Math.max(best, x[k] * y[k]);
            }
        }
        assertEquals(best, nash.usSurplus() * nash.cnSurplus(), EPS);
    }

    @Test
    void writingAndReadingBackKeepsEveryUtility() {
        for (Scenario s : List.of(
                laptop(),
                Scenario.of("anac/y2011/Energy", "energy_domain.xml", "energy_consumer.xml", "energy_distributor.xml"),
                Scenario.of(
                        "anac/y2011/Grocery",
                        "Grocery_domain.xml",
                        "Grocery_domain_mary.xml",
                        "Grocery_domain_sam.xml"))) {
            NegotiationDomain again = GENIUS_XML.readDomain(
                    GENIUS_XML.writeDomain(s.domain()), s.domain().name());
            assertEquals(s.domain(), again);
            for (Preferences p : List.of(s.a(), s.b())) {
                Preferences q = GENIUS_XML.readPreferences(GENIUS_XML.writePreferences(s.domain(), p), again, p.name());
                assertEquals(p.reservation(), q.reservation());
                assertEquals(p.discount(), q.discount());
                double[][] before = p.normalised(s.domain());
                double[][] after = q.normalised(again);
                for (int[] o : outcomes(s.domain())) {
                    double u = 0;
                    double v = 0;
                    for (int i = 0; i < o.length; i++) {
                        u += p.weights()[i] * before[i][o[i]];
                        v += q.weights()[i] * after[i][o[i]];
                    }
                    assertEquals(u, v, 0.0, p.name());
                }
            }
        }
    }

    @Test
    void integerIssuesUseTheirLinearEvaluator() {
        String domain = """
                <negotiation_template><utility_space><objective name="d">
                  <issue index="1" name="price" type="integer" etype="integer" lowerbound="0" upperbound="10"/>
                  <issue index="2" name="colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
                </objective></utility_space></negotiation_template>""";
        NegotiationDomain d = GENIUS_XML.readDomain(domain, "d");
        assertEquals(22, d.outcomeCount());
        String prefs = """
                <utility_space><objective name="d">
                  <issue index="1" name="price" type="integer"><evaluator ftype="linear" slope="-0.1" offset="1"/></issue>
                  <issue index="2" name="colour" type="discrete"><item value="red" evaluation="1"/><item value="blue" evaluation="4"/></issue>
                  <weight index="1" value="0.75"/><weight index="2" value="0.25"/>
                </objective><reservation value="0.2"/></utility_space>""";
        Preferences p = GENIUS_XML.readPreferences(prefs, d, "buyer");
        // price 3 (position 3): 0.75 · (1 − 0.3) + 0.25 · 1/4
        assertEquals(0.75 * 0.7 + 0.25 * 0.25, p.utility(d, new int[] {3, 0}), EPS);
        assertEquals(0.2, p.reservation());
        Preferences q = GENIUS_XML.readPreferences(GENIUS_XML.writePreferences(d, p), d, "buyer");
        assertEquals(p.utility(d, new int[] {7, 1}), q.utility(d, new int[] {7, 1}), 0.0);
    }

    @Test
    void entityTricksAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE utility_space [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <utility_space><objective name="&secret;"/></utility_space>""";
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <negotiation_template><utility_space><objective name="&lol3;"/></utility_space></negotiation_template>""";
        for (String hostile : List.of(xxe, laughs)) {
            ModelException e = assertThrows(ModelException.class, () -> GENIUS_XML.readDomain(hostile, "x"));
            assertEquals("xml", e.entry());
            assertTrue(e.getMessage().contains("DOCTYPE is not allowed"), e.getMessage());
        }
        ModelException broken =
                assertThrows(ModelException.class, () -> GENIUS_XML.readDomain("<utility_space><objective>", "x"));
        assertEquals("xml", broken.entry());
    }

    @Test
    void brokenPreferencesNameTheElement() {
        NegotiationDomain d = laptop().domain();
        String buyer = resource("anac/y2011/Laptop/laptop_buyer_utility.xml");
        assertEntry(
                "utility_space/objective/weight",
                () -> GENIUS_XML.readPreferences(buyer.replace("0.4452125771655631", "0.5"), d, "b"),
                "the weights sum to");
        assertEntry(
                "utility_space/objective/weight[3].index",
                () -> GENIUS_XML.readPreferences(buyer.replace("<weight index=\"3\"", "<weight index=\"9\""), d, "b"),
                "refers to no issue");
        assertEntry(
                "utility_space/objective/issue[1] (Laptop)/item[1].value",
                () -> GENIUS_XML.readPreferences(buyer.replace("value=\"Dell\"", "value=\"Lenovo\""), d, "b"),
                "is not a value of issue 'Laptop'");
        assertEntry(
                "utility_space/objective/issue[2] (Hard disk)",
                () -> GENIUS_XML.readPreferences(buyer.replace("name=\"Harddisk\"", "name=\"Hard disk\""), d, "b"),
                "refers to no issue");
        assertEntry(
                "utility_space/objective/issue[1] (Laptop)/item[2].evaluation",
                () -> GENIUS_XML.readPreferences(
                        buyer.replace(
                                "evaluation=\"20\" description=\"quality laptop\"",
                                "evaluation=\"lots\" description=\"quality laptop\""),
                        d,
                        "b"),
                "must be a finite number");
        // ANAC 2012 Fitness gives the objective itself a weight (its own index, 1): it must be the whole.
        NegotiationDomain fitness =
                GENIUS_XML.readDomain(resource("anac/y2012/FitnessA/Fitness-A-domain.xml"), "fitness");
        String fit = resource("anac/y2012/FitnessA/Fitness-A-prof1.xml");
        assertEntry(
                "utility_space/objective/weight[6].value",
                () -> GENIUS_XML.readPreferences(
                        fit.replace("<weight index=\"1\" value=\"1.0\" />", "<weight index=\"1\" value=\"0.5\" />"),
                        fitness,
                        "f"),
                "the objective's own weight must be 1");
        assertEntry(
                "utility_space/discount_factor.value",
                () -> GENIUS_XML.readPreferences(buyer.replace("0.42441038", "1.5"), d, "b"),
                "between 0 and 1");
    }

    private static void assertEntry(String entry, org.junit.jupiter.api.function.Executable read, String message) {
        ModelException e = assertThrows(ModelException.class, read);
        assertEquals(entry, e.entry(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
