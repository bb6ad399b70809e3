package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.AnalysedDomain;
import dev.dealeval.api.v1.dto.BundleTerms;
import dev.dealeval.api.v1.dto.ComparisonResponse;
import dev.dealeval.api.v1.dto.CounterofferResponse;
import dev.dealeval.api.v1.dto.LabelledBundle;
import dev.dealeval.api.v1.dto.SearchResponse;
import dev.dealeval.api.v1.dto.SearchTerm;
import dev.dealeval.api.v1.dto.SensitivityResponse;
import dev.dealeval.application.analysis.AnalysisService;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.domain.analysis.Comparison;
import dev.dealeval.domain.analysis.Counteroffers;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.analysis.Sensitivity;
import dev.dealeval.domain.analysis.Solutions;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.genius.DomainDefinition;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.presentation.chart.FrontierChart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Maps the deal-space analyses between the API's records and the application's. */
final class AnalysisMapper {
    static final String RULES =
            "A bundle is on the frontier when no feasible bundle is at least as good for both sides and strictly "
                    + "better for one; surpluses are compared exactly. Of bundles with identical surpluses the first in enumeration order is "
                    + "shown and the others are counted as its equivalents. Enumeration order: the terms in the order listed, the last one "
                    + "changing fastest, each through its levels in the order given. Solutions are chosen among feasible bundles with both "
                    + "surpluses above 0; ties go to the larger welfare (for utilitarian, the larger smaller surplus), then to the earlier "
                    + "bundle, so every solution is a frontier bundle.";

    private AnalysisMapper() {}

    static AnalysisService.Subject subject(
            String scenario, String profile, dev.dealeval.api.v1.dto.Overrides overrides, String domain) {
        return new AnalysisService.Subject(scenario, profile, DtoMapper.overrides(overrides), domain);
    }

    /** The imported domain an analysis ran on, or null for the U.S.–China model. */
    static AnalysedDomain domain(EvaluationService.Context context) {
        DomainDefinition d = context.domain();
        return d == null
                ? null
                : new AnalysedDomain(
                        d.id(),
                        d.version(),
                        d.parties().stream().map(p -> p.name()).toList());
    }

