package dev.dealeval.application.analysis.simulation;

import static dev.dealeval.application.analysis.AnalysisInputs.checkSize;
import static dev.dealeval.application.analysis.AnalysisInputs.throwIfAny;

import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.analysis.AnalysisInputs;
import dev.dealeval.application.analysis.AnalysisInputs.Subject;
import dev.dealeval.application.analysis.AnalysisInputs.TermLevels;
import dev.dealeval.application.analysis.search.SearchService;
import dev.dealeval.application.analysis.simulation.SimulationService.StrategyChoice;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.analysis.Simulation;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Side;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Tournaments of negotiation strategies (docs/analyses.md): every ordered pair of strategies plays
 * in every setting, as the ANAC competitions do; one search of the space per setting.
 */
@ApplicationScoped
public class TournamentService {
    private final SearchService searches;
    private final AnalysisInputs inputs;
    private final DealevalConfig.Analysis limits;

    public TournamentService(SearchService searches, AnalysisInputs inputs, AnalysisCapacity capacity) {
        this.searches = searches;
        this.inputs = inputs;
        this.limits = capacity.limits();
    }

    /** One setting a tournament plays in: a scenario and profile of the U.S.–China model, or an imported domain. */
    public record Setting(String scenario, String profile, String domain) {}

    /**
     * @param domains   the imported domains to play in (each its own setting), or null or empty
     * @param base      the base bundle, null when the request has none (with domains it must have none)
     * @param scenarios with profiles, the settings of the U.S.–China model (null or empty: the default)
     */
    public record TournamentCommand(
            List<StrategyChoice> strategies,
            List<String> domains,
            List<String> scenarios,
            List<String> profiles,
            Map<String, Object> base,
            List<TermLevels> terms,
            Long budget,
            int deadline,
            long seed) {}

    /**
     * A tournament's results: per ordered pair (the U.S. playing the first strategy, China the
     * second) totals over every setting, and the strategies ranked by their mean surplus.
     */
    public record TournamentReport(
            List<Entrant> entrants,
            List<Setting> settings,
            int deadline,
            long seed,
            long simulations,
            List<Pair> pairs,
            List<Standing> ranking,
            long elapsedMillis) {}

    public record Entrant(String name, Simulation.Strategy strategy) {}

    /** @param agreementRate the share of its negotiations that ended in an agreement both governments ratify */
    public record Pair(
            String us,
            String cn,
            int played,
            int agreements,
            int ratified,
            double agreementRate,
            double meanUsSurplus,
            double meanCnSurplus,
            double meanRounds) {}

    public record Standing(int rank, String strategy, double meanSurplus, double agreementRate) {}

    public TournamentReport tournament(TournamentCommand cmd) {
        List<Setting> settings = settings(cmd);
        List<Violation> violations = new ArrayList<>();
        checkSize("deadline", cmd.deadline(), 1, limits.maxSimulationRounds(), violations);
        checkSize(
                "strategies",
                cmd.strategies() == null ? 0 : cmd.strategies().size(),
                2,
                limits.maxTournamentStrategies(),
                violations);
        if (settings.size() > limits.maxTournamentSettings()) {
            boolean domains = settings.get(0).domain() != null;
            violations.add(new Violation(
                    domains ? "domains" : "scenarios",
                    (domains ? "the domains make " : "the scenarios × profiles make ") + settings.size()
                            + " settings, more than the configured " + limits.maxTournamentSettings()));
        }
        List<Entrant> entrants = entrants(cmd.strategies(), violations);
        // Every setting checked before any is played.
        for (int k = 0; k < settings.size() && k < limits.maxTournamentSettings(); k++) {
            inputs.checkSubject(subject(settings.get(k)), "settings[" + k + "]", violations);
        }
        throwIfAny(violations);
        return play(cmd, settings, entrants);
    }

