package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.dealeval.domain.engine.Stance;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.model.VetoKind;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonSerialize(using = EvaluationResponseSerializer.class)
@Schema(
        description =
                "The explained evaluation of one bundle. Utilities are 0-100 points; a surplus is the utility minus the "
                        + "no-deal utility in the scenario.")
public record EvaluationResponse(
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Id of the stored evaluation (absent with store=false).")
        String id,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "When it was stored (absent with store=false).")
        String createdAt,

        @Schema(description = "Scenario evaluated against.") String scenario,
        @Schema(description = "Profile used.") String profile,

        @Schema(description = "Version of the profile used.")
        long profileVersion,

        @Schema(description = "Results for the U.S. (key US) and China (key CN).")
        Map<String, SideResult> sides,

        CredibilityResult credibility,
        JointResult joint,

        @Schema(description = "Things worth knowing that are not errors.")
        List<String> warnings) {

    /** The same evaluation as stored under an id. */
    public EvaluationResponse stored(String id, String createdAt) {
        return new EvaluationResponse(
                id, createdAt, scenario, profile, profileVersion, sides, credibility, joint, warnings);
    }

    @Schema(description = "One side's evaluation.")
    public record SideResult(
            @Schema(description = "U = 100 x sum of weight x criterion value.")
            double utility,

            @Schema(description = "Utility of the no-deal bundle in the scenario.")
            double noDealUtility,

            @Schema(description = "utility - noDealUtility.")
            double surplus,

            @Schema(
                    description =
                            "supportIndex > threshold: the side's factions, weighted by clout and capped by every applicable veto holder, gain enough of what the bundle moves for them.")
            boolean ratified,

            @Schema(
                    description =
                            "epsilon + (1 - 2 epsilon) x sigma((supportIndex - threshold) / tau), within [epsilon, 1 - epsilon]; above 0.5 exactly when ratified.")
            double ratificationProbability,

            @Schema(description = "Clout of the factions that support.")
            double supportingClout,

            @Schema(description = "Clout of the factions that oppose.")
            double opposingClout,

            @Schema(
                    description =
                            "R in [-1, 1]: the clout-weighted mean of the factions' support S / (G + gamma) (surplus against stake), capped by the support of every applicable veto holder.")
            double supportIndex,

            @Schema(description = "theta: the support index the side must exceed to ratify.")
            double threshold,

            List<CriterionResult> criteria,

            @Schema(description = "Terms that differ from no deal, largest contribution first.")
            List<TermResult> terms,

            List<FactionResult> factions) {}

    @Schema(description = "One criterion of a side.")
    public record CriterionResult(
            String id,

            @Schema(description = "Normalised weight in the profile.")
            double weight,

            @Schema(description = "Criterion value 0-1 for the bundle.")
            double value,

            @Schema(description = "Criterion value 0-1 without a deal.")
            double noDealValue,

            @Schema(description = "100 x weight x value: share of the utility.")
            double contribution,

            @Schema(description = "100 x weight x (value - noDealValue): share of the surplus.")
            double surplusContribution) {}

    @Schema(description = "What one term adds to a side's utility: U(x) - U(x with the term at its no-deal value).")
    public record TermResult(String term, Object value, Object noDealValue, double contribution) {}

    @Schema(description = "One faction inside a government.")
    public record FactionResult(
            String id,
            double clout,
            VetoKind veto,

            @Schema(
                    description =
                            "Whether its veto applies to this bundle (always for FULL; for SCOPED when a scoped term moves).")
            boolean vetoApplies,

            double utility,
            double noDealUtility,
            double surplus,

            @Schema(
                    description =
                            "G: 100 x sum of its weight x |change of the criterion|, how far the bundle moves what it weighs, gains and losses added.")
            double stake,

            @Schema(description = "min(delta, rho x stake): the surplus it needs to take a stance.")
            double stanceMargin,

            @Schema(description = "SUPPORT at surplus >= stanceMargin, OPPOSE at <= -stanceMargin, else NEUTRAL.")
            Stance stance,

            @Schema(
                    description =
                            "epsilon + (1 - 2 epsilon) x sigma((r - threshold) / tau), r = surplus / (stake + gamma): how likely this faction backs the bundle.")
            double supportProbability,

            @Schema(description = "The terms that move it most, in the direction of its stance.")
            List<String> reasons,

            @Schema(description = "One readable sentence.") String summary) {}

    @Schema(description = "How far the U.S. believes China's pledges (docs/model.md, Credibility).")
    public record CredibilityResult(
            @Schema(description = "Nominal purchase pledges, $B/yr.")
            double pledgedUsdBnPerYear,

            @Schema(description = "Expected delivery, $B/yr.")
            double credibleUsdBnPerYear,

            @Schema(description = "credible / pledged, in [0, 1]; 0 when nothing is pledged.")
            double factor,

            @Schema(description = "Factor of commitment.form x commitment.enforcement.")
            double formFactor,

            @Schema(
                    description = "Share of the measures in force that enforce the pledges (the legacy Section 301"
                            + " tariffs) that the bundle keeps, in [0, 1]: every pledge is believed at this share"
                            + " (1 = none lifted).")
            double enforcementKept,

            @Schema(description = "Discount for pledges faster than Phase One's pace (1 = none).")
            double realism,

            @Schema(description = "Yearly export growth the pledge needs.")
            double requiredGrowth,

            @Schema(description = "Belief in non-purchase pledges (fentanyl, finance, geopolitics).")
            double policyFactor,

            List<CategoryResult> categories) {}

    @Schema(description = "Credibility of one purchase category.")
    public record CategoryResult(
            String category, double pledgedUsdBnPerYear, double credibleUsdBnPerYear, double factor) {}

    @Schema(description = "Both sides together.")
    public record JointResult(
            @Schema(description = "Both surpluses positive.")
            boolean zopa,

            @Schema(description = "max(0, S_US) x max(0, S_CN).")
            double nashProduct,

            @Schema(description = "S_US + S_CN.") double welfare,
            Verdict verdict,

            @Schema(description = "P(US ratifies) x P(CN ratifies).")
            double agreementProbability) {}
}
