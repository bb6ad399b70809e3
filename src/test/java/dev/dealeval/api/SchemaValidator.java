package dev.dealeval.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.1 document, the way a generated client reads
 * it, and lists every mismatch with its JSON path ({@code $.sides.US.factions[2].veto: required,
 * missing}). It knows the keywords the service's document uses or may use:
 * <ul>
 * <li>{@code $ref} to the same document ({@code #/components/schemas/X}), its sibling keywords
 * applied too (3.1); boolean schemas {@code true}/{@code false};</li>
 * <li>{@code type}, one name or a list (3.1: {@code ["string", "null"]} is how a field says it may
 * be null; a null is otherwise a mismatch, as it is for a client's non-optional field);
 * {@code integer} is a number written without fraction or exponent (stricter than JSON Schema,
 * where 1.0 is an integer: a client's long field is not meant to be sent 1.0);</li>
 * <li>{@code required}, {@code properties}, {@code additionalProperties} (schema or boolean),
 * {@code minProperties}/{@code maxProperties};</li>
 * <li>{@code items}, {@code minItems}/{@code maxItems}, {@code uniqueItems};</li>
 * <li>{@code enum}, {@code const}, {@code oneOf} (exactly one alternative), {@code anyOf},
 * {@code allOf}, {@code not};</li>
 * <li>{@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (3.1
 * numbers), {@code multipleOf}; {@code format} {@code int32}/{@code int64} as ranges of
 * integers;</li>
 * <li>{@code minLength}/{@code maxLength} (in code points) and {@code pattern} (not anchored, as
 * in JSON Schema).</li>
 * </ul>
 * Other keywords (descriptions, examples, string formats such as {@code double}) are ignored.
 * <p>
 * Undeclared properties: with {@code undeclaredPropertiesAllowed} false, an object whose schema
 * lists {@code properties} and says nothing of {@code additionalProperties} may not have other
 * properties. That is not JSON Schema (where absent means allowed) but what openapi-generator's
 * clients do by default ({@code disallowAdditionalPropertiesIfNotPresent=true}: Java's okhttp-gson
 * models throw on a field they do not know), so an answer with an undocumented field breaks them.
 */
final class SchemaValidator {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    /** $refs followed in a row without reaching a value: more means a loop in the document. */
    private static final int MAX_REF_HOPS = 64;

    private final JsonNode document;
    private final boolean undeclaredPropertiesAllowed;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /**
     * @param document the whole OpenAPI document, for {@code $ref}s
     * @param undeclaredPropertiesAllowed false: an object schema with {@code properties} and no
     *        {@code additionalProperties} refuses other properties (as generated clients do)
     */
    SchemaValidator(JsonNode document, boolean undeclaredPropertiesAllowed) {
        this.document = document;
        this.undeclaredPropertiesAllowed = undeclaredPropertiesAllowed;
    }

    /** Every mismatch of {@code value} against {@code schema}, each "path: what"; empty when it matches. */
    List<String> validate(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "$", out, 0, false);
        // A $ref and its sibling keywords can say the same thing ({"$ref": ..., "type": "object"}): once is enough.
        return new ArrayList<>(new LinkedHashSet<>(out));
    }

    /** The node a local $ref ("#/components/schemas/X") points to; IllegalArgumentException if none. */
    JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local $refs are supported: " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref points to nothing: " + ref);
        }
        return target;
    }

    /**
     * @param inAllOf the schema is one member of an allOf: the properties it does not list may be
     *        listed by another member, so it does not judge undeclared properties (the allOf's owner does)
     */
    private void check(JsonNode value, JsonNode schema, String path, List<String> out, int hops, boolean inAllOf) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                out.add(path + ": not allowed here (schema false)");
            }
            return;
        }
        if (schema.has("$ref")) {
            if (hops >= MAX_REF_HOPS) {
                out.add(path + ": $ref loop at " + schema.get("$ref").asText());
                return;
            }
            JsonNode target;
            try {
                target = resolve(schema.get("$ref").asText());
            } catch (IllegalArgumentException e) {
                out.add(path + ": " + e.getMessage());
                return;
            }
            check(value, target, path, out, hops + 1, inAllOf);
            // 3.1: the keywords beside a $ref apply too (descriptions mostly; nothing else to check if alone).
        }

        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            out.add(path + ": " + describe(value) + ", expected " + typeText(schema.get("type")));
            return; // the other keywords would only repeat the same mismatch
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(path + ": " + describe(value) + " is not one of the enum " + schema.get("enum"));
        }
        if (schema.has("const") && !same(schema.get("const"), value)) {
            out.add(path + ": " + describe(value) + " is not the const " + schema.get("const"));
        }
        if (value.isNumber()) {
            checkNumber(value, schema, path, out);
        } else if (value.isTextual()) {
            checkString(value.textValue(), schema, path, out);
        } else if (value.isArray()) {
            checkArray(value, schema, path, out, hops);
        } else if (value.isObject()) {
            checkObject(value, schema, path, out, hops, inAllOf);
        }
        checkCompositions(value, schema, path, out, hops);
    }

    private void checkCompositions(JsonNode value, JsonNode schema, String path, List<String> out, int hops) {
        if (schema.has("allOf")) {
            for (JsonNode member : schema.get("allOf")) {
                check(value, member, path, out, hops, true);
            }
        }
        if (schema.has("anyOf")) {
            List<List<String>> failures = alternatives(value, schema.get("anyOf"), path, hops);
            if (failures.stream().noneMatch(List::isEmpty)) {
                out.add(path + ": matches none of the " + failures.size() + " alternatives of anyOf "
                        + firstOfEach(failures));
            }
        }
        if (schema.has("oneOf")) {
            List<List<String>> failures = alternatives(value, schema.get("oneOf"), path, hops);
            List<Integer> matching = new ArrayList<>();
            for (int i = 0; i < failures.size(); i++) {
                if (failures.get(i).isEmpty()) {
                    matching.add(i);
                }
            }
            if (matching.isEmpty()) {
                out.add(path + ": matches none of the " + failures.size() + " alternatives of oneOf "
                        + firstOfEach(failures));
            } else if (matching.size() > 1) {
                out.add(path + ": matches alternatives " + matching + " of oneOf, which must match exactly one");
            }
        }
        if (schema.has("not") && check(value, schema.get("not"), path, hops).isEmpty()) {
            out.add(path + ": matches the schema of not");
        }
    }

    private List<List<String>> alternatives(JsonNode value, JsonNode list, String path, int hops) {
        List<List<String>> failures = new ArrayList<>();
        for (JsonNode alternative : list) {
            failures.add(check(value, alternative, path, hops));
        }
        return failures;
    }

    private List<String> check(JsonNode value, JsonNode schema, String path, int hops) {
        List<String> out = new ArrayList<>();
        check(value, schema, path, out, hops, false);
        return out;
    }

    private static String firstOfEach(List<List<String>> failures) {
        List<String> firsts = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            firsts.add("[" + i + "] " + failures.get(i).get(0));
        }
        return "(" + String.join("; ", firsts) + ")";
    }

    private static void checkNumber(JsonNode value, JsonNode schema, String path, List<String> out) {
        BigDecimal n = value.decimalValue();
        if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
            out.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
            out.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
        if (schema.path("exclusiveMinimum").isNumber()
                && n.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            out.add(path + ": " + value + " is not above the exclusiveMinimum " + schema.get("exclusiveMinimum"));
        }
        if (schema.path("exclusiveMaximum").isNumber()
                && n.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            out.add(path + ": " + value + " is not below the exclusiveMaximum " + schema.get("exclusiveMaximum"));
        }
        if (schema.path("multipleOf").isNumber()
                && schema.get("multipleOf").decimalValue().signum() > 0
                && n.remainder(schema.get("multipleOf").decimalValue()).signum() != 0) {
            out.add(path + ": " + value + " is not a multiple of " + schema.get("multipleOf"));
        }
        String format = schema.path("format").asText("");
        if (format.equals("int32") || format.equals("int64")) {
            boolean int32 = format.equals("int32");
            if (!value.isIntegralNumber()) {
                out.add(path + ": " + value + " is not an integer (format " + format + ")");
            } else if (n.compareTo(int32 ? INT32_MIN : INT64_MIN) < 0
                    || n.compareTo(int32 ? INT32_MAX : INT64_MAX) > 0) {
                out.add(path + ": " + value + " is out of the range of format " + format);
            }
        }
    }

    private void checkString(String s, JsonNode schema, String path, List<String> out) {
        int length = s.codePointCount(0, s.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            out.add(path + ": " + length + " characters, fewer than minLength " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            out.add(path + ": " + length + " characters, more than maxLength " + schema.get("maxLength"));
        }
        if (schema.has("pattern")) {
            String regex = schema.get("pattern").asText();
            if (!patterns.computeIfAbsent(regex, Pattern::compile).matcher(s).find()) {
                out.add(path + ": " + describe(s) + " does not match the pattern " + regex);
            }
        }
    }

    private void checkArray(JsonNode value, JsonNode schema, String path, List<String> out, int hops) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            out.add(path + ": " + value.size() + " items, fewer than minItems " + schema.get("minItems"));
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            out.add(path + ": " + value.size() + " items, more than maxItems " + schema.get("maxItems"));
        }
        if (schema.path("uniqueItems").asBoolean(false) && new HashSet<>(itemsOf(value)).size() < value.size()) {
            out.add(path + ": items repeat, but uniqueItems is true");
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), path + "[" + i + "]", out, hops, false);
            }
        }
    }

    private static List<JsonNode> itemsOf(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private void checkObject(
            JsonNode value, JsonNode schema, String path, List<String> out, int hops, boolean inAllOf) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                out.add(child(path, name.asText()) + ": required, missing");
            }
        }
        if (schema.has("minProperties")
                && value.size() < schema.get("minProperties").asInt()) {
            out.add(path + ": " + value.size() + " properties, fewer than minProperties "
                    + schema.get("minProperties"));
        }
        if (schema.has("maxProperties")
                && value.size() > schema.get("maxProperties").asInt()) {
            out.add(path + ": " + value.size() + " properties, more than maxProperties " + schema.get("maxProperties"));
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        Set<String> declared = declaredProperties(schema, hops);
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = child(path, field.getKey());
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), at, out, hops, false);
            } else if (additional != null) {
                if (!declared.contains(field.getKey())) {
                    if (additional.isBoolean() && !additional.booleanValue()) {
                        out.add(at + ": not a declared property, and additionalProperties is false");
                    } else {
                        check(field.getValue(), additional, at, out, hops, false);
                    }
                }
            } else if (!undeclaredPropertiesAllowed
                    && !inAllOf
                    && schema.has("properties")
                    && !declared.contains(field.getKey())) {
                out.add(at + ": not a declared property (the schema lists " + declared
                        + " and no additionalProperties)");
            }
        }
    }

    /** The properties this schema lists, with those of its allOf members (which describe the same object). */
    private Set<String> declaredProperties(JsonNode schema, int hops) {
        Set<String> names = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        if (hops < MAX_REF_HOPS) {
            for (JsonNode member : schema.path("allOf")) {
                JsonNode m =
                        member.has("$ref") ? resolveQuietly(member.get("$ref").asText()) : member;
                if (m != null) {
                    names.addAll(declaredProperties(m, hops + 1));
                }
            }
        }
        return names;
    }

    private JsonNode resolveQuietly(String ref) {
        try {
            return resolve(ref);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(value, t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return typeMatches(value, type.asText());
    }

    private static boolean typeMatches(JsonNode value, String type) {
        return switch (type) {
            case "null" -> value.isNull();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isTextual();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false; // an unknown type name is a mistake of the document: nothing matches it
        };
    }

    private static String typeText(JsonNode type) {
        if (!type.isArray()) {
            String t = type.asText();
            return t.equals("null") ? "null" : t + " (no null)";
        }
        List<String> names = new ArrayList<>();
        type.forEach(t -> names.add(t.asText()));
        return "one of the types " + names + (names.contains("null") ? "" : " (no null)");
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode candidate : list) {
            if (same(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    /** JSON equality: 1, 1.0 and 1e0 are one number, whatever Java type Jackson reads them as. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!b.has(f.getKey()) || !same(f.getValue(), b.get(f.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** How a value is shown in a message: its type, and the value itself when short. */
    static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        String type = value.isTextual()
                ? "string"
                : value.isIntegralNumber()
                        ? "integer"
                        : value.isNumber()
                                ? "number"
                                : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
        if (value.isContainerNode()) {
            return type;
        }
        return type + " " + (value.isTextual() ? describe(value.textValue()) : value.toString());
    }

    private static String describe(String s) {
        String quoted = new com.fasterxml.jackson.databind.node.TextNode(s).toString();
        return quoted.length() > 60 ? quoted.substring(0, 57) + "...\"" : quoted;
    }

    /** The JSON path of a property: $.a.b, or $['a b'] when the name is not an identifier. */
    static String child(String path, String name) {
        return IDENTIFIER.matcher(name).matches()
                ? path + "." + name
                : path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }
}
