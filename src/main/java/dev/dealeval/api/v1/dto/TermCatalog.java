package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.model.TermKind;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The term catalogue of the deal model.")
public record TermCatalog(
        @Schema(description = "Version of the model file.") String modelVersion,

        @Schema(description = "Bundles in the default search space (product of the levels of the search terms).")
        long defaultSearchSpace,

        List<TermDescriptor> terms,

        @Schema(description = "The criteria each side scores a bundle on, with their default weights and formulas.")
        List<CriterionDescriptor> criteria) {

    @Schema(description = "One criterion: scored 0-1 from the terms; a side's utility is 100 x the weighted sum.")
    public record CriterionDescriptor(
            @Schema(examples = "nationalSecurity") String id,
            dev.dealeval.domain.model.Side side,

            @Schema(description = "Weight in the default profile.")
            double defaultWeight,

            @Schema(description = "The formula in words.") String formula,
            String description) {}

    @Schema(description = "One term: how to write it in a bundle and what it means.")
    public record TermDescriptor(
            @Schema(description = "section.name as used in a bundle.", examples = "purchases.agricultureUsdBnPerYear")
            String id,

            String section,
            String name,
            TermKind kind,

            @Schema(description = "Unit of the value; absent when the term has none.")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String unit,

            @Schema(description = "Smallest allowed value (numeric terms; absent for the others).")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Double min,

            @Schema(description = "Largest allowed value (numeric terms; absent for the others).")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Double max,

            @Schema(
                    description =
                            "Value meaning no commitment; null when the term inherits the scenario or derives from another term.")
            Object neutral,

            @Schema(description = "True for tariffs and controls: left out, they keep the scenario's level.")
            boolean inheritsScenario,

            @Schema(description = "Term whose value a left-out value follows; absent if none.")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String derivedFrom,

            @Schema(description = "Allowed values of an enum term.")
            List<String> values,

            @Schema(description = "Default candidate values when searching the deal space.")
            List<Object> levels,

            @Schema(description = "Part of the default search subset.")
            boolean searchDefault,

            @Schema(description = "Credibility category when the term is a Chinese promise; absent for the others.")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String pledge,

            String description) {}
}
