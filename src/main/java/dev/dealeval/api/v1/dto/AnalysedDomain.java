package dev.dealeval.api.v1.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "The imported domain an analysis ran on: party 1's figures are in the US fields and party 2's in the CN "
                        + "fields; utilities and surpluses are GENIUS utilities (0-1); the no-deal point is the reservation values.")
public record AnalysedDomain(
        @Schema(examples = "laptop") String id,
        long version,

        @Schema(description = "Party 1 (the US fields), then party 2 (the CN fields), named as their files were.")
        List<String> parties) {}
