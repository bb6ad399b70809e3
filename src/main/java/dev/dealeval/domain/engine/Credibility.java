package dev.dealeval.domain.engine;

import static dev.dealeval.domain.engine.ModelCompiler.booleans;
import static dev.dealeval.domain.engine.ModelCompiler.doubles;
import static dev.dealeval.domain.engine.ModelCompiler.indicesWhere;

import dev.dealeval.domain.model.CredibilityParams;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.EnforcingMeasures;
import dev.dealeval.domain.model.TermDef;

/**
 * The credibility rule (docs/model.md "Credibility"): the U.S. believes a pledge of category k at
 * π(k) = track record × commitment form × enforcement × the share of the enforcing measures in force
 * that the bundle keeps, and for purchases × a realism factor that believes expected delivery beyond
 * Phase One's pace only at excessBelief. Holds the profile's credibility parameters compiled against
 * the model's terms; {@link #believe} computes π per category for one bundle into a {@link Work}.
 */
final class Credibility {
    static final String FORM_TERM = "commitment.form";
    static final String ENFORCEMENT_TERM = "commitment.enforcement";
    static final String YEARS_TERM = "purchases.years";

    /** The pledge categories (the profile's track records), sorted by name. */
    final String[] categories;

    final double[] trackRecord;
    final boolean[] purchaseCategory;
    /** The category index of each term's pledge, or −1 for a term that pledges nothing. */
    final int[] pledgeCategory;
    /** The purchase pledges counted once (an alternative unit folds into its target). */
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
    /** The enforcing measures' terms, none when the model names none (docs/model.md "Credibility"). */
    final int[] enforcingTerms;
    /** Each enforcing term's coefficient, and the measures' base: E(x) = base + Σ coefficient × x. */
    final double[] enforcingCoefficients;

    final double enforcingBase;
    /** paceLimit for whole years 0..10, so the hot path need not call Math.pow. */
    final double[] paceByYears;

    Credibility(CredibilityParams cred, DealModel model, TermDef[] terms, int[] alternativeTarget) {
        categories = ModelCompiler.categories(cred);
        trackRecord = doubles(categories.length, k -> cred.trackRecords().get(categories[k]));
        purchaseCategory =
                booleans(categories.length, k -> cred.purchaseCategories().contains(categories[k]));
        pledgeCategory = ModelCompiler.pledgeCategories(terms, categories);
        purchaseTerms = indicesWhere(
                terms.length,
                t -> pledgeCategory[t] >= 0 && purchaseCategory[pledgeCategory[t]] && alternativeTarget[t] < 0);
        formTerm = model.termIndex(FORM_TERM);
        enforcementTerm = model.termIndex(ENFORCEMENT_TERM);
        yearsTerm = model.termIndex(YEARS_TERM);
        formFactor = ModelCompiler.factors(terms, formTerm, cred.formFactors());
        enforcementFactor = ModelCompiler.factors(terms, enforcementTerm, cred.enforcementFactors());
        baseline = cred.baselineUsdBn();
        referenceGrowth = cred.referenceGrowth();
        referenceDelivery = cred.referenceDelivery();
        excessBelief = cred.excessBelief();
        paceByYears = doubles(11, n -> paceLimit(n));
        EnforcingMeasures e = model.enforcement();
        String[] measured = e == null
                ? new String[0]
                : e.measures().keySet().stream().sorted().toArray(String[]::new);
        enforcingTerms =
                java.util.Arrays.stream(measured).mapToInt(model::termIndex).toArray();
        enforcingCoefficients = doubles(measured.length, i -> e.measures().get(measured[i]));
        enforcingBase = e == null ? 0 : e.base();
    }

    /** The enforcing measures of x (effective values), or 0 when the model names none. */
    double enforcing(double[] x) {
        if (enforcingTerms.length == 0) {
            return 0;
        }
        double v = enforcingBase;
        for (int i = 0; i < enforcingTerms.length; i++) {
            v += enforcingCoefficients[i] * x[enforcingTerms[i]];
        }
        return v;
    }

    /**
     * π per pledge category into w.belief, with the totals the scoring and the explanation read:
     * the purchases pledged and expected, the realism factor and form × enforcement. Expected
     * delivery beyond what Phase One's pace (referenceGrowth a year from the baseline) could deliver
     * is believed only at excessBelief; because the threshold is applied to the
     * track-record-weighted pledge, raising any pledge never lowers credible purchases.
     * Allocation-free.
     *
     * @param xe  the bundle's effective term values
     * @param x0e the no-deal bundle's: a pledge counts only above what the scenario already has
     * @param inForce the enforcing measures in force on the scenario's day (its values before any
     *     threat): a bundle that lifts a share g of them believes every pledge at (1 − g)
     */
    void believe(double[] xe, double[] x0e, double inForce, Work w) {
        double kept = inForce > 0 ? Math.min(1, enforcing(xe) / inForce) : 1;
        double form = (formTerm < 0 ? 1 : formFactor[(int) xe[formTerm]])
                * (enforcementTerm < 0 ? 1 : enforcementFactor[(int) xe[enforcementTerm]]);
        double pledged = 0;
        double weighted = 0;
        for (int t : purchaseTerms) {
            double p = Math.max(0, xe[t] - x0e[t]);
            pledged += p;
            weighted += w.trackRecord[pledgeCategory[t]] * p;
        }
        double years = years(xe);
        int whole = (int) years;
        double pace = referenceDelivery
                * (whole == years && whole < paceByYears.length ? paceByYears[whole] : paceLimit(years));
        double realism = weighted > pace ? (pace + excessBelief * (weighted - pace)) / weighted : 1.0;
        for (int c = 0; c < categories.length; c++) {
            double pi = w.trackRecord[c] * form * kept * (purchaseCategory[c] ? realism : 1.0);
            w.belief[c] = Math.min(1.0, pi);
        }
        double credible = 0;
        for (int t : purchaseTerms) {
            credible += w.belief[pledgeCategory[t]] * Math.max(0, xe[t] - x0e[t]);
        }
        w.credibleTotal = credible;
        w.realism = realism;
        w.formAndEnforcement = form;
        w.enforcementKept = kept;
        w.pledgedTotal = pledged;
        w.pledgeYears = years;
        w.weightedPledge = weighted;
    }

    /** The years over which the purchases are pledged (1 when the model has no such term). */
    double years(double[] xe) {
        return yearsTerm < 0 ? 1 : xe[yearsTerm];
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
}
