package dev.dealeval.api.openapi;

import static dev.dealeval.api.openapi.ContractFilter.PROBLEM_MEDIA_TYPE;
import static dev.dealeval.api.openapi.ContractFilter.PROBLEM_SCHEMA;
import static dev.dealeval.api.openapi.ContractFilter.SCHEMA_PREFIX;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The rules of {@link ContractFilter} that apply to one operation: its parameters and its answers. */
final class OperationRules {
    private OperationRules() {}

    /**
     * A conditional write, an operation with an If-Match parameter, answers 412 when If-Match names a
     * version that is no longer current and 428 without it; one whose description says it answers
     * "409 for a built-in one" (a profile or scenario of the model file) declares that too. They follow
     * its success answers; their bodies are problem documents (typed by {@link #typeErrorAnswer}).
     */
    static void conditionalWrite(String path, Operation op) {
        boolean conditional = op.getParameters() != null
                && op.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equals(p.getName()));
        if (!conditional || op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        Map<String, APIResponse> declared = op.getResponses().getAPIResponses();
        Map<String, APIResponse> answers = new LinkedHashMap<>();
        declared.forEach((code, response) -> {
            if (code.startsWith("2")) {
                answers.put(code, response);
            }
        });
        answers.put("412", OASFactory.createAPIResponse().description("Stale If-Match"));
        answers.put("428", OASFactory.createAPIResponse().description("If-Match missing"));
        if (op.getDescription() != null && op.getDescription().contains("409 for a built-in one")) {
            // "/api/v1/profiles/{id}" -> "profile", "/api/v1/episode-sets/{id}" -> "episode set"
            String collection = path.substring(0, path.lastIndexOf('/'));
            String kind = collection
                    .substring(collection.lastIndexOf('/') + 1, collection.length() - 1)
                    .replace('-', ' ');
            answers.put("409", OASFactory.createAPIResponse().description("A built-in " + kind + " cannot be changed"));
        }
        declared.forEach(answers::putIfAbsent);
        op.getResponses().setAPIResponses(answers);
    }

    /** An answer with a body says what the body is: a resource method that returns a Response must declare it. */
    static void requireSchema(Operation op, String code, APIResponse response) {
        boolean body = code.startsWith("2") && !code.equals("204");
        Content content = response.getContent();
        boolean declared = content != null
                && content.getMediaTypes() != null
                && !content.getMediaTypes().isEmpty()
                && content.getMediaTypes().values().stream()
                        .allMatch(m -> m.getSchema() != null
                                && (m.getSchema().getRef() != null
                                        || m.getSchema().getType() != null
                                        || m.getSchema().getOneOf() != null));
        if (body && !declared) {
            throw new IllegalStateException(
                    "Operation " + op.getOperationId() + ": answer " + code + " does not declare the schema of its "
                            + "body: add content = @Content(schema = @Schema(implementation = ...)) to its @APIResponse");
        }
    }

    /**
     * An answer in a format of its own (an SVG chart, a GENIUS XML file) is a document a client keeps
     * as it came, not JSON to parse: its string schema is {@code format: binary}, which generators read
     * as bytes or a file instead of feeding it to their JSON reader.
     */
    static void binaryDocuments(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        response.getContent().getMediaTypes().forEach((type, media) -> {
            Schema s = media.getSchema();
            boolean json = type.equals(jakarta.ws.rs.core.MediaType.APPLICATION_JSON) || type.endsWith("+json");
            if (!json
                    && s != null
                    && s.getRef() == null
                    && s.getType() != null
                    && s.getType().equals(List.of(Schema.SchemaType.STRING))) {
                s.setFormat("binary");
            }
        });
    }

    /** 4xx and 5xx answers are problem documents. */
    static void typeErrorAnswer(String code, APIResponse response) {
        if (code.length() != 3 || (code.charAt(0) != '4' && code.charAt(0) != '5')) {
            return;
        }
        Content content = response.getContent();
        if (content == null
                || content.getMediaTypes() == null
                || content.getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent()
                    .addMediaType(
                            PROBLEM_MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        }
    }

    /**
     * A 201 answer says where the new resource is (Location); a success answer that is a versioned
     * document (a profile, scenario or domain: a schema with a {@code version}) carries that version as
     * its ETag, to send back in If-Match.
     */
    static void locationAndVersion(String code, APIResponse response, Map<String, Schema> schemas) {
        boolean created = code.equals("201");
        boolean versioned = code.startsWith("2")
                && response.getContent() != null
                && response.getContent().getMediaTypes() != null
                && response.getContent().getMediaTypes().values().stream()
                        .anyMatch(m -> versioned(m.getSchema(), schemas));
        if (!created && !versioned) {
            return;
        }
        Map<String, Header> headers = new LinkedHashMap<>();
        if (created) {
            headers.put("Location", stringHeader("Path of the new resource"));
        }
        if (versioned) {
            headers.put("ETag", stringHeader("The version, quoted, e.g. \"3\"; send it back as If-Match"));
        }
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        // The document lists an answer's headers before its content, as annotations declare them.
        Content content = response.getContent();
        response.setContent(null);
        response.setHeaders(headers);
        response.setContent(content);
    }

    private static boolean versioned(Schema schema, Map<String, Schema> schemas) {
        Schema document =
                schema == null || schema.getRef() == null || !schema.getRef().startsWith(SCHEMA_PREFIX)
                        ? null
                        : schemas.get(schema.getRef().substring(SCHEMA_PREFIX.length()));
        return document != null
                && document.getProperties() != null
                && document.getProperties().containsKey("version");
    }

    private static Header stringHeader(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    static void typeHeaders(String code, APIResponse response) {
        if ((code.equals("429") || code.equals("503"))
                && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader(
                    "Retry-After",
                    OASFactory.createHeader()
                            .description("Seconds to wait before trying again")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        if (response.getHeaders() != null) {
            for (Header header : response.getHeaders().values()) {
                if (header.getSchema() == null && header.getRef() == null) {
                    header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                }
            }
        }
    }

    /** A parameter whose schema names its values but not their type takes strings. */
    static void typeParameters(Operation op) {
        if (op.getParameters() == null) {
            return;
        }
        for (Parameter p : op.getParameters()) {
            Schema s = p.getSchema();
            if (p.getRef() != null) {
                continue;
            }
            if (s == null) {
                p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            } else if (s.getType() == null && s.getRef() == null && s.getEnumeration() != null) {
                s.addType(Schema.SchemaType.STRING);
            }
        }
    }
}
