package dev.dealeval.adapter.modelfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dealeval.adapter.modelfile.ModelFile.ComponentEntry;
import dev.dealeval.adapter.modelfile.ModelFile.CriterionEntry;
import dev.dealeval.adapter.modelfile.ModelFile.FactionEntry;
import dev.dealeval.adapter.modelfile.ModelFile.ScenarioEntry;
import dev.dealeval.adapter.modelfile.ModelFile.TermEntry;
import dev.dealeval.application.port.ModelSource;
import dev.dealeval.domain.model.AlternativeUnit;
import dev.dealeval.domain.model.Coercion;
import dev.dealeval.domain.model.Component;
import dev.dealeval.domain.model.CriterionDef;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.DerivedDefault;
import dev.dealeval.domain.model.EnforcingMeasures;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.Gate;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.ModelValidator;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.ScoreFunction;
import dev.dealeval.domain.model.SectionDef;
import dev.dealeval.domain.model.Shape;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import dev.dealeval.domain.model.Threat;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads the deal model file (YAML) into a validated {@link DealModel}: the one place that reads it.
 * Jackson binds the file to {@link ModelFile}'s records, refusing unknown keys and wrong types;
 * this class requires what must be there and builds the domain's records, so that every problem
 * names its entry ({@code terms[4] (purchases.years).range}) and a broken file stops start-up with
 * a message a person can act on. Profiles are read by {@link ProfileEntries}.
 */
@ApplicationScoped
public class ModelFileReader implements ModelSource {
    /** The model the service runs when dealeval.model.path names none. */
    public static final String BUILT_IN = "model/deal-model.yaml";

    @Override
    public DealModel model(Optional<String> path) {
        return YamlFiles.read(path, BUILT_IN, "model file", ModelFileReader::read);
    }

    /** The built-in model (the one the build writes into the OpenAPI document). */
    public static DealModel builtIn() {
        return new ModelFileReader().model(Optional.empty());
    }

    /** The model in a YAML stream, checked whole. */
    public static DealModel read(InputStream in) {
        ModelFile file = YamlFiles.bind(in, "model file", ModelFile.class);
        String version = required(file.version(), "", "version");
        var settings = ProfileEntries.settings(required(file.settings(), "", "settings"), "settings", null);
        var credibility =
                ProfileEntries.credibility(required(file.credibility(), "", "credibility"), "credibility", null);
        List<SectionDef> sections = each(file.sections(), "sections", (s, index) -> {
            String at = label(index, required(s.id(), index, "id"));
            return new SectionDef(s.id(), required(s.description(), at, "description"), s.giver());
        });
        List<TermDef> terms = each(file.terms(), "terms", ModelFileReader::term);
        List<CriterionDef> criteria = each(file.criteria(), "criteria", ModelFileReader::criterion);
        List<FactionDef> factions = each(file.factions(), "factions", ModelFileReader::faction);
        List<Scenario> scenarios = each(file.scenarios(), "scenarios", ModelFileReader::scenario);
        Profile defaults = ProfileEntries.defaults(criteria, factions, credibility, settings);
        List<Profile> profiles =
                each(file.profiles(), "profiles", (p, index) -> ProfileEntries.profile(p, index, defaults));

        var c = file.coercion();
        Coercion coercion = c == null
                ? null
                : new Coercion(required(c.term(), "coercion", "term"), required(c.side(), "coercion", "side"));
        var e = file.enforcement();
        EnforcingMeasures enforcement = e == null
                ? null
                : new EnforcingMeasures(
                        required(e.base(), "enforcement", "base"), required(e.measures(), "enforcement", "measures"));
        var f = file.fitting();
        var prior =
                f == null || f.prior() == null ? null : ProfileEntries.settings(f.prior(), "fitting.prior", settings);
        DealModel model = new DealModel(
                version,
                terms,
                criteria,
                scenarios,
                profiles,
                DealModel.POINTS,
                sections,
                coercion,
                enforcement,
                prior);
        ModelValidator.validate(model);
        if (model.profile("default").isEmpty()) {
            throw new ModelException("profiles", "a profile with id 'default' is required");
        }
        return model;
    }

