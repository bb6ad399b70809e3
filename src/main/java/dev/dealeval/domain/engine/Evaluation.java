package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;
import java.util.List;
import java.util.Map;

/** The fully explained evaluation of one bundle (docs/model.md and docs/api-contract.md). */
public record Evaluation(
        String scenario,
        String profile,
        long profileVersion,
        long scenarioVersion,
        String modelVersion,
        Map<Side, SideResult> sides,
        CredibilityResult credibility,
        JointResult joint,
        List<String> warnings) {

    public SideResult side(Side side) {
        return sides.get(side);
    }

    /**
     * @param supportingClout clout of the factions whose stance is SUPPORT
     * @param opposingClout   clout of the factions whose stance is OPPOSE
     * @param supportIndex    R: the clout-weighted mean of the factions' support S/(G + γ), capped by every
     *                        applicable veto holder's (docs/model.md "Ratification")
     * @param threshold       θ: the side ratifies when R exceeds it
     */
    public record SideResult(
            double utility,
            double noDealUtility,
            double surplus,
            boolean ratified,
            double ratificationProbability,
            double supportingClout,
            double opposingClout,
            double supportIndex,
            double threshold,
            List<CriterionResult> criteria,
            List<TermContribution> terms,
            List<FactionResult> factions) {}

    /**
     * @param weight       normalised weight of the criterion for this side
     * @param value        criterion value 0–1 for the bundle
     * @param contribution 100 · weight · value: its share of the utility
     * @param surplusContribution 100 · weight · (value − noDealValue): its share of the surplus
     */
    public record CriterionResult(
            String id,
            double weight,
            double value,
            double noDealValue,
            double contribution,
            double surplusContribution) {}

    /** U(x) − U(x with this term at its no-deal value). */
    public record TermContribution(String term, Object value, Object noDealValue, double contribution) {}

    public record FactionResult(
            String id,
            double clout,
            VetoKind veto,
            boolean vetoApplies,
            double utility,
            double noDealUtility,
            double surplus,
            double stake,
            double stanceMargin,
            Stance stance,
            double supportProbability,
            List<String> reasons,
            String summary) {}

    /**
     * @param factor      credible ÷ pledged for purchases, in [0, 1]; 0 when nothing is pledged, since an empty promise delivers nothing
     * @param policyFactor how far the U.S. believes the non-purchase pledges (fentanyl, finance, geopolitics)
     * @param requiredGrowth yearly export growth the purchase pledge needs (0 when none)
     */
    public record CredibilityResult(
            double pledgedUsdBnPerYear,
            double credibleUsdBnPerYear,
            double factor,
            double formFactor,
            double enforcementKept,
            double realism,
            double requiredGrowth,
            double policyFactor,
            List<CategoryCredibility> categories) {}

    public record CategoryCredibility(
            String category, double pledgedUsdBnPerYear, double credibleUsdBnPerYear, double factor) {}

    public record JointResult(
            boolean zopa, double nashProduct, double welfare, Verdict verdict, double agreementProbability) {}
}
