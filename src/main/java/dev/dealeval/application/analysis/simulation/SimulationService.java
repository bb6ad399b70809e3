package dev.dealeval.application.analysis.simulation;

import static dev.dealeval.application.analysis.AnalysisInputs.checkSize;
import static dev.dealeval.application.analysis.AnalysisInputs.throwIfAny;

import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.analysis.AnalysisInputs.Subject;
import dev.dealeval.application.analysis.AnalysisInputs.TermLevels;
import dev.dealeval.application.analysis.BundleCodec;
import dev.dealeval.application.analysis.search.SearchReport;
import dev.dealeval.application.analysis.search.SearchService;
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
 * Negotiation simulations (stacked alternating offers; docs/analyses.md). The offers come from the
 * deal space a search defines, scored by the same engine: the search keeps the frontiers the sides
 * bid from, then the simulation plays on them.
 */
@ApplicationScoped
public class SimulationService {
    private final SearchService searches;
    private final AnalysisCapacity capacity;

    public SimulationService(SearchService searches, AnalysisCapacity capacity) {
        this.searches = searches;
        this.capacity = capacity;
    }

    /** A strategy as a request names it; null exponent or window: the kind's default. */
    public record StrategyChoice(String name, Simulation.Kind kind, Double exponent, Double window) {}

    /** The deal space and setting, as a search states them. */
    public record Space(Subject subject, Map<String, Object> base, List<TermLevels> terms, Long budget) {}

    public record SimulationCommand(
            Space space, StrategyChoice us, StrategyChoice cn, int deadline, Side starts, long seed) {}

    public SimulationReport simulate(SimulationCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        checkSize("deadline", cmd.deadline(), 1, capacity.limits().maxSimulationRounds(), violations);
        Simulation.Strategy us = strategy("strategies.us", cmd.us(), violations);
        Simulation.Strategy cn = strategy("strategies.cn", cmd.cn(), violations);
        throwIfAny(violations);
        long t0 = System.nanoTime();
        SearchService.Searched s = searches.explore(
                searchCommand(cmd.space()), true, capacity.limits().maxSearchBundles());
        Simulation.Spec spec = new Simulation.Spec(us, cn, cmd.deadline(), cmd.starts(), cmd.seed());
        return capacity.timer("simulation").record(() -> play(s, spec, t0));
    }

    private static SimulationReport play(SearchService.Searched s, Simulation.Spec spec, long t0) {
        Simulation.Result r = Simulation.run(pools(s), spec);
        CompiledModel m = s.context().model();
        int sc = s.context().scenario();
        double dUs = m.noDealUtility(Side.US, sc);
        double dCn = m.noDealUtility(Side.CN, sc);
        BundleCodec codec = new BundleCodec(s.context());
        List<double[]> bundles =
                r.offers().stream().map(o -> Search.bundle(s.spec(), o.index())).toList();
        List<SimulationReport.Offer> offers = new ArrayList<>();
        for (int i = 0; i < r.offers().size(); i++) {
            Simulation.Candidate o = r.offers().get(i);
            BundleCodec.Decoded b = codec.decode(bundles.get(i), s.searched());
            offers.add(new SimulationReport.Offer(
                    i,
                    o.index(),
                    o.usSurplus(),
                    o.cnSurplus(),
                    o.usSurplus() + dUs,
                    o.cnSurplus() + dCn,
                    o.usRatifies(),
                    o.cnRatifies(),
                    b.terms(),
                    b.outcome()));
        }
        List<SimulationReport.Round> rounds = r.rounds().stream()
                .map(x -> {
                    Simulation.Candidate o = r.offers().get(x.offer());
                    return new SimulationReport.Round(
                            x.round(),
                            x.proposer(),
                            x.offer(),
                            x.proposerTarget(),
                            o.usSurplus(),
                            o.cnSurplus(),
                            o.usSurplus() + dUs,
                            o.cnSurplus() + dCn,
                            x.accepted());
                })
                .toList();
        SimulationReport.Outcome outcome =
                r.agreed() ? agreement(s, spec, r, bundles.get(r.agreement())) : breakdown(spec);
        List<String> warnings = new ArrayList<>(s.context().warnings());
        if (s.result().feasible() == 0) {
            warnings.add(
                    "No bundle of the space is ratified by both sides: no negotiation can end in a ratified agreement.");
        }
        long elapsed = System.nanoTime() - t0;
        return new SimulationReport(SearchReport.of(s), spec, offers, rounds, outcome, elapsed / 1_000_000, warnings);
    }

    private static SimulationReport.Outcome breakdown(Simulation.Spec spec) {
        return new SimulationReport.Outcome(
                false,
                null,
                null,
                null,
                false,
                null,
                0,
                0,
                null,
                null,
                0,
                null,
                null,
                "No agreement in " + spec.deadline() + " rounds: each side keeps its no-deal utility.");
    }

    /** The agreement with its full evaluation, and how far it lies from the frontier and from the Nash bundle. */
    private static SimulationReport.Outcome agreement(
            SearchService.Searched s, Simulation.Spec spec, Simulation.Result r, double[] x) {
        Evaluation e = Evaluator.evaluate(
                s.context().model(), bundle(x, s.searched()), s.context().scenario(), List.of());
        Simulation.Candidate a = r.agreedOffer();
        double toFrontier =
                distanceToFrontier(a.usSurplus(), a.cnSurplus(), s.result().frontier());
        Search.Point nash = s.result().solutions().nash();
        double toNash = nash == null
                ? Double.NaN
                : Math.hypot(a.usSurplus() - nash.usSurplus(), a.cnSurplus() - nash.cnSurplus());
        Simulation.Round last = r.rounds().get(r.rounds().size() - 1);
        Side by = last.proposer().other();
        String summary = (by == Side.US ? "The U.S." : "China") + " accepted offer " + r.agreement() + " in round "
                + r.agreementRound()
                + " of " + spec.deadline() + "; "
                + (r.ratifiedByBoth()
                        ? "both governments would ratify it."
                        : (e.side(Side.US).ratified() ? "China's" : "the U.S.") + " government would not ratify it.");
        return new SimulationReport.Outcome(
                true,
                r.agreementRound(),
                by,
                r.agreement(),
                r.ratifiedByBoth(),
                e.joint().verdict(),
                e.side(Side.US).surplus(),
                e.side(Side.CN).surplus(),
                e.side(Side.US).ratificationProbability(),
                e.side(Side.CN).ratificationProbability(),
                e.joint().nashProduct(),
                finite(toFrontier),
                finite(toNash),
                summary);
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
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
    static Simulation.Pools pools(SearchService.Searched s) {
        return Simulation.Pools.of(s.context().model(), s.spec(), s.result().offers());
    }

    static SearchService.SearchCommand searchCommand(Space space) {
        return new SearchService.SearchCommand(
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
}
