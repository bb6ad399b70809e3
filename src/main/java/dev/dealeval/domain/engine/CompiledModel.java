package dev.dealeval.domain.engine;

import static dev.dealeval.domain.engine.ModelCompiler.booleans;
import static dev.dealeval.domain.engine.ModelCompiler.doubles;
import static dev.dealeval.domain.engine.ModelCompiler.indicesWhere;
import static dev.dealeval.domain.engine.ModelCompiler.ints;
import static dev.dealeval.domain.engine.ModelCompiler.rows;

import dev.dealeval.domain.model.Component;
import dev.dealeval.domain.model.CriterionDef;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Shape;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;

/**
 * A deal model compiled with one profile into flat arrays (by {@link ModelCompiler}): the hot path of
 * every evaluation and search. Immutable and thread-safe; scratch space lives in a {@link Work} per
 * thread. The rules live in their own classes and read these arrays: {@link Scoring} (criterion
 * values and utilities), {@link Credibility} (belief in pledges), {@link Ratification} (stances,
 * vetoes, win-sets) and {@link Probabilities} (how likely a side ratifies); the public methods here
 * delegate to them.
 *
 * <p>Criteria are ordered U.S. first, then China, so a side's criteria are a contiguous range.
 */
public final class CompiledModel {
    /** compGate of a component gated by the purchases pledged rather than by a term. */
    static final int GATE_PLEDGES = -2;

    final DealModel model;
    final Profile profile;
    final Settings settings;
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
    final int[] derivedTerms;
    final int[] alternativeTerms;
    /** Per term: the side that gives it (its section's giver), or null. */
    final Side[] giver;

    /** The belief in pledges, with the profile's credibility parameters (docs/model.md "Credibility"). */
    final Credibility credibility;

    // criteria and their components (component k belongs to criterion compCrit[k])
    final int nCrit;
    final int nUs;
    final CriterionDef[] criteria;
    final double[] base;
    final boolean[] saturating;
    final double[] scale;
    /** w(p,c), normalised over the criterion's side. */
    final double[] sideWeight;

    final int[] compStart;
    final int[] compCrit;
    final int[] compTerm;
    final int[] compKind;
    final double[] compSlope;
    final double[][] compXs;
    final double[][] compYs;
    final double[][] compLevels;
    final int[] compGate;
    final double[] compGatePer;
    final boolean[] compCategorical;
    /** Pledge category of the component's term when it is scored at credible value (U.S. criteria), else -1. */
    final int[] compBelief;
    /** Pledge category of the component's gate term when the gate is credible (U.S. criteria), else -1. */
    final int[] compGateBelief;
    /** Whether the component reads the pledges over the whole term rather than its term. */
    final boolean[] compAggregate;
    /** Whether the component is its function of its term's value, with no belief, gate or aggregate. */
    final boolean[] compPlain;
    /** Components by how the hot loop sums them: plain linear, plain levels, plain points, and credible or gated ones. */
    final int[] plainLinear;

    final int[] plainLevels;
    final int[] plainPoints;
    final int[] special;
    /** For each term, the criteria whose value can change when that term alone changes. */
    final int[][] affectedCriteria;

    /** The coercion rule (docs/model.md "Coercion"). */
    final CoercionRule coercion;

    // factions (docs/model.md "Factions and stances"), U.S. first
    final int nFac;
    final FactionDef[] factions;
    final boolean[] factionUs;
    final double[] clout;
    final int[][] vetoScopeTerms;
    /** w(f,c) ∝ w(p,c)·m(f,c), renormalised over the faction's side. */
    final double[][] factionWeight;
    /** Per side (U.S., China): whether it has factions; a side without them decides as one negotiator. */
    final boolean[] hasFactions;

    // scenarios: the no-deal bundle x0(s) and everything that depends only on it
    final int nScen;
    final Scenario[] scenarios;
    /** Per scenario: its measures as they stand, before any threat (its values, neutral elsewhere). */
    final double[][] inForce;

