package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dealeval.api.v1.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A two-party negotiation domain to import (POST) or replace (PUT), as GENIUS XML texts: the domain file and "
                        + "one preferences file per party, the format of GENIUS and the ANAC competitions.")
public record DomainRequest(
        @Pattern(regexp = Ids.DOMAIN, message = "must be lower-case letters, digits and dashes, at most 64 characters")
        @Schema(description = "Id of the new domain (POST only; PUT takes it from the path).", examples = "laptop")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String id,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,

        @NotBlank(message = "is required: the GENIUS domain file (negotiation_template)")
        @Schema(description = "The GENIUS domain file: negotiation_template/utility_space/objective/issue/item.")
        String domainXml,

        @NotNull(message = "is required: one preferences file per party")
        @Size(min = 2, max = 2, message = "must hold exactly two parties")
        @Schema(description = "The two parties' GENIUS preferences files, in order.")
        List<@NotNull(message = "is required") @Valid Party> parties) {

    @Schema(name = "DomainParty", description = "One party: a name and its GENIUS preferences file (utility_space).")
    public record Party(
            @NotBlank @Size(max = 200) @Schema(examples = "buyer")
            String name,

            @NotBlank(message = "is required: the party's GENIUS preferences file (utility_space)")
            String xml) {}
}
