package dev.dealeval.domain.backtest;

import dev.dealeval.domain.backtest.Episode.Decision;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluation.FactionResult;
import dev.dealeval.domain.engine.Ratification;
import dev.dealeval.domain.model.CredibilityParams;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The one procedure that fits the parameters the episodes inform (docs/backtest.md "Fitting"): the
 * ratification rule's temperature τ, thresholds θ(US) and θ(CN), stake floor γ and probability floor
 * ε, and the belief in a floated proposal. It minimises the log-loss of the side ratification
 * probabilities against the recorded decisions plus a Gaussian prior that keeps each parameter near
 * the profile's value; the floated-proposal factor is chosen from a grid, the others by Nelder–Mead
 * from the prior. Deterministic: the same episodes and profile give the same fit.
 *
 * <p>Out-of-fold checks refit without the episodes they score: leave-one-out (each episode scored by
 * a fit to all the others) and a temporal split (fitted on episodes before a date, scored on the rest).
 */
public final class Fitting {
    /** The grid of beliefs in a floated proposal tried (the form factor of FLOATED_PROPOSAL). */
    static final double[] FLOATED_GRID = {0.0, 0.2, 0.4, 0.6, 0.85};

    static final String FLOATED = "FLOATED_PROPOSAL";
    /** Prior standard deviations of log τ, θ(US), θ(CN), log γ and logit ε. */
    private static final double[] PRIOR_SD = {1.0, 0.1, 0.1, 1.0, 1.0};

    private static final int ITERATIONS = 600;

    private Fitting() {}

    /**
     * A fitted profile with its in-sample objective.
     *
     * @param logLoss mean log-loss of the side decisions in sample
     */
    public record Fit(Profile profile, double logLoss, int sideDecisions) {}

    /** Out-of-fold scores: each episode judged by a profile fitted without it (or without its period). */
    public record OutOfFold(Backtest.Summary summary, List<Backtest.Result> results) {}

    /** Fits the profile's decision settings and floated-proposal belief to the episodes. */
    public static Fit fit(DealModel model, Profile base, List<Episode> episodes) {
        return fit(prepare(model, base, episodes), base, i -> true);
    }

