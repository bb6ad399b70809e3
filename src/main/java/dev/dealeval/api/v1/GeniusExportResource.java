package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.DomainRequest;
import dev.dealeval.api.v1.dto.GeniusExportResponse;
import dev.dealeval.application.analysis.export.GeniusExportService;
import dev.dealeval.application.port.GeniusDocuments;
import dev.dealeval.domain.genius.AdditiveExport;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/exports/genius")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Domains")
public class GeniusExportResource {
    private final GeniusExportService service;
    private final GeniusDocuments genius;

    public GeniusExportResource(GeniusExportService service, GeniusDocuments genius) {
        this.service = service;
        this.genius = genius;
    }

    @GET
    @Operation(
            operationId = "exportGeniusDomain",
            summary = "Export the U.S.-China model as a GENIUS domain",
            description =
                    "The model's default deal space (ten terms over their search levels, 1,152,000 outcomes) at a scenario and "
                            + "profile, as a GENIUS domain file and two preferences files (the United States, then China), so GENIUS, NegMAS "
                            + "or ANAC agents can negotiate over it. Each side's utility becomes its best additive approximation (ANOVA main "
                            + "effects on a seeded sample of the space scored by the engine), with the fit reported; the reservation values are "
                            + "the scenario's no-deal utilities on the same scale. POST the domain part, with an id, to /api/v1/domains to "
                            + "analyse it here.")
    @APIResponse(
            responseCode = "200",
            description = "The files and the fit",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GeniusExportResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown scenario or profile, or a sample size out of range")
    @APIResponse(responseCode = "503", description = SearchResource.BUSY)
    public GeniusExportResponse export(
            @Parameter(description = "No-deal scenario id; default from configuration", example = "GENEVA_2025")
                    @QueryParam("scenario")
                    @Pattern(regexp = Ids.SCENARIO, message = Ids.SCENARIO_MESSAGE)
                    String scenario,
            @Parameter(description = "Profile id; default from configuration", example = "default")
                    @QueryParam("profile")
                    @Pattern(regexp = Ids.PROFILE, message = Ids.PROFILE_MESSAGE)
                    String profile,
            @Parameter(
                            description = "Bundles sampled to fit the additive form (1,000 to 200,000; default 20,000)",
                            example = "20000")
                    @QueryParam("samples")
                    Integer samples,
            @Parameter(description = "Seed of the sample (default 1)", example = "1") @QueryParam("seed") Long seed) {
        GeniusExportService.GeniusExport e = service.export(scenario, profile, samples, seed);
        AdditiveExport.Result r = e.result();
        DomainRequest domain = new DomainRequest(
                null,
                r.domain().name(),
                "Exported from dealeval model " + e.modelVersion()
                        + ": each side's utility is its additive approximation (R-squared U.S. "
                        + Math.round(r.usFit().rSquared() * 1000) / 1000.0
                        + ", China " + Math.round(r.cnFit().rSquared() * 1000) / 1000.0 + ").",
                genius.writeDomain(r.domain()),
                List.of(
                        new DomainRequest.Party(r.us().name(), genius.writePreferences(r.domain(), r.us())),
                        new DomainRequest.Party(r.cn().name(), genius.writePreferences(r.domain(), r.cn()))));
        return new GeniusExportResponse(
                e.scenario(),
                e.profile(),
                e.profileVersion(),
                domain,
                e.terms(),
                r.domain().outcomeCount(),
                new GeniusExportResponse.ExportFit(
                        r.samples(),
                        r.seed(),
                        fit(r.usFit(), r.us().reservation()),
                        fit(r.cnFit(), r.cn().reservation())));
    }

    private static GeniusExportResponse.SideFit fit(AdditiveExport.Fit f, double reservation) {
        return new GeniusExportResponse.SideFit(
                f.rSquared(),
                f.rootMeanSquareError(),
                f.maxAbsoluteError(),
                f.low(),
                f.range(),
                f.noDealUtility(),
                reservation,
                f.reservationClipped());
    }
}
