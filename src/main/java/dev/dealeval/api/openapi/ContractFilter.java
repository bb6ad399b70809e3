package dev.dealeval.api.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;

/**
 * Rules that make the OpenAPI document one that client generators read without guessing, applied
 * to every operation at build time instead of being repeated in each annotation
 * (docs/api-contract.md):
 * <ul>
 * <li>every field of an answer that is always present is {@code required}: a record component of
 * an answer is required unless it is written only when set ({@code @JsonInclude(NON_NULL)},
 * {@code NON_EMPTY}, {@code NON_ABSENT}, on the component or its record);</li>
 * <li>every error answer (4xx, 5xx) is typed as the problem document, {@code application/problem+json};</li>
 * <li>every conditional write (an If-Match parameter) answers 412 and 428, and 409 where its
 * collection has built-in definitions;</li>
 * <li>429 and 503 answers declare their {@code Retry-After} header (whole seconds), 201 answers
 * their {@code Location}, and answers that are versioned documents their {@code ETag};</li>
 * <li>every header and every parameter has a type;</li>
 * <li>every answer with a body declares its schema (the build fails otherwise);</li>
 * <li>an answer in a format of its own (SVG, XML) is binary to clients, not JSON to parse.</li>
 * </ul>
 * Schemas used by requests keep their own {@code required} (from the Bean Validation constraints).
 * The rules on one operation and its answers are in {@link OperationRules}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";
    static final String SCHEMA_PREFIX = "#/components/schemas/";
    private static final DotName JSON_INCLUDE = DotName.createSimple("com.fasterxml.jackson.annotation.JsonInclude");
    private static final DotName SCHEMA =
            DotName.createSimple("org.eclipse.microprofile.openapi.annotations.media.Schema");
    private static final Set<String> OMITTED_WHEN = Set.of("NON_NULL", "NON_EMPTY", "NON_ABSENT", "NON_DEFAULT");
    /**
     * The packages whose records are the API's documents (and only those: in test mode the index also
     * holds the tests' own records, which must not stand in for a document of the same name).
     */
    private static final List<String> DOCUMENT_PACKAGES =
            List.of("dev.dealeval.api.v1.dto.", "dev.dealeval.api.error.");

    /** Where the enums of the API's documents live (in test mode the index also holds the tests' classes). */
    private static final List<String> ENUM_PACKAGES =
            List.of("dev.dealeval.domain.", "dev.dealeval.api.", "dev.dealeval.application.");

    private final IndexView index;

    public ContractFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, Schema> schemas =
                api.getComponents() == null || api.getComponents().getSchemas() == null
                        ? Map.of()
                        : api.getComponents().getSchemas();
        Set<String> answers = new HashSet<>();
        Set<String> requests = new HashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths()
                    .getPathItems()
                    .forEach((path, item) -> item.getOperations().values().forEach(op -> {
                        OperationRules.typeParameters(op);
                        OperationRules.conditionalWrite(path, op);
                        if (op.getRequestBody() != null) {
                            reachable(op.getRequestBody().getContent(), schemas, requests);
                        }
                        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                            op.getResponses().getAPIResponses().forEach((code, response) -> {
                                OperationRules.requireSchema(op, code, response);
                                OperationRules.binaryDocuments(response);
                                OperationRules.typeErrorAnswer(code, response);
                                OperationRules.locationAndVersion(code, response, schemas);
                                OperationRules.typeHeaders(code, response);
                                reachable(response.getContent(), schemas, answers);
                            });
                        }
                    }));
        }
        answers.removeAll(requests);
        nameEnums(api, schemas);
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

    /**
     * Names every enumeration's schema after its Java enum ({@code Episode.Kind} → {@code EpisodeKind},
     * {@code Side} → {@code Side}) instead of SmallRye's {@code Kind}, {@code Kind1}, {@code Kind2}, so
     * that generated clients get types a programmer can read. The enum is found by its constants.
     */
    private void nameEnums(OpenAPI api, Map<String, Schema> schemas) {
        Map<List<String>, List<ClassInfo>> enumsByConstants = new HashMap<>();
        Set<DotName> seen = new HashSet<>();
        for (ClassInfo c : index.getKnownClasses()) {
            if (c.isEnum() && ENUM_PACKAGES.stream().anyMatch(c.name().toString()::startsWith) && seen.add(c.name())) {
                enumsByConstants
                        .computeIfAbsent(
                                c.enumConstants().stream().map(f -> f.name()).toList(), k -> new ArrayList<>())
                        .add(c);
            }
        }
        Map<String, String> renames = new HashMap<>();
        for (Map.Entry<String, Schema> e : schemas.entrySet()) {
            List<Object> values = e.getValue().getEnumeration();
            List<ClassInfo> classes = values == null
                    ? null
                    : enumsByConstants.get(values.stream().map(String::valueOf).toList());
            if (classes == null || classes.size() != 1) {
                continue;
            }
            String simple = classes.get(0).name().withoutPackagePrefix();
            String name = simple.replace("$", "");
            if (!name.equals(e.getKey())) {
                renames.put(e.getKey(), name);
            }
        }
        if (renames.isEmpty()) {
            return;
        }
        renames.forEach((from, to) -> {
            if (schemas.containsKey(to) && !renames.containsKey(to)) {
                throw new IllegalStateException(
                        "The enum schema " + from + " would be named " + to + ", which another schema has");
            }
        });
        Map<String, Schema> moved = new HashMap<>();
        renames.forEach((from, to) -> moved.put(to, schemas.get(from)));
        renames.keySet().forEach(api.getComponents()::removeSchema);
        moved.forEach(api.getComponents()::addSchema);
        Schemas.forEach(api, s -> {
            if (s.getRef() != null
                    && s.getRef().startsWith(SCHEMA_PREFIX)
                    && renames.containsKey(s.getRef().substring(SCHEMA_PREFIX.length()))) {
                s.setRef(SCHEMA_PREFIX + renames.get(s.getRef().substring(SCHEMA_PREFIX.length())));
            }
        });
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
     * simple class name, as SmallRye names them. Two records of one name would leave SmallRye to tell
     * them apart by a numeric suffix, which no client should see: the build stops and asks for a name.
     */
    private Map<String, ClassInfo> recordsBySchemaName() {
        Map<String, ClassInfo> out = new HashMap<>();
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
                throw new IllegalStateException("Records " + before.name() + " and " + c.name()
                        + " would both be the schema " + schemaName + ": give one of them @Schema(name = ...)");
            }
        }
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
