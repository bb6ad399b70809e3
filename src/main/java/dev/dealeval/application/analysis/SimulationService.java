package dev.dealeval.application.analysis;

import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.analysis.Simulation;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Negotiation simulations (stacked alternating offers) and tournaments of strategies. The offers
 * come from the deal space a search defines, scored by the same engine: one search per setting
 * keeps the frontiers the sides bid from, then each simulation plays on them.
 */
@ApplicationScoped
public class SimulationService {
    private final AnalysisService analyses;
    private final DealevalConfig.Analysis limits;

    public SimulationService(AnalysisService analyses, DealevalConfig config) {
        this.analyses = analyses;
        this.limits = config.analysis();
    }

    /** A strategy as a request names it; null exponent or window: the kind's default. */
    public record StrategyChoice(String name, Simulation.Kind kind, Double exponent, Double window) {}

    /** The deal space and setting, as a search states them. */
    public record Space(
            AnalysisService.Subject subject,
            Map<String, Object> base,
            List<AnalysisService.TermLevels> terms,
            Long budget) {}

    public record SimulationCommand(
            Space space, StrategyChoice us, StrategyChoice cn, int deadline, Side starts, long seed) {}

    /**
     * A played negotiation in its setting: the search that defined the space (frontier and Nash
     * bundle included), the bundles offered, and the agreement's full evaluation (null on breakdown).
     */
    public record Simulated(
            AnalysisService.Searched search,
            Simulation.Spec spec,
            Simulation.Result result,
            List<double[]> offerBundles,
            Evaluation agreement,
            double distanceToFrontier,
            double distanceToNash,
            long elapsedNanos) {}

    public Simulated simulate(SimulationCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        AnalysisService.checkSize("deadline", cmd.deadline(), 1, limits.maxSimulationRounds(), violations);
        Simulation.Strategy us = strategy("strategies.us", cmd.us(), violations);
        Simulation.Strategy cn = strategy("strategies.cn", cmd.cn(), violations);
        AnalysisService.throwIfAny(violations);
        long t0 = System.nanoTime();
        AnalysisService.Searched s = analyses.search(searchCommand(cmd.space()), true, limits.maxSearchBundles());
        Simulation.Spec spec = new Simulation.Spec(us, cn, cmd.deadline(), cmd.starts(), cmd.seed());
        return analyses.timer("simulation").record(() -> play(s, pools(s), spec, t0));
    }

    private Simulated play(AnalysisService.Searched s, Simulation.Pools pools, Simulation.Spec spec, long t0) {
        Simulation.Result r = Simulation.run(pools, spec);
        List<double[]> bundles =
                r.offers().stream().map(o -> Search.bundle(s.spec(), o.index())).toList();
        Evaluation agreement = null;
        double toFrontier = Double.NaN;
        double toNash = Double.NaN;
        if (r.agreed()) {
            CompiledModel m = s.context().model();
            agreement = Evaluator.evaluate(
                    m,
                    bundle(bundles.get(r.agreement()), s.searched()),
                    s.context().scenario(),
                    List.of());
            Simulation.Candidate a = r.agreedOffer();
            toFrontier =
                    distanceToFrontier(a.usSurplus(), a.cnSurplus(), s.result().frontier());
            Search.Point nash = s.result().solutions().nash();
            toNash = nash == null
                    ? Double.NaN
                    : Math.hypot(a.usSurplus() - nash.usSurplus(), a.cnSurplus() - nash.cnSurplus());
        }
        return new Simulated(s, spec, r, bundles, agreement, toFrontier, toNash, System.nanoTime() - t0);
    }

    /**
     * The Pareto distance of ANAC's analyses: the smallest Euclidean distance, in surplus, from the
     * point to a point of the frontier of the bundles both sides ratify (0 on it; NaN without one).
     */
    static double distanceToFrontier(double x, double y, List<Search.Point> frontier) {
        double best = Double.NaN;
        for (Search.Point p : frontier) {
            double d = Math.hypot(p.usSurplus() - x, p.cnSurplus() - y);
            best = Double.isNaN(best) ? d : Math.min(best, d);
        }
        return best;
    }

