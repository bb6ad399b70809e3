package dev.dealeval.domain.backtest;

import dev.dealeval.domain.backtest.Episode.Decision;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs real episodes through a compiled model and scores its verdicts against the record: the
 * hit rate (episodes where every recorded decision matches the side's ratification) and the Brier
 * score of the agreement probability against whether both governments accepted.
 */
public final class Backtest {
    private Backtest() {}

    /**
     * One episode judged by the model.
     *
     * @param agrees     every recorded decision matches the model's ratification of that side
     * @param sideAgrees per side with a recorded decision: does the model's ratification match it
     */
    public record Result(Episode episode, Evaluation evaluation, boolean agrees, Map<Side, Boolean> sideAgrees) {}

    /**
     * The scores over all episodes.
     *
     * @param hitRate             agreeing episodes / episodes
     * @param sideHitRate         recorded side decisions the model matches / recorded side decisions
     * @param brierScore          mean (P(agreement) − o)² over episodes with a known outcome o (1: both accepted, 0: a side rejected)
     * @param referenceBrierScore the Brier score of always forecasting the base rate of agreement, b(1 − b)
     * @param brierSkillScore     1 − brierScore / referenceBrierScore: above 0, better than the base rate
     * @param sideBrierScore      mean (P(side ratifies) − o)² over recorded side decisions
     */
    public record Summary(
            int episodes,
            int agreeing,
            double hitRate,
            int sideDecisions,
            int sideAgreeing,
            double sideHitRate,
            int scoredOutcomes,
            double brierScore,
            double referenceBrierScore,
            double brierSkillScore,
            double sideBrierScore) {}

    public record Report(List<Result> results, Summary summary) {}

    /** Runs every episode; each names a scenario of the model and a bundle it can read (checked when the set is loaded). */
    public static Report run(CompiledModel m, List<Episode> episodes) {
        List<Result> results = new ArrayList<>();
        for (Episode e : episodes) {
            Evaluation ev = evaluate(m, e);
            Map<Side, Boolean> sideAgrees = new EnumMap<>(Side.class);
            e.decisions().forEach((side, d) -> sideAgrees.put(side, agrees(ev, side, d)));
            results.add(new Result(e, ev, !sideAgrees.containsValue(false), sideAgrees));
        }
        return new Report(List.copyOf(results), summarise(results));
    }

    /** Whether the model's ratification of {@code side} matches its recorded decision. */
    static boolean agrees(Evaluation ev, Side side, Decision d) {
        return ev.side(side).ratified() == (d == Decision.ACCEPTED);
    }

    /** (ratification probability − decision)², the decision 1 when accepted: a term of the per-side Brier score. */
    static double squaredError(Evaluation ev, Side side, Decision d) {
        double miss = ev.side(side).ratificationProbability() - (d == Decision.ACCEPTED ? 1 : 0);
        return miss * miss;
    }

    /** (agreement probability − outcome)²: a term of the Brier score. */
    static double agreementSquaredError(Evaluation ev, int outcome) {
        double miss = ev.joint().agreementProbability() - outcome;
        return miss * miss;
    }

    /** The model's evaluation of an episode's bundle against its scenario (also what {@link Perturbations} runs). */
    static Evaluation evaluate(CompiledModel m, Episode e) {
        int s = m.scenarioIndex(e.scenario());
        if (s < 0) {
            throw new IllegalArgumentException("episode " + e.id() + ": unknown scenario " + e.scenario());
        }
        BundleReader.Result bundle = BundleReader.read(m.model(), e.bundle(), "bundle");
        if (!bundle.valid()) {
            throw new IllegalArgumentException("episode " + e.id() + ": " + bundle.violations());
        }
        return Evaluator.evaluate(m, bundle.bundle(), s, List.of());
    }

    static Summary summarise(List<Result> results) {
        int agreeing = 0;
        int sideDecisions = 0;
        int sideAgreeing = 0;
        double sideBrier = 0;
        int scored = 0;
        double brier = 0;
        double agreements = 0;
        for (Result r : results) {
            agreeing += r.agrees() ? 1 : 0;
            for (var d : r.episode().decisions().entrySet()) {
                sideDecisions++;
                sideAgreeing += r.sideAgrees().get(d.getKey()) ? 1 : 0;
                sideBrier += squaredError(r.evaluation(), d.getKey(), d.getValue());
            }
            Integer o = r.episode().agreement();
            if (o != null) {
                scored++;
                agreements += o;
                brier += agreementSquaredError(r.evaluation(), o);
            }
        }
        int n = results.size();
        double base = scored == 0 ? 0 : agreements / scored;
        double reference = base * (1 - base);
        double brierScore = scored == 0 ? Double.NaN : brier / scored;
        return new Summary(
                n,
                agreeing,
                n == 0 ? Double.NaN : (double) agreeing / n,
                sideDecisions,
                sideAgreeing,
                sideDecisions == 0 ? Double.NaN : (double) sideAgreeing / sideDecisions,
                scored,
                brierScore,
                reference,
                reference == 0 ? Double.NaN : 1 - brierScore / reference,
                sideDecisions == 0 ? Double.NaN : sideBrier / sideDecisions);
    }
}
