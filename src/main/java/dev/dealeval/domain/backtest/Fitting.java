package dev.dealeval.domain.backtest;

import dev.dealeval.domain.backtest.FitObjective.Case;
import dev.dealeval.domain.backtest.FitObjective.Criteria;
import dev.dealeval.domain.backtest.FitObjective.Factions;
import dev.dealeval.domain.backtest.FitObjective.Layout;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.model.CredibilityParams;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The one procedure that fits the parameters the episodes inform (docs/fitting.md): the
 * ratification rule's temperature τ, thresholds θ(US) and θ(CN), stake floor γ and probability floor
 * ε, and the belief in a floated proposal; on request ({@link Scope}) the criterion weights of both
 * sides, or the factions' clouts, as well, kept inside the property that a concession for nothing is
 * refused by its giver and, for the weights, keeping the direction of every single move (monotonicity). It minimises the log-loss of the side ratification probabilities against the
 * recorded decisions plus a Gaussian prior that keeps each parameter near its reasoned value; the
 * floated-proposal factor is chosen from a grid, the others by BFGS from the prior with the objective's
 * exact gradient. Deterministic: the same episodes and profile give the same fit.
 *
 * <p>Out-of-fold checks refit without the episodes they score: leave-one-out (each episode scored by
 * a fit to all the others) and a temporal split (fitted on episodes before a date, scored on the rest).
 */
public final class Fitting {
    /** The grid of beliefs in a floated proposal tried (the form factor of FLOATED_PROPOSAL). */
    static final double[] FLOATED_GRID = {0.0, 0.2, 0.4, 0.6, 0.85};

    private static final int ITERATIONS = 1000;

    /**
     * What a fit moves: always the decision settings and the belief in a floated proposal, and with
     * them, on request, the criterion weights and the factions' clouts of both sides.
     */
    public record Scope(boolean weights, boolean clouts) {
        /** The decision settings and the belief in a floated proposal only. */
        public static final Scope SETTINGS = new Scope(false, false);
        /** Those and the criterion weights. */
        public static final Scope SETTINGS_AND_WEIGHTS = new Scope(true, false);
        /** Those and the factions' clouts. */
        public static final Scope SETTINGS_AND_CLOUTS = new Scope(false, true);

