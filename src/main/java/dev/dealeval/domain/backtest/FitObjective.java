package dev.dealeval.domain.backtest;

import dev.dealeval.domain.backtest.Episode.Decision;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluation.CriterionResult;
import dev.dealeval.domain.engine.Evaluation.FactionResult;
import dev.dealeval.domain.engine.Ratification;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fitting procedure's objective (docs/fitting.md), on the episodes' recorded decisions
 * reduced to what the fitted parameters act on: the penalised log-loss and its exact gradient, with the
 * penalty of {@link ConcessionsForNothing} that keeps a fit of the weights or clouts inside the property
 * that a concession for nothing is refused by its giver, and the barrier of {@link Directions} that keeps
 * a fit of the weights monotone. φ holds log τ, θ(US), θ(CN), log γ and logit ε, then, when the weights are
 * fitted, one log-multiplier per criterion, then, when the clouts are fitted, one per faction
 * ({@link Layout}).
 */
final class FitObjective {
    /** The settings' place in φ: the first five. */
    static final int SETTINGS = 5;
    /** Prior standard deviations of log τ, θ(US), θ(CN), log γ and logit ε. */
    private static final double[] PRIOR_SD = {1.0, 0.1, 0.1, 1.0, 1.0};
    /** Prior standard deviation of each criterion weight's log: one sd is a factor of 1.65. */
    static final double WEIGHT_SD = 0.5;
    /** Prior standard deviation of each faction clout's log: one sd is a factor of 1.65. */
    static final double CLOUT_SD = 0.5;

    private FitObjective() {}

    /**
     * The criteria of both sides in one order: ids, each one's side, and the profile's weight its
     * fitted log-multiplier λ is measured from (w = weight · e^λ).
     */
    record Criteria(List<String> ids, List<Side> sides, double[] prior) {
        int index(String id) {
            return ids.indexOf(id);
        }
    }

    /**
     * The factions of both sides in one order (each side's in the profile's order): ids, each one's
     * side, and the profile's clout its fitted log-multiplier μ is measured from (k = clout · e^μ,
     * renormalised over the side).
     */
    record Factions(List<String> ids, List<Side> sides, double[] prior) {}

    /**
     * Where the parameters sit in φ: the five settings, then the log-weights from {@code weights}
     * and the log-clouts from {@code clouts} (each −1 when not fitted).
     */
    record Layout(int weights, int clouts, int length) {
        static Layout of(boolean fitWeights, int criteria, boolean fitClouts, int factions) {
            int w = fitWeights ? SETTINGS : -1;
            int k = fitClouts ? SETTINGS + (fitWeights ? criteria : 0) : -1;
            return new Layout(w, k, SETTINGS + (fitWeights ? criteria : 0) + (fitClouts ? factions : 0));
        }

        double sd(int i) {
            if (i < SETTINGS) {
                return PRIOR_SD[i];
            }
            return clouts >= 0 && i >= clouts ? CLOUT_SD : WEIGHT_SD;
        }
    }

    /**
     * One recorded side decision of episode {@code episode}, reduced to what the fitted parameters act
     * on: the change of each of the side's criteria from no deal ({@code delta}, its criteria from
     * {@code offset} in the {@link Criteria} order), and each faction's multipliers of them and whether
     * its veto applies (its factions from {@code factionOffset} in the {@link Factions} order, which
     * holds their clouts).
     * Criterion values do not depend on the weights or clouts, so a faction's surplus and stake under
     * any weights, and the support index under any clouts, follow from these.
     */
    record Case(
            int episode,
            Side side,
            boolean accepted,
            int offset,
            int factionOffset,
            double[] delta,
            double[][] multiplier,
            boolean[] veto) {}

