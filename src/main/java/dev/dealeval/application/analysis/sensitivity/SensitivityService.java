package dev.dealeval.application.analysis.sensitivity;

import static dev.dealeval.application.analysis.AnalysisInputs.checkSize;
import static dev.dealeval.application.analysis.AnalysisInputs.throwIfAny;

import dev.dealeval.application.analysis.AnalysedSetting;
import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.analysis.AnalysisInputs;
import dev.dealeval.application.analysis.AnalysisInputs.NamedBundle;
import dev.dealeval.application.analysis.AnalysisInputs.Subject;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.domain.analysis.Objective;
import dev.dealeval.domain.analysis.Sensitivity;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Side;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sensitivity analyses (docs/analyses.md): SMAA over uncertain weights, clouts and track records, and a tornado. */
@ApplicationScoped
public class SensitivityService {
    private final AnalysisInputs inputs;
    private final AnalysisCapacity capacity;

    public SensitivityService(AnalysisInputs inputs, AnalysisCapacity capacity) {
        this.inputs = inputs;
        this.capacity = capacity;
    }

    public record SensitivityCommand(
            Subject subject,
            List<NamedBundle> bundles,
            int samples,
            long seed,
            double weightConcentration,
            double cloutConcentration,
            double credibilityConcentration,
            Objective objective,
            double tornadoStep) {}

    public record SensitivityReport(
            AnalysedSetting setting,
            Objective objective,
            int samples,
            long seed,
            List<Sampled> bundles,
            List<Sensitivity.TornadoBar> tornado) {}

    /**
     * A bundle's figures over the samples, with its name.
     *
     * @param centralWeights its central weights by side and criterion id; null when it never ranks first
     */
    public record Sampled(
            String name, Sensitivity.BundleResult result, Map<Side, Map<String, Double>> centralWeights) {}

    public SensitivityReport sensitivity(SensitivityCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        checkSize("bundles", cmd.bundles().size(), 1, capacity.limits().maxSensitivityBundles(), violations);
        checkSize("samples", cmd.samples(), 1, capacity.limits().maxSensitivitySamples(), violations);
        EvaluationService.Context ctx = inputs.context(cmd.subject(), violations);
        List<Bundle> read = inputs.readAll("bundles", cmd.bundles(), ctx, violations);
        throwIfAny(violations);
        return capacity.withTurn(() -> capacity.timer("sensitivity").record(() -> {
            List<double[]> xs = read.stream()
                    .map(b -> ctx.model().resolve(b, ctx.scenario()))
                    .toList();
            Sensitivity.Spec spec = new Sensitivity.Spec(
                    cmd.samples(),
                    cmd.seed(),
                    cmd.weightConcentration(),
                    cmd.cloutConcentration(),
                    cmd.credibilityConcentration(),
                    cmd.objective(),
                    cmd.tornadoStep(),
                    capacity.threads());
            Sensitivity.Result r = Sensitivity.run(ctx.model(), ctx.scenario(), xs, spec, capacity.pool());
            List<Sampled> bundles = r.bundles().stream()
                    .map(b -> new Sampled(
                            cmd.bundles().get(b.index()).name(), b, centralWeights(ctx.model(), b.centralWeights())))
                    .toList();
            return new SensitivityReport(
                    AnalysedSetting.of(ctx), cmd.objective(), r.samples(), cmd.seed(), bundles, r.tornado());
        }));
    }

    /** The central weights by side and criterion id, in criterion order; null stays null. */
    private static Map<Side, Map<String, Double>> centralWeights(CompiledModel m, double[] weights) {
        if (weights == null) {
            return null;
        }
        Map<Side, Map<String, Double>> out = new EnumMap<>(Side.class);
        for (int k = 0; k < m.criterionCount(); k++) {
            out.computeIfAbsent(m.criterion(k).side(), x -> new LinkedHashMap<>())
                    .put(m.criterion(k).id(), weights[k]);
        }
        return out;
    }
}
