package dev.dealeval.api.v1.dto;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A no-deal scenario: the status quo each side falls back to without a deal.")
public record ScenarioResponse(
        @Schema(examples = "GENEVA_2025") String id,
        String name,

        @Schema(description = "Date the status quo describes.")
        String date,

        String description,
        boolean builtIn,

        @Schema(description = "1 for built-in scenarios; grows by one per write (also the ETag).")
        long version,

        @Schema(description = "Term values the scenario fixes.")
        Map<String, Object> values,

        @Schema(description = "Measures threatened without a deal.")
        List<ThreatResponse> threats,

        @Schema(
                description =
                        "U.S. measures in force for less than a month on the scenario's date, each term with its value before "
                                + "(docs/model.md \"Coercion\").")
        Map<String, Object> freshMeasures,

        @Schema(
                description =
                        "The full no-deal bundle: every term's value without a deal (expected values where threatened).")
        Map<String, Object> noDealBundle,

        @Schema(description = "Utility of no deal for each side under the default profile (keys US, CN).")
        Map<String, Double> noDealUtility,

        List<String> sources) {

    @Schema(description = "A threatened measure; without a deal the term is expected at (1-p) x current + p x value.")
    public record ThreatResponse(
            String term,
            double value,
            double probability,
            String description,

            @Schema(
                    description =
                            "Announced in the month before the decision, to force it (docs/model.md \"Coercion\").")
            boolean fresh) {}
}