    static List<Case> cases(
            CompiledModel m, Profile profile, Criteria criteria, Factions factions, List<Episode> episodes) {
        Backtest.Report report = Backtest.run(m, episodes);
        double unit = m.model().utilityScale();
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            Backtest.Result r = report.results().get(i);
            int episode = i;
            r.episode()
                    .decisions()
                    .forEach((side, d) -> out.add(toCase(
                            episode,
                            r.evaluation().side(side),
                            profile.factions(side),
                            criteria,
                            factions,
                            side,
                            d,
                            unit)));
        }
        return out;
    }

    static Case toCase(
            int episode,
            Evaluation.SideResult s,
            List<FactionDef> defs,
            Criteria criteria,
            Factions factions,
            Side side,
            Decision d,
            double unit) {
        int offset = criteria.sides().indexOf(side);
        int n = (int) criteria.sides().stream().filter(x -> x == side).count();
        double[] delta = new double[n];
        for (CriterionResult c : s.criteria()) {
            delta[criteria.index(c.id()) - offset] = unit * (c.value() - c.noDealValue());
        }
        List<FactionResult> fs = s.factions();
        int factionOffset = factions.sides().indexOf(side);
        double[][] multiplier = new double[fs.size()][n];
        boolean[] veto = new boolean[fs.size()];
        for (int f = 0; f < fs.size(); f++) {
            FactionResult fr = fs.get(f);
            if (!fr.id().equals(factions.ids().get(factionOffset + f))) {
                throw new IllegalStateException("faction " + fr.id() + " out of the profile's order");
            }
            FactionDef def = defs.get(f);
            for (int k = 0; k < n; k++) {
                multiplier[f][k] = def.multiplier(criteria.ids().get(offset + k));
            }
            veto[f] = fr.veto() != VetoKind.NONE && fr.vetoApplies();
        }
        return new Case(episode, side, d == Decision.ACCEPTED, offset, factionOffset, delta, multiplier, veto);
    }

    /**
     * Total log-loss plus the prior's penalty ½ Σ ((φ − φ0)/sd)², the property's penalty and the
     * barrier that keeps the directions of {@link Directions}, with its gradient in {@code grad} (+∞
     * where a fit of the weights has turned a move's direction). φ is laid out as {@code layout} says; {@code weights} and {@code clouts}
     * are the profile's, which fitted log-multipliers scale.
     */
    static double objective(
            double[] phi,
            double[] prior,
            Layout layout,
            double[] weights,
            double[] clouts,
            List<Case> cases,
            List<Case> gifts,
            List<Directions.Move> moves,
            double[] grad) {
        Arrays.fill(grad, 0);
        double barrier = Directions.barrier(phi, layout, weights, moves, grad);
        if (barrier == Double.POSITIVE_INFINITY) {
            return barrier;
        }
        double loss = barrier
                + logLoss(phi, layout, weights, clouts, cases, grad)
                + ConcessionsForNothing.penalty(phi, layout, weights, clouts, gifts, grad);
        double penalty = 0;
        for (int i = 0; i < phi.length; i++) {
            double sd = layout.sd(i);
            double z = (phi[i] - prior[i]) / sd;
            penalty += 0.5 * z * z;
            grad[i] += z / sd;
        }
        return loss + penalty;
    }

    /**
     * −Σ [o log P + (1 − o) log(1 − P)] over the cases, P the engine's ratification probability under
     * φ (Probabilities, Ratification.supportIndex); its gradient is added to {@code grad} unless null.
     */
    static double logLoss(
            double[] phi, Layout layout, double[] weights, double[] clouts, List<Case> cases, double[] grad) {
        double tau = Math.exp(phi[0]);
        double gamma = Math.exp(phi[3]);
        double rawEps = 1 / (1 + Math.exp(-phi[4]));
        double eps = epsilon(phi[4]);
        double dEps = eps == rawEps ? rawEps * (1 - rawEps) : 0;
        double[] w = scaled(phi, layout.weights(), weights);
        double[] k = scaled(phi, layout.clouts(), clouts);
        double loss = 0;
        for (Case c : cases) {
            int t = c.side() == Side.US ? 1 : 2;
            double theta = threshold(phi[t]);
            double index = index(c, w, k, gamma, layout, 0, null);
            double z = (index - theta) / tau;
            double sigma = 1 / (1 + Math.exp(-z));
            double p = eps + (1 - 2 * eps) * sigma;
            loss -= Math.log(c.accepted() ? p : 1 - p);
            if (grad == null) {
                continue;
            }
            double dLoss = c.accepted() ? -1 / p : 1 / (1 - p);
            double dSigma = (1 - 2 * eps) * sigma * (1 - sigma);
            grad[0] += dLoss * dSigma * -z;
            if (theta == phi[t]) {
                grad[t] -= dLoss * dSigma / tau;
            }
            grad[4] += dLoss * (1 - 2 * sigma) * dEps;
            index(c, w, k, gamma, layout, dLoss * dSigma / tau, grad);
        }
        return loss;
    }

    /**
     * The profile's weights or clouts ({@code prior}) each times e^φ[from + i], or the profile's own
     * when they are not fitted ({@code from} −1).
     */
    static double[] scaled(double[] phi, int from, double[] prior) {
        if (from < 0) {
            return prior;
        }
        double[] out = new double[prior.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = prior[i] * Math.exp(phi[from + i]);
        }
        return out;
    }

    /**
     * The support index of the case's side under weights w, clouts k (both sides', in the
     * {@link Criteria} and {@link Factions} orders) and stake floor γ (Ratification.supportIndex: the
     * clout-weighted mean of the factions' r = S/(G + γ), capped by every applicable veto holder's);
     * with {@code grad}, adds {@code scale} times its gradient in log γ and in the fitted log-weights
     * and log-clouts.
     */
    static double index(Case c, double[] w, double[] k, double gamma, Layout layout, double scale, double[] grad) {
        int factions = c.multiplier().length;
        int n = c.delta().length;
        double[] r = new double[factions];
        double[] surplus = new double[factions];
        double[] stake = new double[factions];
        double[] norm = new double[factions];
        double[] clouts = new double[factions];
        double mean = 0;
        double clout = 0;
        int cap = -1;
        for (int f = 0; f < factions; f++) {
            double sum = 0;
            double sp = 0;
            double g = 0;
            for (int j = 0; j < n; j++) {
                double wf = w[c.offset() + j] * c.multiplier()[f][j];
                sum += wf;
                sp += wf * c.delta()[j];
                g += wf * Math.abs(c.delta()[j]);
            }
            norm[f] = sum;
            surplus[f] = sp / sum;
            stake[f] = g / sum;
            r[f] = Ratification.support(surplus[f], stake[f], gamma);
            clouts[f] = k[c.factionOffset() + f];
            mean += clouts[f] * r[f];
            clout += clouts[f];
            if (c.veto()[f] && (cap < 0 || r[f] < r[cap])) {
                cap = f;
            }
        }
        mean = clout > 0 ? mean / clout : 0;
        boolean capped = cap >= 0 && r[cap] < mean;
        if (grad == null) {
            return capped ? r[cap] : mean;
        }
        for (int f = 0; f < factions; f++) {
            if (layout.clouts() >= 0 && !capped && clout > 0) {
                // mean = Σ k·r / Σ k, so ∂mean/∂ log k(f) = k(f) (r(f) − mean) / Σ k.
                grad[layout.clouts() + c.factionOffset() + f] += scale * clouts[f] * (r[f] - mean) / clout;
            }
            double share = capped ? (f == cap ? 1 : 0) : (clout > 0 ? clouts[f] / clout : 0);
            if (share == 0 || r[f] == 0) {
                continue;
            }
            // r = S/(G + γ) with S = Σ w·m·δ / Σ w·m and G = Σ w·m·|δ| / Σ w·m.
            double d = stake[f] + gamma;
            double dr = scale * share;
            grad[3] += dr * -surplus[f] * gamma / (d * d);
            for (int j = 0; layout.weights() >= 0 && j < n; j++) {
                double wf = w[c.offset() + j] * c.multiplier()[f][j] / norm[f];
                double dS = wf * (c.delta()[j] - surplus[f]);
                double dG = wf * (Math.abs(c.delta()[j]) - stake[f]);
                grad[layout.weights() + c.offset() + j] += dr * (dS * d - surplus[f] * dG) / (d * d);
            }
        }
        return capped ? r[cap] : mean;
    }

    /** θ is kept in [0, 0.9]. */
    static double threshold(double v) {
        return Math.max(0, Math.min(0.9, v));
    }

    /** ε of its logit, kept in [0.005, 0.4]. */
    static double epsilon(double logit) {
        double e = 1 / (1 + Math.exp(-logit));
        return Math.max(0.005, Math.min(0.4, e));
    }
}
