package dev.dealeval.config;

import dev.dealeval.domain.genius.Issue;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import dev.dealeval.domain.model.ModelException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads and writes GENIUS XML, the format of GENIUS and the ANAC competitions: a domain file
 * ({@code negotiation_template/utility_space/objective/issue/item}) and one preferences file per party
 * ({@code utility_space} with evaluated items, weights, a reservation value and a discount factor).
 * Hostile input is refused: no DOCTYPE (so no entity tricks such as XXE or billion laughs), no external
 * resources, secure processing limits. Every problem names the element, e.g.
 * {@code utility_space/objective/issue[2] (Harddisk)/item[3]}.
 */
public final class GeniusXml {
    /**
     * Weights must sum to 1 within this. ANAC files are hand-edited (the 2011 Laptop buyer's sum to
     * 1.00005, the 2012 Phone second party's to 0.9936); like GENIUS, the weights are used as given,
     * not rescaled.
     */
    static final double WEIGHT_TOLERANCE = 0.01;

    private GeniusXml() {}

    // ------------------------------------------------------------------ reading

    /** The domain of a GENIUS domain file (or of a preferences file, which repeats the issues). */
    public static NegotiationDomain readDomain(String xml, String name) {
        Element objective = objective(parse(xml));
        String at = path(objective);
        List<Issue> issues = new ArrayList<>();
        List<Element> issueElements = children(objective, "issue");
        if (issueElements.isEmpty()) {
            throw new ModelException(at, "has no issue");
        }
        for (int k = 0; k < issueElements.size(); k++) {
            Element e = issueElements.get(k);
            String iat = at + "/issue[" + (k + 1) + "] (" + e.getAttribute("name") + ")";
            String issueName = required(e, "name", iat);
            if (issues.stream().anyMatch(i -> i.name().equals(issueName))) {
                throw new ModelException(iat, "repeats the issue name '" + issueName + "'");
            }
            if (!children(e, "issue").isEmpty() || !children(e, "objective").isEmpty()) {
                throw new ModelException(iat, "nested objectives are not supported (only flat additive domains)");
            }
            issues.add(
                    isInteger(e)
                            ? Issue.integer(issueName, integer(e, "lowerbound", iat), integer(e, "upperbound", iat))
                            : Issue.discrete(issueName, values(e, iat)));
            Issue last = issues.get(issues.size() - 1);
            if (last.kind() == Issue.Kind.INTEGER && last.high() < last.low()) {
                throw new ModelException(iat, "upperbound is below lowerbound");
            }
        }
        return new NegotiationDomain(name, issues);
    }

