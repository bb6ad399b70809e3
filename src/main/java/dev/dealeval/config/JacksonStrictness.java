package dev.dealeval.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Requests are read strictly: no silent coercion of "2" to 2, 2.5 to 2 or 1 to true, no duplicate
 * keys, no trailing content, no unknown fields, no null elements in lists or maps. A lenient reader would turn client mistakes into
 * wrong answers instead of 400s.
 */
@Singleton
public class JacksonStrictness implements ObjectMapperCustomizer {
    /** Deepest nesting of arrays and objects in a request (a valid one nests at most a handful deep). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Most JSON tokens in a request: about one per four bytes of a body at the default 1 MiB limit. */
    public static final long MAX_TOKENS = 250_000;
    /** Longest property name or map key, in characters. */
    public static final int MAX_NAME_LENGTH = 1_000;
    /** Longest number, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        // No null inside a list, a set, an array or a map anywhere in a request ("sources": [null],
        // "values": {"a.b": null}): refused where it is read, naming the element, instead of reaching
        // code that takes every element to be there.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        // Doubles written by Schubfach: always the shortest text that reads back as the same double
        // (JDK 17's Double.toString sometimes writes a digit more), the text DecimalText reproduces.
        mapper.getFactory()
                .configure(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature(), true);
        mapper.getFactory()
                .configure(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature(), true);
        mapper.registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule());
        // Work in proportion to what a request may hold: every list and map bounded while it is read
        // (BoundedContainers), and the parser's own limits for what no type bounds (values of free-form
        // fields such as a scenario's term values): nesting, tokens, names and numbers.
        mapper.registerModule(new BoundedContainers());
        // No string a database cannot keep (NUL, unpaired surrogates), as a value or a key.
        mapper.registerModule(new StrictStrings());
        mapper.getFactory()
                .setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxTokenCount(MAX_TOKENS)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build());
        // Numbers or booleans where a string is expected (enum names), and numbers as booleans.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
}
