package dev.dealeval.api.v1;

import static dev.dealeval.api.security.Roles.EDITOR;

import dev.dealeval.api.error.ProblemDetail;
import dev.dealeval.api.v1.dto.DomainList;
import dev.dealeval.api.v1.dto.DomainRequest;
import dev.dealeval.api.v1.dto.DomainResponse;
import dev.dealeval.application.catalog.DomainService;
import dev.dealeval.application.error.UnknownResourceException;
import dev.dealeval.application.evaluation.Idempotency;
import dev.dealeval.application.port.GeniusDocuments;
import dev.dealeval.domain.genius.DomainDefinition;
import dev.dealeval.domain.genius.Issue;
import dev.dealeval.domain.genius.Preferences;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/domains")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Domains", description = "Any two-party negotiation domain, imported and exported as GENIUS XML")
public class DomainResource {
    private static final String XML = "application/xml";

    private final DomainService domains;
    private final CatalogEndpoint<DomainDefinition, DomainService.Draft, DomainRequest, DomainResponse> endpoint;
    private final Validator validator;
    private final GeniusDocuments genius;

    public DomainResource(
            DomainService domains,
            Idempotency idempotency,
            CanonicalJson canonical,
            Validator validator,
            GeniusDocuments genius) {
        this.genius = genius;
        this.domains = domains;
        this.endpoint = new CatalogEndpoint<>(
                "/api/v1/domains",
                domains,
                DomainRequest::id,
                DomainResource::draft,
                DomainResource::response,
                idempotency,
                canonical);
        this.validator = validator;
    }

