package dev.dealeval.api.v1.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A bundle with a name a person can recognise in the results.")
public record LabelledBundle(
        @Size(max = 80, message = "must be at most 80 characters")
        @Schema(description = "Shown in results and charts; defaults to the bundle's position.", examples = "grand bargain") String name,
        @NotNull(message = "is required (use {} for no deal)") BundleTerms bundle) {
}