    /** One party's preferences over the domain, from its GENIUS preferences file. */
    public static Preferences readPreferences(String xml, NegotiationDomain domain, String name) {
        Document doc = parse(xml);
        Element objective = objective(doc);
        String at = path(objective);
        int n = domain.issues().size();
        double[] weights = new double[n];
        boolean[] weighted = new boolean[n];
        List<double[]> evaluations = new ArrayList<>();
        double[] slopes = new double[n];
        double[] offsets = new double[n];
        for (Issue issue : domain.issues()) {
            evaluations.add(new double[issue.kind() == Issue.Kind.DISCRETE ? issue.size() : 0]);
        }
        // GENIUS ties weights to issues by their index attribute; the issues are read in file order.
        Map<String, Integer> byIndex = new HashMap<>();
        List<Element> issueElements = children(objective, "issue");
        boolean[] seen = new boolean[n];
        for (int k = 0; k < issueElements.size(); k++) {
            Element e = issueElements.get(k);
            String iat = at + "/issue[" + (k + 1) + "] (" + e.getAttribute("name") + ")";
            int i = issueNamed(domain, required(e, "name", iat), iat);
            if (seen[i]) {
                throw new ModelException(
                        iat, "evaluates issue '" + domain.issues().get(i).name() + "' twice");
            }
            seen[i] = true;
            byIndex.put(required(e, "index", iat), i);
            Issue issue = domain.issues().get(i);
            if (issue.kind() == Issue.Kind.DISCRETE) {
                evaluateDiscrete(e, issue, evaluations.get(i), iat);
            } else {
                Element ev = children(e, "evaluator").stream()
                        .findFirst()
                        .orElseThrow(() -> new ModelException(
                                iat, "an integer issue needs an evaluator (ftype linear, slope, offset)"));
                String eat = iat + "/evaluator";
                if (!"linear".equals(ev.getAttribute("ftype"))) {
                    throw new ModelException(eat + ".ftype", "only linear evaluators are supported");
                }
                slopes[i] = number(ev, "slope", eat);
                offsets[i] = number(ev, "offset", eat);
                for (double x : new double[] {issue.low(), issue.high()}) {
                    double v = slopes[i] * x + offsets[i];
                    // Exactly 0-1 (to rounding): the utility adds evaluations as they are, unclipped.
                    if (!(v >= -1e-9 && v <= 1 + 1e-9)) {
                        throw new ModelException(eat, "evaluates " + fmt(x) + " to " + fmt(v) + ", outside 0-1");
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                throw new ModelException(
                        at,
                        "has no evaluation of issue '" + domain.issues().get(i).name() + "'");
            }
        }
        List<Element> weightElements = children(objective, "weight");
        double sum = 0;
        for (int k = 0; k < weightElements.size(); k++) {
            Element w = weightElements.get(k);
            String wat = at + "/weight[" + (k + 1) + "]";
            String index = required(w, "index", wat);
            if (index.equals(objective.getAttribute("index")) && !byIndex.containsKey(index)) {
                // The objective's own weight (ANAC 2012 Fitness writes it): the whole, so it must be 1.
                if (Math.abs(number(w, "value", wat) - 1) > WEIGHT_TOLERANCE) {
                    throw new ModelException(wat + ".value", "the objective's own weight must be 1");
                }
                continue;
            }
            Integer i = byIndex.get(index);
            if (i == null) {
                throw new ModelException(wat + ".index", "refers to no issue (index " + index + ")");
            }
            if (weighted[i]) {
                throw new ModelException(
                        wat + ".index",
                        "weighs issue '" + domain.issues().get(i).name() + "' twice");
            }
            double v = number(w, "value", wat);
            if (v < 0) {
                throw new ModelException(wat + ".value", "must not be negative");
            }
            weights[i] = v;
            weighted[i] = true;
            sum += v;
        }
        for (int i = 0; i < n; i++) {
            if (!weighted[i]) {
                throw new ModelException(
                        at, "has no weight for issue '" + domain.issues().get(i).name() + "'");
            }
        }
        if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            throw new ModelException(at + "/weight", "the weights sum to " + fmt(sum) + ", not 1");
        }
        Element root = doc.getDocumentElement();
        double reservation = optionalValue(root, "reservation", 0, path(root));
        double discount = optionalValue(root, "discount_factor", 1, path(root));
        return new Preferences(name, weights, evaluations, slopes, offsets, reservation, discount);
    }

    private static void evaluateDiscrete(Element e, Issue issue, double[] out, String iat) {
        boolean[] done = new boolean[out.length];
        List<Element> items = children(e, "item");
        for (int k = 0; k < items.size(); k++) {
            Element item = items.get(k);
            String vat = iat + "/item[" + (k + 1) + "]";
            String value = required(item, "value", vat);
            int v = issue.values().indexOf(value);
            if (v < 0) {
                throw new ModelException(
                        vat + ".value", "'" + value + "' is not a value of issue '" + issue.name() + "'");
            }
            double ev = number(item, "evaluation", vat);
            if (!(ev >= 0)) {
                throw new ModelException(vat + ".evaluation", "must not be negative");
            }
            out[v] = ev;
            done[v] = true;
        }
        for (int v = 0; v < out.length; v++) {
            if (!done[v]) {
                throw new ModelException(
                        iat, "has no evaluation of value '" + issue.values().get(v) + "'");
            }
        }
    }

    private static int issueNamed(NegotiationDomain domain, String name, String at) {
        for (int i = 0; i < domain.issues().size(); i++) {
            if (domain.issues().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new ModelException(at, "refers to no issue of the domain");
    }

    private static List<String> values(Element issue, String at) {
        List<String> values = new ArrayList<>();
        List<Element> items = children(issue, "item");
        if (items.isEmpty()) {
            throw new ModelException(at, "a discrete issue needs at least one item");
        }
        for (int k = 0; k < items.size(); k++) {
            String value = required(items.get(k), "value", at + "/item[" + (k + 1) + "]");
            if (values.contains(value)) {
                throw new ModelException(at + "/item[" + (k + 1) + "]", "repeats the value '" + value + "'");
            }
            values.add(value);
        }
        return values;
    }

    private static boolean isInteger(Element issue) {
        return "integer".equals(issue.getAttribute("type")) || "integer".equals(issue.getAttribute("etype"));
    }

    // ------------------------------------------------------------------ writing

    /** The domain as a GENIUS domain file. */
    public static String writeDomain(NegotiationDomain domain) {
        StringBuilder out = new StringBuilder("<negotiation_template>\n<utility_space number_of_issues=\"")
                .append(domain.issues().size())
                .append("\">\n<objective index=\"0\" etype=\"objective\" type=\"objective\" name=\"")
                .append(escape(domain.name()))
                .append("\">\n");
        for (int i = 0; i < domain.issues().size(); i++) {
            issueOpen(out, domain.issues().get(i), i);
            Issue issue = domain.issues().get(i);
            for (int v = 0; v < (issue.kind() == Issue.Kind.DISCRETE ? issue.size() : 0); v++) {
                out.append("    <item index=\"")
                        .append(v + 1)
                        .append("\" value=\"")
                        .append(escape(issue.values().get(v)))
                        .append("\"/>\n");
            }
            out.append("  </issue>\n");
        }
        return out.append("</objective>\n</utility_space>\n</negotiation_template>\n")
                .toString();
    }

    /** One party's preferences as a GENIUS preferences file. */
    public static String writePreferences(NegotiationDomain domain, Preferences p) {
        StringBuilder out = new StringBuilder("<utility_space number_of_issues=\"")
                .append(domain.issues().size())
                .append("\">\n")
                .append("<objective index=\"0\" etype=\"objective\" type=\"objective\" name=\"")
                .append(escape(domain.name()))
                .append("\">\n");
        for (int i = 0; i < domain.issues().size(); i++) {
            Issue issue = domain.issues().get(i);
            issueOpen(out, issue, i);
            if (issue.kind() == Issue.Kind.DISCRETE) {
                for (int v = 0; v < issue.size(); v++) {
                    out.append("    <item index=\"")
                            .append(v + 1)
                            .append("\" value=\"")
                            .append(escape(issue.values().get(v)))
                            .append("\" evaluation=\"")
                            .append(fmt(p.evaluations().get(i)[v]))
                            .append("\"/>\n");
                }
            } else {
                out.append("    <evaluator ftype=\"linear\" slope=\"")
                        .append(fmt(p.slopes()[i]))
                        .append("\" offset=\"")
                        .append(fmt(p.offsets()[i]))
                        .append("\"/>\n");
            }
            out.append("  </issue>\n");
        }
        for (int i = 0; i < domain.issues().size(); i++) {
            out.append("  <weight index=\"")
                    .append(i + 1)
                    .append("\" value=\"")
                    .append(fmt(p.weights()[i]))
                    .append("\"/>\n");
        }
        return out.append("</objective>\n<reservation value=\"")
                .append(fmt(p.reservation()))
                .append("\"/>\n<discount_factor value=\"")
                .append(fmt(p.discount()))
                .append("\"/>\n</utility_space>\n")
                .toString();
    }

    private static void issueOpen(StringBuilder out, Issue issue, int i) {
        out.append("  <issue index=\"")
                .append(i + 1)
                .append("\" name=\"")
                .append(escape(issue.name()))
                .append('"');
        if (issue.kind() == Issue.Kind.DISCRETE) {
            out.append(" etype=\"discrete\" type=\"discrete\" vtype=\"discrete\">\n");
        } else {
            out.append(" etype=\"integer\" type=\"integer\" vtype=\"integer\" lowerbound=\"")
                    .append(issue.low())
                    .append("\" upperbound=\"")
                    .append(issue.high())
                    .append("\">\n");
        }
    }

    /** Shortest text that reads back as the same double. */
    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    // ------------------------------------------------------------------ parsing

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // No DOCTYPE at all: entity declarations (XXE, billion laughs) never reach the parser.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // Problems become the exception below, not "[Fatal Error]" lines on the service's stderr
            // (what a null handler does).
            b.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {}

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new ModelException("xml", "a DOCTYPE is not allowed (entity declarations are refused)");
            }
            throw new ModelException("xml", "is not well-formed XML: " + message);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("XML parser unavailable", e);
        }
    }

