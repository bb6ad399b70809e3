package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Component;
import dev.dealeval.domain.model.CriterionDef;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.ScoreFunction;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Shape;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import dev.dealeval.domain.model.Threat;
import dev.dealeval.domain.model.VetoKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deal model compiled with one profile into flat arrays: the hot path of every evaluation and
 * search. Immutable and thread-safe; scratch space lives in a {@link Work} per thread.
 *
 * <p>Criteria are ordered U.S. first, then China, so a side's criteria are a contiguous range.
 */
public final class CompiledModel {
    static final String FORM_TERM = "commitment.form";
    static final String ENFORCEMENT_TERM = "commitment.enforcement";
    static final String YEARS_TERM = "purchases.years";

    /** Surpluses closer to 0 than this are rounding noise, not a stance (utility points). */
    private static final double NOISE = 1e-9;
    /** compGate of a component gated by the purchases pledged rather than by a term. */
    static final int GATE_PLEDGES = -2;

    private static final int FN_LINEAR = 0;
    private static final int FN_POINTS = 1;
    private static final int FN_LEVELS = 2;
    private static final int GROUP_LINEAR = 0;
    private static final int GROUP_LEVELS = 1;
    private static final int GROUP_POINTS = 2;
    private static final int GROUP_SPECIAL = 3;

    final DealModel model;
    final Profile profile;
    /** A side's utility is unit × Σ w·v: 100 for the U.S.–China model, 1 for an imported domain. */
    final double unit;

    // terms
    final int nTerms;
    final TermDef[] terms;
    final boolean[] categorical;
    final int[] derivedSource;
    final double[][] derivedTable;
    final int[] alternativeTarget;
    final double[] alternativeFactor;
    final int[] pledgeCategory;

    // credibility (DOMAIN.md §6)
    final String[] categories;
    final double[] trackRecord;
    final boolean[] purchaseCategory;
    final int[] purchaseTerms;
    final int formTerm;
    final int enforcementTerm;
    final int yearsTerm;
    final double[] formFactor;
    final double[] enforcementFactor;
    final double baseline;
    final double referenceGrowth;
    final double referenceDelivery;
    final double excessBelief;
    /** paceLimit for whole years 0..10, so the hot path need not call Math.pow. */
    final double[] paceByYears;

    // criteria
    final int nCrit;
    final int nUs;
    final CriterionDef[] criteria;
    final double[] base;
    final boolean[] saturating;
    final double[] scale;
    final int[] compStart;
    final int[] compTerm;
    final int[] compKind;
    final double[] compSlope;
    final double[][] compXs;
    final double[][] compYs;
    final double[][] compLevels;
    final int[] compGate;
    final double[] compGatePer;
    /** Pledge category of the component's term when it is scored at credible value (U.S. criteria), else -1. */
    final int[] compBelief;
    /** Pledge category of the component's gate term when the gate is credible (U.S. criteria), else -1. */
    final int[] compGateBelief;

    final boolean[] compCategorical;
    final double[] sideWeight;
    final int[] compCrit;
    /** Components by how the hot loop sums them: plain linear, plain levels, plain points, and credible or gated ones. */
    final int[] plainLinear;

    final int[] plainLevels;
    final int[] plainPoints;
    final int[] special;
    /** For each term, the criteria whose value can change when that term alone changes. */
    final int[][] affectedCriteria;

    final int[] derivedTerms;
    final int[] alternativeTerms;

    // factions
    final int nFac;
    final FactionDef[] factions;
    final boolean[] factionUs;
    final double[] clout;
    final int[][] vetoScopeTerms;
    final double[][] factionWeight;
    /** Per side (U.S., China): whether it has factions; a side without them decides as one negotiator. */
    final boolean[] hasFactions;

    final Settings settings;

    // scenarios
    final int nScen;
    final Scenario[] scenarios;
    final double[][] noDeal;
    final double[][] noDealEffective;
    final double[][] noDealValues;
    final double[][] noDealUtility;

