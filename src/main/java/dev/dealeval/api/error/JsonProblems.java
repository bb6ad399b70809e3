package dev.dealeval.api.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Bodies Jackson could not read or bind, as problem documents: a syntax error is malformed JSON (with
 * its line and column); a value of the wrong type, an unknown field or NaN is one invalid field, named
 * by its JSON path, in words a client understands (no Java class names).
 */
final class JsonProblems {
    private JsonProblems() {}

    /** The problem document for a body Jackson could not read or bind. */
    static Response of(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException
                && e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            // A syntax error met while binding (a truncated body, NaN): report it as the syntax error it is.
            e = parse;
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Non-standard token")) {
            String field = parserPath(e);
            return oneInvalid(
                    field == null ? "body" : field,
                    "must be a finite number (NaN and Infinity are not JSON numbers)",
                    uri);
        }
        if (e instanceof MismatchedInputException
                && ((MismatchedInputException) e).getPath().isEmpty()) {
            return oneInvalid("body", "must be a JSON object", uri);
        }
        if (original.startsWith("Numeric value")) {
            String field =
                    e instanceof JsonMappingException m && !m.getPath().isEmpty() ? mappingPath(m) : parserPath(e);
            return oneInvalid(field == null ? "body" : field, "number out of range", uri);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = mappingPath(m);
            String message;
            if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
                message = "must not be null";
            } else if (e instanceof UnrecognizedPropertyException u) {
                message = "unknown field; allowed here: "
                        + String.join(
                                ", ",
                                u.getKnownPropertyIds().stream()
                                        .map(String::valueOf)
                                        .sorted()
                                        .toList());
            } else if (e instanceof InvalidFormatException f) {
                message = "must be " + typeName(f.getTargetType()) + " (was " + shortValue(f.getValue()) + ")";
            } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                message = "must be " + typeName(mi.getTargetType());
            } else {
                message = cleanMessage(e.getOriginalMessage());
            }
            return oneInvalid(field, message, uri);
        }
        String field = parserPath(e);
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = cleanMessage(e.getOriginalMessage());
        return ProblemMappers.problem(
                400,
                ProblemMappers.MALFORMED,
                "Malformed JSON",
                "The body is not valid JSON" + where + ": " + message,
                uri,
                field == null ? null : List.of(new ProblemDetail.Violation(field, message)));
    }

    /** The JSON path of the value the parser was reading (e.g. where NaN appeared), if known. */
    private static String parserPath(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            var ctx = p.getParsingContext();
            String pointer = ctx.pathAsPointer().toString();
            String path = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
            if (ctx.inObject() && ctx.getCurrentName() != null && !path.endsWith(ctx.getCurrentName())) {
                path = path.isEmpty() ? ctx.getCurrentName() : path + "." + ctx.getCurrentName();
            }
            return path.isEmpty() ? null : path;
        }
        return null;
    }

    /**
     * The JSON path of a binding problem: {@code sources[0]}, {@code weights.US.leverage}; a map key
     * that is not a plain name is written in brackets, {@code values["usConcessions.reciprocalTariffPct"]}.
     */
    private static String mappingPath(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            String name = r.getFieldName();
            if (name != null) {
                if (r.getFrom() instanceof java.util.Map<?, ?>
                        && !PLAIN_NAME.matcher(name).matches()) {
                    sb.append("[\"")
                            .append(name.replace("\\", "\\\\").replace("\"", "\\\""))
                            .append("\"]");
                } else {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(name);
                }
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    private static final java.util.regex.Pattern PLAIN_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private static String typeName(Class<?> t) {
        if (t == null) {
            return "a different type";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "a whole number";
        }
        if (t == Double.class || t == double.class || t == Float.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t.isEnum()) {
            return "one of "
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(t.getEnumConstants())
                                    .map(Object::toString)
                                    .toList());
        }
        if (java.util.Map.class.isAssignableFrom(t) || t.isRecord()) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        return "a " + t.getSimpleName();
    }

    private static String shortValue(Object v) {
        String s = String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Jackson messages name Java classes; callers should not see those. */
    private static String cleanMessage(String m) {
        if (m == null) {
            return "invalid JSON";
        }
        String first = m.split("\n")[0]
                .replaceAll("\\s*\\(start marker at \\[Source.*", "")
                .replaceAll("\\s*at \\[Source.*", "");
        return first.replaceAll("`[a-zA-Z0-9_.$]+`", "value").replaceAll("\\(class [^)]*\\)", "");
    }

    private static Response oneInvalid(String field, String message, UriInfo uri) {
        return ProblemMappers.problem(
                400,
                ProblemMappers.INVALID,
                "Invalid input",
                "The request has 1 invalid field.",
                uri,
                List.of(new ProblemDetail.Violation(field, message)));
    }
}
