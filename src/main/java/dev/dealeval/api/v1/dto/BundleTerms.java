package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.dealeval.api.openapi.BundleSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deal bundle as requests and answers write it: {@code {section: {term: value}}}. Which sections
 * and terms exist, and what values they take, is the deal model's business, not this class's: the
 * model reads and checks the terms (unknown ones included) and {@link BundleSchema} documents them,
 * so a term added to the model file needs no change here.
 */
@Schema(
        name = BundleSchema.BUNDLE,
        description = "A deal bundle, by section (the schema is built from the model file).")
public final class BundleTerms {
    private static final BundleTerms EMPTY = new BundleTerms(Map.of());

    @Schema(hidden = true)
    private final Map<String, Map<String, Object>> sections;

    private BundleTerms(Map<String, Map<String, Object>> sections) {
        this.sections = sections;
    }

    /** A bundle as a request wrote it; a section written as null is left out. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BundleTerms of(Map<String, Map<String, Object>> sections) {
        return sections == null ? EMPTY : new BundleTerms(Collections.unmodifiableMap(sections));
    }

    /** A bundle from terms keyed by id ({@code purchases.years → 2}), grouped by section in the order given. */
    public static BundleTerms ofTerms(Map<String, Object> terms) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        terms.forEach((id, value) -> {
            int dot = id.indexOf('.');
            sections.computeIfAbsent(id.substring(0, dot), k -> new LinkedHashMap<>())
                    .put(id.substring(dot + 1), value);
        });
        return new BundleTerms(Collections.unmodifiableMap(sections));
    }

    @JsonValue
    public Map<String, Map<String, Object>> sections() {
        return sections;
    }

    /**
     * The terms keyed by id ({@code purchases.years → 2}), omitted ones (null) left out. A section is
     * kept as its bare id when it has no terms, so that the model can tell a section it does not know.
     */
    public Map<String, Object> terms() {
        Map<String, Object> out = new LinkedHashMap<>();
        sections.forEach((section, fields) -> {
            if (fields == null) {
                return;
            }
            if (fields.isEmpty()) {
                out.put(section, null);
            }
            fields.forEach((name, value) -> out.put(section + "." + name, value));
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BundleTerms b && b.sections.equals(sections);
    }

    @Override
    public int hashCode() {
        return sections.hashCode();
    }

    @Override
    public String toString() {
        return sections.toString();
    }
}
