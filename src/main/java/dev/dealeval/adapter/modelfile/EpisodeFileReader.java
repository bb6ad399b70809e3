package dev.dealeval.adapter.modelfile;

import static dev.dealeval.adapter.modelfile.ModelFileReader.label;
import static dev.dealeval.adapter.modelfile.ModelFileReader.raw;
import static dev.dealeval.adapter.modelfile.ModelFileReader.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.dealeval.adapter.modelfile.ModelFile.BySide;
import dev.dealeval.application.port.EpisodeSource;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSet;
import dev.dealeval.domain.backtest.Exclusion;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the backtest's episodes (YAML, src/main/resources/model/backtest.yaml) and checks them
 * against the model: every episode names a built-in scenario, a bundle the model can read, at least
 * one decision and a source. Problems name the entry, as in the model file.
 */
@ApplicationScoped
public class EpisodeFileReader implements EpisodeSource {
    /** The episodes the service runs when dealeval.model.backtest-path names none. */
    public static final String BUILT_IN = "model/backtest.yaml";

    /** The episodes file as it is written. */
    record EpisodeFile(List<EpisodeEntry> episodes, List<ExclusionEntry> excluded) {}

    record EpisodeEntry(
            String id,
            String date,
            String title,
            Episode.Kind kind,
            String scenario,
            Map<String, JsonNode> bundle,
            BySide<Episode.Decision> decisions,
            String record,
            String encoding,

            @JsonDeserialize(contentUsing = YamlFiles.TextOnly.class)
            List<String> sources) {}

    record ExclusionEntry(String id, String date, String title, String reason) {}

    @Override
    public EpisodeSet episodes(Optional<String> path, DealModel model) {
        return YamlFiles.read(path, BUILT_IN, "backtest file", in -> read(in, model));
    }

    /** The episodes in a YAML stream, checked against the model. */
    public static EpisodeSet read(InputStream in, DealModel model) {
        EpisodeFile file = YamlFiles.bind(in, "backtest file", EpisodeFile.class);
        Set<String> ids = new HashSet<>();
        List<Episode> episodes = ModelFileReader.each(file.episodes(), "episodes", (entry, index) -> {
            Episode e = episode(entry, index, model);
            if (!ids.add(e.id())) {
                throw new ModelException(index + ".id", "duplicate episode id '" + e.id() + "'");
            }
            return e;
        });
        List<Exclusion> excluded = file.excluded() == null
                ? List.of()
                : ModelFileReader.each(file.excluded(), "excluded", (n, index) -> {
                    String at = label(index, required(n.id(), index, "id"));
                    return new Exclusion(
                            n.id(),
                            required(n.date(), at, "date"),
                            required(n.title(), at, "title"),
                            required(n.reason(), at, "reason"));
                });
        return new EpisodeSet(episodes, excluded);
    }

    private static Episode episode(EpisodeEntry n, String index, DealModel model) {
        String at = label(index, required(n.id(), index, "id"));
        String scenario = required(n.scenario(), at, "scenario");
        if (model.scenario(scenario).isEmpty()) {
            throw new ModelException(
                    at + ".scenario",
                    "unknown scenario '" + scenario + "'; episodes use the model's built-in scenarios");
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        Set<String> terms = new TreeSet<>();
        model.terms().stream().map(TermDef::id).forEach(terms::add);
        required(n.bundle(), at, "bundle").forEach((term, value) -> {
            if (!terms.contains(term)) {
                throw new ModelException(at + ".bundle." + term, "unknown key; allowed: " + String.join(", ", terms));
            }
            bundle.put(term, raw(value));
        });
        var read = BundleReader.read(model, bundle, "");
        if (!read.valid()) {
            var v = read.violations().get(0);
            throw new ModelException(at + ".bundle." + v.field(), v.message());
        }
        BySide<Episode.Decision> recorded = required(n.decisions(), at, "decisions");
        Map<Side, Episode.Decision> decisions = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            if (recorded.get(side) != null) {
                decisions.put(side, recorded.get(side));
            }
        }
        if (decisions.isEmpty()) {
            throw new ModelException(at + ".decisions", "must record what at least one government did");
        }
        List<String> sources = required(n.sources(), at, "sources");
        if (sources.isEmpty()) {
            throw new ModelException(at + ".sources", "must name at least one source");
        }
        return new Episode(
                n.id(),
                required(n.date(), at, "date"),
                required(n.title(), at, "title"),
                required(n.kind(), at, "kind"),
                scenario,
                bundle,
                decisions,
                required(n.record(), at, "record"),
                n.encoding() == null ? "" : n.encoding(),
                sources);
    }
}
