package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.domain.genius.Issue;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "An imported negotiation domain: its issues and outcome count, and each party's weights, reservation value "
                        + "and discount factor. GET .../domain.xml and .../parties/{n}.xml export it as GENIUS XML.")
public record DomainResponse(
        String id,
        String name,
        String description,

        @Schema(description = "Grows by one per write; sent as the ETag.")
        long version,

        @Schema(description = "The number of outcomes: the product of the issues' sizes.")
        long outcomeCount,

        List<IssueDescriptor> issues,
        List<PartyDescriptor> parties) {

    @Schema(name = "DomainIssue", description = "One issue: discrete (its values) or integer (its range).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssueDescriptor(String name, Issue.Kind kind, List<String> values, Integer low, Integer high) {}

    @Schema(
            name = "DomainPartySummary",
            description = "One party's preferences in brief (the XML export has them in full).")
    public record PartyDescriptor(
            String name,
            @Schema(description = "Weight by issue name.") Map<String, Double> weights,

            @Schema(description = "Utility of no agreement.")
            double reservation,

            @Schema(description = "Discount factor (1: none).")
            double discount) {}
}