    private CompiledModel(DealModel model, Profile profile) {
        this.model = model;
        this.profile = profile;
        this.settings = profile.settings();
        this.unit = model.utilityScale();

        // --- terms
        nTerms = model.terms().size();
        terms = model.terms().toArray(new TermDef[0]);
        categorical = new boolean[nTerms];
        derivedSource = new int[nTerms];
        derivedTable = new double[nTerms][];
        alternativeTarget = new int[nTerms];
        alternativeFactor = new double[nTerms];
        pledgeCategory = new int[nTerms];
        var cred = profile.credibility();
        categories = cred.trackRecords().keySet().stream().sorted().toArray(String[]::new);
        trackRecord = new double[categories.length];
        purchaseCategory = new boolean[categories.length];
        for (int c = 0; c < categories.length; c++) {
            trackRecord[c] = cred.trackRecords().get(categories[c]);
            purchaseCategory[c] = cred.purchaseCategories().contains(categories[c]);
        }
        List<Integer> purchases = new ArrayList<>();
        for (int t = 0; t < nTerms; t++) {
            TermDef def = terms[t];
            categorical[t] = def.kind() == TermKind.ENUM || def.kind() == TermKind.BOOLEAN;
            derivedSource[t] = -1;
            if (def.derivedFrom() != null) {
                int src = model.termIndex(def.derivedFrom().term());
                derivedSource[t] = src;
                List<String> vals = terms[src].values();
                derivedTable[t] = new double[vals.size()];
                for (int i = 0; i < vals.size(); i++) {
                    derivedTable[t][i] = def.derivedFrom().values().get(vals.get(i));
                }
            }
            alternativeTarget[t] = -1;
            if (def.alternativeOf() != null) {
                alternativeTarget[t] = model.termIndex(def.alternativeOf().term());
                alternativeFactor[t] = def.alternativeOf().factor();
            }
            pledgeCategory[t] =
                    def.pledge() == null ? -1 : Arrays.asList(categories).indexOf(def.pledge());
            if (pledgeCategory[t] >= 0 && purchaseCategory[pledgeCategory[t]] && alternativeTarget[t] < 0) {
                purchases.add(t);
            }
        }
        purchaseTerms = purchases.stream().mapToInt(Integer::intValue).toArray();
        formTerm = model.termIndex(FORM_TERM);
        enforcementTerm = model.termIndex(ENFORCEMENT_TERM);
        yearsTerm = model.termIndex(YEARS_TERM);
        formFactor = factors(formTerm, cred.formFactors());
        enforcementFactor = factors(enforcementTerm, cred.enforcementFactors());
        baseline = cred.baselineUsdBn();
        referenceGrowth = cred.referenceGrowth();
        referenceDelivery = cred.referenceDelivery();
        excessBelief = cred.excessBelief();
        paceByYears = new double[11];
        for (int n = 0; n < paceByYears.length; n++) {
            paceByYears[n] = paceLimit(n);
        }

        // --- criteria, U.S. first
        List<CriterionDef> ordered = new ArrayList<>(model.criteria(Side.US));
        nUs = ordered.size();
        ordered.addAll(model.criteria(Side.CN));
        nCrit = ordered.size();
        criteria = ordered.toArray(new CriterionDef[0]);
        base = new double[nCrit];
        saturating = new boolean[nCrit];
        scale = new double[nCrit];
        compStart = new int[nCrit + 1];
        int nComp = ordered.stream().mapToInt(c -> c.components().size()).sum();
        compTerm = new int[nComp];
        compKind = new int[nComp];
        compSlope = new double[nComp];
        compXs = new double[nComp][];
        compYs = new double[nComp][];
        compLevels = new double[nComp][];
        compGate = new int[nComp];
        compGatePer = new double[nComp];
        int[] compGroup = new int[nComp];
        int k = 0;
        for (int c = 0; c < nCrit; c++) {
            CriterionDef def = criteria[c];
            base[c] = def.base();
            saturating[c] = def.shape().kind() == Shape.Kind.SATURATING;
            scale[c] = def.shape().scale();
            compStart[c] = k;
            boolean us = c < nUs;
            List<Component> comps = new ArrayList<>(def.components());
            // Grouped as the hot loop sums them (see score), so both paths add in the same order.
            comps.sort(java.util.Comparator.comparingInt(comp -> group(model, comp, us)));
            for (Component comp : comps) {
                compGroup[k] = group(model, comp, us);
                int t = model.termIndex(comp.term());
                compTerm[k] = t;
                ScoreFunction fn = comp.function();
                if (fn instanceof ScoreFunction.Linear l) {
                    compKind[k] = FN_LINEAR;
                    compSlope[k] = l.slope() / l.per();
                } else if (fn instanceof ScoreFunction.Points p) {
                    compKind[k] = FN_POINTS;
                    compXs[k] = p.xs().stream().mapToDouble(Double::doubleValue).toArray();
                    compYs[k] = p.ys().stream().mapToDouble(Double::doubleValue).toArray();
                } else {
                    compKind[k] = FN_LEVELS;
                    var scores = ((ScoreFunction.Levels) fn).scores();
                    List<String> vals =
                            terms[t].kind() == TermKind.BOOLEAN ? List.of("false", "true") : terms[t].values();
                    compLevels[k] = new double[vals.size()];
                    for (int i = 0; i < vals.size(); i++) {
                        compLevels[k][i] = scores.getOrDefault(vals.get(i), 0.0);
                    }
                }
                compGate[k] = comp.gate() == null
                        ? -1
                        : comp.gate().onPledges()
                                ? GATE_PLEDGES
                                : model.termIndex(comp.gate().term());
                compGatePer[k] = comp.gate() == null ? 1 : comp.gate().per();
                k++;
            }
        }
        compStart[nCrit] = k;
        compCrit = new int[nComp];
        for (int c = 0; c < nCrit; c++) {
            for (int j = compStart[c]; j < compStart[c + 1]; j++) {
                compCrit[j] = c;
            }
        }
        compBelief = new int[nComp];
        compGateBelief = new int[nComp];
        compCategorical = new boolean[nComp];
        for (int c = 0; c < nCrit; c++) {
            for (int j = compStart[c]; j < compStart[c + 1]; j++) {
                boolean us = c < nUs;
                compBelief[j] = us ? pledgeCategory[compTerm[j]] : -1;
                compGateBelief[j] = us && compGate[j] >= 0 ? pledgeCategory[compGate[j]] : -1;
                compCategorical[j] = categorical[compTerm[j]];
            }
        }
        int[][] groups = new int[4][];
        for (int g = 0; g < 4; g++) {
            final int group = g;
            groups[g] = java.util.stream.IntStream.range(0, nComp)
                    .filter(j -> compGroup[j] == group)
                    .toArray();
        }
        plainLinear = groups[GROUP_LINEAR];
        plainLevels = groups[GROUP_LEVELS];
        plainPoints = groups[GROUP_POINTS];
        special = groups[GROUP_SPECIAL];
        derivedTerms = java.util.stream.IntStream.range(0, nTerms)
                .filter(t -> derivedSource[t] >= 0)
                .toArray();
        alternativeTerms = java.util.stream.IntStream.range(0, nTerms)
                .filter(t -> alternativeTarget[t] >= 0)
                .toArray();
        affectedCriteria = affectedCriteria();
        sideWeight = new double[nCrit];
        for (int c = 0; c < nCrit; c++) {
            sideWeight[c] = profile.weights().get(criteria[c].side()).get(criteria[c].id());
        }
        Numbers.normalise(sideWeight, 0, nUs);
        Numbers.normalise(sideWeight, nUs, nCrit);

        // --- factions (DESIGN.md §2: w(f,c) ∝ w(p,c)·m(f,c), renormalised)
        List<FactionDef> fs = new ArrayList<>(profile.factions(Side.US));
        fs.addAll(profile.factions(Side.CN));
        nFac = fs.size();
        factions = fs.toArray(new FactionDef[0]);
        factionUs = new boolean[nFac];
        clout = new double[nFac];
        vetoScopeTerms = new int[nFac][];
        factionWeight = new double[nFac][nCrit];
        hasFactions = new boolean[2];
        for (int f = 0; f < nFac; f++) {
            FactionDef def = factions[f];
            factionUs[f] = def.side() == Side.US;
            hasFactions[factionUs[f] ? 0 : 1] = true;
            clout[f] = def.clout();
            List<Integer> scope = new ArrayList<>();
            if (def.veto() == VetoKind.SCOPED) {
                for (int t = 0; t < nTerms; t++) {
                    if (def.scopes(terms[t].id())) {
                        scope.add(t);
                    }
                }
            }
            vetoScopeTerms[f] = scope.stream().mapToInt(Integer::intValue).toArray();
            int from = factionUs[f] ? 0 : nUs;
            int to = factionUs[f] ? nUs : nCrit;
            for (int c = from; c < to; c++) {
                factionWeight[f][c] = sideWeight[c] * def.multiplier(criteria[c].id());
            }
            Numbers.normalise(factionWeight[f], from, to);
        }

        // --- scenarios: the no-deal bundle x0(s) and everything that depends only on it
        nScen = model.scenarios().size();
        scenarios = model.scenarios().toArray(new Scenario[0]);
        noDeal = new double[nScen][];
        noDealEffective = new double[nScen][];
        noDealValues = new double[nScen][];
        noDealUtility = new double[nScen][];
        for (int s = 0; s < nScen; s++) {
            noDeal[s] = noDealBundle(scenarios[s]);
            noDealEffective[s] = new double[nTerms];
            effective(noDeal[s], noDealEffective[s]);
        }
        Work w = newWork();
        for (int s = 0; s < nScen; s++) {
            score(noDeal[s], s, w);
            noDealValues[s] = w.value.clone();
            noDealUtility[s] = new double[2 + nFac];
            var reservation = scenarios[s].reservation();
            noDealUtility[s][0] = reservation == null ? w.utilityUs : reservation.get(Side.US);
            noDealUtility[s][1] = reservation == null ? w.utilityCn : reservation.get(Side.CN);
            for (int f = 0; f < nFac; f++) {
                noDealUtility[s][2 + f] =
                        reservation == null ? w.factionUtility[f] : noDealUtility[s][factionUs[f] ? 0 : 1];
            }
        }
    }