        /** What the fitted profile's description says was fitted beside the settings. */
        public String also() {
            return (weights ? "criterion weights, " : "") + (clouts ? "faction clouts, " : "");
        }
    }

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
        return procedure(model, base, episodes, Scope.SETTINGS).fit();
    }

    /** Leave-one-out of the settings' fit. */
    public static OutOfFold leaveOneOut(DealModel model, Profile base, List<Episode> episodes) {
        return procedure(model, base, episodes, Scope.SETTINGS).leaveOneOut();
    }

    /** The temporal split of the settings' fit. */
    public static OutOfFold temporal(DealModel model, Profile base, List<Episode> episodes, String from) {
        return procedure(model, base, episodes, Scope.SETTINGS).temporal(from);
    }

    /**
     * The procedure on these episodes for this profile and scope: the episodes are reduced once, and the
     * fit and its out-of-fold checks share the reduction.
     */
    public static Procedure procedure(DealModel model, Profile base, List<Episode> episodes, Scope scope) {
        return new Procedure(model, List.copyOf(episodes), prepare(model, base, episodes, scope));
    }

    /** The fitting procedure on one set of episodes (see {@link #procedure}). */
    public static final class Procedure {
        private final DealModel model;
        private final List<Episode> episodes;
        private final Prepared prepared;

        private Procedure(DealModel model, List<Episode> episodes, Prepared prepared) {
            this.model = model;
            this.episodes = episodes;
            this.prepared = prepared;
        }

        /** The fit to every episode. */
        public Fit fit() {
            return Fitting.fit(prepared, i -> true);
        }

        /**
         * Leave-one-out: every episode judged by a profile fitted to all the others. The folds are
         * independent and run in parallel; each gives the same fit on any thread.
         */
        public OutOfFold leaveOneOut() {
            List<Backtest.Result> results = IntStream.range(0, episodes.size())
                    .parallel()
                    .mapToObj(held -> {
                        Profile fitted = Fitting.fit(prepared, j -> j != held).profile();
                        return Backtest.run(CompiledModel.compile(model, fitted), List.of(episodes.get(held)))
                                .results();
                    })
                    .flatMap(List::stream)
                    .toList();
            return new OutOfFold(Backtest.summarise(results), results);
        }

        /** Temporal split: fitted on the episodes dated before {@code from} (ISO date), scored on the others. */
        public OutOfFold temporal(String from) {
            Profile fitted = Fitting.fit(prepared, i -> episodes.get(i).date().compareTo(from) < 0)
                    .profile();
            List<Episode> later =
                    episodes.stream().filter(e -> e.date().compareTo(from) >= 0).toList();
            Backtest.Report r = Backtest.run(CompiledModel.compile(model, fitted), later);
            return new OutOfFold(r.summary(), r.results());
        }
    }

    /**
     * The recorded side decisions of every episode reduced to what the fitted parameters act on,
     * once per floated-proposal belief of the grid (folds reuse them), with the prior φ0 (the model's
     * settings prior, and log-weights 0: the profile's own weights) and, for a fit of the weights, the
     * model's single concessions for nothing.
     */
    record Prepared(
            Settings prior,
            double[] priorPhi,
            Layout layout,
            Criteria criteria,
            Factions factions,
            List<Profile> profiles,
            List<List<Case>> cases,
            List<Case> gifts,
            List<Directions.Move> moves) {}

    static Prepared prepare(DealModel model, Profile base, List<Episode> episodes, Scope scope) {
        Settings prior = model.fittingPrior() != null ? model.fittingPrior() : base.settings();
        Criteria criteria = criteria(model, base);
        Factions factions = factions(base);
        List<Profile> profiles = new ArrayList<>();
        List<List<Case>> cases = new ArrayList<>();
        for (double floated : FLOATED_GRID) {
            Profile withForm = withFloated(base, floated);
            profiles.add(withForm);
            cases.add(
                    FitObjective.cases(CompiledModel.compile(model, withForm), withForm, criteria, factions, episodes));
        }
        Layout layout = Layout.of(
                scope.weights(),
                criteria.ids().size(),
                scope.clouts(),
                factions.ids().size());
        double[] phi = new double[layout.length()];
        System.arraycopy(encode(prior), 0, phi, 0, FitObjective.SETTINGS);
        CompiledModel compiled = scope.weights() || scope.clouts() ? CompiledModel.compile(model, base) : null;
        List<Case> gifts = compiled != null ? ConcessionsForNothing.of(compiled, base, criteria, factions) : List.of();
        List<Directions.Move> moves = scope.weights() ? Directions.of(compiled, base, criteria) : List.of();
        return new Prepared(prior, phi, layout, criteria, factions, profiles, cases, gifts, moves);
    }

    /** The profile's factions, side by side in its order, with their clouts. */
    static Factions factions(Profile base) {
        List<String> ids = new ArrayList<>();
        List<Side> sides = new ArrayList<>();
        List<Double> clouts = new ArrayList<>();
        for (Side side : Side.values()) {
            for (FactionDef f : base.factions(side)) {
                ids.add(f.id());
                sides.add(side);
                clouts.add(f.clout());
            }
        }
        return new Factions(
                List.copyOf(ids),
                List.copyOf(sides),
                clouts.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The model's criteria, side by side, with the profile's weights. */
    static Criteria criteria(DealModel model, Profile base) {
        List<String> ids = new ArrayList<>();
        List<Side> sides = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Side side : Side.values()) {
            for (var c : model.criteria()) {
                if (c.side() == side) {
                    ids.add(c.id());
                    sides.add(side);
                    weights.add(base.weights().get(side).get(c.id()));
                }
            }
        }
        return new Criteria(
                List.copyOf(ids),
                List.copyOf(sides),
                weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The best fit over the grid to the cases of the episodes {@code use} accepts. */
    static Fit fit(Prepared prepared, IntPredicate use) {
        double[] prior = prepared.priorPhi();
        Layout layout = prepared.layout();
        double[] weights = prepared.criteria().prior();
        double[] clouts = prepared.factions().prior();
        Fit best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int g = 0; g < prepared.profiles().size(); g++) {
            List<Case> cases = prepared.cases().get(g).stream()
                    .filter(c -> use.test(c.episode()))
                    .toList();
            List<Case> gifts = prepared.gifts();
            List<Directions.Move> moves = prepared.moves();
            double[] phi = Bfgs.minimise(
                    (p, grad) -> FitObjective.objective(p, prior, layout, weights, clouts, cases, gifts, moves, grad),
                    prior,
                    ITERATIONS);
            double value = FitObjective.objective(
                    phi, prior, layout, weights, clouts, cases, gifts, moves, new double[phi.length]);
            if (value < bestValue) {
                bestValue = value;
                double loss = cases.isEmpty()
                        ? 0
                        : FitObjective.logLoss(phi, layout, weights, clouts, cases, null) / cases.size();
                Profile profile = prepared.profiles().get(g);
                Profile fitted = withFit(
                        profile,
                        decode(phi, prepared.prior()),
                        layout.weights() >= 0 ? decodeWeights(phi, layout, prepared.criteria()) : profile.weights(),
                        layout.clouts() >= 0 ? decodeClouts(phi, layout, profile, prepared.factions()) : null);
                best = new Fit(fitted, loss, cases.size());
            }
        }
        return best;
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
                Math.round(FitObjective.threshold(phi[1]) * 1e4) / 1e4,
                Math.round(FitObjective.threshold(phi[2]) * 1e4) / 1e4,
                base.relativeStanceMargin(),
                round(Math.exp(phi[3])),
                round(FitObjective.epsilon(phi[4])));
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
        return withFormFactor(p, Episode.FLOATED, floated);
    }

    /** The profile with the form factor of {@code form} (a value of commitment.form) replaced. */
    static Profile withFormFactor(Profile p, String form, double factor) {
        CredibilityParams c = p.credibility();
        Map<String, Double> forms = new HashMap<>(c.formFactors());
        forms.put(form, factor);
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

    /** The fitted weights of φ, each side's normalised to sum to 1 and kept to four significant digits. */
    static Map<Side, Map<String, Double>> decodeWeights(double[] phi, Layout layout, Criteria criteria) {
        Map<Side, Map<String, Double>> out = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            double total = 0;
            for (int c = 0; c < criteria.ids().size(); c++) {
                if (criteria.sides().get(c) == side) {
                    total += criteria.prior()[c] * Math.exp(phi[layout.weights() + c]);
                }
            }
            Map<String, Double> w = new LinkedHashMap<>();
            for (int c = 0; c < criteria.ids().size(); c++) {
                if (criteria.sides().get(c) == side) {
                    w.put(
                            criteria.ids().get(c),
                            round(criteria.prior()[c] * Math.exp(phi[layout.weights() + c]) / total));
                }
            }
            out.put(side, w);
        }
        return out;
    }

    /**
     * The profile's factions with the fitted clouts of φ, each side's normalised to sum to 1 and kept
     * to four significant digits (the largest takes up the rounding, so the sum stays exactly 1).
     */
    static List<FactionDef> decodeClouts(double[] phi, Layout layout, Profile p, Factions factions) {
        double[] k = FitObjective.scaled(phi, layout.clouts(), factions.prior());
        Map<String, Double> clouts = new HashMap<>();
        for (Side side : Side.values()) {
            double total = 0;
            int largest = -1;
            for (int f = 0; f < k.length; f++) {
                if (factions.sides().get(f) == side) {
                    total += k[f];
                    largest = largest < 0 || k[f] > k[largest] ? f : largest;
                }
            }
            double rest = 1;
            for (int f = 0; f < k.length; f++) {
                if (factions.sides().get(f) == side && f != largest) {
                    double clout = round(k[f] / total);
                    clouts.put(factions.ids().get(f), clout);
                    rest -= clout;
                }
            }
            if (largest >= 0) {
                clouts.put(factions.ids().get(largest), Math.round(rest * 1e6) / 1e6);
            }
        }
        return p.factions().stream().map(f -> f.withClout(clouts.get(f.id()))).toList();
    }

    /** The profile with fitted settings and weights, and fitted factions unless null (then its own). */
    static Profile withFit(Profile p, Settings s, Map<Side, Map<String, Double>> weights, List<FactionDef> factions) {
        return new Profile(
                p.id(),
                p.name(),
                p.description(),
                p.sources(),
                p.builtIn(),
                p.version(),
                weights,
                factions == null ? p.factions() : factions,
                p.credibility(),
                s);
    }
}
