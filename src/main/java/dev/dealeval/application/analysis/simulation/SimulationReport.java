package dev.dealeval.application.analysis.simulation;

import dev.dealeval.application.analysis.search.SearchReport;
import dev.dealeval.domain.analysis.Simulation;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.model.Side;
import java.util.List;
import java.util.Map;

/**
 * A simulated negotiation as its answer states it, every judgement already made.
 *
 * @param space    the search that defined the deal space: its setting, terms, no-deal point, frontier and solutions
 * @param offers   every distinct bundle offered, in order of first offer, decoded
 * @param warnings the request's warnings, and why no ratified agreement is possible when none is
 */
public record SimulationReport(
        SearchReport space,
        Simulation.Spec spec,
        List<Offer> offers,
        List<Round> rounds,
        Outcome outcome,
        long elapsedMillis,
        List<String> warnings) {

    /** An offer: its surpluses and utilities, who would ratify it, and its terms (or a domain's outcome). */
    public record Offer(
            int id,
            long index,
            double usSurplus,
            double cnSurplus,
            double usUtility,
            double cnUtility,
            boolean usRatifies,
            boolean cnRatifies,
            Map<String, Object> terms,
            Map<String, Object> outcome) {}

    /** A round: who proposed which offer, asking for what, and whether it was accepted. */
    public record Round(
            int round,
            Side proposer,
            int offer,
            double proposerTarget,
            double usSurplus,
            double cnSurplus,
            double usUtility,
            double cnUtility,
            boolean accepted) {}

    /**
     * How the talks ended; on breakdown only agreed (false), the surpluses (0) and the summary count.
     *
     * @param distanceToFrontier in surplus, to the nearest frontier bundle (null without a frontier)
     * @param distanceToNash     in surplus, to the Nash bundle (null without one)
     */
    public record Outcome(
            boolean agreed,
            Integer round,
            Side acceptedBy,
            Integer offer,
            boolean ratifiedByBoth,
            Verdict verdict,
            double usSurplus,
            double cnSurplus,
            Double usRatificationProbability,
            Double cnRatificationProbability,
            double nashProduct,
            Double distanceToFrontier,
            Double distanceToNash,
            String summary) {}
}