    /** The settings a request names: each domain, or each scenario with each profile. */
    private static List<Setting> settings(TournamentCommand cmd) {
        List<Setting> settings = new ArrayList<>();
        if (cmd.domains() != null && !cmd.domains().isEmpty()) {
            List<Violation> violations = new ArrayList<>();
            if (cmd.scenarios() != null && !cmd.scenarios().isEmpty()) {
                violations.add(
                        new Violation("scenarios", "leave them out with domains: each domain is its own setting"));
            }
            if (cmd.profiles() != null && !cmd.profiles().isEmpty()) {
                violations.add(
                        new Violation("profiles", "leave them out with domains: each domain is its own setting"));
            }
            if (cmd.base() != null) {
                violations.add(new Violation("base", "leave it out with domains: every issue is negotiated"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            cmd.domains().forEach(d -> settings.add(new Setting(null, null, d)));
            return settings;
        }
        for (String sc : orDefault(cmd.scenarios())) {
            for (String p : orDefault(cmd.profiles())) {
                settings.add(new Setting(sc, p, null));
            }
        }
        return settings;
    }

    private static List<String> orDefault(List<String> ids) {
        return ids == null || ids.isEmpty() ? Collections.singletonList(null) : ids;
    }

    /** The strategies, checked and named (a strategy without a name is called by its kind). */
    private static List<Entrant> entrants(List<StrategyChoice> choices, List<Violation> violations) {
        List<Entrant> entrants = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (choices == null) {
            return entrants;
        }
        for (int i = 0; i < choices.size(); i++) {
            StrategyChoice c = choices.get(i);
            Simulation.Strategy s = SimulationService.strategy("strategies[" + i + "]", c, violations);
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
            entrants.add(new Entrant(name, s));
        }
        return entrants;
    }

    private static Subject subject(Setting setting) {
        return new Subject(setting.scenario(), setting.profile(), null, setting.domain());
    }

    private TournamentReport play(TournamentCommand cmd, List<Setting> settings, List<Entrant> entrants) {
        long t0 = System.nanoTime();
        int n = entrants.size();
        double[][] usSum = new double[n][n];
        double[][] cnSum = new double[n][n];
        double[][] roundSum = new double[n][n];
        int[][] agreements = new int[n][n];
        int[][] ratified = new int[n][n];
        long played = 0;
        List<Setting> resolved = new ArrayList<>();
        for (int k = 0; k < settings.size(); k++) {
            Setting setting = settings.get(k);
            SearchService.Searched s = searches.explore(
                    SimulationService.searchCommand(
                            new SimulationService.Space(subject(setting), cmd.base(), cmd.terms(), cmd.budget())),
                    true,
                    limits.maxTournamentBundles());
            Simulation.Pools pools = SimulationService.pools(s);
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
                            new Simulation.Spec(
                                    entrants.get(i).strategy(),
                                    entrants.get(j).strategy(),
                                    cmd.deadline(),
                                    Side.US,
                                    seed));
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
        int count = settings.size();
        List<Pair> pairs = new ArrayList<>();
        double[] surplus = new double[n];
        double[] ratifiedBy = new double[n];
        double[] playedBy = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double meanUs = usSum[i][j] / count;
                double meanCn = cnSum[i][j] / count;
                pairs.add(new Pair(
                        entrants.get(i).name(),
                        entrants.get(j).name(),
                        count,
                        agreements[i][j],
                        ratified[i][j],
                        ratified[i][j] / (double) count,
                        meanUs,
                        meanCn,
                        roundSum[i][j] / count));
                surplus[i] += meanUs * count;
                surplus[j] += meanCn * count;
                ratifiedBy[i] += ratified[i][j];
                ratifiedBy[j] += ratified[i][j];
                playedBy[i] += count;
                playedBy[j] += count;
            }
        }
        return new TournamentReport(
                List.copyOf(entrants),
                List.copyOf(resolved),
                cmd.deadline(),
                cmd.seed(),
                played,
                List.copyOf(pairs),
                ranking(entrants, surplus, ratifiedBy, playedBy),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The strategies by mean surplus over every negotiation they played, either side. */
    private static List<Standing> ranking(
            List<Entrant> entrants, double[] surplus, double[] ratified, double[] played) {
        int n = entrants.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(surplus[b] / played[b], surplus[a] / played[a]));
        List<Standing> ranking = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            ranking.add(new Standing(k + 1, entrants.get(i).name(), surplus[i] / played[i], ratified[i] / played[i]));
        }
        return ranking;
    }
}
