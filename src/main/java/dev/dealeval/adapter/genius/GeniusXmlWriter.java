package dev.dealeval.adapter.genius;

import dev.dealeval.domain.genius.Issue;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;

/**
 * Writes GENIUS XML: a domain file and a party's preferences file, numbered issues and items, weights,
 * reservation value and discount factor, every number written so that it reads back as the same double.
 */
final class GeniusXmlWriter {
    private GeniusXmlWriter() {}

    /** The domain as a GENIUS domain file. */
    static String domain(NegotiationDomain domain) {
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
    static String preferences(NegotiationDomain domain, Preferences p) {
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
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