    @GET
    @Operation(
            operationId = "listDomains",
            summary = "List the imported domains",
            description = "Imported negotiation domains, a page at a time, in id order.")
    public DomainList list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1-100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        return endpoint.list(page, size, DomainList::new);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getDomain",
            summary = "Get one imported domain",
            description = "Its issues and outcome count and each party's weights, reservation "
                    + "value and discount factor; the version is the ETag to send back in If-Match when replacing it. With Accept: "
                    + "application/xml, the GENIUS domain file instead (as /{id}/domain.xml).")
    @APIResponse(
            responseCode = "200",
            description = "The domain; with Accept: application/xml, its GENIUS domain file",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = DomainResponse.class)),
                @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "404", description = "No such domain")
    public Response get(
            @Parameter(description = "Domain id", example = "laptop", schema = @Schema(type = SchemaType.STRING))
                    @PathParam("id")
                    String id) {
        return endpoint.get(id);
    }

    @GET
    @Path("/{id}")
    @Produces(XML)
    @Operation(hidden = true)
    public Response getXml(@PathParam("id") String id) {
        // Content negotiation: Accept: application/xml gets the GENIUS domain file, as /{id}/domain.xml does.
        return domainXml(id);
    }

    @GET
    @Path("/{id}/domain.xml")
    @Produces(XML)
    @Operation(
            operationId = "exportDomainXml",
            summary = "Export the domain as a GENIUS domain file",
            description = "The issues and their values as GENIUS and ANAC tools read them (negotiation_template).")
    @APIResponse(
            responseCode = "200",
            description = "The GENIUS domain file",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    public Response domainXml(@PathParam("id") String id) {
        DomainDefinition d = domains.get(id);
        return Response.ok(genius.writeDomain(d.domain()), XML)
                .tag(Etags.of(d.version()))
                .build();
    }

    @GET
    @Path("/{id}/parties/{n}.xml")
    @Produces(XML)
    @Operation(
            operationId = "exportDomainPartyXml",
            summary = "Export one party's preferences as a GENIUS preferences file",
            description =
                    "Party 1 or 2, in the order imported: evaluations, weights, reservation value and discount factor (utility_space). "
                            + "Read back with the domain file, it gives the same utility for every outcome.")
    @APIResponse(
            responseCode = "200",
            description = "The GENIUS preferences file",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such domain or party")
    public Response partyXml(
            @PathParam("id") String id,
            @Parameter(description = "Party number, 1 or 2", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("n")
                    String n) {
        DomainDefinition d = domains.get(id);
        int party = "1".equals(n) ? 0 : "2".equals(n) ? 1 : -1;
        if (party < 0 || party >= d.parties().size()) {
            throw new UnknownResourceException("party", n);
        }
        return Response.ok(genius.writePreferences(d.domain(), d.parties().get(party)), XML)
                .tag(Etags.of(d.version()))
                .build();
    }

    @POST
    @RolesAllowed(EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importDomain",
            summary = "Import a negotiation domain",
            description =
                    "Reads a GENIUS domain file and one preferences file per party (discrete issues, integer issues with linear "
                            + "evaluators, weights, reservation values, discount factors) with GENIUS's utility semantics: each value's "
                            + "evaluation divided by the issue's best, weighted and added. Every file is checked before anything is written: "
                            + "malformed XML, any DOCTYPE (so no entity tricks), unknown issues or values, and weights that do not sum to 1 "
                            + "(within 1%) get 400 naming the field and the element. Answers 201 with Location and ETag. The files can be "
                            + "sent as JSON texts (domainXml, parties[].xml) or uploaded as multipart/form-data: id, name, description, the "
                            + "files domain, party1 and party2, and optionally party1Name and party2Name (default: the files' names); problems "
                            + "then name the form field.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DomainRequest.class),
                            examples = @ExampleObject(name = "deliveryTerms", ref = "deliveryTermsDomain")))
    @APIResponse(
            responseCode = "201",
            description = "Imported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DomainResponse.class)))
    @APIResponse(responseCode = "400", description = "A file is malformed or inconsistent")
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with another request")
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid DomainRequest request,
            @Parameter(description = "Makes retries safe: the same key and request return the first answer")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Context UriInfo uri) {
        return endpoint.create(request, idempotencyKey, uri);
    }

    @POST
    @RolesAllowed(EDITOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Import a negotiation domain from files",
            description =
                    "The same import as the JSON form, with the files uploaded as they are (Swagger UI offers file pickers): "
                            + "domain is the GENIUS domain file, party1 and party2 the two preferences files. A party's name defaults to its "
                            + "file's name. Problems name the form field (party1: utility_space/objective/weight[3].index: ...).")
    @APIResponse(
            responseCode = "201",
            description = "Imported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DomainResponse.class)))
    @APIResponse(responseCode = "400", description = "A file is missing, malformed or inconsistent")
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with another request")
    public Response upload(
            @Parameter(description = "Id of the new domain", example = "laptop") @RestForm("id") String id,
            @Parameter(description = "Display name", example = "Laptop (ANAC 2011)") @RestForm("name") String name,
            @RestForm("description") String description,
            @Parameter(description = "The GENIUS domain file (negotiation_template)") @RestForm("domain")
                    FileUpload domain,
            @Parameter(description = "Party 1's GENIUS preferences file (utility_space)") @RestForm("party1")
                    FileUpload party1,
            @Parameter(description = "Party 2's GENIUS preferences file") @RestForm("party2") FileUpload party2,
            @Parameter(description = "Party 1's name; default its file's name") @RestForm("party1Name")
                    String party1Name,
            @Parameter(description = "Party 2's name; default its file's name") @RestForm("party2Name")
                    String party2Name,
            @Parameter(description = "Makes retries safe: the same key and request return the first answer")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Context UriInfo uri) {
        DomainRequest request =
                DomainForm.read(validator, id, name, description, domain, party1, party2, party1Name, party2Name);
        return DomainForm.namingFormFields(() -> endpoint.create(request, idempotencyKey, uri));
    }

    @PUT
    @RolesAllowed(EDITOR)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceDomain",
            summary = "Replace an imported domain",
            description = "Replaces the domain if it is still at the version If-Match names: "
                    + "428 without If-Match, 412 when someone else changed it first. The version grows by one.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DomainResponse.class)))
    public Response replace(
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid DomainRequest request) {
        return endpoint.replace(id, ifMatch, request);
    }

    @DELETE
    // Any client may delete: one that accepts only problem documents (as generated clients do for an
    // operation whose only bodies are problems) must not be refused with 406.
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    @RolesAllowed(EDITOR)
    @Path("/{id}")
    @Operation(
            operationId = "deleteDomain",
            summary = "Delete an imported domain",
            description = "Deletes the domain if it is still at the version If-Match names "
                    + "(428 without it, 412 if stale).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return endpoint.delete(id, ifMatch);
    }

    private static DomainService.Draft draft(DomainRequest r) {
        return new DomainService.Draft(
                r.name(),
                r.description(),
                r.domainXml(),
                r.parties().stream()
                        .map(p -> new DomainService.Party(p.name(), p.xml()))
                        .toList());
    }

    private static DomainResponse response(DomainDefinition d) {
        List<DomainResponse.IssueDescriptor> issues = d.domain().issues().stream()
                .map(i -> i.kind() == Issue.Kind.DISCRETE
                        ? new DomainResponse.IssueDescriptor(i.name(), i.kind(), i.values(), null, null)
                        : new DomainResponse.IssueDescriptor(i.name(), i.kind(), null, i.low(), i.high()))
                .toList();
        List<DomainResponse.PartyDescriptor> parties =
                d.parties().stream().map(p -> party(d, p)).toList();
        return new DomainResponse(
                d.id(), d.name(), d.description(), d.version(), d.domain().outcomeCount(), issues, parties);
    }

    private static DomainResponse.PartyDescriptor party(DomainDefinition d, Preferences p) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < d.domain().issues().size(); i++) {
            weights.put(d.domain().issues().get(i).name(), p.weights()[i]);
        }
        return new DomainResponse.PartyDescriptor(p.name(), weights, p.reservation(), p.discount());
    }
}
