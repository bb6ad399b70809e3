package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema checks of {@link SchemaValidator} on small hand-written schemas, each with an answer that must fail. */
class SchemaValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Mismatches of the value against the schema, in a document with the given components.schemas. */
    private static List<String> check(String schemas, String schema, String value) {
        JsonNode doc = json("{'components': {'schemas': " + schemas + "}}");
        return new SchemaValidator(doc, false).validate(json(value), json(schema));
    }

    private static List<String> check(String schema, String value) {
        return check("{}", schema, value);
    }

    private static final String SIDES = """
            {'Side': {'type': 'object', 'properties': {
                        'factions': {'type': 'array', 'items': {'$ref': '#/components/schemas/Faction'}}},
                      'required': ['factions']},
             'Faction': {'type': 'object', 'properties': {
                        'name': {'type': 'string'},
                        'veto': {'type': 'boolean'},
                        'note': {'type': ['string', 'null']}},
                      'required': ['name', 'veto']},
             'Answer': {'type': 'object', 'properties': {
                        'sides': {'type': 'object', 'additionalProperties': {'$ref': '#/components/schemas/Side'}}},
                      'required': ['sides']}}
            """;

    @Test
    void aMissingRequiredFieldIsNamedByItsPathThroughRefsMapsAndLists() {
        String answer =
                "{'sides': {'US': {'factions': [{'name': 'a', 'veto': true}, {'name': 'b', 'veto': false}, {'name': 'c'}]}}}";
        assertEquals(
                List.of("$.sides.US.factions[2].veto: required, missing"),
                check(SIDES, "{'$ref': '#/components/schemas/Answer'}", answer));
        assertEquals(
                List.of(),
                check(
                        SIDES,
                        "{'$ref': '#/components/schemas/Answer'}",
                        "{'sides': {'US': {'factions': [{'name': 'a', 'veto': true, 'note': null}]}, 'CN': {'factions': []}}}"));
        assertEquals(
                List.of("$.sides: required, missing"), check(SIDES, "{'$ref': '#/components/schemas/Answer'}", "{}"));
    }

    @Test
    void nullIsAllowedOnlyWhereTheTypeListsIt() {
        assertEquals(
                List.of("$.sides.US.factions[0].name: null, expected string (no null)"),
                check(
                        SIDES,
                        "{'$ref': '#/components/schemas/Answer'}",
                        "{'sides': {'US': {'factions': [{'name': null, 'veto': true}]}}}"));
        assertEquals(List.of(), check("{'type': ['string', 'null']}", "null"));
        assertEquals(
                List.of("$: integer 3, expected one of the types [string, null]"),
                check("{'type': ['string', 'null']}", "3"));
        assertEquals(List.of("$: null, expected object (no null)"), check("{'type': 'object'}", "null"));
    }

    @Test
    void typesAreCheckedAndAnIntegerHasNoFraction() {
        assertEquals(List.of(), check("{'type': 'integer'}", "12"));
        assertEquals(List.of("$: number 12.0, expected integer (no null)"), check("{'type': 'integer'}", "12.0"));
        assertEquals(List.of("$: string \"12\", expected integer (no null)"), check("{'type': 'integer'}", "'12'"));
        assertEquals(List.of(), check("{'type': 'number'}", "12"));
        assertEquals(List.of("$: boolean true, expected number (no null)"), check("{'type': 'number'}", "true"));
        assertEquals(List.of("$: array, expected object (no null)"), check("{'type': 'object'}", "[]"));
        assertEquals(
                List.of("$[1]: integer 2, expected string (no null)"),
                check("{'type': 'array', 'items': {'type': 'string'}}", "['a', 2]"));
        assertEquals(List.of(), check("{}", "{'anything': [1, null]}"));
    }

    @Test
    void formatsInt32AndInt64AreRanges() {
        assertEquals(List.of(), check("{'type': 'integer', 'format': 'int32'}", "2147483647"));
        assertEquals(
                List.of("$: 2147483648 is out of the range of format int32"),
                check("{'type': 'integer', 'format': 'int32'}", "2147483648"));
        assertEquals(List.of(), check("{'type': 'integer', 'format': 'int64'}", "-9223372036854775808"));
        assertEquals(
                List.of("$: 9223372036854775808 is out of the range of format int64"),
                check("{'type': 'integer', 'format': 'int64'}", "9223372036854775808"));
        assertEquals(List.of("$: 1.5 is not an integer (format int64)"), check("{'format': 'int64'}", "1.5"));
        assertEquals(List.of(), check("{'type': 'number', 'format': 'double'}", "1.5"));
    }

    @Test
    void rangesAndLengths() {
        String schema = "{'type': 'number', 'minimum': 0, 'maximum': 100}";
        assertEquals(List.of(), check(schema, "0"));
        assertEquals(List.of(), check(schema, "100.0"));
        assertEquals(List.of("$: -0.5 is below the minimum 0"), check(schema, "-0.5"));
        assertEquals(List.of("$: 100.01 is above the maximum 100"), check(schema, "100.01"));
        assertEquals(List.of("$: 0 is not above the exclusiveMinimum 0"), check("{'exclusiveMinimum': 0}", "0"));
        assertEquals(List.of("$: 1 is not below the exclusiveMaximum 1"), check("{'exclusiveMaximum': 1}", "1"));
        assertEquals(
                List.of("$: 3 items, more than maxItems 2"), check("{'type': 'array', 'maxItems': 2}", "[1, 2, 3]"));
        assertEquals(List.of("$: 0 items, fewer than minItems 1"), check("{'type': 'array', 'minItems': 1}", "[]"));
        assertEquals(List.of("$: items repeat, but uniqueItems is true"), check("{'uniqueItems': true}", "[1, 2, 1]"));
        assertEquals(
                List.of("$: 4 characters, more than maxLength 3"),
                check("{'type': 'string', 'maxLength': 3}", "'abcd'"));
        assertEquals(List.of(), check("{'type': 'string', 'maxLength': 1}", "'\uD83D\uDCA5'"));
        assertEquals(List.of("$: \"ab\" does not match the pattern ^[a-z]$"), check("{'pattern': '^[a-z]$'}", "'ab'"));
        assertEquals(List.of(), check("{'pattern': '[0-9]'}", "'a1b'"));
        assertEquals(
                List.of("$: 2 properties, more than maxProperties 1"),
                check("{'maxProperties': 1}", "{'a': 1, 'b': 2}"));
    }

    @Test
    void enumsAndConsts() {
        String schema = "{'type': 'string', 'enum': ['US', 'CN']}";
        assertEquals(List.of(), check(schema, "'CN'"));
        assertEquals(List.of("$: string \"EU\" is not one of the enum [\"US\",\"CN\"]"), check(schema, "'EU'"));
        assertEquals(List.of(), check("{'enum': [1, 2]}", "2.0"));
        assertEquals(List.of("$: null, expected string (no null)"), check(schema, "null"));
        assertEquals(
                List.of("$: null is not one of the enum [\"US\",\"CN\"]"),
                check("{'type': ['string', 'null'], 'enum': ['US', 'CN']}", "null"));
        assertEquals(List.of(), check("{'type': ['string', 'null'], 'enum': ['US', 'CN', null]}", "null"));
        assertEquals(List.of("$: integer 3 is not the const 2"), check("{'const': 2}", "3"));
    }

    @Test
    void additionalPropertiesAsSchemaOrBoolean() {
        assertEquals(
                List.of("$.b: integer 2, expected string (no null)"),
                check("{'type': 'object', 'additionalProperties': {'type': 'string'}}", "{'a': 'x', 'b': 2}"));
        assertEquals(
                List.of("$['b c']: not a declared property, and additionalProperties is false"),
                check(
                        "{'type': 'object', 'properties': {'a': {}}, 'additionalProperties': false}",
                        "{'a': 1, 'b c': 2}"));
        assertEquals(
                List.of(),
                check("{'type': 'object', 'properties': {'a': {}}, 'additionalProperties': true}", "{'a': 1, 'b': 2}"));
    }

    @Test
    void anUndeclaredPropertyFailsWhereTheSchemaSaysNothingOfAdditionalProperties() {
        String schema = "{'type': 'object', 'properties': {'a': {'type': 'integer'}}}";
        assertEquals(
                List.of("$.b: not a declared property (the schema lists [a] and no additionalProperties)"),
                check(schema, "{'a': 1, 'b': 2}"));
        JsonNode doc = json("{}");
        assertEquals(
                List.of(),
                new SchemaValidator(doc, true).validate(json("{'a': 1, 'b': 2}"), json(schema.replace('\'', '"'))));
        // The members of an allOf describe one object together: a property of one is declared for the other.
        String schemas = "{'Base': {'type': 'object', 'properties': {'id': {'type': 'string'}}, 'required': ['id']}}";
        String both =
                "{'allOf': [{'$ref': '#/components/schemas/Base'}, {'type': 'object', 'properties': {'n': {'type': 'integer'}}}]}";
        assertEquals(List.of(), check(schemas, both, "{'id': 'x', 'n': 1}"));
        assertEquals(List.of("$.id: required, missing"), check(schemas, both, "{'n': 1}"));
    }

    @Test
    void compositions() {
        String schemas = """
                {'Full': {'type': 'object', 'properties': {'sides': {'type': 'object'}, 'warnings': {'type': 'array'}}, 'required': ['sides']},
                 'Compact': {'type': 'object', 'properties': {'verdict': {'type': 'string'}, 'warnings': {'type': 'array'}}, 'required': ['verdict']}}
                """;
        String oneOf = "{'oneOf': [{'$ref': '#/components/schemas/Full'}, {'$ref': '#/components/schemas/Compact'}]}";
        assertEquals(List.of(), check(schemas, oneOf, "{'verdict': 'ok', 'warnings': []}"));
        // The bug of issue 22: without required fields, an answer matches both alternatives.
        String loose = schemas.replace(", 'required': ['sides']", "").replace(", 'required': ['verdict']", "");
        assertEquals(
                List.of("$: matches alternatives [0, 1] of oneOf, which must match exactly one"),
                check(loose, oneOf, "{'warnings': []}"));
        assertEquals(
                List.of(
                        "$: matches none of the 2 alternatives of oneOf ([0] $.sides: required, missing; [1] $.verdict: required, missing)"),
                check(schemas, oneOf, "{'warnings': []}"));
        String anyOf = "{'anyOf': [{'type': 'string'}, {'type': 'integer'}]}";
        assertEquals(List.of(), check(anyOf, "3"));
        assertEquals(
                List.of(
                        "$: matches none of the 2 alternatives of anyOf ([0] $: boolean true, expected string (no null); "
                                + "[1] $: boolean true, expected integer (no null))"),
                check(anyOf, "true"));
        assertEquals(
                List.of("$: 7 is above the maximum 5"), check("{'allOf': [{'type': 'integer'}, {'maximum': 5}]}", "7"));
        assertEquals(List.of("$: matches the schema of not"), check("{'not': {'type': 'string'}}", "'x'"));
        // 3.1's nullable reference.
        String nullableRef = "{'anyOf': [{'$ref': '#/components/schemas/Compact'}, {'type': 'null'}]}";
        assertEquals(List.of(), check(schemas, nullableRef, "null"));
    }

    @Test
    void refsAndBooleanSchemas() {
        assertEquals(
                List.of("$: $ref points to nothing: #/components/schemas/Nowhere"),
                check("{'$ref': '#/components/schemas/Nowhere'}", "1"));
        assertEquals(
                List.of("$: $ref loop at #/components/schemas/Loop"),
                check("{'Loop': {'$ref': '#/components/schemas/Loop'}}", "{'$ref': '#/components/schemas/Loop'}", "1"));
        assertEquals(
                List.of("$.a: not allowed here (schema false)"), check("{'properties': {'a': false}}", "{'a': 1}"));
        assertEquals(List.of(), check("true", "{'a': 1}"));
        assertEquals(
                List.of(),
                check("{'~Odd/Name': {'type': 'integer'}}", "{'$ref': '#/components/schemas/~0Odd~1Name'}", "1"));
        // 3.1: the keywords beside a $ref apply too, and a mismatch both state is reported once.
        String point = "{'Point': {'type': 'object', 'properties': {'x': {'type': 'number'}}, 'required': ['x']}}";
        assertEquals(
                List.of("$: null, expected object (no null)"),
                check(point, "{'$ref': '#/components/schemas/Point', 'type': 'object'}", "null"));
        assertEquals(
                List.of("$: 1 properties, more than maxProperties 0"),
                check(point, "{'$ref': '#/components/schemas/Point', 'maxProperties': 0}", "{'x': 1}"));
    }

    @Test
    void everyMismatchIsReportedNotOnlyTheFirst() {
        String schema =
                "{'type': 'object', 'properties': {'a': {'type': 'integer'}, 'b': {'type': 'string', 'enum': ['x']}}, 'required': ['a', 'b', 'c']}";
        assertEquals(
                List.of(
                        "$.c: required, missing",
                        "$.a: string \"1\", expected integer (no null)",
                        "$.b: string \"y\" is not one of the enum [\"x\"]"),
                check(schema, "{'a': '1', 'b': 'y'}"));
    }
}