    private static TermDef term(TermEntry n, String index) {
        String id = required(n.id(), index, "id");
        String at = label(index, id);
        TermKind kind = required(n.kind(), at, "kind");
        double min = Double.NaN;
        double max = Double.NaN;
        if (kind == TermKind.NUMBER || kind == TermKind.INTEGER) {
            JsonNode r = required(n.range(), at, "range");
            if (!r.isArray()
                    || r.size() != 2
                    || !r.get(0).isNumber()
                    || !r.get(1).isNumber()) {
                throw new ModelException(at + ".range", "must be [min, max]");
            }
            min = r.get(0).doubleValue();
            max = r.get(1).doubleValue();
        } else if (n.range() != null) {
            throw new ModelException(at + ".range", "only numeric terms have a range");
        }
        List<String> values = kind == TermKind.ENUM ? required(n.values(), at, "values") : List.of();
        if (kind != TermKind.ENUM && n.values() != null) {
            throw new ModelException(at + ".values", "only enum terms have values");
        }
        if (n.inherits() != null && !"scenario".equals(n.inherits())) {
            throw new ModelException(at + ".inherits", "the only allowed value is 'scenario'");
        }
        boolean inherits = n.inherits() != null;
        AlternativeUnit alt = null;
        if (n.alternativeOf() != null) {
            String aat = at + ".alternativeOf";
            alt = new AlternativeUnit(
                    required(n.alternativeOf().term(), aat, "term"),
                    required(n.alternativeOf().factor(), aat, "factor"));
        }
        DerivedDefault derived = null;
        if (n.derivedFrom() != null) {
            String dat = at + ".derivedFrom";
            derived = new DerivedDefault(
                    required(n.derivedFrom().term(), dat, "term"),
                    required(n.derivedFrom().values(), dat, "values"));
        }
        // Build once without neutral and levels so the term itself can encode them.
        TermDef shell = new TermDef(
                id,
                kind,
                n.unit(),
                min,
                max,
                Double.NaN,
                inherits,
                values,
                List.of(),
                Boolean.TRUE.equals(n.search()),
                n.pledge(),
                alt,
                derived,
                n.phrase(),
                n.description());
        double neutral = Double.NaN;
        if (n.neutral() != null) {
            neutral = encode(shell, n.neutral(), at + ".neutral");
        } else if (!inherits && derived == null) {
            throw new ModelException(at + ".neutral", "is required (or inherits: scenario, or derivedFrom)");
        }
        List<Double> levels = new ArrayList<>();
        if (n.levels() != null) {
            for (int i = 0; i < n.levels().size(); i++) {
                levels.add(encode(shell, n.levels().get(i), at + ".levels[" + i + "]"));
            }
        } else if (kind == TermKind.ENUM) {
            for (int i = 0; i < values.size(); i++) {
                levels.add((double) i);
            }
        } else if (kind == TermKind.BOOLEAN) {
            levels.addAll(List.of(0.0, 1.0));
        }
        return new TermDef(
                id,
                kind,
                shell.unit(),
                min,
                max,
                neutral,
                inherits,
                values,
                levels,
                shell.searchDefault(),
                shell.pledge(),
                alt,
                derived,
                shell.phrase(),
                shell.description());
    }

    /** Encodes a neutral value or level; ranges are checked later by the validator, with the rest of the model. */
    private static double encode(TermDef t, JsonNode v, String at) {
        double d = t.encode(raw(v));
        if (Double.isNaN(d)) {
            throw new ModelException(at, ModelValidator.valueProblem(t, raw(v)));
        }
        return d;
    }

