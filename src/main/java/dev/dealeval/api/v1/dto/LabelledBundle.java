package dev.dealeval.api.v1.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A bundle with a name a person can recognise in the results.")
public record LabelledBundle(
        @Size(max = 80, message = "must be at most 80 characters")
        @Schema(
                description = "Shown in results and charts; defaults to the bundle's position.",
                examples = "grand bargain")
        String name,

        @Schema(description = "The bundle (the U.S.-China model): required there, {} for no deal.")
        BundleTerms bundle,

        @Schema(
                description =
                        "With a domain: the outcome, a value for every issue by issue name (a discrete issue's value as "
                                + "written in the domain file, an integer issue's whole number).",
                examples = "{\"Laptop\": \"Dell\", \"Harddisk\": " + "\"60 Gb\", \"External Monitor\": \"19'' LCD\"}")
        @Size(max = 200, message = "must hold at most 200 issues")
        java.util.Map<String, Object> outcome) {}
