package dev.dealeval.api.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules that make the OpenAPI document one that client generators read without guessing, applied
 * to every operation at build time instead of being repeated in each annotation
 * (docs/api-contract.md):
 * <ul>
 * <li>every field of an answer that is always present is {@code required}: a record component of
 * an answer is required unless it is written only when set ({@code @JsonInclude(NON_NULL)},
 * {@code NON_EMPTY}, {@code NON_ABSENT}, on the component or its record);</li>
 * <li>every error answer (4xx, 5xx) is typed as the problem document, {@code application/problem+json};</li>
 * <li>429 and 503 answers declare their {@code Retry-After} header (whole seconds);</li>
 * <li>every header and every parameter has a type.</li>
 * </ul>
 * Schemas used by requests keep their own {@code required} (from the Bean Validation constraints).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";
    private static final String SCHEMA_PREFIX = "#/components/schemas/";
    private static final DotName JSON_INCLUDE = DotName.createSimple("com.fasterxml.jackson.annotation.JsonInclude");
    private static final DotName SCHEMA = DotName.createSimple("org.eclipse.microprofile.openapi.annotations.media.Schema");
    private static final Set<String> OMITTED_WHEN = Set.of("NON_NULL", "NON_EMPTY", "NON_ABSENT", "NON_DEFAULT");
    /** The packages whose records are the API's documents. */
    private static final List<String> DOCUMENT_PACKAGES = List.of("dev.dealeval.api.");

    private final IndexView index;

    public ContractFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents() == null || api.getComponents().getSchemas() == null ? Map.of()
                : api.getComponents().getSchemas();
        Set<String> answers = new HashSet<>();
        Set<String> requests = new HashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                typeParameters(op);
                if (op.getRequestBody() != null) {
                    reachable(op.getRequestBody().getContent(), schemas, requests);
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().forEach((code, response) -> {
                        typeErrorAnswer(code, response);
                        typeHeaders(code, response);
                        reachable(response.getContent(), schemas, answers);
                    });
                }
            }));
        }
        answers.removeAll(requests);
        Map<String, ClassInfo> records = recordsBySchemaName();
        for (String name : answers) {
            Schema schema = schemas.get(name);
            ClassInfo record = records.get(name);
            if (schema == null || schema.getProperties() == null || record == null) {
                continue;
            }
            List<String> required = new ArrayList<>();
            for (String property : schema.getProperties().keySet()) {
                RecordComponentInfo component = record.recordComponent(property);
                if (component != null && !omittedWhenUnset(record, component)) {
                    required.add(property);
                }
            }
            schema.setRequired(required.isEmpty() ? null : required);
        }
    }

    /** 4xx and 5xx answers are problem documents. */
    private static void typeErrorAnswer(String code, APIResponse response) {
        if (code.length() != 3 || (code.charAt(0) != '4' && code.charAt(0) != '5')) {
            return;
        }
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        }
    }

    private static void typeHeaders(String code, APIResponse response) {
        if ((code.equals("429") || code.equals("503")) && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
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
    private static void typeParameters(Operation op) {
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

    /** Adds to out the names of the component schemas that the content refers to, directly or not. */
    private static void reachable(Content content, Map<String, Schema> schemas, Set<String> out) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        Deque<Schema> todo = new ArrayDeque<>();
        for (MediaType m : content.getMediaTypes().values()) {
            if (m.getSchema() != null) {
                todo.add(m.getSchema());
            }
        }
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null && s.getRef().startsWith(SCHEMA_PREFIX)) {
                String name = s.getRef().substring(SCHEMA_PREFIX.length());
                if (out.add(name) && schemas.get(name) != null) {
                    todo.add(schemas.get(name));
                }
            }
            if (s.getProperties() != null) {
                todo.addAll(s.getProperties().values());
            }
            if (s.getItems() != null) {
                todo.add(s.getItems());
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                todo.add(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf())) {
                if (list != null) {
                    todo.addAll(list);
                }
            }
        }
    }

    /**
     * The API's records by the name of their schema: the name given by {@code @Schema(name)}, else the
     * simple class name, as SmallRye names them. A name that two records share is left out: SmallRye
     * would have told them apart by a numeric suffix, and such a schema keeps no required list.
     */
    private Map<String, ClassInfo> recordsBySchemaName() {
        Map<String, ClassInfo> out = new HashMap<>();
        Set<String> shared = new LinkedHashSet<>();
        // The index may list a class more than once (it combines the application's indexes).
        for (ClassInfo c : index.getKnownClasses()) {
            String className = c.name().toString();
            if (!c.isRecord() || DOCUMENT_PACKAGES.stream().noneMatch(className::startsWith)) {
                continue;
            }
            AnnotationInstance schema = c.declaredAnnotation(SCHEMA);
            AnnotationValue name = schema == null ? null : schema.value("name");
            String simpleName = c.name().withoutPackagePrefix();
            String schemaName = name == null ? simpleName.substring(simpleName.lastIndexOf('$') + 1) : name.asString();
            ClassInfo before = out.putIfAbsent(schemaName, c);
            if (before != null && !before.name().equals(c.name())) {
                shared.add(schemaName);
            }
        }
        shared.forEach(out::remove);
        return out;
    }

    private static boolean omittedWhenUnset(ClassInfo record, RecordComponentInfo component) {
        AnnotationInstance include = component.annotation(JSON_INCLUDE);
        if (include == null && component.field() != null) {
            include = component.field().annotation(JSON_INCLUDE);
        }
        if (include == null && component.accessor() != null) {
            include = component.accessor().annotation(JSON_INCLUDE);
        }
        if (include == null) {
            include = record.declaredAnnotation(JSON_INCLUDE);
        }
        AnnotationValue value = include == null ? null : include.value();
        return value != null && OMITTED_WHEN.contains(value.asEnum());
    }
}
