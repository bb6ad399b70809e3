package dev.dealeval.application.backtest;

import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.catalog.EpisodeSetService;
import dev.dealeval.application.catalog.ProfileService;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.error.UnknownResourceException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.backtest.Backtest;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSetDefinition;
import dev.dealeval.domain.backtest.Fitting;
import dev.dealeval.domain.backtest.Perturbations;
import dev.dealeval.domain.backtest.Reliability;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs the backtest's real episodes (the built-in set or a stored one) through a profile: the
 * model's verdicts beside what the governments did, with the hit rate and the Brier score.
 */
@ApplicationScoped
public class BacktestService {
    private final ModelRegistry registry;
    private final ProfileService profiles;
    private final EpisodeSetService episodeSets;
    private final AnalysisCapacity capacity;

    public BacktestService(
            ModelRegistry registry, ProfileService profiles, EpisodeSetService episodeSets, AnalysisCapacity capacity) {
        this.registry = registry;
        this.profiles = profiles;
        this.episodeSets = episodeSets;
        this.capacity = capacity;
    }

    /** The backtest's result and the set it ran (with the episodes it leaves out). */
    public record Run(Profile profile, Backtest.Report report, EpisodeSetDefinition set) {}

    /**
     * Out-of-fold scores of a set under a profile (docs/fitting.md): leave-one-out, null for a set of more
     * than {@link #MAX_LEAVE_ONE_OUT} episodes, with the calibration of its forecasts; and the temporal
     * split at {@link #TEMPORAL_SPLIT}, null unless episodes fall on both sides of it. Only these figures are
     * kept, not the evaluations behind them (some 8 KB an episode, a few MB for a large set).
     */
    public record OutOfFold(
            Backtest.Summary leaveOneOut,
            Calibration leaveOneOutCalibration,
            Backtest.Summary temporal,
            int fittedBefore) {}

    /** Leave-one-out refits once per episode: past this size it is not run on request. */
    public static final int MAX_LEAVE_ONE_OUT = 120;

    /** The temporal split: fitted on the episodes before this date, scored on the later ones. */
    public static final String TEMPORAL_SPLIT = "2025-01-01";

    private static final int CACHED = 16;

    /**
     * Out-of-fold results by profile, set, model version and scope, the most recently used kept: each takes
     * seconds, and they never change. An entry is the computation itself, so that requests arriving while
     * it runs wait for it instead of starting their own.
     */
    private final Map<String, CompletableFuture<OutOfFold>> outOfFold = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<OutOfFold>> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * @param profile    a built-in or stored profile id, or null for the configured default
     * @param episodeSet a stored episode set's id, or null for the built-in one
     */
    public Run run(String profile, String episodeSet) {
        Setting s = setting(profile, episodeSet);
        return new Run(s.profile(), Backtest.run(s.model(), s.set().episodes()), s.set());
    }

    /**
     * The calibration shown: that of the leave-one-out forecasts (each episode's from a fit without it) when
     * the set has them, else the in-sample run's.
     */
    public static Calibration calibration(Run run, OutOfFold oof) {
        return oof.leaveOneOutCalibration() != null ? oof.leaveOneOutCalibration() : calibration(run.report());
    }

    /**
     * The out-of-fold scores of the profile on the set, computed once per profile, set and model version, in
     * a turn of the analysis capacity (they refit the profile once per episode: 503 when no turn is free);
     * requests for the same scores while they are computed wait for them.
     */
    public OutOfFold outOfFold(String profile, String episodeSet) {
        Setting s = setting(profile, episodeSet);
        return outOfFold(
                s,
                Fitting.Scope.SETTINGS,
                () -> capacity.withTurn(() -> capacity.timer("out-of-fold")
                        .record(() -> computeOutOfFold(
                                s.set().episodes(),
                                Fitting.procedure(
                                        s.model().model(), s.profile(), s.set().episodes(), Fitting.Scope.SETTINGS)))));
    }

    /**
     * The profile fitted to the set (docs/fitting.md) with its in-sample summary, and the
     * out-of-fold scores of the procedure on the set.
     *
     * @param base        the profile fitted (its decision settings and floated-proposal belief change)
     * @param meanLogLoss mean log-loss of the side decisions in sample, over {@code sideDecisions} of them
     */
    public record Fitted(
            Profile base,
            EpisodeSetDefinition set,
            Fitting.Scope scope,
            Profile fitted,
            Backtest.Summary inSample,
            OutOfFold outOfFold,
            double meanLogLoss,
            int sideDecisions) {}

    /**
     * Fits the profile to the set, in a turn of the analysis capacity (a fit and its out-of-fold checks
     * take seconds): 400 naming {@code episodeSet} when the set records fewer than two side decisions.
     */
    public Fitted fit(String profile, String episodeSet, Fitting.Scope scope) {
        Setting s = setting(profile, episodeSet);
        List<Episode> episodes = s.set().episodes();
        int decisions = episodes.stream().mapToInt(e -> e.decisions().size()).sum();
        if (decisions < 2) {
            throw new InvalidInputException(List.of(new Violation(
                    "episodeSet",
                    "episode set '" + s.set().id() + "' records " + decisions
                            + " side decision(s); a fit needs at least 2")));
        }
        return capacity.withTurn(() -> capacity.timer("fit").record(() -> {
            DealModel model = s.model().model();
            Fitting.Procedure procedure = Fitting.procedure(model, s.profile(), episodes, scope);
            Fitting.Fit fit = procedure.fit();
            Backtest.Summary inSample = Backtest.run(CompiledModel.compile(model, fit.profile()), episodes)
                    .summary();
            return new Fitted(
                    s.profile(),
                    s.set(),
                    scope,
                    fit.profile(),
                    inSample,
                    outOfFold(s, scope, () -> computeOutOfFold(episodes, procedure)),
                    fit.logLoss(),
                    fit.sideDecisions());
        }));
    }

