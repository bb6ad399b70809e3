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
                    "Decision constants: the stance margin delta and relative stance margin rho (a faction's margin is "
                            + "min(delta, rho x its stake)), and the ratification rule's temperature tau, threshold theta per side, "
                            + "stake floor gamma and probability floor epsilon: a side ratifies when its support index R exceeds "
                            + "theta, with probability epsilon + (1 - 2 epsilon) / (1 + exp(-(R - theta) / tau)).")
    public record SettingsProfile(
            double stanceMargin,
            double temperature,
            Map<Side, Double> threshold,
            double relativeStanceMargin,
            double stakeFloor,
            double probabilityFloor) {}
}
