package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.SearchResponse;
import dev.dealeval.api.v1.dto.SearchTerm;
import dev.dealeval.application.analysis.AnalysedSetting;
import dev.dealeval.application.analysis.search.SearchReport;
import dev.dealeval.domain.analysis.Frontier;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.presentation.chart.FrontierChart;
import java.util.ArrayList;
import java.util.List;

/** Copies a search report into the API's answer, or into a chart. */
final class SearchMapper {
    static final String RULES =
            "A bundle is on the frontier when no feasible bundle is at least as good for both sides and strictly "
                    + "better for one; surpluses are compared exactly. Of bundles with identical surpluses the first in enumeration order is "
                    + "shown and the others are counted as its equivalents. Enumeration order: the terms in the order listed, the last one "
                    + "changing fastest, each through its levels in the order given. Solutions are chosen among feasible bundles with both "
                    + "surpluses above 0; ties go to the larger welfare (for utilitarian, the larger smaller surplus), then to the earlier "
                    + "bundle, so every solution is a frontier bundle.";

    /** Frontier points a chart draws: beyond this a browser slows down and the eye sees no difference. */
    static final int CHART_POINTS = 5000;

    private SearchMapper() {}

    static SearchResponse response(SearchReport r) {
        List<SearchResponse.FoundBundle> shown =
                r.shown().stream().map(SearchMapper::found).toList();
        var c = r.counts();
        return new SearchResponse(
                r.setting().scenario(),
                r.setting().profile(),
                r.setting().profileVersion(),
                space(r.space()),
                new SearchResponse.SearchCounts(
                        c.examined(), c.usRatifies(), c.cnRatifies(), c.feasible(), c.bothGain()),
                noDeal(r.noDeal()),
                r.ideal() == null
                        ? null
                        : new SearchResponse.IdealPoint(
                                r.ideal().usSurplus(), r.ideal().cnSurplus()),
                new SearchResponse.FrontierResult(r.frontier().size(), shown.size(), shown),
                new SearchResponse.BargainingSolutions(
                        found(r.nash()), found(r.kalaiSmorodinsky()), found(r.egalitarian()), found(r.utilitarian())),
                r.references().stream()
                        .map(x -> new SearchResponse.ReferenceResult(
                                x.name(),
                                x.usSurplus(),
                                x.cnSurplus(),
                                x.verdict(),
                                x.feasible(),
                                found(x.dominatedBy())))
                        .toList(),
                r.elapsedMillis(),
                RULES,
                r.warnings(),
                AnalysisMapper.domain(r.setting()));
    }

    static SearchResponse.SearchSpace space(SearchReport.Space s) {
        return new SearchResponse.SearchSpace(
                s.size(),
                s.terms().stream()
                        .map(t -> new SearchTerm(t.term(), t.levels()))
                        .toList());
    }

    static SearchResponse.NoDealPoint noDeal(SearchReport.NoDeal d) {
        return new SearchResponse.NoDealPoint(d.usUtility(), d.cnUtility());
    }

    static SearchResponse.FoundBundle found(SearchReport.Found f) {
        return f == null
                ? null
                : new SearchResponse.FoundBundle(
                        f.index(),
                        f.usSurplus(),
                        f.cnSurplus(),
                        f.nashProduct(),
                        f.welfare(),
                        f.equivalents(),
                        AnalysisMapper.bundle(f.terms()),
                        f.outcome());
    }

    /**
     * The frontier (whole, or CHART_POINTS of it spread evenly when longer), the solutions, the
     * references and the no-deal point as a chart.
     */
    static FrontierChart.Chart chart(SearchReport r) {
        List<FrontierChart.Point> front = Frontier.spread(r.frontier().size(), CHART_POINTS).stream()
                .map(r.frontier()::get)
                .map(p -> new FrontierChart.Point(p.usSurplus(), p.cnSurplus()))
                .toList();
        List<FrontierChart.Mark> solutions = new ArrayList<>();
        addMark(solutions, "Nash", r.nash());
        addMark(solutions, "Kalai–Smorodinsky", r.kalaiSmorodinsky());
        addMark(solutions, "egalitarian", r.egalitarian());
        addMark(solutions, "utilitarian", r.utilitarian());
        List<FrontierChart.Mark> refs = r.references().stream()
                .map(x -> new FrontierChart.Mark(x.name(), x.usSurplus(), x.cnSurplus()))
                .toList();
        AnalysedSetting.Domain d = r.setting().domain();
        long examined = r.counts().examined();
        long feasible = r.counts().feasible();
        if (d != null) {
            String title = "Domain " + d.id() + " (" + FrontierChart.truncate(d.name(), 40) + ") — "
                    + Numbers.grouped(examined) + " outcomes, " + Numbers.grouped(feasible)
                    + " individually rational, " + r.frontier().size() + " on the frontier";
            return new FrontierChart.Chart(
                    title,
                    front,
                    solutions,
                    refs,
                    new FrontierChart.Axes(
                            FrontierChart.truncate(d.parties().get(0), 40),
                            FrontierChart.truncate(d.parties().get(1), 40),
                            "utility"));
        }
        String title = "Deal space: " + r.setting().profile() + " profile, "
                + r.setting().scenario() + " — "
                + Numbers.grouped(examined) + " bundles, " + Numbers.grouped(feasible) + " ratified by both, "
                + r.frontier().size() + " on the frontier";
        return new FrontierChart.Chart(title, front, solutions, refs);
    }

    private static void addMark(List<FrontierChart.Mark> marks, String label, SearchReport.Found f) {
        if (f != null) {
            marks.add(new FrontierChart.Mark(label, f.usSurplus(), f.cnSurplus()));
        }
    }
}
