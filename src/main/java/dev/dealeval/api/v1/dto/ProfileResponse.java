package dev.dealeval.api.v1.dto;

import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A profile: priority weights, factions, credibility parameters and decision settings.")
public record ProfileResponse(
        @Schema(examples = "default") String id,
        String name,
        String description,
        List<String> sources,
        boolean builtIn,
        long version,

        @Schema(description = "Criterion weights by side (normalised per side when used).")
        Map<Side, Map<String, Double>> weights,

        List<FactionProfile> factions,
        CredibilityProfile credibility,
        SettingsProfile settings) {

    @Schema(description = "A faction: its weights are the side's weights times its multipliers, renormalised.")
    public record FactionProfile(
            String id,
            Side side,
            String name,
            String description,
            double clout,
            VetoKind veto,
            List<String> vetoScope,
            Map<String, Double> multipliers) {}

    @Schema(
            description =
                    "credible pledge = pledge x trackRecord x realism x form x enforcement (docs/model.md, Credibility).")
    public record CredibilityProfile(
            Map<String, Double> trackRecords,
            List<String> purchaseCategories,
            Map<String, Double> formFactors,
            Map<String, Double> enforcementFactors,
            double baselineUsdBn,
            double referenceGrowth,
            double referenceDelivery,
            double excessBelief) {}

    @Schema(
            description =
                    "Decision constants: stance margin delta, veto temperature tau, quorum per side, and the relative "
                            + "stance margin rho (a faction's margin is min(delta, rho x its stake)).")
    public record SettingsProfile(
            double stanceMargin, double vetoTemperature, Map<Side, Double> quorum, double relativeStanceMargin) {}
}
