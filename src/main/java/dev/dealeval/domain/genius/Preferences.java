package dev.dealeval.domain.genius;

import java.util.List;

/**
 * One party's additive preferences over a domain, with GENIUS's semantics: the utility of an outcome
 * is {@code Σ weight(i) · evaluation(i, value) / max evaluation(i)} for discrete issues and
 * {@code Σ weight(i) · (slope(i) · value + offset(i))} for integer ones. The weights sum to 1 within
 * 1% (ANAC's own files are that far off); they are used divided by their sum, so they sum to 1
 * exactly, as the engine uses them.
 *
 * @param evaluations per issue, the raw evaluation of each value (discrete issues; empty for integer ones)
 * @param slopes      per issue, the linear evaluator's slope (integer issues; 0 for discrete ones)
 * @param offsets     per issue, the linear evaluator's offset (integer issues; 0 for discrete ones)
 * @param reservation the utility of no agreement, 0–1
 * @param discount    the discount factor, 0–1 (1: no discounting)
 */
public record Preferences(
        String name,
        double[] weights,
        List<double[]> evaluations,
        double[] slopes,
        double[] offsets,
        double reservation,
        double discount) {

    public Preferences {
        weights = weights.clone();
        evaluations = evaluations.stream().map(double[]::clone).toList();
        slopes = slopes.clone();
        offsets = offsets.clone();
    }

    /** Normalised evaluations: per issue, the 0–1 value of each position, as the utility uses them. */
    public double[][] normalised(NegotiationDomain domain) {
        double[][] out = new double[domain.issues().size()][];
        for (int i = 0; i < out.length; i++) {
            Issue issue = domain.issues().get(i);
            out[i] = new double[issue.size()];
            if (issue.kind() == Issue.Kind.DISCRETE) {
                double max = 0;
                for (double e : evaluations.get(i)) {
                    max = Math.max(max, e);
                }
                for (int v = 0; v < out[i].length; v++) {
                    out[i][v] = max > 0 ? evaluations.get(i)[v] / max : 0;
                }
            } else {
                for (int v = 0; v < out[i].length; v++) {
                    out[i][v] = slopes[i] * (issue.low() + v) + offsets[i];
                }
            }
        }
        return out;
    }

    /**
     * The utility of one outcome, given by the position of its value in each issue. It normalises the
     * evaluations on every call: to score many outcomes, take {@link #normalised} once.
     */
    public double utility(NegotiationDomain domain, int[] outcome) {
        double[][] norm = normalised(domain);
        double[] w = normalisedWeights();
        double u = 0;
        for (int i = 0; i < outcome.length; i++) {
            u += w[i] * norm[i][outcome[i]];
        }
        return u;
    }

    /** The weights divided by their sum, as the engine divides them (the same arithmetic, so the same utilities to the bit). */
    public double[] normalisedWeights() {
        double[] w = weights.clone();
        dev.dealeval.domain.model.Numbers.normalise(w, 0, w.length);
        return w;
    }
}