    /** The searched bundle with the terms a client would state: the base bundle's given terms and the searched ones. */
    private static Bundle bundle(double[] x, boolean[] searched) {
        Bundle b = Bundle.empty(x.length);
        for (int t = 0; t < x.length; t++) {
            if (searched[t]) {
                b.values()[t] = x[t];
                b.given()[t] = true;
            }
        }
        return b;
    }

    /** The frontiers the sides bid from, each bundle with who would ratify it. */
    private static Simulation.Pools pools(AnalysisService.Searched s) {
        return Simulation.Pools.of(s.context().model(), s.spec(), s.result().offers());
    }

    private static AnalysisService.SearchCommand searchCommand(Space space) {
        return new AnalysisService.SearchCommand(
                space.subject(), space.base(), space.terms(), null, null, space.budget(), null, null);
    }

    /** The strategy a request names, checked: a positive finite exponent, a non-negative window. */
    static Simulation.Strategy strategy(String field, StrategyChoice choice, List<Violation> violations) {
        if (choice == null || choice.kind() == null) {
            violations.add(new Violation(
                    field + ".kind",
                    "is required: one of BOULWARE, LINEAR, CONCEDER, TIME_DEPENDENT, TIT_FOR_TAT, "
                            + "RATIFICATION_AWARE"));
            return null;
        }
        double e = choice.exponent() == null ? choice.kind().defaultExponent() : choice.exponent();
        double window = choice.window() == null ? 0 : choice.window();
        boolean fixed =
                choice.kind() != Simulation.Kind.TIME_DEPENDENT && choice.kind() != Simulation.Kind.RATIFICATION_AWARE;
        int before = violations.size();
        if (choice.exponent() != null && fixed) {
            violations.add(new Violation(
                    field + ".exponent",
                    choice.kind() + " has its own exponent ("
                            + Numbers.plain(choice.kind().defaultExponent())
                            + "); use TIME_DEPENDENT or RATIFICATION_AWARE to choose one"));
        } else if (!(e >= 0.01 && e <= 100)) {
            violations.add(new Violation(field + ".exponent", "must be between 0.01 and 100"));
        }
        if (!(window >= 0 && window <= 100)) {
            violations.add(new Violation(field + ".window", "must be between 0 and 100"));
        }
        return violations.size() > before ? null : new Simulation.Strategy(choice.kind(), e, window);
    }

    // ------------------------------------------------------------------ tournaments

    /** One setting a tournament plays in: a scenario and profile of the U.S.–China model, or an imported domain. */
    public record Setting(String scenario, String profile, String domain) {}

    public record TournamentCommand(
            List<StrategyChoice> strategies,
            List<Setting> settings,
            Map<String, Object> base,
            List<AnalysisService.TermLevels> terms,
            Long budget,
            int deadline,
            long seed) {}

    /** Totals of one ordered pair (the U.S. playing the first strategy, China the second) over every setting. */
    public record PairResult(
            int us,
            int cn,
            int played,
            int agreements,
            int ratified,
            double meanUsSurplus,
            double meanCnSurplus,
            double meanRounds) {}

    public record Tournament(
            List<String> names,
            List<Simulation.Strategy> strategies,
            List<Setting> settings,
            List<PairResult> pairs,
            long simulations,
            long elapsedNanos) {}

    private static AnalysisService.Subject subject(Setting setting) {
        return new AnalysisService.Subject(setting.scenario(), setting.profile(), null, setting.domain());
    }

