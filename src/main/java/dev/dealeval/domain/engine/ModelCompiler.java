package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Component;
import dev.dealeval.domain.model.CredibilityParams;
import dev.dealeval.domain.model.CriterionDef;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.ScoreFunction;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import dev.dealeval.domain.model.Threat;
import dev.dealeval.domain.model.VetoKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Compiles a {@link DealModel} with one {@link Profile} into the flat arrays of {@link CompiledModel}:
 * term, criterion, component, faction and scenario tables indexed by position, so the hot path reads
 * arrays instead of maps. Each method builds one table; the constructor of CompiledModel calls them
 * in order. Runs once per model and profile, so it favours clarity over speed.
 */
final class ModelCompiler {
    static final int FN_LINEAR = 0;
    static final int FN_POINTS = 1;
    static final int FN_LEVELS = 2;
    /** Summation groups: plain linear, plain levels, plain points, and credible or gated components. */
    static final int GROUP_LINEAR = 0;

    static final int GROUP_LEVELS = 1;
    static final int GROUP_POINTS = 2;
    static final int GROUP_SPECIAL = 3;

    private ModelCompiler() {}

    // ------------------------------------------------------------------ generic tables

    static int[] ints(int n, IntUnaryOperator f) {
        return IntStream.range(0, n).map(f).toArray();
    }

    static double[] doubles(int n, IntToDoubleFunction f) {
        return IntStream.range(0, n).mapToDouble(f).toArray();
    }

