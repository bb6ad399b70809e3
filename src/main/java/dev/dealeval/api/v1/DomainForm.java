package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.DomainRequest;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.config.StrictStrings;
import dev.dealeval.domain.engine.Violation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A domain import uploaded as multipart/form-data, read into the JSON form's request and checked as
 * that is, each problem named by its form field (domain, party1, party2Name) instead of the JSON
 * form's (domainXml, parties[0].xml, parties[1].name).
 */
final class DomainForm {
    /** The JSON form's fields by the multipart form's. */
    private static final Map<String, String> FORM_FIELDS = Map.of(
            "domainXml",
            "domain",
            "parties[0].xml",
            "party1",
            "parties[1].xml",
            "party2",
            "parties[0].name",
            "party1Name",
            "parties[1].name",
            "party2Name");

    private DomainForm() {}

    /** The request the form describes; a party's name defaults to its file's name, the domain's to the domain file's. */
    static DomainRequest read(
            Validator validator,
            String id,
            String name,
            String description,
            FileUpload domain,
            FileUpload party1,
            FileUpload party2,
            String party1Name,
            String party2Name) {
        List<Violation> violations = new ArrayList<>();
        String domainXml = text("domain", domain, violations);
        String xml1 = text("party1", party1, violations);
        String xml2 = text("party2", party2, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        DomainRequest request = new DomainRequest(
                id,
                name == null ? domain.fileName() : name,
                description,
                domainXml,
                List.of(
                        new DomainRequest.Party(party1Name == null ? party1.fileName() : party1Name, xml1),
                        new DomainRequest.Party(party2Name == null ? party2.fileName() : party2Name, xml2)));
        // Checked as the JSON form is, each problem named by its form field: first what a JSON string
        // could not hold either (NUL, an unpaired surrogate), then the request's constraints.
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("id", id);
        texts.put("name", request.name());
        texts.put("description", description);
        texts.put("domain", domainXml);
        texts.put("party1", xml1);
        texts.put("party2", xml2);
        texts.put("party1Name", request.parties().get(0).name());
        texts.put("party2Name", request.parties().get(1).name());
        texts.forEach((field, text) -> {
            String problem = text == null ? null : StrictStrings.problem(text);
            if (problem != null) {
                violations.add(new Violation(field, "must not contain " + problem));
            }
        });
        for (var v : validator.validate(request)) {
            String path = v.getPropertyPath().toString();
            violations.add(new Violation(FORM_FIELDS.getOrDefault(path, path), v.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return request;
    }

    /** Runs the import, naming the problems the service finds in the files by their form fields. */
    static Response namingFormFields(Supplier<Response> importing) {
        try {
            return importing.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream()
                    .map(v -> new Violation(FORM_FIELDS.getOrDefault(v.field(), v.field()), v.message()))
                    .toList());
        }
    }

    private static String text(String field, FileUpload file, List<Violation> violations) {
        if (file == null) {
            violations.add(new Violation(field, "is required: upload the GENIUS file"));
            return null;
        }
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            violations.add(new Violation(field, "must be a UTF-8 text file"));
            return null;
        }
    }
}
