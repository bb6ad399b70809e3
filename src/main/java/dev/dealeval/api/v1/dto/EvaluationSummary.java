package dev.dealeval.api.v1.dto;

import dev.dealeval.domain.engine.Verdict;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "EvaluationSummaryView",
        description =
                "The compact view of an evaluation (POST /api/v1/evaluations/summary), for machine callers: each side's utility, no-deal utility, "
                        + "surplus, whether it ratifies and how likely, how far the U.S. believes China's purchase pledges, and the joint figures. "
                        + "Every number equals the explained view's; the per-criterion, per-term and per-faction explanations are left out.")
public record EvaluationSummary(
        String scenario,
        String profile,
        long profileVersion,
        @Schema(description = "By side: US, CN.") Map<String, Side> sides,
        Credibility credibility,
        Joint joint,
        List<String> warnings) {

    @Schema(name = "SideSummary", description = "One side in brief.")
    public record Side(
            double utility, double noDealUtility, double surplus, boolean ratified, double ratificationProbability) {}

    @Schema(
            description =
                    "Purchases pledged and credibly expected ($B a year), their ratio, and the belief in the policy pledges.")
    public record Credibility(
            double pledgedUsdBnPerYear, double credibleUsdBnPerYear, double factor, double policyFactor) {}

    public record Joint(
            boolean zopa, double nashProduct, double welfare, Verdict verdict, double agreementProbability) {}
}