    /** The objective element: utility_space/objective, under negotiation_template in a domain file. */
    private static Element objective(Document doc) {
        Element root = doc.getDocumentElement();
        Element space = root.getTagName().equals("utility_space")
                ? root
                : children(root, "utility_space").stream()
                        .findFirst()
                        .orElseThrow(() -> new ModelException(root.getTagName(), "has no utility_space"));
        return children(space, "objective").stream()
                .findFirst()
                .orElseThrow(() -> new ModelException(path(space), "has no objective"));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String path(Element e) {
        List<String> parts = new ArrayList<>();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            parts.add(0, el.getTagName());
        }
        return String.join("/", parts);
    }

    private static String required(Element e, String attribute, String at) {
        String v = e.getAttribute(attribute);
        if (v.isEmpty() && !e.hasAttribute(attribute)) {
            throw new ModelException(at + "." + attribute, "is required");
        }
        return v;
    }

    private static double number(Element e, String attribute, String at) {
        String v = required(e, attribute, at).trim();
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException nfe) {
            throw new ModelException(at + "." + attribute, "must be a finite number (is '" + v + "')");
        }
    }

    private static int integer(Element e, String attribute, String at) {
        String v = required(e, attribute, at).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException nfe) {
            throw new ModelException(at + "." + attribute, "must be a whole number (is '" + v + "')");
        }
    }

    private static double optionalValue(Element root, String tag, double dflt, String at) {
        List<Element> found = children(root, tag);
        if (found.isEmpty()) {
            return dflt;
        }
        double v = number(found.get(0), "value", at + "/" + tag);
        if (!(v >= 0 && v <= 1)) {
            throw new ModelException(at + "/" + tag + ".value", "must be between 0 and 1");
        }
        return v;
    }
}