    /**
     * The criteria a change of one term can move: those that score it or are gated by it, those
     * that score a term derived from it or folded into it, and — for terms that change belief
     * (purchases, commitment form and enforcement, the pledge's years) — every U.S. criterion that
     * scores a pledge. Lets explanations recompute only what a term touches.
     */
    private int[][] affectedCriteria() {
        boolean[] beliefTerm = new boolean[nTerms];
        for (int t : purchaseTerms) {
            beliefTerm[t] = true;
        }
        for (int t : new int[] {formTerm, enforcementTerm, yearsTerm}) {
            if (t >= 0) {
                beliefTerm[t] = true;
            }
        }
        int[][] out = new int[nTerms][];
        for (int t = 0; t < nTerms; t++) {
            boolean[] drives = new boolean[nTerms];
            drives[t] = true;
            for (int d = 0; d < nTerms; d++) {
                if (derivedSource[d] == t || alternativeTarget[t] == d) {
                    drives[d] = true;
                }
            }
            if (alternativeTarget[t] >= 0) {
                beliefTerm[t] = beliefTerm[alternativeTarget[t]];
            }
            List<Integer> cs = new ArrayList<>();
            for (int c = 0; c < nCrit; c++) {
                boolean hit = false;
                for (int j = compStart[c]; j < compStart[c + 1] && !hit; j++) {
                    hit = drives[compTerm[j]]
                            || (compGate[j] >= 0 && drives[compGate[j]])
                            || (beliefTerm[t]
                                    && (compBelief[j] >= 0 || compGateBelief[j] >= 0 || compGate[j] == GATE_PLEDGES));
                }
                if (hit) {
                    cs.add(c);
                }
            }
            out[t] = cs.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** The summation group of a component, from its definition (used to order a criterion's components). */
    private static int group(DealModel model, Component comp, boolean us) {
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

    /** Compiles the model with one of its profiles (or a profile derived from one). */
    public static CompiledModel compile(DealModel model, Profile profile) {
        return new CompiledModel(model, profile);
    }

    private double[] factors(int term, java.util.Map<String, Double> byValue) {
        if (term < 0) {
            return new double[] {1.0};
        }
        List<String> vals = terms[term].values();
        double[] out = new double[vals.size()];
        for (int i = 0; i < vals.size(); i++) {
            out[i] = byValue.getOrDefault(vals.get(i), 1.0);
        }
        return out;
    }

    private double[] noDealBundle(Scenario s) {
        double[] x = new double[nTerms];
        for (int t = 0; t < nTerms; t++) {
            Object raw = s.values().get(terms[t].id());
            x[t] = raw != null ? terms[t].encode(raw) : terms[t].neutral();
        }
        for (Threat th : s.threats()) {
            int t = model.termIndex(th.term());
            x[t] = (1 - th.probability()) * x[t] + th.probability() * th.value();
        }
        return x;
    }

    // ------------------------------------------------------------------ accessors

    public DealModel model() {
        return model;
    }

    public Profile profile() {
        return profile;
    }

    public int factionCount() {
        return nFac;
    }

    public boolean factionIsUs(int f) {
        return factionUs[f];
    }

    public double clout(int f) {
        return clout[f];
    }

    /** m(f,c): the faction's multiplier of criterion c (1 for criteria of the other side, which it ignores). */
    public double multiplier(int f, int c) {
        return factions[f].multiplier(criteria[c].id());
    }

    /** A side's utility is this times the weighted sum of its criterion values (100: utility points). */
    public double utilityScale() {
        return unit;
    }

    /** Criteria are ordered U.S. first, then China: c &lt; usCriterionCount() are U.S. criteria. */
    public int criterionCount() {
        return nCrit;
    }

    public int usCriterionCount() {
        return nUs;
    }

    public CriterionDef criterion(int c) {
        return criteria[c];
    }

    /** w(p,c), normalised over the criterion's side. */
    public double weight(int c) {
        return sideWeight[c];
    }

    /** w(f,c), normalised over the faction's side. */
    public double factionWeight(int f, int c) {
        return factionWeight[f][c];
    }

    /** v(c) of the no-deal bundle x0(s); credibility does not move it, since x0 pledges nothing. */
    public double noDealValue(int s, int c) {
        return noDealValues[s][c];
    }

    public int pledgeCategoryCount() {
        return categories.length;
    }

    public double trackRecord(int k) {
        return trackRecord[k];
    }

    public int termCount() {
        return nTerms;
    }

    public TermDef term(int t) {
        return terms[t];
    }

    public FactionDef faction(int f) {
        return factions[f];
    }

    public int scenarioIndex(String id) {
        for (int s = 0; s < nScen; s++) {
            if (scenarios[s].id().equals(id)) {
                return s;
            }
        }
        return -1;
    }

    /** The no-deal bundle x0(s), encoded; derived terms are NaN (they follow their source). */
    public double[] noDeal(int s) {
        return noDeal[s].clone();
    }

    /** d(p): the side's utility without a deal in scenario s. */
    public double noDealUtility(Side side, int s) {
        return noDealUtility[s][side == Side.US ? 0 : 1];
    }

    public double noDealFactionUtility(int f, int s) {
        return noDealUtility[s][2 + f];
    }

    /** The bundle with every omitted term at its no-deal value in scenario s. */
    public double[] resolve(Bundle b, int s) {
        double[] x = noDeal[s].clone();
        for (int t = 0; t < nTerms; t++) {
            if (b.given()[t]) {
                x[t] = b.values()[t];
            }
        }
        return x;
    }

    // ------------------------------------------------------------------ scoring

    /** Scratch space for one thread. */
    public Work newWork() {
        return new Work(this);
    }

    /** Per-thread scratch arrays and the results of the last {@link #score}. */
    public static final class Work {
        final double[] effective;
        final double[] raw;
        final double[] value;
        final double[] belief;
        final double[] factionUtility;
        final double[] factionSurplus;
        final double[] factionStake;
        /** Track record per pledge category used by this work's scoring: the profile's, unless a sensitivity analysis perturbs it. */
        final double[] trackRecord;

        double utilityUs;
        double utilityCn;
        double realism;
        double formAndEnforcement;
        double pledgedTotal;
        /** Expected delivery of the purchases pledged ($B/yr): Σ π × pledge, as the U.S. believes it. */
        double credibleTotal;

        double weightedPledge;

        Work(CompiledModel m) {
            effective = new double[m.nTerms];
            raw = new double[m.nCrit];
            value = new double[m.nCrit];
            belief = new double[m.categories.length];
            factionUtility = new double[m.nFac];
            factionSurplus = new double[m.nFac];
            factionStake = new double[m.nFac];
            trackRecord = m.trackRecord.clone();
        }

        public double utility(Side side) {
            return side == Side.US ? utilityUs : utilityCn;
        }

        public double factionUtility(int f) {
            return factionUtility[f];
        }

        /** v(c) of the last scored bundle, criteria in {@link CompiledModel#criterion(int)} order. */
        public double value(int c) {
            return value[c];
        }

        /** Scores later bundles with this delivered share for pledge category k (sensitivity analysis). */
        public void setTrackRecord(int k, double share) {
            trackRecord[k] = share;
        }
    }

    /** Derived terms follow their source; alternative units fold into their target. */
    void effective(double[] x, double[] out) {
        System.arraycopy(x, 0, out, 0, nTerms);
        for (int t : derivedTerms) {
            if (Double.isNaN(out[t])) {
                out[t] = derivedTable[t][(int) out[derivedSource[t]]];
            }
        }
        for (int t : alternativeTerms) {
            int target = alternativeTarget[t];
            out[target] = Math.max(out[target], out[t] * alternativeFactor[t]);
        }
    }

    /**
     * Scores a resolved bundle x in scenario s: criterion values, side and faction utilities
     * (DESIGN.md §2). Allocation-free.
     */
    public void score(double[] x, int s, Work w) {
        prepare(x, s, w);
        // Component by component, in groups with no branching inside; each criterion's components
        // are stored in this group order, so criterion(c) adds them in exactly the same order.
        double[] xe = w.effective;
        double[] raw = w.raw;
        System.arraycopy(base, 0, raw, 0, nCrit);
        for (int k : plainLinear) {
            raw[compCrit[k]] += compSlope[k] * xe[compTerm[k]];
        }
        for (int k : plainLevels) {
            raw[compCrit[k]] += compLevels[k][(int) xe[compTerm[k]]];
        }
        for (int k : plainPoints) {
            raw[compCrit[k]] += fn(k, xe[compTerm[k]]);
        }
        double[] x0e = noDealEffective[s];
        for (int k : special) {
            raw[compCrit[k]] += component(k, xe, x0e, w);
        }
        double[] v = w.value;
        for (int c = 0; c < nCrit; c++) {
            v[c] = shape(c, raw[c]);
        }
        utilities(w);
    }

    /**
     * Rescores x when, since w last scored a bundle in scenario s, only terms whose criteria are in
     * {@code criteria} (see {@link #affectedCriteria(int...)}) have changed: recomputes those
     * criteria and every utility. Bit-identical to {@link #score}: a criterion's components are
     * added in the same order on both paths and the utilities are the same sums. The search's hot
     * path, where the odometer mostly moves one term.
     */
    public void rescore(double[] x, int s, Work w, int[] criteria) {
        prepare(x, s, w);
        double[] v = w.value;
        for (int c : criteria) {
            v[c] = criterion(c, s, w);
        }
        utilities(w);
    }

    /** The criteria whose value can change when any of these terms changes, ascending. */
    public int[] affectedCriteria(int... changedTerms) {
        boolean[] hit = new boolean[nCrit];
        for (int t : changedTerms) {
            for (int c : affectedCriteria[t]) {
                hit[c] = true;
            }
        }
        return java.util.stream.IntStream.range(0, nCrit).filter(c -> hit[c]).toArray();
    }

    /** U(p) and every U(f) from the criterion values in w (DESIGN.md §2). */
    private void utilities(Work w) {
        double[] v = w.value;
        double uUs = 0;
        for (int c = 0; c < nUs; c++) {
            uUs += sideWeight[c] * v[c];
        }
        double uCn = 0;
        for (int c = nUs; c < nCrit; c++) {
            uCn += sideWeight[c] * v[c];
        }
        w.utilityUs = unit * uUs;
        w.utilityCn = unit * uCn;
        for (int f = 0; f < nFac; f++) {
            double[] fw = factionWeight[f];
            int from = factionUs[f] ? 0 : nUs;
            int to = factionUs[f] ? nUs : nCrit;
            double u = 0;
            for (int c = from; c < to; c++) {
                u += fw[c] * v[c];
            }
            w.factionUtility[f] = unit * u;
        }
    }

    /** Effective term values and belief per pledge category, for {@link #criterion}. */
    void prepare(double[] x, int s, Work w) {
        effective(x, w.effective);
        credibility(w.effective, noDealEffective[s], w);
    }

    /** The 0–1 value of criterion c for the bundle last {@link #prepare prepared} in w. */
    double criterion(int c, int s, Work w) {
        double[] xe = w.effective;
        double[] x0e = noDealEffective[s];
        double raw = base[c];
        for (int k = compStart[c], end = compStart[c + 1]; k < end; k++) {
            raw += compBelief[k] < 0 && compGate[k] == -1 ? fn(k, xe[compTerm[k]]) : component(k, xe, x0e, w);
        }
        return shape(c, raw);
    }

    private double shape(int c, double raw) {
        if (saturating[c]) {
            return raw <= 0 ? 0 : clamp01(1 - Math.exp(-raw / scale[c]));
        }
        return clamp01(raw);
    }

    /** A component scored at credible value (U.S. view of a pledge) and/or scaled by its gate. */
    private double component(int k, double[] xe, double[] x0e, Work w) {
        double[] belief = w.belief;
        int t = compTerm[k];
        double xv = xe[t];
        double fx;
        int cat = compBelief[k];
        if (cat < 0) {
            fx = fn(k, xv);
        } else {
            // The U.S. values a pledge at its expected delivery π (DESIGN.md §2).
            double pi = belief[cat];
            double x0v = x0e[t];
            if (compCategorical[k]) {
                double f0 = fn(k, x0v);
                fx = f0 + pi * (fn(k, xv) - f0);
            } else {
                fx = fn(k, x0v + pi * (xv - x0v));
            }
        }
        int g = compGate[k];
        if (g == GATE_PLEDGES) {
            // The U.S. weighs the purchases it expects to see delivered, China the ones it promises.
            fx *= clamp01((compCrit[k] < nUs ? w.credibleTotal : w.pledgedTotal) / compGatePer[k]);
        } else if (g >= 0) {
            double gv = xe[g];
            int gcat = compGateBelief[k];
            if (gcat >= 0) {
                gv = x0e[g] + belief[gcat] * (gv - x0e[g]);
            }
            fx *= clamp01(gv / compGatePer[k]);
        }
        return fx;
    }

    private double fn(int k, double x) {
        switch (compKind[k]) {
            case FN_LINEAR:
                return compSlope[k] * x;
            case FN_POINTS: {
                double[] xs = compXs[k];
                double[] ys = compYs[k];
                if (x <= xs[0]) {
                    return ys[0];
                }
                int last = xs.length - 1;
                if (x >= xs[last]) {
                    return ys[last];
                }
                int i = 1;
                while (x > xs[i]) {
                    i++;
                }
                double r = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + r * (ys[i] - ys[i - 1]);
            }
            default:
                return compLevels[k][(int) x];
        }
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    /**
     * π per pledge category (DOMAIN.md §6): track record × form × enforcement, and for purchases
     * a realism factor. Expected delivery beyond what Phase One's pace (referenceGrowth a year from
     * the baseline) could deliver is believed only at excessBelief; because the threshold is applied
     * to the track-record-weighted pledge, raising any pledge never lowers credible purchases.
     */
    private void credibility(double[] xe, double[] x0e, Work w) {
        double form = (formTerm < 0 ? 1 : formFactor[(int) xe[formTerm]])
                * (enforcementTerm < 0 ? 1 : enforcementFactor[(int) xe[enforcementTerm]]);
        double pledged = 0;
        double weighted = 0;
        for (int t : purchaseTerms) {
            double p = Math.max(0, xe[t] - x0e[t]);
            pledged += p;
            weighted += w.trackRecord[pledgeCategory[t]] * p;
        }
        double years = yearsTerm < 0 ? 1 : xe[yearsTerm];
        int whole = (int) years;
        double pace = referenceDelivery
                * (whole == years && whole < paceByYears.length ? paceByYears[whole] : paceLimit(years));
        double realism = weighted > pace ? (pace + excessBelief * (weighted - pace)) / weighted : 1.0;
        for (int c = 0; c < categories.length; c++) {
            double pi = w.trackRecord[c] * form * (purchaseCategory[c] ? realism : 1.0);
            w.belief[c] = Math.min(1.0, pi);
        }
        double credible = 0;
        for (int t : purchaseTerms) {
            credible += w.belief[pledgeCategory[t]] * Math.max(0, xe[t] - x0e[t]);
        }
        w.credibleTotal = credible;
        w.realism = realism;
        w.formAndEnforcement = form;
        w.pledgedTotal = pledged;
        w.weightedPledge = weighted;
    }

    /**
     * The largest average yearly pledge ($B/yr) reachable when exports grow at referenceGrowth a
     * year from the baseline and the pledge ramps up linearly: the end-of-term increment is
     * {@code B((1+g)^n − 1)} and a linear ramp averages {@code (n+1)/(2n)} of it.
     */
    double paceLimit(double years) {
        double n = Math.max(1, years);
        return baseline * (Math.pow(1 + referenceGrowth, n) - 1) * (n + 1) / (2 * n);
    }

    /** Yearly export growth a pledge of P $B/yr over n years needs (inverse of {@link #paceLimit}). */
    double requiredGrowth(double pledged, double years) {
        if (pledged <= 0) {
            return 0;
        }
        double n = Math.max(1, years);
        double end = pledged * 2 * n / (n + 1);
        return Math.pow(1 + end / baseline, 1 / n) - 1;
    }

    // ------------------------------------------------------------------ ratification

    /** Whether the veto of faction f applies to x: always for FULL, for SCOPED when x moves a scoped term. */
    boolean vetoApplies(int f, double[] x, int s) {
        VetoKind kind = factions[f].veto();
        if (kind == VetoKind.FULL) {
            return true;
        }
        if (kind == VetoKind.SCOPED) {
            double[] x0 = noDeal[s];
            for (int t : vetoScopeTerms[f]) {
                if (Double.doubleToLongBits(x[t]) != Double.doubleToLongBits(x0[t])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The win-set test of DESIGN.md §2 on the utilities in w: the side gains (S(p) &gt; 0), its
     * supporters hold more than the quorum share of the clout of the factions that take a stance
     * (neutral ones abstain), and no applicable veto holder opposes; each faction's stance is taken
     * with its own margin.
     */
    public boolean ratifies(Side side, double[] x, int s, Work w) {
        double[] surplus = w.factionSurplus;
        double[] stake = w.factionStake;
        boolean us = side == Side.US;
        for (int f = 0; f < nFac; f++) {
            if (factionUs[f] == us) {
                surplus[f] = w.factionUtility[f] - noDealUtility[s][2 + f];
                // The stake only decides a stance when |S| < δ (the margin is at most δ), so most bundles skip it.
                stake[f] = Math.abs(surplus[f]) >= settings.stanceMargin() ? Double.NaN : stake(f, w.value, s);
            }
        }
        return ratifies(side, x, s, w.utility(side) - noDealUtility(side, s), surplus, stake, clout);
    }

    /**
     * The same test on a given side surplus and faction surpluses, stakes and clouts (indexed by
     * faction), for analyses that sample them.
     */
    public boolean ratifies(
            Side side,
            double[] x,
            int s,
            double sideSurplus,
            double[] factionSurplus,
            double[] factionStake,
            double[] factionClout) {
        boolean us = side == Side.US;
        if (!hasFactions[us ? 0 : 1]) {
            // One negotiator (an imported domain's party): individually rational, U ≥ its reservation value.
            return sideSurplus > -NOISE;
        }
        // A government never signs what leaves it worse off by its own priorities, whoever inside backs it.
        if (!(sideSurplus > NOISE)) {
            return false;
        }
        double support = 0;
        double oppose = 0;
        for (int f = 0; f < nFac; f++) {
            if (factionUs[f] != us) {
                continue;
            }
            Stance stance = stance(factionSurplus[f], factionStake[f]);
            if (stance == Stance.SUPPORT) {
                support += factionClout[f];
            } else if (stance == Stance.OPPOSE) {
                if (vetoApplies(f, x, s)) {
                    return false;
                }
                oppose += factionClout[f];
            }
        }
        // Neutral factions abstain: the quorum is a share of the clout that takes a stance.
        return support > 0 && support > settings.quorum(side) * (support + oppose);
    }

    /**
     * G(f) = 100 Σc w(f,c)·|v(c) − v0(c)|: how far the bundle moves the criteria faction f weighs,
     * gains and losses added.
     */
    double stake(int f, double[] values, int s) {
        double[] fw = factionWeight[f];
        double[] v0 = noDealValues[s];
        int from = factionUs[f] ? 0 : nUs;
        int to = factionUs[f] ? nUs : nCrit;
        double g = 0;
        for (int c = from; c < to; c++) {
            g += fw[c] * Math.abs(values[c] - v0[c]);
        }
        return unit * g;
    }

    /** The faction's stance margin min(δ, ρ·G). */
    double margin(double stake) {
        return Math.min(settings.stanceMargin(), settings.relativeStanceMargin() * stake);
    }

    /**
     * P(p) = C(x:x0) / (C(x:x0) + C(x0:x)) × Π σ(S(f)/τ(f)) over applicable veto holders, the KTAB
     * coalition form of DESIGN.md §2; 1/2 when no faction cares either way. Faction surpluses and
     * stakes are indexed by faction. A side without factions accepts for certain what it ratifies.
     */
    double ratificationProbability(
            Side side, double[] x, int s, double sideSurplus, double[] factionSurplus, double[] factionStake) {
        boolean us = side == Side.US;
        if (!hasFactions[us ? 0 : 1]) {
            return sideSurplus > -NOISE ? 1 : 0;
        }
        double forDeal = 0;
        double against = 0;
        double vetoes = 1;
        for (int f = 0; f < nFac; f++) {
            if (factionUs[f] != us) {
                continue;
            }
            double surplus = factionSurplus[f];
            if (surplus > 0) {
                forDeal += clout[f] * surplus;
            } else {
                against -= clout[f] * surplus;
            }
            if (factions[f].veto() != VetoKind.NONE && vetoApplies(f, x, s)) {
                vetoes *= supportProbability(surplus, factionStake[f]);
            }
        }
        double coalition = forDeal + against == 0 ? 0.5 : forDeal / (forDeal + against);
        return coalition * vetoes;
    }

    /**
     * σ(S/τ(f)): τ(f) = τ·margin/δ shrinks with the faction's margin, so a small deal that moves a
     * faction one way is as clear to it as a large one.
     */
    double supportProbability(double surplus, double stake) {
        if (surplus == 0) {
            return 0.5;
        }
        double delta = settings.stanceMargin();
        double scale = delta > 0 ? margin(stake) / delta : 1;
        return scale > 0 ? logistic(surplus / (settings.vetoTemperature() * scale)) : (surplus > 0 ? 1 : 0);
    }

    static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * SUPPORT when S ≥ min(δ, ρ·G), OPPOSE when −S ≥ min(δ, ρ·G), else NEUTRAL; a surplus within
     * rounding noise of 0 is always NEUTRAL. The stake is not read when |S| ≥ δ (it may be NaN then).
     */
    Stance stance(double surplus, double stake) {
        if (Math.abs(surplus) < NOISE) {
            return Stance.NEUTRAL;
        }
        double margin = Math.abs(surplus) >= settings.stanceMargin() ? settings.stanceMargin() : margin(stake);
        return surplus >= margin ? Stance.SUPPORT : (surplus <= -margin ? Stance.OPPOSE : Stance.NEUTRAL);
    }
}
