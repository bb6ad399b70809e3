package dev.dealeval.api.v1.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A term to vary and its candidate levels.")
public record SearchTerm(
        @NotNull(message = "is required")
        @Schema(description = "Term id, as in GET /api/v1/terms.", examples = "usConcessions.exportControlLevel")
        @Size(max = 64, message = "must be at most 64 characters")
        String term,

        @Size(max = 50, message = "must hold at most 50 levels")
        @Schema(
                description =
                        "Candidate values written as in a bundle (numbers, true/false, enum names); left out, the model's "
                                + "levels (GET /api/v1/terms).",
                type = SchemaType.ARRAY)
        List<Object> levels) {}