    private static CriterionDef criterion(CriterionEntry n, String index) {
        String id = required(n.id(), index, "id");
        String at = label(index, id);
        var side = required(n.side(), at, "side");
        Shape shape = Shape.LINEAR;
        JsonNode s = n.shape();
        if (s != null) {
            if (s.isTextual() && s.asText().equals("LINEAR")) {
                shape = Shape.LINEAR;
            } else if (s.isObject() && s.has("saturating") && s.size() == 1) {
                JsonNode scale = s.get("saturating");
                if (!scale.isNumber() || !Double.isFinite(scale.doubleValue())) {
                    throw new ModelException(at + ".shape.saturating", "must be a finite number");
                }
                shape = new Shape(Shape.Kind.SATURATING, scale.doubleValue());
            } else {
                throw new ModelException(at + ".shape", "must be LINEAR or {saturating: scale}");
            }
        }
        List<ComponentEntry> cs = required(n.components(), at, "components");
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            components.add(component(cs.get(i), at + ".components[" + i + "]"));
        }
        return new CriterionDef(
                id,
                side,
                required(n.weight(), at, "weight"),
                required(n.formula(), at, "formula"),
                required(n.description(), at, "description"),
                n.base() == null ? 0.0 : n.base(),
                shape,
                components);
    }

    private static Component component(ComponentEntry n, String index) {
        String at = label(index, required(n.term(), index, "term"));
        int kinds = (n.linear() != null ? 1 : 0) + (n.points() != null ? 1 : 0) + (n.levels() != null ? 1 : 0);
        if (kinds != 1) {
            throw new ModelException(at, "needs exactly one of linear, points or levels");
        }
        ScoreFunction fn;
        if (n.linear() != null) {
            fn = new ScoreFunction.Linear(
                    required(n.linear().slope(), at + ".linear", "slope"),
                    n.linear().per() == null ? 1.0 : n.linear().per());
        } else if (n.points() != null) {
            JsonNode p = n.points();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; p.isArray() && i < p.size(); i++) {
                JsonNode pt = p.get(i);
                if (!pt.isArray()
                        || pt.size() != 2
                        || !pt.get(0).isNumber()
                        || !pt.get(1).isNumber()) {
                    throw new ModelException(at + ".points[" + i + "]", "must be [x, y]");
                }
                xs.add(pt.get(0).doubleValue());
                ys.add(pt.get(1).doubleValue());
            }
            fn = new ScoreFunction.Points(xs, ys);
        } else {
            fn = new ScoreFunction.Levels(n.levels());
        }
        Gate gate = null;
        if (n.gate() != null) {
            gate = new Gate(
                    required(n.gate().term(), at + ".gate", "term"),
                    required(n.gate().per(), at + ".gate", "per"));
        }
        return new Component(n.term(), fn, gate);
    }

    private static FactionDef faction(FactionEntry n, String index) {
        String at = label(index, required(n.id(), index, "id"));
        return new FactionDef(
                n.id(),
                required(n.side(), at, "side"),
                required(n.name(), at, "name"),
                required(n.description(), at, "description"),
                required(n.clout(), at, "clout"),
                required(n.veto(), at, "veto"),
                n.vetoScope() == null ? List.of() : n.vetoScope(),
                n.multipliers() == null ? Map.of() : n.multipliers());
    }

    private static Scenario scenario(ScenarioEntry n, String index) {
        String at = label(index, required(n.id(), index, "id"));
        Map<String, Object> values = new LinkedHashMap<>();
        required(n.values(), at, "values").forEach((term, v) -> values.put(term, raw(v)));
        List<Threat> threats = new ArrayList<>();
        for (int i = 0; n.threats() != null && i < n.threats().size(); i++) {
            var t = n.threats().get(i);
            String tat = at + ".threats[" + i + "]";
            threats.add(new Threat(
                    required(t.term(), tat, "term"),
                    required(t.value(), tat, "value"),
                    required(t.probability(), tat, "probability"),
                    required(t.description(), tat, "description"),
                    Boolean.TRUE.equals(t.fresh())));
        }
        Map<String, Object> fresh = new LinkedHashMap<>();
        if (n.freshMeasures() != null) {
            n.freshMeasures().forEach((term, v) -> fresh.put(term, raw(v)));
        }
        return new Scenario(
                n.id(),
                required(n.name(), at, "name"),
                required(n.date(), at, "date"),
                required(n.description(), at, "description"),
                values,
                threats,
                n.sources() == null ? List.of() : n.sources(),
                true,
                1,
                null,
                fresh);
    }

    // ------------------------------------------------------------------ helpers shared with the other readers

    /** A list entry's name in messages: its index and its id. */
    static String label(String index, String id) {
        return index + " (" + id + ")";
    }

    /** The value, or "is required" naming the key under the entry at (at is empty at the top). */
    static <T> T required(T value, String at, String key) {
        if (value == null || (value instanceof JsonNode node && node.isNull())) {
            throw new ModelException(at.isEmpty() ? key : at + "." + key, "is required");
        }
        return value;
    }

    /** A required top-level list, each entry read with its index ({@code terms[4]}). */
    static <E, T> List<T> each(List<E> entries, String key, BiFunction<E, String, T> read) {
        List<T> out = new ArrayList<>();
        List<E> list = required(entries, "", key);
        for (int i = 0; i < list.size(); i++) {
            out.add(read.apply(list.get(i), key + "[" + i + "]"));
        }
        return out;
    }

    /** A term value as a bundle writes it: a number, true/false or an enum name. */
    static Object raw(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        return v.toString();
    }
}
