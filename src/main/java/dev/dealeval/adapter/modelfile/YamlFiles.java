package dev.dealeval.adapter.modelfile;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dealeval.domain.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Binds a YAML file to its file-format records, strictly: unknown keys, wrong types and
 * non-finite numbers are a {@link ModelException} naming the entry the way a person finds it in
 * the file, {@code terms[4] (purchases.years).range}: a list entry is labelled by its id (a
 * component by its term).
 */
final class YamlFiles {
    private static final YAMLMapper YAML = mapper();

    private YamlFiles() {}

    private static YAMLMapper mapper() {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new SimpleModule("dealeval-model-file").addDeserializer(Double.class, new FiniteNumber()))
                .build();
        // A missing or null value is "is required" where the reader needs it; null inside a list
        // or a map is refused where it stands.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        // true or false as YAML writes them, not "true" or 1.
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads the file at path, or the built-in resource when there is none, with the reader; a
     * problem names the entry and, after it, the file.
     */
    static <T> T read(Optional<String> path, String builtIn, String what, Function<InputStream, T> reader) {
        String source = path.orElse("classpath:" + builtIn);
        try (InputStream in = path.isPresent()
                ? Files.newInputStream(Path.of(path.get()))
                : YamlFiles.class.getClassLoader().getResourceAsStream(builtIn)) {
            if (in == null) {
                throw new ModelException(what, "not found: " + source);
            }
            return reader.apply(in);
        } catch (NoSuchFileException e) {
            throw new ModelException(what, "cannot read " + source + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ModelException(what, "cannot read " + source + ": permission denied");
        } catch (IOException e) {
            throw new ModelException(what, "cannot read " + source + ": " + e.getMessage());
        } catch (ModelException e) {
            throw new ModelException(
                    e.entry(), e.getMessage().substring(e.entry().length() + 2) + " (in " + source + ")");
        }
    }

    /** The file's records; {@code what} ("model file") names the file when it is no YAML mapping at all. */
    static <T> T bind(InputStream in, String what, Class<T> type) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new ModelException(
                    what,
                    "is not valid YAML: "
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ModelException(what, "must be a YAML mapping");
        }
        try {
            return YAML.treeToValue(root, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ModelException(entry(root, e), "unknown key; allowed: " + sorted(e.getKnownPropertyIds()));
        } catch (MismatchedInputException e) {
            throw new ModelException(entry(root, e), mustBe(e.getTargetType(), e));
        } catch (JsonMappingException e) {
            throw new ModelException(entry(root, e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ModelException(what, e.getOriginalMessage());
        }
    }

    /** The entry a binding problem is at: keys joined by dots, list indices with the entry's label. */
    private static String entry(JsonNode root, JsonMappingException e) {
        StringBuilder at = new StringBuilder();
        JsonNode node = root;
        String field = null;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                at.append(at.length() == 0 ? "" : ".").append(r.getFieldName());
                field = r.getFieldName();
                node = node.path(field);
            } else {
                node = node.path(r.getIndex());
                at.append('[').append(r.getIndex()).append(']');
                JsonNode label = node.path("components".equals(field) ? "term" : "id");
                if (label.isValueNode()) {
                    at.append(" (").append(label.asText()).append(')');
                }
            }
        }
        return at.toString();
    }

    private static String mustBe(Class<?> type, JsonMappingException e) {
        if (type == null) {
            return e.getOriginalMessage();
        }
        if (type == Double.class || type == double.class) {
            return "must be a finite number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be a mapping";
        }
        return e.getOriginalMessage();
    }

    private static String sorted(Collection<Object> keys) {
        TreeSet<String> names = new TreeSet<>();
        keys.forEach(k -> names.add(k.toString()));
        return String.join(", ", names);
    }

    /** A number, as YAML writes one, that is finite: no quoted "0.5", no .inf or .nan. */
    private static final class FiniteNumber extends StdScalarDeserializer<Double> {
        FiniteNumber() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric() || !Double.isFinite(p.getDoubleValue())) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            return p.getDoubleValue();
        }
    }

    /** A list entry that must be written as text (a number or true would otherwise become its text silently). */
    static final class TextOnly extends StdScalarDeserializer<String> {
        TextOnly() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return p.getText();
        }
    }
}