    /**
     * The cached out-of-fold scores, else those {@code compute} gives (run on the calling thread; those asking
     * for the same scores meanwhile wait for them, and share its failure, which is not cached).
     */
    private OutOfFold outOfFold(Setting s, Fitting.Scope scope, Supplier<OutOfFold> compute) {
        String key =
                s.profile().id() + "@" + s.profile().version() + "/" + s.set().id() + "@"
                        + s.set().version() + "/" + s.model().model().version() + "/" + scope;
        CompletableFuture<OutOfFold> mine = new CompletableFuture<>();
        CompletableFuture<OutOfFold> known;
        synchronized (outOfFold) {
            known = outOfFold.putIfAbsent(key, mine);
        }
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            OutOfFold computed = compute.get();
            mine.complete(computed);
            return computed;
        } catch (RuntimeException | Error e) {
            synchronized (outOfFold) {
                outOfFold.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static OutOfFold computeOutOfFold(List<Episode> episodes, Fitting.Procedure procedure) {
        Fitting.OutOfFold loo =
                episodes.size() <= MAX_LEAVE_ONE_OUT && episodes.size() > 1 ? procedure.leaveOneOut() : null;
        int before = (int) episodes.stream()
                .filter(e -> e.date().compareTo(TEMPORAL_SPLIT) < 0)
                .count();
        Fitting.OutOfFold temporal = before > 0 && before < episodes.size() ? procedure.temporal(TEMPORAL_SPLIT) : null;
        return new OutOfFold(
                loo == null ? null : loo.summary(),
                loo == null ? null : calibration(new Backtest.Report(loo.results(), loo.summary())),
                temporal == null ? null : temporal.summary(),
                before);
    }

    /** The robustness suite's report on a set under a profile (docs/backtest.md "Robustness"). */
    public record Robustness(
            Profile profile, EpisodeSetDefinition set, Perturbations.Readings readings, Perturbations.Report report) {}

    /**
     * Every episode of the set read again with one thing changed (each number at ±25%, each enum one
     * level, each neighbouring scenario; {@code readings} says whether those the encoding rules forbid are
     * made too), and the readings that flip a recorded side's ratification under the profile: six times a
     * backtest's evaluations (0.2 s on a set of 500 episodes, bench/robustness.sh), so it runs in a turn of
     * the analysis capacity, as fits do.
     */
    public Robustness robustness(String profile, String episodeSet, Perturbations.Readings readings) {
        Setting s = setting(profile, episodeSet);
        return capacity.withTurn(() -> capacity.timer("robustness")
                .record(() -> new Robustness(
                        s.profile(),
                        s.set(),
                        readings,
                        Perturbations.flipRate(s.model(), s.set().episodes(), readings))));
    }

    /** One episode of the set judged by the profile; 404 when no episode of the set has the id. */
    public Run runOne(String id, String profile, String episodeSet) {
        Setting s = setting(profile, episodeSet);
        Episode episode = s.set().episodes().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new UnknownResourceException("episode", id));
        return new Run(s.profile(), Backtest.run(s.model(), List.of(episode)), s.set());
    }

    /** The backtest's probabilities as forecasts: each side's ratification and the agreement, with their bins. */
    public record Calibration(Reliability.Series sideDecisions, Reliability.Series agreement) {
        public List<Reliability.Series> series() {
            return List.of(sideDecisions, agreement);
        }
    }

    /**
     * The forecasts of a report: each ratification probability against the side's recorded decision
     * ("side decisions"), and the agreement probability against the outcome of each episode that has one
     * ("agreement"). Any report will do: the in-sample run, or one built from out-of-fold predictions.
     */
    public static Calibration calibration(Backtest.Report report) {
        List<Reliability.Forecast> sides = new ArrayList<>();
        List<Reliability.Forecast> agreement = new ArrayList<>();
        for (Backtest.Result r : report.results()) {
            r.episode()
                    .decisions()
                    .forEach((side, d) -> sides.add(new Reliability.Forecast(
                            r.evaluation().side(side).ratificationProbability(),
                            d == Episode.Decision.ACCEPTED ? 1 : 0)));
            Integer outcome = r.episode().agreement();
            if (outcome != null) {
                agreement.add(new Reliability.Forecast(r.evaluation().joint().agreementProbability(), outcome));
            }
        }
        return new Calibration(Reliability.of("side decisions", sides), Reliability.of("agreement", agreement));
    }

    /** The profile, the set, and the model compiled for the profile with every scenario the set names. */
    private record Setting(Profile profile, EpisodeSetDefinition set, CompiledModel model) {}

    private Setting setting(String profile, String episodeSet) {
        List<Violation> violations = new ArrayList<>();
        Profile p = profiles.named(profile, violations);
        EpisodeSetService.Prepared set = episodeSets.forBacktest(episodeSet, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Setting(p, set.set(), registry.compiled(p, set.scenarios()));
    }
}
