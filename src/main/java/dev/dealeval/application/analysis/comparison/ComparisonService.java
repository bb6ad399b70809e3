package dev.dealeval.application.analysis.comparison;

import static dev.dealeval.application.analysis.AnalysisInputs.checkSize;
import static dev.dealeval.application.analysis.AnalysisInputs.throwIfAny;

import dev.dealeval.application.analysis.AnalysedSetting;
import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.analysis.AnalysisInputs;
import dev.dealeval.application.analysis.AnalysisInputs.NamedBundle;
import dev.dealeval.application.analysis.AnalysisInputs.Subject;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.domain.analysis.Comparison;
import dev.dealeval.domain.analysis.Objective;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Side;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Comparisons (docs/analyses.md): evaluates each bundle in one setting and ranks them by an objective. */
@ApplicationScoped
public class ComparisonService {
    private final AnalysisInputs inputs;
    private final AnalysisCapacity capacity;

    public ComparisonService(AnalysisInputs inputs, AnalysisCapacity capacity) {
        this.inputs = inputs;
        this.capacity = capacity;
    }

    /** The bundles in rank order, each with its name and evaluation. */
    public record ComparisonReport(AnalysedSetting setting, Objective objective, List<Entry> ranking) {}

    /** A ranked bundle: its rank, objective value and dominance lists, its name and its evaluation. */
    public record Entry(Comparison.Ranked ranked, String name, Evaluation evaluation) {}

    public ComparisonReport compare(Subject subject, List<NamedBundle> bundles, Objective objective) {
        List<Violation> violations = new ArrayList<>();
        checkSize("bundles", bundles.size(), 1, capacity.limits().maxComparisonBundles(), violations);
        EvaluationService.Context ctx = inputs.context(subject, violations);
        List<Bundle> read = inputs.readAll("bundles", bundles, ctx, violations);
        throwIfAny(violations);
        return capacity.timer("comparison").record(() -> {
            List<Evaluation> evs = new ArrayList<>();
            double[] us = new double[read.size()];
            double[] cn = new double[read.size()];
            for (int i = 0; i < read.size(); i++) {
                Evaluation e = Evaluator.evaluate(ctx.model(), read.get(i), ctx.scenario(), List.of());
                evs.add(e);
                us[i] = e.side(Side.US).surplus();
                cn[i] = e.side(Side.CN).surplus();
            }
            List<Entry> ranking = Comparison.rank(us, cn, objective).stream()
                    .map(r -> new Entry(r, bundles.get(r.index()).name(), evs.get(r.index())))
                    .toList();
            return new ComparisonReport(AnalysedSetting.of(ctx), objective, ranking);
        });
    }
}
