package dev.dealeval.adapter.genius;

import static dev.dealeval.adapter.genius.GeniusElements.children;
import static dev.dealeval.adapter.genius.GeniusElements.integer;
import static dev.dealeval.adapter.genius.GeniusElements.number;
import static dev.dealeval.adapter.genius.GeniusElements.objective;
import static dev.dealeval.adapter.genius.GeniusElements.optionalValue;
import static dev.dealeval.adapter.genius.GeniusElements.parse;
import static dev.dealeval.adapter.genius.GeniusElements.path;
import static dev.dealeval.adapter.genius.GeniusElements.required;
import static dev.dealeval.adapter.genius.GeniusXmlWriter.fmt;

import dev.dealeval.application.port.GeniusDocuments;
import dev.dealeval.domain.genius.Issue;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.Numbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads and writes GENIUS XML, the format of GENIUS and the ANAC competitions: a domain file
 * ({@code negotiation_template/utility_space/objective/issue/item}) and one preferences file per party
 * ({@code utility_space} with evaluated items, weights, a reservation value and a discount factor).
 * Hostile input is refused ({@link GeniusElements#parse}). Every problem names the element, e.g.
 * {@code utility_space/objective/issue[2] (Harddisk)/item[3]}. The files are written by {@link GeniusXmlWriter}.
 */
@ApplicationScoped
public class GeniusXml implements GeniusDocuments {
    /**
     * Weights must sum to 1 within this. ANAC files are hand-edited (the 2011 Laptop buyer's sum to
     * 1.00005, the 2012 Phone second party's to 0.9936); like GENIUS, the weights are used as given,
     * not rescaled.
     */
    static final double WEIGHT_TOLERANCE = 0.01;

    @Override
    public NegotiationDomain readDomain(String xml, String name) {
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

    @Override
    public Preferences readPreferences(String xml, NegotiationDomain domain, String name) {
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
                    if (!(v >= -Numbers.TOLERANCE && v <= 1 + Numbers.TOLERANCE)) {
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

    @Override
    public String writeDomain(NegotiationDomain domain) {
        return GeniusXmlWriter.domain(domain);
    }

    @Override
    public String writePreferences(NegotiationDomain domain, Preferences party) {
        return GeniusXmlWriter.preferences(domain, party);
    }
}