    final double[][] noDeal;
    final double[][] noDealEffective;
    /** Per scenario: the enforcing measures in force on its day, before any threat (docs/model.md "Credibility"). */
    final double[] enforcingInForce;

    final double[][] noDealValues;
    /** Per scenario: d(US), d(CN), then d(f) of each faction. */
    final double[][] noDealUtility;

    private CompiledModel(DealModel model, Profile profile) {
        this.model = model;
        this.profile = profile;
        this.settings = profile.settings();
        this.unit = model.utilityScale();

        nTerms = model.terms().size();
        terms = model.terms().toArray(new TermDef[0]);
        categorical = booleans(nTerms, t -> terms[t].kind() == TermKind.ENUM || terms[t].kind() == TermKind.BOOLEAN);
        derivedSource = ints(nTerms, t -> ModelCompiler.derivedSource(model, terms[t]));
        derivedTable = rows(nTerms, t -> ModelCompiler.derivedTable(model, terms[t]));
        alternativeTarget = ints(nTerms, t -> ModelCompiler.alternativeTarget(model, terms[t]));
        alternativeFactor = doubles(nTerms, t -> ModelCompiler.alternativeFactor(terms[t]));
        derivedTerms = indicesWhere(nTerms, t -> derivedSource[t] >= 0);
        alternativeTerms = indicesWhere(nTerms, t -> alternativeTarget[t] >= 0);
        giver = new Side[nTerms];
        for (int t = 0; t < nTerms; t++) {
            giver[t] = model.giver(terms[t]);
        }

        credibility = new Credibility(profile.credibility(), model, terms, alternativeTarget);

        criteria = ModelCompiler.criteriaUsFirst(model);
        nCrit = criteria.length;
        nUs = model.criteria(Side.US).size();
        base = doubles(nCrit, c -> criteria[c].base());
        saturating = booleans(nCrit, c -> criteria[c].shape().kind() == Shape.Kind.SATURATING);
        scale = doubles(nCrit, c -> criteria[c].shape().scale());
        sideWeight =
                doubles(nCrit, c -> profile.weights().get(criteria[c].side()).get(criteria[c].id()));
        Numbers.normalise(sideWeight, 0, nUs);
        Numbers.normalise(sideWeight, nUs, nCrit);

        Component[] comps = ModelCompiler.components(model, criteria, nUs);
        int nComp = comps.length;
        compStart = ModelCompiler.componentStarts(criteria);
        compCrit = ModelCompiler.componentOwners(compStart);
        compTerm = ints(nComp, k -> ModelCompiler.componentTerm(model, comps[k], credibility));
        compAggregate = booleans(nComp, k -> comps[k].onPledgesTotal());
        compKind = ints(nComp, k -> ModelCompiler.kind(comps[k].function()));
        compSlope = doubles(nComp, k -> ModelCompiler.slope(comps[k].function()));
        compXs = rows(nComp, k -> ModelCompiler.points(comps[k].function(), true));
        compYs = rows(nComp, k -> ModelCompiler.points(comps[k].function(), false));
        compLevels = rows(nComp, k -> ModelCompiler.levels(comps[k].function(), terms[compTerm[k]]));
        compGate = ints(nComp, k -> ModelCompiler.gate(model, comps[k]));
        compGatePer = doubles(nComp, k -> ModelCompiler.gatePer(comps[k]));
        compCategorical = booleans(nComp, k -> categorical[compTerm[k]]);
        compBelief =
                ints(nComp, k -> compCrit[k] < nUs && !compAggregate[k] ? credibility.pledgeCategory[compTerm[k]] : -1);
        compGateBelief =
                ints(nComp, k -> compCrit[k] < nUs && compGate[k] >= 0 ? credibility.pledgeCategory[compGate[k]] : -1);
        compPlain = booleans(nComp, k -> compBelief[k] < 0 && compGate[k] == -1 && !compAggregate[k]);
        int[] group = ints(nComp, k -> ModelCompiler.group(model, comps[k], compCrit[k] < nUs));
        plainLinear = indicesWhere(nComp, k -> group[k] == ModelCompiler.GROUP_LINEAR);
        plainLevels = indicesWhere(nComp, k -> group[k] == ModelCompiler.GROUP_LEVELS);
        plainPoints = indicesWhere(nComp, k -> group[k] == ModelCompiler.GROUP_POINTS);
        special = indicesWhere(nComp, k -> group[k] == ModelCompiler.GROUP_SPECIAL);
        nScen = model.scenarios().size();
        scenarios = model.scenarios().toArray(new Scenario[0]);
        inForce = rows(nScen, s -> ModelCompiler.currentBundle(terms, scenarios[s]));
        coercion = new CoercionRule(model, this);
        affectedCriteria = ModelCompiler.affectedCriteria(this);

        factions = ModelCompiler.factionsUsFirst(profile);
        nFac = factions.length;
        factionUs = booleans(nFac, f -> factions[f].side() == Side.US);
        clout = doubles(nFac, f -> factions[f].clout());
        hasFactions = booleans(2, i -> !profile.factions(Side.values()[i]).isEmpty());
        vetoScopeTerms = new int[nFac][];
        factionWeight = new double[nFac][];
        for (int f = 0; f < nFac; f++) {
            vetoScopeTerms[f] = ModelCompiler.vetoScope(factions[f], terms);
            factionWeight[f] = ModelCompiler.factionWeights(
                    factions[f], criteria, sideWeight, factionUs[f] ? 0 : nUs, factionUs[f] ? nUs : nCrit);
        }

        noDeal = rows(nScen, s -> ModelCompiler.noDealBundle(model, inForce[s], scenarios[s]));
        noDealEffective = new double[nScen][nTerms];
        noDealValues = new double[nScen][];
        noDealUtility = new double[nScen][2 + nFac];
        Work w = newWork();
        enforcingInForce = new double[nScen];
        double[] current = new double[nTerms];
        for (int s = 0; s < nScen; s++) {
            Scoring.effective(this, noDeal[s], noDealEffective[s]);
            Scoring.effective(this, inForce[s], current);
            enforcingInForce[s] = credibility.enforcing(current);
        }
        // Scoring reads only the tables above, noDealEffective and enforcingInForce.
        for (int s = 0; s < nScen; s++) {
            Scoring.score(this, noDeal[s], s, w);
            noDealValues[s] = w.value.clone();
            ModelCompiler.noDealUtilities(scenarios[s], w, factionUs, noDealUtility[s]);
        }
    }