    /** Leave-one-out: every episode judged by a profile fitted to all the others. */
    public static OutOfFold leaveOneOut(DealModel model, Profile base, List<Episode> episodes) {
        Prepared prepared = prepare(model, base, episodes);
        List<Backtest.Result> results = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            int held = i;
            Profile fitted = fit(prepared, base, j -> j != held).profile();
            results.addAll(Backtest.run(CompiledModel.compile(model, fitted), List.of(episodes.get(i)))
                    .results());
        }
        return new OutOfFold(Backtest.summarise(results), List.copyOf(results));
    }

    /** Temporal split: fitted on the episodes dated before {@code from} (ISO date), scored on the others. */
    public static OutOfFold temporal(DealModel model, Profile base, List<Episode> episodes, String from) {
        Prepared prepared = prepare(model, base, episodes);
        Profile fitted = fit(prepared, base, i -> episodes.get(i).date().compareTo(from) < 0)
                .profile();
        List<Episode> later =
                episodes.stream().filter(e -> e.date().compareTo(from) >= 0).toList();
        Backtest.Report r = Backtest.run(CompiledModel.compile(model, fitted), later);
        return new OutOfFold(r.summary(), r.results());
    }

    /**
     * The recorded side decisions of every episode reduced to what the fitted parameters act on,
     * once per floated-proposal belief of the grid: folds reuse them.
     */
    record Prepared(Settings prior, List<Profile> profiles, List<List<Case>> cases) {}

    static Prepared prepare(DealModel model, Profile base, List<Episode> episodes) {
        List<Profile> profiles = new ArrayList<>();
        List<List<Case>> cases = new ArrayList<>();
        for (double floated : FLOATED_GRID) {
            Profile withForm = withFloated(base, floated);
            profiles.add(withForm);
            cases.add(cases(CompiledModel.compile(model, withForm), episodes));
        }
        Settings prior = model.fittingPrior() != null ? model.fittingPrior() : base.settings();
        return new Prepared(prior, profiles, cases);
    }

    /** The best fit over the grid to the cases of the episodes {@code use} accepts. */
    static Fit fit(Prepared prepared, Profile base, IntPredicate use) {
        double[] prior = encode(prepared.prior());
        Fit best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int g = 0; g < prepared.profiles().size(); g++) {
            List<Case> cases = prepared.cases().get(g).stream()
                    .filter(c -> use.test(c.episode()))
                    .toList();
            double[] phi = NelderMead.minimise(p -> objective(p, prior, cases), prior, ITERATIONS);
            double value = objective(phi, prior, cases);
            if (value < bestValue) {
                bestValue = value;
                double loss = cases.isEmpty() ? 0 : logLoss(phi, cases) / cases.size();
                Profile fitted = withSettings(prepared.profiles().get(g), decode(phi, prepared.prior()));
                best = new Fit(fitted, loss, cases.size());
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ the objective

    /**
     * One recorded side decision of episode {@code episode}, reduced to what the decision settings act
     * on: each of the side's factions' surplus, stake, clout and whether its veto applies.
     */
    record Case(
            int episode,
            Side side,
            boolean accepted,
            double[] surplus,
            double[] stake,
            double[] clout,
            boolean[] veto) {}

    static List<Case> cases(CompiledModel m, List<Episode> episodes) {
        Backtest.Report report = Backtest.run(m, episodes);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            Backtest.Result r = report.results().get(i);
            int episode = i;
            r.episode().decisions().forEach((side, d) -> out.add(toCase(episode, r.evaluation(), side, d)));
        }
        return out;
    }

    private static Case toCase(int episode, Evaluation e, Side side, Decision d) {
        List<FactionResult> fs = e.side(side).factions();
        int n = fs.size();
        double[] surplus = new double[n];
        double[] stake = new double[n];
        double[] clout = new double[n];
        boolean[] veto = new boolean[n];
        for (int f = 0; f < n; f++) {
            FactionResult fr = fs.get(f);
            surplus[f] = fr.surplus();
            stake[f] = fr.stake();
            clout[f] = fr.clout();
            veto[f] = fr.veto() != VetoKind.NONE && fr.vetoApplies();
        }
        return new Case(episode, side, d == Decision.ACCEPTED, surplus, stake, clout, veto);
    }

    /** Total log-loss plus the prior's penalty ½ Σ ((φ − φ0)/sd)². */
    static double objective(double[] phi, double[] prior, List<Case> cases) {
        double penalty = 0;
        for (int i = 0; i < phi.length; i++) {
            double z = (phi[i] - prior[i]) / PRIOR_SD[i];
            penalty += 0.5 * z * z;
        }
        return logLoss(phi, cases) + penalty;
    }

    static double logLoss(double[] phi, List<Case> cases) {
        double tau = Math.exp(phi[0]);
        double gamma = Math.exp(phi[3]);
        double eps = epsilon(phi[4]);
        double loss = 0;
        for (Case c : cases) {
            double theta = threshold(c.side() == Side.US ? phi[1] : phi[2]);
            double r = index(c, gamma);
            double p = eps + (1 - 2 * eps) / (1 + Math.exp(-(r - theta) / tau));
            loss -= Math.log(c.accepted() ? p : 1 - p);
        }
        return loss;
    }

    /** The support index of the engine's rule (Ratification.supportIndex) on the case's factions. */
    static double index(Case c, double gamma) {
        double weighted = 0;
        double clout = 0;
        double cap = Double.POSITIVE_INFINITY;
        for (int f = 0; f < c.surplus().length; f++) {
            double r = Ratification.support(c.surplus()[f], c.stake()[f], gamma);
            weighted += c.clout()[f] * r;
            clout += c.clout()[f];
            if (c.veto()[f]) {
                cap = Math.min(cap, r);
            }
        }
        return Math.min(clout > 0 ? weighted / clout : 0, cap);
    }

    // ------------------------------------------------------------------ parameters

    /** φ = (log τ, θ(US), θ(CN), log γ, logit ε) of the settings. */
    static double[] encode(Settings s) {
        return new double[] {
            Math.log(s.temperature()),
            s.thresholdUs(),
            s.thresholdCn(),
            Math.log(Math.max(1e-6, s.stakeFloor())),
            Math.log(s.probabilityFloor() / (1 - s.probabilityFloor()))
        };
    }

    /** The settings of φ, the rest (stance margins) kept from base; θ is kept in [0, 0.9], ε in [0.005, 0.4]. */
    static Settings decode(double[] phi, Settings base) {
        return new Settings(
                base.stanceMargin(),
                round(Math.exp(phi[0])),
                Math.round(threshold(phi[1]) * 1e4) / 1e4,
                Math.round(threshold(phi[2]) * 1e4) / 1e4,
                base.relativeStanceMargin(),
                round(Math.exp(phi[3])),
                round(epsilon(phi[4])));
    }

    private static double threshold(double v) {
        return Math.max(0, Math.min(0.9, v));
    }

    private static double epsilon(double logit) {
        double e = 1 / (1 + Math.exp(-logit));
        return Math.max(0.005, Math.min(0.4, e));
    }

    /** Four significant digits: the fitted settings are written into the model file as they are served. */
    private static double round(double v) {
        if (v == 0) {
            return 0;
        }
        double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    static Profile withFloated(Profile p, double floated) {
        CredibilityParams c = p.credibility();
        Map<String, Double> forms = new HashMap<>(c.formFactors());
        forms.put(FLOATED, floated);
        return new Profile(
                p.id(),
                p.name(),
                p.description(),
                p.sources(),
                p.builtIn(),
                p.version(),
                p.weights(),
                p.factions(),
                new CredibilityParams(
                        c.trackRecords(),
                        forms,
                        c.enforcementFactors(),
                        c.baselineUsdBn(),
                        c.referenceGrowth(),
                        c.referenceDelivery(),
                        c.excessBelief(),
                        c.purchaseCategories()),
                p.settings());
    }

    static Profile withSettings(Profile p, Settings s) {
        return new Profile(
                p.id(),
                p.name(),
                p.description(),
                p.sources(),
                p.builtIn(),
                p.version(),
                p.weights(),
                p.factions(),
                p.credibility(),
                s);
    }
}
