package dev.dealeval.application.analysis.search;

import dev.dealeval.application.analysis.AnalysedSetting;
import dev.dealeval.application.analysis.BundleCodec;
import dev.dealeval.domain.analysis.Comparison;
import dev.dealeval.domain.analysis.Frontier;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.analysis.Solutions;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A search as its answer states it, every judgement already made: the frontier thinned to the
 * request's limit (both ends and the solutions kept), each reference's feasibility and the frontier
 * bundle that dominates it, the warnings, and every bundle decoded as a client writes it.
 *
 * @param frontier      the whole frontier, U.S. surplus ascending (what a chart draws)
 * @param shown         the frontier bundles listed: all of them, or as many as the limit spread evenly
 * @param elapsedMillis how long the search itself took
 */
public record SearchReport(
        AnalysedSetting setting,
        Space space,
        Counts counts,
        NoDeal noDeal,
        Ideal ideal,
        List<Search.Point> frontier,
        List<Found> shown,
        Found nash,
        Found kalaiSmorodinsky,
        Found egalitarian,
        Found utilitarian,
        List<Reference> references,
        long elapsedMillis,
        List<String> warnings) {

    /** The searched space: its size and each searched term with its levels, as a client writes them. */
    public record Space(long size, List<SpaceTerm> terms) {}

    public record SpaceTerm(String term, List<Object> levels) {}

    public record Counts(long examined, long usRatifies, long cnRatifies, long feasible, long bothGain) {}

    /** Each side's no-deal utility. */
    public record NoDeal(double usUtility, double cnUtility) {}

    /** The best surplus of each side among the bundles both strictly prefer to no deal. */
    public record Ideal(double usSurplus, double cnSurplus) {}

    /** A bundle found, by its enumeration index: its terms (or a domain's outcome; the other is null). */
    public record Found(
            long index,
            double usSurplus,
            double cnSurplus,
            double nashProduct,
            double welfare,
            long equivalents,
            Map<String, Object> terms,
            Map<String, Object> outcome) {}

    /**
     * Where a reference bundle stands.
     *
     * @param feasible    whether both sides ratify it and it meets the minimum surpluses
     * @param dominatedBy the frontier bundle that Pareto-dominates it with the largest Nash product, or null
     */
    public record Reference(
            String name, double usSurplus, double cnSurplus, Verdict verdict, boolean feasible, Found dominatedBy) {}

    public static SearchReport of(SearchService.Searched s) {
        CompiledModel m = s.context().model();
        int sc = s.context().scenario();
        BundleCodec codec = new BundleCodec(s.context());
        Search.Result r = s.result();
        Solutions sol = r.solutions();
        List<Search.Point> front = r.frontier();
        // thin a long frontier evenly, keeping both ends and the solutions
        TreeSet<Integer> keep = Frontier.spread(front.size(), s.frontierLimit());
        if (front.size() > s.frontierLimit()) {
            for (Search.Point p :
                    Arrays.asList(sol.nash(), sol.kalaiSmorodinsky(), sol.egalitarian(), sol.utilitarian())) {
                if (p != null) {
                    keep.add(front.indexOf(p));
                }
            }
        }
        return new SearchReport(
                AnalysedSetting.of(s.context()),
                new Space(
                        s.spec().size(),
                        s.spec().dimensions().stream()
                                .map(d -> new SpaceTerm(codec.id(d.term()), codec.levels(d)))
                                .toList()),
                new Counts(r.examined(), r.usRatifies(), r.cnRatifies(), r.feasible(), r.bothGain()),
                new NoDeal(m.noDealUtility(Side.US, sc), m.noDealUtility(Side.CN, sc)),
                sol.nash() == null ? null : new Ideal(sol.idealUs(), sol.idealCn()),
                front,
                keep.stream().map(i -> found(s, codec, front.get(i))).toList(),
                found(s, codec, sol.nash()),
                found(s, codec, sol.kalaiSmorodinsky()),
                found(s, codec, sol.egalitarian()),
                found(s, codec, sol.utilitarian()),
                references(s, codec),
                s.elapsedNanos() / 1_000_000,
                warnings(s));
    }

    private static List<Reference> references(SearchService.Searched s, BundleCodec codec) {
        List<Reference> out = new ArrayList<>();
        for (int i = 0; i < s.references().size(); i++) {
            Evaluation e = s.references().get(i);
            double us = e.side(Side.US).surplus();
            double cn = e.side(Side.CN).surplus();
            boolean feasible = e.joint().verdict() == Verdict.AGREEMENT_LIKELY
                    && us >= s.spec().minUsSurplus()
                    && cn >= s.spec().minCnSurplus();
            Search.Point dominator = null;
            for (Search.Point p : s.result().frontier()) {
                if (Comparison.dominates(p.usSurplus(), p.cnSurplus(), us, cn)
                        && (dominator == null || p.nashProduct() > dominator.nashProduct())) {
                    dominator = p;
                }
            }
            out.add(new Reference(
                    s.referenceNames().get(i), us, cn, e.joint().verdict(), feasible, found(s, codec, dominator)));
        }
        return out;
    }

    private static List<String> warnings(SearchService.Searched s) {
        List<String> warnings = new ArrayList<>(s.context().warnings());
        Search.Result r = s.result();
        if (r.feasible() == 0) {
            warnings.add("No bundle in the space is ratified by both sides"
                    + (Double.isInfinite(s.spec().minUsSurplus())
                                    && Double.isInfinite(s.spec().minCnSurplus())
                            ? ""
                            : " with the minimum surpluses")
                    + ": vary other terms or levels, or try POST /api/v1/counteroffers on a promising bundle.");
        } else if (r.bothGain() == 0) {
            warnings.add(
                    "Every feasible bundle leaves a side no better off than no deal, so there are no bargaining solutions.");
        }
        return warnings;
    }

    /** A frontier bundle decoded: the terms the search states (the base bundle's and the searched ones). */
    static Found found(SearchService.Searched s, BundleCodec codec, Search.Point p) {
        if (p == null) {
            return null;
        }
        BundleCodec.Decoded b = codec.decode(Search.bundle(s.spec(), p.index()), s.searched());
        return new Found(
                p.index(),
                p.usSurplus(),
                p.cnSurplus(),
                p.nashProduct(),
                p.welfare(),
                p.equivalents(),
                b.terms(),
                b.outcome());
    }
}
