package dev.dealeval.api.v1.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A page of stored evaluations, newest first.")
public record EvaluationList(List<Summary> items, int page, int size, long total, long totalPages) {

    @Schema(name = "EvaluationSummary", description = "One stored evaluation in brief; GET its location for the full result.")
    public record Summary(String id, String createdAt, String location, String profile, long profileVersion, String scenario,
                          String verdict, double usSurplus, double cnSurplus) {
    }
}
