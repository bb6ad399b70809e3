package dev.dealeval.api.v1.dto;

import dev.dealeval.api.v1.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A user-defined no-deal scenario to create (POST) or replace (PUT): term values over those of basedOn, and "
                        + "threatened measures. It must fix every term that inherits the scenario (tariffs and controls), directly or through basedOn.")
public record ScenarioRequest(
        @Pattern(regexp = Ids.SCENARIO, message = "must be UPPER_SNAKE, at most 64 characters")
        @Schema(
                description = "Id of the new scenario (POST only; PUT takes it from the path).",
                examples = "SECTION_122_AT_15")
        String id,

        @Schema(description = "Scenario whose values these replace (optional).", examples = "POST_RULING_2026")
        @Size(max = 64, message = "must be at most 64 characters")
        String basedOn,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 40) @Schema(examples = "2026-03-01") String date,
        @Size(max = 2000) String description,

        @Schema(description = "Term values of the status quo, by term id (GET /api/v1/terms).") @Size(max = 500)
        Map<String, Object> values,

        @Size(max = 20) List<@Valid Threat> threats,

        @Schema(
                description =
                        "The U.S. measures among the values that took effect in the month before the scenario's date, each term "
                                + "with the value it had before (docs/model.md \"Coercion\"): a bundle in which China gives "
                                + "something for nothing but their withdrawal is made under coercion. Like threats, not taken from "
                                + "basedOn.",
                examples = "{\"usConcessions.fentanylTariffPct\": 0}")
        @Size(max = 50)
        Map<String, Object> freshMeasures,

        @Size(max = 20) List<@Size(max = 500) String> sources) {

    @Schema(
            name = "ThreatRequest",
            description = "A measure threatened without a deal: the term is expected at (1-p) x current + p x value.")
    public record Threat(
            @Size(max = 64, message = "must be at most 64 characters")
            String term,

            Double value,
            Double probability,
            @Size(max = 500) String description,

            @Schema(
                    description =
                            "Announced in the month before the decision, to force it (default false): a bundle that leaves it "
                                    + "standing while China gives something, or that pays China nothing beyond withdrawing it, "
                                    + "is made under coercion (docs/model.md \"Coercion\").")
            Boolean fresh) {}
}