    public Tournament tournament(TournamentCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        AnalysisService.checkSize("deadline", cmd.deadline(), 1, limits.maxSimulationRounds(), violations);
        AnalysisService.checkSize(
                "strategies",
                cmd.strategies() == null ? 0 : cmd.strategies().size(),
                2,
                limits.maxTournamentStrategies(),
                violations);
        int settingCount = cmd.settings().size();
        if (settingCount > limits.maxTournamentSettings()) {
            boolean domains = cmd.settings().get(0).domain() != null;
            violations.add(new Violation(
                    domains ? "domains" : "scenarios",
                    (domains ? "the domains make " : "the scenarios × profiles make ") + settingCount
                            + " settings, more than the configured " + limits.maxTournamentSettings()));
        }
        List<Simulation.Strategy> strategies = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (cmd.strategies() != null) {
            for (int i = 0; i < cmd.strategies().size(); i++) {
                StrategyChoice c = cmd.strategies().get(i);
                strategies.add(strategy("strategies[" + i + "]", c, violations));
                String name = c == null || c.name() == null
                        ? (c == null || c.kind() == null
                                ? "strategy " + (i + 1)
                                : c.kind().name())
                        : c.name();
                if (names.contains(name)) {
                    violations.add(new Violation(
                            "strategies[" + i + "].name", "'" + name + "' is used twice; name each strategy"));
                }
                names.add(name);
            }
        }
        // Every setting checked before any is played.
        for (int k = 0; k < settingCount && k < limits.maxTournamentSettings(); k++) {
            Setting setting = cmd.settings().get(k);
            analyses.checkSubject(subject(setting), "settings[" + k + "]", violations);
        }
        AnalysisService.throwIfAny(violations);
        long t0 = System.nanoTime();
        int n = strategies.size();
        double[][] usSum = new double[n][n];
        double[][] cnSum = new double[n][n];
        double[][] roundSum = new double[n][n];
        int[][] agreements = new int[n][n];
        int[][] ratified = new int[n][n];
        long played = 0;
        List<Setting> resolved = new ArrayList<>();
        for (int k = 0; k < cmd.settings().size(); k++) {
            Setting setting = cmd.settings().get(k);
            AnalysisService.Searched s = analyses.search(
                    searchCommand(new Space(subject(setting), cmd.base(), cmd.terms(), cmd.budget())),
                    true,
                    limits.maxTournamentBundles());
            Simulation.Pools pools = pools(s);
            CompiledModel m = s.context().model();
            resolved.add(
                    s.context().domain() != null
                            ? setting
                            : new Setting(
                                    m.model()
                                            .scenarios()
                                            .get(s.context().scenario())
                                            .id(),
                                    m.profile().id(),
                                    null));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    long seed = cmd.seed() + 1_000_003L * k + 1_009L * i + j;
                    Simulation.Result r = Simulation.run(
                            pools,
                            new Simulation.Spec(strategies.get(i), strategies.get(j), cmd.deadline(), Side.US, seed));
                    played++;
                    if (r.agreed()) {
                        agreements[i][j]++;
                        roundSum[i][j] += r.agreementRound();
                    } else {
                        roundSum[i][j] += cmd.deadline();
                    }
                    if (r.ratifiedByBoth()) {
                        // What each side keeps over no deal: the agreement when both governments ratify it, else
                        // nothing.
                        ratified[i][j]++;
                        usSum[i][j] += r.agreedOffer().usSurplus();
                        cnSum[i][j] += r.agreedOffer().cnSurplus();
                    }
                }
            }
        }
        int settings = cmd.settings().size();
        List<PairResult> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                pairs.add(new PairResult(
                        i,
                        j,
                        settings,
                        agreements[i][j],
                        ratified[i][j],
                        usSum[i][j] / settings,
                        cnSum[i][j] / settings,
                        roundSum[i][j] / settings));
            }
        }
        return new Tournament(
                List.copyOf(names),
                List.copyOf(strategies),
                List.copyOf(resolved),
                List.copyOf(pairs),
                played,
                System.nanoTime() - t0);
    }
}
