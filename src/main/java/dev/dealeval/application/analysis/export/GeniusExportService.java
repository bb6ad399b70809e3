package dev.dealeval.application.analysis.export;

import static dev.dealeval.application.analysis.AnalysisInputs.checkSize;
import static dev.dealeval.application.analysis.AnalysisInputs.throwIfAny;

import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.analysis.AnalysisInputs;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.genius.AdditiveExport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The GENIUS export (docs/analyses.md): the model's default deal space at a scenario and profile as
 * a GENIUS domain with two parties, each side's utility replaced by its additive approximation
 * ({@link AdditiveExport}).
 */
@ApplicationScoped
public class GeniusExportService {
    /** Sampled bundles an export fits on when a request does not say, and the most it may ask for. */
    public static final int DEFAULT_EXPORT_SAMPLES = 20_000;

    public static final int MAX_EXPORT_SAMPLES = 200_000;

    private final AnalysisInputs inputs;
    private final AnalysisCapacity capacity;

    public GeniusExportService(AnalysisInputs inputs, AnalysisCapacity capacity) {
        this.inputs = inputs;
        this.capacity = capacity;
    }

    /**
     * @param modelVersion the model file's version the export was made from
     * @param terms        the exported terms (the default search subset), in the domain's issue order
     */
    public record GeniusExport(
            String scenario,
            String profile,
            long profileVersion,
            String modelVersion,
            List<String> terms,
            AdditiveExport.Result result) {}

    public GeniusExport export(String scenario, String profile, Integer samples, Long seed) {
        List<Violation> violations = new ArrayList<>();
        int n = samples == null ? DEFAULT_EXPORT_SAMPLES : samples;
        checkSize("samples", n, 1_000, MAX_EXPORT_SAMPLES, violations);
        EvaluationService.Context ctx = inputs.context(scenario, profile, violations);
        throwIfAny(violations);
        CompiledModel m = ctx.model();
        List<Search.Dimension> dims = Search.defaultDimensions(m.model());
        double[] base = m.resolve(Bundle.empty(m.termCount()), ctx.scenario());
        String scenarioId = m.model().scenarios().get(ctx.scenario()).id();
        String name =
                "U.S.-China deal space (" + scenarioId + ", " + m.profile().id() + " profile)";
        AdditiveExport.Result result = capacity.withTurn(() -> capacity.timer("export")
                .record(() -> AdditiveExport.export(name, m, ctx.scenario(), base, dims, n, seed == null ? 1 : seed)));
        return new GeniusExport(
                scenarioId,
                m.profile().id(),
                m.profile().version(),
                m.model().version(),
                dims.stream().map(d -> m.term(d.term()).id()).toList(),
                result);
    }
}
