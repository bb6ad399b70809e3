package dev.dealeval.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSet;
import dev.dealeval.domain.backtest.Exclusion;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.model.AlternativeUnit;
import dev.dealeval.domain.model.Component;
import dev.dealeval.domain.model.CredibilityParams;
import dev.dealeval.domain.model.CriterionDef;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.DerivedDefault;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.Gate;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.ModelValidator;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.ScoreFunction;
import dev.dealeval.domain.model.SectionDef;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Shape;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import dev.dealeval.domain.model.Threat;
import dev.dealeval.domain.model.VetoKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the deal model file (YAML) into a validated {@link DealModel}. The one place that reads
 * it. Strict: unknown keys, missing keys and wrong types are errors naming the entry
 * ({@code terms[4] (purchases.years).range}), so a broken file stops start-up with a message a
 * person can act on.
 */
public final class ModelLoader {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ModelLoader() {}

    public static DealModel load(InputStream in) {
        JsonNode root = mapping(in, "model file");
        allowOnly(
                root,
                "",
                Set.of(
                        "version",
                        "settings",
                        "credibility",
                        "sections",
                        "terms",
                        "criteria",
                        "factions",
                        "scenarios",
                        "profiles"));
        String version = text(root, "version", "version", true);
        Settings settings = settings(required(root, "settings", "settings"), "settings", null);
        CredibilityParams credibility = credibility(required(root, "credibility", "credibility"), "credibility", null);
        List<SectionDef> sections = new ArrayList<>();
        forEach(root, "sections", (node, at) -> {
            String id = text(node, "id", at, true);
            allowOnly(node, at + " (" + id + ")", Set.of("id", "description"));
            sections.add(new SectionDef(id, text(node, "description", at + " (" + id + ")", true)));
        });
        List<TermDef> terms = new ArrayList<>();
        forEach(root, "terms", (node, at) -> terms.add(term(node, at)));
        List<CriterionDef> criteria = new ArrayList<>();
        forEach(root, "criteria", (node, at) -> criteria.add(criterion(node, at)));
        List<FactionDef> factions = new ArrayList<>();
        forEach(root, "factions", (node, at) -> factions.add(faction(node, at)));
        List<Scenario> scenarios = new ArrayList<>();
        forEach(root, "scenarios", (node, at) -> scenarios.add(scenario(node, at)));

        Map<Side, Map<String, Double>> weights = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<String, Double> w = new LinkedHashMap<>();
            criteria.stream().filter(c -> c.side() == side).forEach(c -> w.put(c.id(), c.weight()));
            weights.put(side, w);
        }
        Profile defaults =
                new Profile("default", "Default", "", List.of(), true, 1, weights, factions, credibility, settings);
        List<Profile> profiles = new ArrayList<>();
        forEach(root, "profiles", (node, at) -> profiles.add(profile(node, at, defaults)));

