package dev.dealeval.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document; every 4xx and 5xx of the API has this body. */
@Schema(name = "ProblemDetail", description = "RFC 9457 problem details (application/problem+json).")
public record ProblemDetail(
        @Schema(description = "URI identifying the problem type.", examples = "urn:dealeval:problem:invalid-input")
        String type,

        @Schema(description = "Short summary of the problem type.", examples = "Invalid input")
        String title,

        @Schema(description = "HTTP status code.", examples = "400")
        int status,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "What went wrong in this request.")
        String detail,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The request path.", examples = "/api/v1/evaluations")
        String instance,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Each invalid input, named by its JSON path, sorted by path: the first " + MAX_VIOLATIONS
                        + " when there are more.",
                maxItems = MAX_VIOLATIONS)
        List<Violation> violations,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "How many invalid inputs the request has (violations lists at most " + MAX_VIOLATIONS
                        + " of them).",
                examples = "1")
        Integer violationCount) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Most violations one answer lists: the answer to any request stays small, however much is wrong in it. */
    public static final int MAX_VIOLATIONS = 100;

    /** A problem without violations. */
    public ProblemDetail(String type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, null, null);
    }

    @Schema(name = "FieldViolation", description = "One invalid input.")
    public record Violation(
            @Schema(description = "JSON path of the field.", examples = "bundle.purchases.years")
            String field,

            @Schema(examples = "must be between 1 and 5 (years)")
            String message) {}
}
