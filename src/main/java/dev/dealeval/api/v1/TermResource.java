package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.TermCatalog;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.domain.model.TermDef;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/terms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Model", description = "The deal model: terms, scenarios and profiles")
public class TermResource {
    private final TermCatalog catalog;

    public TermResource(ModelRegistry registry) {
        long space = 1;
        for (TermDef t : registry.model().terms()) {
            if (t.searchDefault()) {
                space *= t.levels().size();
            }
        }
        this.catalog = new TermCatalog(
                registry.model().version(),
                space,
                registry.model().terms().stream().map(DtoMapper::term).toList(),
                registry.model().criteria().stream()
                        .map(c -> new TermCatalog.CriterionDescriptor(
                                c.id(), c.side(), c.weight(), c.formula(), c.description()))
                        .toList());
    }

    @GET
    @Operation(
            operationId = "listTerms",
            summary = "List the terms a bundle can contain, and the criteria that score them",
            description =
                    "Every term of the deal model with its kind, unit, allowed range or values, neutral (no-commitment) "
                            + "value, whether it inherits the scenario's level, its default search levels and what it means. Terms are "
                            + "written in a bundle as section.name, e.g. purchases.agricultureUsdBnPerYear. Also lists each side's criteria with "
                            + "their default weights and formulas.")
    public TermCatalog list() {
        return catalog;
    }
}