    static List<AnalysisService.NamedBundle> bundles(List<LabelledBundle> bundles) {
        if (bundles == null) {
            return List.of();
        }
        List<AnalysisService.NamedBundle> out = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            LabelledBundle b = bundles.get(i);
            out.add(
                    b == null
                            ? null
                            : new AnalysisService.NamedBundle(
                                    b.name() == null ? "bundle " + (i + 1) : b.name(),
                                    b.bundle() == null ? null : DtoMapper.flatten(b.bundle()),
                                    b.outcome()));
        }
        return out;
    }

    static List<AnalysisService.TermLevels> terms(List<SearchTerm> terms) {
        return terms == null
                ? null
                : terms.stream()
                        .map(t -> t == null ? null : new AnalysisService.TermLevels(t.term(), t.levels()))
                        .toList();
    }

    /** The bundle as a client writes it: the terms marked in include (derived terms show the value they derive). */
    static BundleTerms bundle(CompiledModel m, double[] x, boolean[] include) {
        return bundle(m.model().terms(), x, include);
    }

    /** The same, from the model's term list (term t is terms.get(t)). */
    static BundleTerms bundle(List<TermDef> terms, double[] x, boolean[] include) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int t = 0; t < x.length; t++) {
            if (include[t] && !Double.isNaN(x[t])) {
                out.put(terms.get(t).id(), terms.get(t).decode(x[t]));
            }
        }
        return BundleTerms.ofTerms(out);
    }

    // ------------------------------------------------------------------ comparisons

    static ComparisonResponse comparison(AnalysisService.Compared c) {
        List<ComparisonResponse.RankedBundle> out = new ArrayList<>();
        for (Comparison.Ranked r : c.ranking()) {
            Evaluation e = c.evaluations().get(r.index());
            var us = e.side(Side.US);
            var cn = e.side(Side.CN);
            out.add(new ComparisonResponse.RankedBundle(
                    r.rank(),
                    r.index(),
                    c.names().get(r.index()),
                    r.objective(),
                    us.surplus(),
                    cn.surplus(),
                    us.utility(),
                    cn.utility(),
                    us.ratified(),
                    cn.ratified(),
                    us.ratificationProbability(),
                    cn.ratificationProbability(),
                    e.joint().verdict(),
                    e.joint().nashProduct(),
                    e.joint().welfare(),
                    e.joint().agreementProbability(),
                    r.efficient(),
                    Arrays.stream(r.dominates()).boxed().toList(),
                    Arrays.stream(r.dominatedBy()).boxed().toList()));
        }
        CompiledModel m = c.context().model();
        return new ComparisonResponse(
                m.model().scenarios().get(c.context().scenario()).id(),
                m.profile().id(),
                m.profile().version(),
                c.objective(),
                out,
                c.context().warnings(),
                domain(c.context()));
    }

    // ------------------------------------------------------------------ searches

    static SearchResponse search(AnalysisService.Searched s) {
        int frontierLimit = s.frontierLimit();
        CompiledModel m = s.context().model();
        int sc = s.context().scenario();
        Search.Result r = s.result();
        Solutions sol = r.solutions();
        List<Search.Point> front = r.frontier();
        // thin a long frontier evenly, keeping both ends and the solutions
        TreeSet<Integer> keep = evenly(front.size(), frontierLimit);
        if (front.size() > frontierLimit) {
            for (Search.Point p :
                    Arrays.asList(sol.nash(), sol.kalaiSmorodinsky(), sol.egalitarian(), sol.utilitarian())) {
                if (p != null) {
                    keep.add(front.indexOf(p));
                }
            }
        }
        List<SearchResponse.FoundBundle> shown =
                keep.stream().map(i -> found(s, front.get(i))).toList();
        List<SearchResponse.ReferenceResult> refs = new ArrayList<>();
        for (int i = 0; i < s.references().size(); i++) {
            Evaluation e = s.references().get(i);
            double us = e.side(Side.US).surplus();
            double cn = e.side(Side.CN).surplus();
            boolean feasible = e.joint().verdict() == Verdict.AGREEMENT_LIKELY
                    && us >= s.spec().minUsSurplus()
                    && cn >= s.spec().minCnSurplus();
            Search.Point dominator = null;
            for (Search.Point p : front) {
                boolean dominates =
                        p.usSurplus() >= us && p.cnSurplus() >= cn && (p.usSurplus() > us || p.cnSurplus() > cn);
                if (dominates && (dominator == null || p.nashProduct() > dominator.nashProduct())) {
                    dominator = p;
                }
            }
            refs.add(new SearchResponse.ReferenceResult(
                    s.referenceNames().get(i),
                    us,
                    cn,
                    e.joint().verdict(),
                    feasible,
                    dominator == null ? null : found(s, dominator)));
        }

        List<String> warnings = new ArrayList<>(s.context().warnings());
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
        return new SearchResponse(
                m.model().scenarios().get(sc).id(),
                m.profile().id(),
                m.profile().version(),
                space(s),
                new SearchResponse.SearchCounts(
                        r.examined(), r.usRatifies(), r.cnRatifies(), r.feasible(), r.bothGain()),
                new SearchResponse.NoDealPoint(m.noDealUtility(Side.US, sc), m.noDealUtility(Side.CN, sc)),
                sol.nash() == null ? null : new SearchResponse.IdealPoint(sol.idealUs(), sol.idealCn()),
                new SearchResponse.FrontierResult(front.size(), shown.size(), shown),
                new SearchResponse.BargainingSolutions(
                        found(s, sol.nash()),
                        found(s, sol.kalaiSmorodinsky()),
                        found(s, sol.egalitarian()),
                        found(s, sol.utilitarian())),
                refs,
                s.elapsedNanos() / 1_000_000,
                RULES,
                warnings,
                domain(s.context()));
    }

    /** The searched space as a response states it: its size and each term with its levels, as a client writes them. */
    static SearchResponse.SearchSpace space(AnalysisService.Searched s) {
        CompiledModel m = s.context().model();
        return new SearchResponse.SearchSpace(
                s.spec().size(),
                s.spec().dimensions().stream()
                        .map(d -> new SearchTerm(
                                m.term(d.term()).id(),
                                Arrays.stream(d.levels())
                                        .mapToObj(v -> m.term(d.term()).decode(v))
                                        .toList()))
                        .toList());
    }

    /** Positions 0..size-1, or limit of them spread evenly with both ends when there are more. */
    private static TreeSet<Integer> evenly(int size, int limit) {
        TreeSet<Integer> keep = new TreeSet<>();
        int n = Math.min(size, limit);
        for (int k = 0; k < n; k++) {
            keep.add(size <= limit ? k : limit == 1 ? 0 : (int) Math.round(k * (size - 1) / (double) (limit - 1)));
        }
        return keep;
    }

    static SearchResponse.FoundBundle found(AnalysisService.Searched s, Search.Point p) {
        if (p == null) {
            return null;
        }
        double[] x = Search.bundle(s.spec(), p.index());
        CompiledModel m = s.context().model();
        boolean domain = s.context().domain() != null;
        return new SearchResponse.FoundBundle(
                p.index(),
                p.usSurplus(),
                p.cnSurplus(),
                p.nashProduct(),
                p.welfare(),
                p.equivalents(),
                domain ? null : bundle(m, x, s.searched()),
                domain ? outcome(m, x) : null);
    }

    /** A domain's outcome as a client writes it: each issue's value by issue name, in the domain's order. */
    static Map<String, Object> outcome(CompiledModel m, double[] x) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int t = 0; t < m.termCount(); t++) {
            out.put(m.term(t).id(), m.term(t).decode(x[t]));
        }
        return out;
    }

    /** Frontier points a chart draws: beyond this a browser slows down and the eye sees no difference. */
    static final int CHART_POINTS = 5000;

    /**
     * The frontier (whole, or CHART_POINTS of it spread evenly when longer), the solutions, the
     * references and the no-deal point as a chart.
     */
    static FrontierChart.Chart chart(AnalysisService.Searched s) {
        Search.Result r = s.result();
        List<FrontierChart.Point> front = evenly(r.frontier().size(), CHART_POINTS).stream()
                .map(r.frontier()::get)
                .map(p -> new FrontierChart.Point(p.usSurplus(), p.cnSurplus()))
                .toList();
        List<FrontierChart.Mark> solutions = new ArrayList<>();
        Solutions sol = r.solutions();
        addMark(solutions, "Nash", sol.nash());
        addMark(solutions, "Kalai–Smorodinsky", sol.kalaiSmorodinsky());
        addMark(solutions, "egalitarian", sol.egalitarian());
        addMark(solutions, "utilitarian", sol.utilitarian());
        List<FrontierChart.Mark> refs = new ArrayList<>();
        for (int i = 0; i < s.references().size(); i++) {
            Evaluation e = s.references().get(i);
            refs.add(new FrontierChart.Mark(
                    s.referenceNames().get(i),
                    e.side(Side.US).surplus(),
                    e.side(Side.CN).surplus()));
        }
        CompiledModel m = s.context().model();
        DomainDefinition d = s.context().domain();
        if (d != null) {
            String title = "Domain " + d.id() + " (" + FrontierChart.truncate(d.name(), 40) + ") — "
                    + Numbers.grouped(r.examined()) + " outcomes, " + Numbers.grouped(r.feasible())
                    + " individually rational, " + r.frontier().size() + " on the frontier";
            return new FrontierChart.Chart(
                    title,
                    front,
                    solutions,
                    refs,
                    new FrontierChart.Axes(
                            FrontierChart.truncate(d.parties().get(0).name(), 40),
                            FrontierChart.truncate(d.parties().get(1).name(), 40),
                            "utility"));
        }
        String title = "Deal space: " + m.profile().id() + " profile, "
                + m.model().scenarios().get(s.context().scenario()).id() + " — "
                + Numbers.grouped(r.examined()) + " bundles, " + Numbers.grouped(r.feasible()) + " ratified by both, "
                + r.frontier().size() + " on the frontier";
        return new FrontierChart.Chart(title, front, solutions, refs);
    }

    private static void addMark(List<FrontierChart.Mark> marks, String label, Search.Point p) {
        if (p != null) {
            marks.add(new FrontierChart.Mark(label, p.usSurplus(), p.cnSurplus()));
        }
    }

    // ------------------------------------------------------------------ counteroffers

    static CounterofferResponse counteroffers(AnalysisService.Countered c) {
        CompiledModel m = c.context().model();
        Counteroffers.Result r = c.result();
        List<CounterofferResponse.Counteroffer> out = new ArrayList<>();
        for (int i = 0; i < r.offers().size(); i++) {
            Counteroffers.Offer o = r.offers().get(i);
            boolean[] include = c.given().clone();
            List<CounterofferResponse.TermChange> changes = new ArrayList<>();
            for (Counteroffers.Change ch : o.changes()) {
                include[ch.term()] = true;
                changes.add(change(m, c, o, ch));
            }
            out.add(new CounterofferResponse.Counteroffer(
                    i + 1,
                    bundle(m, o.bundle(), include),
                    changes,
                    o.usSurplus(),
                    o.cnSurplus(),
                    o.nashProduct(),
                    o.welfare(),
                    o.usUtilityChange(),
                    o.cnUtilityChange()));
        }
        Verdict verdict = Verdict.of(r.usRatifies(), r.cnRatifies());
        return new CounterofferResponse(
                m.model().scenarios().get(c.context().scenario()).id(),
                m.profile().id(),
                m.profile().version(),
                new CounterofferResponse.OriginalBundle(
                        r.usSurplus(),
                        r.cnSurplus(),
                        r.usRatifies(),
                        r.cnRatifies(),
                        verdict,
                        dev.dealeval.domain.analysis.Objective.NASH.value(r.usSurplus(), r.cnSurplus())),
                r.examined(),
                r.passing(),
                out,
                c.context().warnings());
    }

    private static CounterofferResponse.TermChange change(
            CompiledModel m, AnalysisService.Countered c, Counteroffers.Offer o, Counteroffers.Change ch) {
        double[] before = o.bundle().clone();
        before[ch.term()] = ch.from();
        Object from = Evaluator.display(m, before, ch.term());
        Object to = Evaluator.display(m, o.bundle(), ch.term());
        double us = ch.usUtilityChange();
        double cn = ch.cnUtilityChange();
        String by = us < 0 && cn < 0 ? "BOTH" : us < 0 ? "US" : cn < 0 ? "CN" : "NEITHER";
        double cost = Math.max(0, Math.max(-us, -cn));
        String summary = m.term(ch.term()).id() + " " + written(from) + " → " + written(to) + ": "
                + worth("the U.S.", us) + ", " + worth("China", cn);
        return new CounterofferResponse.TermChange(m.term(ch.term()).id(), from, to, us, cn, by, cost, summary);
    }

    private static String worth(String side, double change) {
        String points = String.format(java.util.Locale.ROOT, "%.1f", Math.abs(change));
        return change < 0 ? "costs " + side + " " + points + " points" : "worth " + points + " points to " + side;
    }

    private static String written(Object value) {
        return value instanceof Double d ? Numbers.plain(d) : String.valueOf(value);
    }

    // ------------------------------------------------------------------ sensitivity

    static SensitivityResponse sensitivity(AnalysisService.Analysed a, long seed) {
        CompiledModel m = a.context().model();
        Sensitivity.Result r = a.result();
        List<SensitivityResponse.SampledBundle> bundles = new ArrayList<>();
        for (Sensitivity.BundleResult b : r.bundles()) {
            Map<Side, Map<String, Double>> central = null;
            if (b.centralWeights() != null) {
                central = new EnumMap<>(Side.class);
                for (int k = 0; k < m.criterionCount(); k++) {
                    central.computeIfAbsent(m.criterion(k).side(), x -> new LinkedHashMap<>())
                            .put(m.criterion(k).id(), b.centralWeights()[k]);
                }
            }
            bundles.add(new SensitivityResponse.SampledBundle(
                    b.index(),
                    a.names().get(b.index()),
                    Arrays.stream(b.rankAcceptability()).boxed().toList(),
                    b.usRatifies(),
                    b.cnRatifies(),
                    b.agreement(),
                    central,
                    b.meanUsSurplus(),
                    b.meanCnSurplus(),
                    b.meanObjective(),
                    b.baseObjective(),
                    b.baseRank()));
        }
        List<SensitivityResponse.TornadoEntry> tornado = r.tornado().stream()
                .map(t -> new SensitivityResponse.TornadoEntry(
                        t.side(),
                        t.criterion(),
                        t.swing(),
                        Arrays.stream(t.low()).boxed().toList(),
                        Arrays.stream(t.high()).boxed().toList(),
                        t.leaderLow(),
                        t.leaderHigh(),
                        Arrays.stream(t.verdictChanges()).boxed().toList()))
                .toList();
        return new SensitivityResponse(
                m.model().scenarios().get(a.context().scenario()).id(),
                m.profile().id(),
                m.profile().version(),
                r.samples(),
                seed,
                a.objective(),
                bundles,
                tornado,
                a.context().warnings(),
                domain(a.context()));
    }
}