    /** Compiles the model with one of its profiles (or a profile derived from one). */
    public static CompiledModel compile(DealModel model, Profile profile) {
        return new CompiledModel(model, profile);
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
        return credibility.categories.length;
    }

    public double trackRecord(int k) {
        return credibility.trackRecord[k];
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

    /** The criteria whose value can change when any of these terms changes, ascending. */
    public int[] affectedCriteria(int... changedTerms) {
        boolean[] hit = new boolean[nCrit];
        for (int t : changedTerms) {
            for (int c : affectedCriteria[t]) {
                hit[c] = true;
            }
        }
        return indicesWhere(nCrit, c -> hit[c]);
    }

    // ------------------------------------------------------------------ the rules, for other packages

    /** Scores a resolved bundle x in scenario s into w: see {@link Scoring#score}. Allocation-free. */
    public void score(double[] x, int s, Work w) {
        Scoring.score(this, x, s, w);
    }

    /** Rescores only the given criteria of x: see {@link Scoring#rescore}. */
    public void rescore(double[] x, int s, Work w, int[] criteria) {
        Scoring.rescore(this, x, s, w, criteria);
    }

    /** Whether the side ratifies the bundle last scored into w: see {@link Ratification#ratifies}. */
    public boolean ratifies(Side side, double[] x, int s, Work w) {
        return Ratification.ratifies(this, side, x, s, w);
    }

    // ------------------------------------------------------------------ scratch space

    /** Scratch space for one thread. */
    public Work newWork() {
        return new Work(this);
    }
}