    static boolean[] booleans(int n, IntPredicate p) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = p.test(i);
        }
        return out;
    }

    static double[][] rows(int n, IntFunction<double[]> f) {
        return IntStream.range(0, n).mapToObj(f).toArray(double[][]::new);
    }

    /** The indices 0..n−1 that satisfy p, ascending. */
    static int[] indicesWhere(int n, IntPredicate p) {
        return IntStream.range(0, n).filter(p).toArray();
    }

    // ------------------------------------------------------------------ terms and credibility

    /** The source term of a derived term, else −1. */
    static int derivedSource(DealModel model, TermDef def) {
        return def.derivedFrom() == null
                ? -1
                : model.termIndex(def.derivedFrom().term());
    }

    /** The term an alternative unit folds into, else −1. */
    static int alternativeTarget(DealModel model, TermDef def) {
        return def.alternativeOf() == null
                ? -1
                : model.termIndex(def.alternativeOf().term());
    }

    /** The factor that converts an alternative unit into its target's, else 0. */
    static double alternativeFactor(TermDef def) {
        return def.alternativeOf() == null ? 0 : def.alternativeOf().factor();
    }

    /** For a derived term, the value it takes for each value of its source term (by the source's value index); else null. */
    static double[] derivedTable(DealModel model, TermDef def) {
        if (def.derivedFrom() == null) {
            return null;
        }
        List<String> vals = model.term(def.derivedFrom().term()).orElseThrow().values();
        return vals.stream().mapToDouble(v -> def.derivedFrom().values().get(v)).toArray();
    }

    /** The pledge categories (the profile's track records), sorted by name. */
    static String[] categories(CredibilityParams cred) {
        return cred.trackRecords().keySet().stream().sorted().toArray(String[]::new);
    }

    /** The category index of each term's pledge, or −1 for a term that pledges nothing. */
    static int[] pledgeCategories(TermDef[] terms, String[] categories) {
        List<String> names = Arrays.asList(categories);
        return ints(terms.length, t -> terms[t].pledge() == null ? -1 : names.indexOf(terms[t].pledge()));
    }

    /** The factor per value of a categorical credibility term (1 when the profile gives none, or no such term). */
    static double[] factors(TermDef[] terms, int term, Map<String, Double> byValue) {
        if (term < 0) {
            return new double[] {1.0};
        }
        List<String> vals = terms[term].values();
        return doubles(vals.size(), i -> byValue.getOrDefault(vals.get(i), 1.0));
    }

    // ------------------------------------------------------------------ criteria and components

    /** Criteria ordered U.S. first, then China, so a side's criteria are a contiguous range. */
    static CriterionDef[] criteriaUsFirst(DealModel model) {
        List<CriterionDef> ordered = new ArrayList<>(model.criteria(Side.US));
        ordered.addAll(model.criteria(Side.CN));
        return ordered.toArray(new CriterionDef[0]);
    }

    /**
     * Every criterion's components, criterion by criterion, each criterion's sorted by summation
     * group so that {@link Scoring#score} and {@link Scoring#criterion} add them in the same order.
     */
    static Component[] components(DealModel model, CriterionDef[] criteria, int nUs) {
        List<Component> out = new ArrayList<>();
        for (int c = 0; c < criteria.length; c++) {
            boolean us = c < nUs;
            List<Component> comps = new ArrayList<>(criteria[c].components());
            comps.sort(Comparator.comparingInt(comp -> group(model, comp, us)));
            out.addAll(comps);
        }
        return out.toArray(new Component[0]);
    }

    /** compStart: criterion c's components are [start[c], start[c + 1]). */
    static int[] componentStarts(CriterionDef[] criteria) {
        int[] start = new int[criteria.length + 1];
        for (int c = 0; c < criteria.length; c++) {
            start[c + 1] = start[c] + criteria[c].components().size();
        }
        return start;
    }

    /** The criterion each component belongs to. */
    static int[] componentOwners(int[] start) {
        int[] owner = new int[start[start.length - 1]];
        for (int c = 0; c + 1 < start.length; c++) {
            Arrays.fill(owner, start[c], start[c + 1], c);
        }
        return owner;
    }

    static int kind(ScoreFunction fn) {
        if (fn instanceof ScoreFunction.Linear) {
            return FN_LINEAR;
        }
        return fn instanceof ScoreFunction.Points ? FN_POINTS : FN_LEVELS;
    }

    /** Slope per unit of a linear function, else 0. */
    static double slope(ScoreFunction fn) {
        return fn instanceof ScoreFunction.Linear l ? l.slope() / l.per() : 0;
    }

    /** The xs (or ys) of a points function, else null. */
    static double[] points(ScoreFunction fn, boolean xs) {
        if (!(fn instanceof ScoreFunction.Points p)) {
            return null;
        }
        return (xs ? p.xs() : p.ys()).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The score of each value index of a levels function's term (booleans: false, true), else null. */
    static double[] levels(ScoreFunction fn, TermDef term) {
        if (!(fn instanceof ScoreFunction.Levels lv)) {
            return null;
        }
        List<String> vals = term.kind() == TermKind.BOOLEAN ? List.of("false", "true") : term.values();
        return doubles(vals.size(), i -> lv.scores().getOrDefault(vals.get(i), 0.0));
    }

    /**
     * The term index a component reads: its term's, or for a component on the pledges over the
     * whole term the years term (else the first purchase term), so that explanations recompute it
     * when the pledge's years or amounts change.
     */
    static int componentTerm(DealModel model, Component comp, Credibility cred) {
        if (!comp.onPledgesTotal()) {
            return model.termIndex(comp.term());
        }
        return cred.yearsTerm >= 0 ? cred.yearsTerm : cred.purchaseTerms[0];
    }

    /** The gating term's index, {@link CompiledModel#GATE_PLEDGES} for a gate on the purchases pledged, or −1. */
    static int gate(DealModel model, Component comp) {
        if (comp.gate() == null) {
            return -1;
        }
        return comp.gate().onPledges()
                ? CompiledModel.GATE_PLEDGES
                : model.termIndex(comp.gate().term());
    }

    /** The gate's divisor: the gating value at which the component counts in full (1 without a gate). */
    static double gatePer(Component comp) {
        return comp.gate() == null ? 1 : comp.gate().per();
    }

    /** The summation group of a component, from its definition (used to order a criterion's components). */
    static int group(DealModel model, Component comp, boolean us) {
        if (comp.onPledgesTotal()) {
            return GROUP_SPECIAL;
        }
        boolean pledged = us && model.term(comp.term()).orElseThrow().pledge() != null;
        boolean gatedByPledge = us
                && comp.gate() != null
                && !comp.gate().onPledges()
                && model.term(comp.gate().term()).orElseThrow().pledge() != null;
        if (pledged || comp.gate() != null || gatedByPledge) {
            return GROUP_SPECIAL;
        }
        if (comp.function() instanceof ScoreFunction.Linear) {
            return GROUP_LINEAR;
        }
        return comp.function() instanceof ScoreFunction.Levels ? GROUP_LEVELS : GROUP_POINTS;
    }

    /**
     * The criteria a change of one term can move: those that score it or are gated by it, those
     * that score a term derived from it or folded into it, and — for terms that change belief
     * (purchases, commitment form and enforcement, the pledge's years, the enforcing measures) — every U.S. criterion that
     * scores a pledge. Lets explanations recompute only what a term touches. Reads the term,
     * credibility and component tables of m, which the constructor has filled by then.
     */
    static int[][] affectedCriteria(CompiledModel m) {
        Credibility cred = m.credibility;
        boolean[] beliefTerm = new boolean[m.nTerms];
        for (int t : cred.purchaseTerms) {
            beliefTerm[t] = true;
        }
        for (int t : new int[] {cred.formTerm, cred.enforcementTerm, cred.yearsTerm}) {
            if (t >= 0) {
                beliefTerm[t] = true;
            }
        }
        for (int t : cred.enforcingTerms) {
            beliefTerm[t] = true;
        }
        int[][] out = new int[m.nTerms][];
        for (int t = 0; t < m.nTerms; t++) {
            boolean[] drives = new boolean[m.nTerms];
            drives[t] = true;
            for (int d = 0; d < m.nTerms; d++) {
                if (m.derivedSource[d] == t || m.alternativeTarget[t] == d) {
                    drives[d] = true;
                }
            }
            if (m.alternativeTarget[t] >= 0) {
                beliefTerm[t] = beliefTerm[m.alternativeTarget[t]];
            }
            boolean belief = beliefTerm[t];
            boolean coerces = m.coercion.drives(t);
            out[t] = indicesWhere(m.nCrit, c -> {
                for (int j = m.compStart[c]; j < m.compStart[c + 1]; j++) {
                    if (drives[m.compTerm[j]]
                            || (m.compGate[j] >= 0 && drives[m.compGate[j]])
                            || (coerces && m.compTerm[j] == m.coercion.term)
                            || (belief
                                    && (m.compBelief[j] >= 0
                                            || m.compGateBelief[j] >= 0
                                            || m.compAggregate[j]
                                            || m.compGate[j] == CompiledModel.GATE_PLEDGES))) {
                        return true;
                    }
                }
                return false;
            });
        }
        return out;
    }

    // ------------------------------------------------------------------ factions and scenarios

    /** The scenario's measures as they stand, before any threat: its values, neutral elsewhere. */
    static double[] currentBundle(TermDef[] terms, Scenario s) {
        return doubles(terms.length, t -> {
            Object raw = s.values().get(terms[t].id());
            return raw != null ? terms[t].encode(raw) : terms[t].neutral();
        });
    }

    /** The profile's factions, U.S. first, then China. */
    static FactionDef[] factionsUsFirst(Profile profile) {
        List<FactionDef> fs = new ArrayList<>(profile.factions(Side.US));
        fs.addAll(profile.factions(Side.CN));
        return fs.toArray(new FactionDef[0]);
    }

    /** The terms a scoped veto covers (empty for other vetoes). */
    static int[] vetoScope(FactionDef faction, TermDef[] terms) {
        if (faction.veto() != VetoKind.SCOPED) {
            return new int[0];
        }
        return indicesWhere(terms.length, t -> faction.scopes(terms[t].id()));
    }

    /** w(f,c) of one faction over all criteria: its side's weights times its multipliers, renormalised. */
    static double[] factionWeights(FactionDef faction, CriterionDef[] criteria, double[] sideWeight, int from, int to) {
        double[] multiplier = doubles(criteria.length, c -> faction.multiplier(criteria[c].id()));
        double[] out = new double[criteria.length];
        Scoring.factionWeights(sideWeight, multiplier, 0, from, to, out);
        return out;
    }

    /**
     * The no-deal bundle x0(s): the scenario's measures in force ({@link #currentBundle}, not changed),
     * each threat at its expected value.
     */
    static double[] noDealBundle(DealModel model, double[] inForce, Scenario s) {
        double[] x = inForce.clone();
        for (Threat th : s.threats()) {
            int t = model.termIndex(th.term());
            x[t] = (1 - th.probability()) * x[t] + th.probability() * th.value();
        }
        return x;
    }

    /**
     * d(US), d(CN), then d(f) of each faction into out, from the no-deal bundle just scored into w;
     * a scenario that gives reservation values outright overrides the scores, each faction taking its
     * side's.
     */
    static void noDealUtilities(Scenario s, Work w, boolean[] factionUs, double[] out) {
        var reservation = s.reservation();
        out[0] = reservation == null ? w.utilityUs : reservation.get(Side.US);
        out[1] = reservation == null ? w.utilityCn : reservation.get(Side.CN);
        for (int f = 0; f < factionUs.length; f++) {
            out[2 + f] = reservation == null ? w.factionUtility[f] : out[factionUs[f] ? 0 : 1];
        }
    }
}