        DealModel model = new DealModel(version, terms, criteria, scenarios, profiles, DealModel.POINTS, sections);
        ModelValidator.validate(model);
        if (model.profile("default").isEmpty()) {
            throw new ModelException("profiles", "a profile with id 'default' is required");
        }
        return model;
    }

    /**
     * Reads the backtest's episodes (YAML) and checks them against the model: every episode names a
     * built-in scenario, a bundle the model can read, at least one decision and a source.
     */
    public static EpisodeSet loadEpisodes(InputStream in, DealModel model) {
        JsonNode root = mapping(in, "backtest file");
        allowOnly(root, "", Set.of("episodes", "excluded"));
        List<Episode> episodes = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        forEach(root, "episodes", (node, at) -> {
            Episode e = episode(node, at, model);
            if (!ids.add(e.id())) {
                throw new ModelException(at + ".id", "duplicate episode id '" + e.id() + "'");
            }
            episodes.add(e);
        });
        List<Exclusion> excluded = new ArrayList<>();
        if (root.has("excluded")) {
            forEach(root, "excluded", (node, at) -> {
                String id = text(node, "id", at, true);
                String eat = at + " (" + id + ")";
                allowOnly(node, eat, Set.of("id", "date", "title", "reason"));
                excluded.add(new Exclusion(
                        id,
                        text(node, "date", eat, true),
                        text(node, "title", eat, true),
                        text(node, "reason", eat, true)));
            });
        }
        return new EpisodeSet(episodes, excluded);
    }

    private static Episode episode(JsonNode n, String index, DealModel model) {
        String id = text(n, "id", index, true);
        String at = index + " (" + id + ")";
        allowOnly(
                n,
                at,
                Set.of(
                        "id",
                        "date",
                        "title",
                        "kind",
                        "scenario",
                        "bundle",
                        "decisions",
                        "record",
                        "encoding",
                        "sources"));
        String scenario = text(n, "scenario", at, true);
        if (model.scenario(scenario).isEmpty()) {
            throw new ModelException(
                    at + ".scenario",
                    "unknown scenario '" + scenario + "'; episodes use the model's built-in scenarios");
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        JsonNode b = required(n, "bundle", at);
        allowOnly(
                b,
                at + ".bundle",
                model.terms().stream().map(TermDef::id).collect(java.util.stream.Collectors.toSet()));
        b.fields().forEachRemaining(e -> bundle.put(e.getKey(), raw(e.getValue())));
        var read = BundleReader.read(model, bundle, "");
        if (!read.valid()) {
            var v = read.violations().get(0);
            throw new ModelException(at + ".bundle." + v.field(), v.message());
        }
        JsonNode d = required(n, "decisions", at);
        allowOnly(d, at + ".decisions", Set.of("US", "CN"));
        Map<Side, Episode.Decision> decisions = new EnumMap<>(Side.class);
        d.fields()
                .forEachRemaining(e -> decisions.put(
                        Side.valueOf(e.getKey()),
                        enumValue(Episode.Decision.class, e.getValue().asText(), at + ".decisions." + e.getKey())));
        if (decisions.isEmpty()) {
            throw new ModelException(at + ".decisions", "must record what at least one government did");
        }
        List<String> sources = strings(required(n, "sources", at), at + ".sources");
        if (sources.isEmpty()) {
            throw new ModelException(at + ".sources", "must name at least one source");
        }
        String encoding = text(n, "encoding", at, false);
        return new Episode(
                id,
                text(n, "date", at, true),
                text(n, "title", at, true),
                enumValue(Episode.Kind.class, text(n, "kind", at, true), at + ".kind"),
                scenario,
                bundle,
                decisions,
                text(n, "record", at, true),
                encoding == null ? "" : encoding,
                sources);
    }

    // ------------------------------------------------------------------ sections

    private static Settings settings(JsonNode n, String at, Settings base) {
        allowOnly(n, at, Set.of("stanceMargin", "vetoTemperature", "quorum", "relativeStanceMargin"));
        JsonNode q = n.get("quorum");
        if (q != null) {
            allowOnly(q, at + ".quorum", Set.of("US", "CN"));
        }
        boolean full = base == null;
        return new Settings(
                num(n, "stanceMargin", at, full ? null : base.stanceMargin()),
                num(n, "vetoTemperature", at, full ? null : base.vetoTemperature()),
                q == null && !full
                        ? base.quorumUs()
                        : num(required(n, "quorum", at), "US", at + ".quorum", full ? null : base.quorumUs()),
                q == null && !full
                        ? base.quorumCn()
                        : num(required(n, "quorum", at), "CN", at + ".quorum", full ? null : base.quorumCn()),
                num(n, "relativeStanceMargin", at, full ? null : base.relativeStanceMargin()));
    }

    private static CredibilityParams credibility(JsonNode n, String at, CredibilityParams base) {
        allowOnly(
                n,
                at,
                Set.of(
                        "trackRecords",
                        "purchaseCategories",
                        "formFactors",
                        "enforcementFactors",
                        "baselineUsdBn",
                        "referenceGrowth",
                        "referenceDelivery",
                        "excessBelief"));
        boolean full = base == null;
        Map<String, Double> track = merge(
                full ? null : base.trackRecords(),
                numberMap(n.get("trackRecords"), at + ".trackRecords"),
                full,
                at + ".trackRecords");
        Map<String, Double> form = merge(
                full ? null : base.formFactors(),
                numberMap(n.get("formFactors"), at + ".formFactors"),
                full,
                at + ".formFactors");
        Map<String, Double> enf = merge(
                full ? null : base.enforcementFactors(),
                numberMap(n.get("enforcementFactors"), at + ".enforcementFactors"),
                full,
                at + ".enforcementFactors");
        List<String> purchases = n.has("purchaseCategories")
                ? strings(n.get("purchaseCategories"), at + ".purchaseCategories")
                : (full ? missing(at + ".purchaseCategories") : base.purchaseCategories());
        return new CredibilityParams(
                track,
                form,
                enf,
                num(n, "baselineUsdBn", at, full ? null : base.baselineUsdBn()),
                num(n, "referenceGrowth", at, full ? null : base.referenceGrowth()),
                num(n, "referenceDelivery", at, full ? null : base.referenceDelivery()),
                num(n, "excessBelief", at, full ? null : base.excessBelief()),
                purchases);
    }

    private static TermDef term(JsonNode n, String index) {
        String id = text(n, "id", index, true);
        String at = index + " (" + id + ")";
        allowOnly(
                n,
                at,
                Set.of(
                        "id",
                        "kind",
                        "unit",
                        "range",
                        "neutral",
                        "inherits",
                        "values",
                        "levels",
                        "search",
                        "pledge",
                        "alternativeOf",
                        "derivedFrom",
                        "phrase",
                        "description"));
        TermKind kind = enumValue(TermKind.class, text(n, "kind", at, true), at + ".kind");
        double min = Double.NaN;
        double max = Double.NaN;
        if (kind == TermKind.NUMBER || kind == TermKind.INTEGER) {
            JsonNode r = required(n, "range", at);
            if (!r.isArray()
                    || r.size() != 2
                    || !r.get(0).isNumber()
                    || !r.get(1).isNumber()) {
                throw new ModelException(at + ".range", "must be [min, max]");
            }
            min = r.get(0).doubleValue();
            max = r.get(1).doubleValue();
        } else if (n.has("range")) {
            throw new ModelException(at + ".range", "only numeric terms have a range");
        }
        List<String> values = kind == TermKind.ENUM ? strings(required(n, "values", at), at + ".values") : List.of();
        if (kind != TermKind.ENUM && n.has("values")) {
            throw new ModelException(at + ".values", "only enum terms have values");
        }
        boolean inherits = false;
        if (n.has("inherits")) {
            if (!"scenario".equals(n.get("inherits").asText())) {
                throw new ModelException(at + ".inherits", "the only allowed value is 'scenario'");
            }
            inherits = true;
        }
        AlternativeUnit alt = null;
        if (n.has("alternativeOf")) {
            JsonNode a = n.get("alternativeOf");
            allowOnly(a, at + ".alternativeOf", Set.of("term", "factor"));
            alt = new AlternativeUnit(
                    text(a, "term", at + ".alternativeOf", true), num(a, "factor", at + ".alternativeOf", null));
        }
        DerivedDefault derived = null;
        if (n.has("derivedFrom")) {
            JsonNode d = n.get("derivedFrom");
            allowOnly(d, at + ".derivedFrom", Set.of("term", "values"));
            derived = new DerivedDefault(
                    text(d, "term", at + ".derivedFrom", true),
                    numberMap(required(d, "values", at + ".derivedFrom"), at + ".derivedFrom.values"));
        }
        // Build once without neutral and levels so the term itself can encode them.
        TermDef shell = new TermDef(
                id,
                kind,
                text(n, "unit", at, false),
                min,
                max,
                Double.NaN,
                inherits,
                values,
                List.of(),
                bool(n, "search", at),
                text(n, "pledge", at, false),
                alt,
                derived,
                text(n, "phrase", at, false),
                text(n, "description", at, false));
        double neutral = Double.NaN;
        if (n.has("neutral")) {
            neutral = encode(shell, n.get("neutral"), at + ".neutral");
        } else if (!inherits && derived == null) {
            throw new ModelException(at + ".neutral", "is required (or inherits: scenario, or derivedFrom)");
        }
        List<Double> levels = new ArrayList<>();
        if (n.has("levels")) {
            JsonNode l = n.get("levels");
            if (!l.isArray()) {
                throw new ModelException(at + ".levels", "must be a list");
            }
            for (int i = 0; i < l.size(); i++) {
                levels.add(encode(shell, l.get(i), at + ".levels[" + i + "]"));
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

    private static CriterionDef criterion(JsonNode n, String index) {
        String id = text(n, "id", index, true);
        String at = index + " (" + id + ")";
        allowOnly(n, at, Set.of("id", "side", "weight", "formula", "description", "base", "shape", "components"));
        Side side = enumValue(Side.class, text(n, "side", at, true), at + ".side");
        Shape shape = Shape.LINEAR;
        if (n.has("shape")) {
            JsonNode s = n.get("shape");
            if (s.isTextual() && s.asText().equals("LINEAR")) {
                shape = Shape.LINEAR;
            } else if (s.isObject() && s.has("saturating") && s.size() == 1) {
                shape = new Shape(Shape.Kind.SATURATING, num(s, "saturating", at + ".shape", null));
            } else {
                throw new ModelException(at + ".shape", "must be LINEAR or {saturating: scale}");
            }
        }
        List<Component> comps = new ArrayList<>();
        JsonNode cs = required(n, "components", at);
        if (!cs.isArray()) {
            throw new ModelException(at + ".components", "must be a list");
        }
        for (int i = 0; i < cs.size(); i++) {
            comps.add(component(cs.get(i), at + ".components[" + i + "]"));
        }
        return new CriterionDef(
                id,
                side,
                num(n, "weight", at, null),
                text(n, "formula", at, true),
                text(n, "description", at, true),
                num(n, "base", at, 0.0),
                shape,
                comps);
    }

    private static Component component(JsonNode n, String index) {
        String term = text(n, "term", index, true);
        String at = index + " (" + term + ")";
        allowOnly(n, at, Set.of("term", "linear", "points", "levels", "gate"));
        int kinds = (n.has("linear") ? 1 : 0) + (n.has("points") ? 1 : 0) + (n.has("levels") ? 1 : 0);
        if (kinds != 1) {
            throw new ModelException(at, "needs exactly one of linear, points or levels");
        }
        ScoreFunction fn;
        if (n.has("linear")) {
            JsonNode l = n.get("linear");
            allowOnly(l, at + ".linear", Set.of("slope", "per"));
            fn = new ScoreFunction.Linear(num(l, "slope", at + ".linear", null), num(l, "per", at + ".linear", 1.0));
        } else if (n.has("points")) {
            JsonNode p = n.get("points");
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
            fn = new ScoreFunction.Levels(numberMap(n.get("levels"), at + ".levels"));
        }
        Gate gate = null;
        if (n.has("gate")) {
            JsonNode g = n.get("gate");
            allowOnly(g, at + ".gate", Set.of("term", "per"));
            gate = new Gate(text(g, "term", at + ".gate", true), num(g, "per", at + ".gate", null));
        }
        return new Component(term, fn, gate);
    }

    private static FactionDef faction(JsonNode n, String index) {
        String id = text(n, "id", index, true);
        String at = index + " (" + id + ")";
        allowOnly(n, at, Set.of("id", "side", "name", "description", "clout", "veto", "vetoScope", "multipliers"));
        return new FactionDef(
                id,
                enumValue(Side.class, text(n, "side", at, true), at + ".side"),
                text(n, "name", at, true),
                text(n, "description", at, true),
                num(n, "clout", at, null),
                enumValue(VetoKind.class, text(n, "veto", at, true), at + ".veto"),
                n.has("vetoScope") ? strings(n.get("vetoScope"), at + ".vetoScope") : List.of(),
                n.has("multipliers") ? numberMap(n.get("multipliers"), at + ".multipliers") : Map.of());
    }

    private static Scenario scenario(JsonNode n, String index) {
        String id = text(n, "id", index, true);
        String at = index + " (" + id + ")";
        allowOnly(n, at, Set.of("id", "name", "date", "description", "values", "threats", "sources"));
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode v = required(n, "values", at);
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            var e = it.next();
            values.put(e.getKey(), raw(e.getValue()));
        }
        List<Threat> threats = new ArrayList<>();
        JsonNode ts = n.get("threats");
        for (int i = 0; ts != null && i < ts.size(); i++) {
            JsonNode t = ts.get(i);
            String tat = at + ".threats[" + i + "]";
            allowOnly(t, tat, Set.of("term", "value", "probability", "description"));
            threats.add(new Threat(
                    text(t, "term", tat, true),
                    num(t, "value", tat, null),
                    num(t, "probability", tat, null),
                    text(t, "description", tat, true)));
        }
        return new Scenario(
                id,
                text(n, "name", at, true),
                text(n, "date", at, true),
                text(n, "description", at, true),
                values,
                threats,
                n.has("sources") ? strings(n.get("sources"), at + ".sources") : List.of(),
                true,
                1);
    }

    private static Profile profile(JsonNode n, String index, Profile defaults) {
        String id = text(n, "id", index, true);
        String at = index + " (" + id + ")";
        allowOnly(
                n,
                at,
                Set.of("id", "name", "description", "sources", "weights", "factions", "credibility", "settings"));
        Map<Side, Map<String, Double>> weights = new EnumMap<>(Side.class);
        JsonNode w = n.get("weights");
        if (w != null) {
            allowOnly(w, at + ".weights", Set.of("US", "CN"));
        }
        for (Side side : Side.values()) {
            Map<String, Double> sideWeights =
                    new LinkedHashMap<>(defaults.weights().get(side));
            if (w != null && w.has(side.name())) {
                numberMap(w.get(side.name()), at + ".weights." + side).forEach((k, v) -> {
                    if (!sideWeights.containsKey(k)) {
                        throw new ModelException(at + ".weights." + side + "." + k, "unknown " + side + " criterion");
                    }
                    sideWeights.put(k, v);
                });
            }
            weights.put(side, sideWeights);
        }
        Map<String, FactionDef> factions = new LinkedHashMap<>();
        defaults.factions().forEach(f -> factions.put(f.id(), f));
        JsonNode fo = n.get("factions");
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        fo == null ? java.util.Collections.emptyIterator() : fo.fields();
                it.hasNext(); ) {
            var e = it.next();
            String fat = at + ".factions." + e.getKey();
            FactionDef f = factions.get(e.getKey());
            if (f == null) {
                throw new ModelException(fat, "unknown faction");
            }
            JsonNode o = e.getValue();
            allowOnly(o, fat, Set.of("clout", "veto", "vetoScope", "multipliers"));
            Map<String, Double> mult = new HashMap<>(f.multipliers());
            if (o.has("multipliers")) {
                mult.putAll(numberMap(o.get("multipliers"), fat + ".multipliers"));
            }
            factions.put(
                    f.id(),
                    new FactionDef(
                            f.id(),
                            f.side(),
                            f.name(),
                            f.description(),
                            num(o, "clout", fat, f.clout()),
                            o.has("veto")
                                    ? enumValue(VetoKind.class, o.get("veto").asText(), fat + ".veto")
                                    : f.veto(),
                            o.has("vetoScope") ? strings(o.get("vetoScope"), fat + ".vetoScope") : f.vetoScope(),
                            mult));
        }
        CredibilityParams cred = n.has("credibility")
                ? credibility(n.get("credibility"), at + ".credibility", defaults.credibility())
                : defaults.credibility();
        Settings settings = n.has("settings")
                ? settings(n.get("settings"), at + ".settings", defaults.settings())
                : defaults.settings();
        return new Profile(
                id,
                text(n, "name", at, true),
                text(n, "description", at, true),
                n.has("sources") ? strings(n.get("sources"), at + ".sources") : List.of(),
                true,
                1,
                weights,
                new ArrayList<>(factions.values()),
                cred,
                settings);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode mapping(InputStream in, String what) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new ModelException(
                    what,
                    "is not valid YAML: "
                            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                    ? j.getOriginalMessage()
                                    : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ModelException(what, "must be a YAML mapping");
        }
        return root;
    }

    private interface Item {
        void read(JsonNode node, String at);
    }

    private static void forEach(JsonNode root, String key, Item item) {
        JsonNode list = required(root, key, key);
        if (!list.isArray()) {
            throw new ModelException(key, "must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            item.read(list.get(i), key + "[" + i + "]");
        }
    }

    private static void allowOnly(JsonNode n, String at, Set<String> keys) {
        if (!n.isObject()) {
            throw new ModelException(at, "must be a mapping");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw new ModelException(
                        at.isEmpty() ? k : at + "." + k,
                        "unknown key; allowed: " + String.join(", ", new java.util.TreeSet<>(keys)));
            }
        }
    }

    private static JsonNode required(JsonNode n, String key, String at) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new ModelException(at.equals(key) ? key : at + "." + key, "is required");
        }
        return v;
    }

    private static String text(JsonNode n, String key, String at, boolean req) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (req) {
                throw new ModelException(at.equals(key) ? key : at + "." + key, "is required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw new ModelException(at + "." + key, "must be text");
        }
        return v.asText();
    }

    private static double num(JsonNode n, String key, String at, Double dflt) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (dflt == null) {
                throw new ModelException(at + "." + key, "is required");
            }
            return dflt;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new ModelException(at + "." + key, "must be a finite number");
        }
        return v.doubleValue();
    }

    private static boolean bool(JsonNode n, String key, String at) {
        JsonNode v = n.get(key);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new ModelException(at + "." + key, "must be true or false");
        }
        return v.booleanValue();
    }

    private static List<String> strings(JsonNode n, String at) {
        if (!n.isArray()) {
            throw new ModelException(at, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw new ModelException(at + "[" + i + "]", "must be text");
            }
            out.add(n.get(i).asText());
        }
        return out;
    }

    private static Map<String, Double> numberMap(JsonNode n, String at) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!n.isObject()) {
            throw new ModelException(at, "must be a mapping");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().doubleValue())) {
                throw new ModelException(at + "." + e.getKey(), "must be a finite number");
            }
            out.put(e.getKey(), e.getValue().doubleValue());
        }
        return out;
    }

    private static Map<String, Double> merge(
            Map<String, Double> base, Map<String, Double> over, boolean full, String at) {
        if (full) {
            if (over.isEmpty()) {
                throw new ModelException(at, "is required");
            }
            return over;
        }
        Map<String, Double> out = new LinkedHashMap<>(base);
        over.forEach((k, v) -> {
            if (!base.containsKey(k)) {
                throw new ModelException(
                        at + "." + k,
                        "unknown key; allowed: " + String.join(", ", new java.util.TreeSet<>(base.keySet())));
            }
            out.put(k, v);
        });
        return out;
    }

    private static <T> T missing(String at) {
        throw new ModelException(at, "is required");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String v, String at) {
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new ModelException(at, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Object raw(JsonNode v) {
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
