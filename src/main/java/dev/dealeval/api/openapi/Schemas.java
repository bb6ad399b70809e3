package dev.dealeval.api.openapi;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Walks every schema of an OpenAPI document: components, parameters, request bodies, answers and their headers. */
final class Schemas {
    private Schemas() {}

    static void forEach(OpenAPI api, Consumer<Schema> action) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            todo.addAll(api.getComponents().getSchemas().values());
        }
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(op -> {
                        if (op.getParameters() != null) {
                            op.getParameters().stream()
                                    .map(Parameter::getSchema)
                                    .forEach(s -> add(todo, s));
                        }
                        if (op.getRequestBody() != null) {
                            content(todo, op.getRequestBody().getContent());
                        }
                        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                            op.getResponses().getAPIResponses().values().forEach(r -> {
                                content(todo, r.getContent());
                                if (r.getHeaders() != null) {
                                    r.getHeaders().values().stream()
                                            .map(Header::getSchema)
                                            .forEach(s -> add(todo, s));
                                }
                            });
                        }
                    }));
        }
        Set<Schema> done = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (!done.add(s)) {
                continue;
            }
            action.accept(s);
            if (s.getProperties() != null) {
                todo.addAll(s.getProperties().values());
            }
            add(todo, s.getItems());
            add(todo, s.getAdditionalPropertiesSchema());
            for (List<Schema> list : Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf())) {
                if (list != null) {
                    todo.addAll(list);
                }
            }
        }
    }

    private static void content(Deque<Schema> todo, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).forEach(s -> add(todo, s));
        }
    }

    private static void add(Deque<Schema> todo, Schema s) {
        if (s != null) {
            todo.add(s);
        }
    }
}
