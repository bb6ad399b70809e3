package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A page of stored evaluations, newest first. Paged by number (page, total, totalPages) or, with a cursor, by "
                        + "keyset (page, total and totalPages absent); nextCursor continues after the last item either way, and is absent on the last page.")
public record EvaluationList(
        List<Summary> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer page,
        int size,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long totalPages,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description =
                        "Pass as cursor for the next page: it neither repeats nor skips evaluations while others are stored.")
        String nextCursor) {

    @Schema(
            name = "EvaluationSummary",
            description = "One stored evaluation in brief; GET its location for the full result.")
    public record Summary(
            String id,
            String createdAt,
            String location,
            String profile,
            long profileVersion,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Version of the deal model it was computed with (absent for evaluations stored before "
                                    + "versions were kept)")
            String modelVersion,

            String scenario,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Version of the scenario it was computed with (absent likewise)")
            Long scenarioVersion,

            String verdict,
            double usSurplus,
            double cnSurplus) {}
}
