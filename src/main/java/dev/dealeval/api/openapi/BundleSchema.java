package dev.dealeval.api.openapi;

import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.SectionDef;
import dev.dealeval.domain.model.TermDef;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The bundle's JSON schema, built from the deal model: the {@value #BUNDLE} schema has one
 * property per section, and each section's schema one property per term, typed by the term's kind
 * (a number or whole number within its range, true/false, or one of its values), with the term's
 * description and unit. Nothing about the terms is written in Java: a term added to the model file
 * is in the document, in Swagger UI and in every client generated from it.
 */
public final class BundleSchema {
    /** The name of the bundle's schema; request and answer records refer to it. */
    public static final String BUNDLE = "Bundle";

    static final String DESCRIPTION =
            "A deal bundle, by section. Every term is optional: a term left out keeps its no-deal value in "
                    + "the scenario (its neutral value, or the scenario's level for tariffs and controls). {} is no deal. GET /api/v1/terms "
                    + "lists every term with its unit, range and neutral value.";

    private BundleSchema() {}

    /** Replaces the bundle's schema and its sections' schemas in the document by those of the model. */
    public static void apply(OpenAPI api, DealModel model) {
        var components = api.getComponents();
        Map<String, Schema> schemas = components.getSchemas();
        // The sections of the model the document was built with: the schemas the bundle refers to.
        java.util.Set<String> earlier = new java.util.HashSet<>();
        Schema before = schemas.get(BUNDLE);
        if (before != null && before.getProperties() != null) {
            before.getProperties().values().stream()
                    .map(Schema::getRef)
                    .filter(r -> r != null && r.startsWith(REF))
                    .forEach(r -> earlier.add(r.substring(REF.length())));
        }
        Schema bundle = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description(DESCRIPTION)
                .additionalPropertiesBoolean(false);
        Map<String, Schema> sections = new LinkedHashMap<>();
        for (SectionDef section : model.sections()) {
            String name = schemaName(section);
            Schema existing = schemas.get(name);
            if (existing != null && !earlier.contains(name)) {
                throw new IllegalStateException("The model's section '" + section.id() + "' would take the schema name "
                        + name + ", which another schema of the API has: rename the section");
            }
            Schema s = OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description(section.description())
                    .additionalPropertiesBoolean(false);
            for (TermDef term : model.terms(section)) {
                s.addProperty(term.name(), term(term));
            }
            sections.put(name, s);
            bundle.addProperty(section.id(), OASFactory.createSchema().ref(REF + name));
        }
        // Sections of an earlier model (the one the build saw) that this model does not have.
        earlier.stream().filter(name -> !sections.containsKey(name)).forEach(components::removeSchema);
        sections.forEach(components::addSchema);
        components.addSchema(BUNDLE, bundle);
    }

    private static final String REF = "#/components/schemas/";

    /** {@code usConcessions} → {@code UsConcessions}. */
    static String schemaName(SectionDef section) {
        return Character.toUpperCase(section.id().charAt(0)) + section.id().substring(1);
    }

    private static Schema term(TermDef t) {
        Schema s = OASFactory.createSchema();
        String description = t.description() == null ? "" : t.description();
        switch (t.kind()) {
            case NUMBER, INTEGER -> {
                boolean whole = t.kind() == dev.dealeval.domain.model.TermKind.INTEGER;
                s.addType(whole ? Schema.SchemaType.INTEGER : Schema.SchemaType.NUMBER)
                        .format(whole ? (fitsInt(t) ? "int32" : "int64") : "double")
                        .minimum(new BigDecimal(Numbers.plain(t.min())))
                        .maximum(new BigDecimal(Numbers.plain(t.max())));
                description += " " + Numbers.plain(t.min()) + " to " + Numbers.plain(t.max())
                        + (t.unit() == null ? "" : ", " + t.unit()) + ".";
            }
            case BOOLEAN -> s.addType(Schema.SchemaType.BOOLEAN);
            case ENUM -> {
                s.addType(Schema.SchemaType.STRING);
                t.values().forEach(s::addEnumeration);
            }
        }
        return s.description(description.strip());
    }

    private static boolean fitsInt(TermDef t) {
        return t.min() >= Integer.MIN_VALUE && t.max() <= Integer.MAX_VALUE;
    }
}
