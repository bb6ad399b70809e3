package dev.dealeval.domain.backtest;

import dev.dealeval.domain.backtest.FitObjective.Criteria;
import dev.dealeval.domain.backtest.FitObjective.Layout;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directions a fit of the weights keeps (docs/fitting.md "Fitting the weights and the clouts"):
 * every single move of a term between two of its listed values, from every scenario, that raises or
 * lowers a side's or a faction's utility under the profile does the same under the fitted weights. A
 * move is a linear form in the weights (criterion values do not depend on them), so each is kept by a
 * logarithmic barrier: the fit never crosses it, and pays little away from it.
 */
final class Directions {
    /** μ of the barrier: small against the log-loss, so it binds only near a crossing. */
    static final double BARRIER = 1e-3;
    /** The share of its profile's direction ρ0 every move keeps at least. */
    static final double MARGIN = 0.1;
    /** A change of utility larger than rounding (points): smaller moves have no direction to keep. */
    private static final double MOVE = 1e-9;

    private Directions() {}

    /**
     * One move's effect on one side or faction: {@code effect[j]} is the change of the side's
     * criterion j (from {@code offset} in the {@link Criteria} order) times the faction's multiplier of
     * it, signed so that the profile's weighted sum is positive; {@code kept0} is that sum's share of
     * the weighted sum of magnitudes under the profile's weights, ρ0 in (0, 1].
     */
    record Move(int offset, double[] effect, double kept0) {}

    /**
     * Every move whose direction depends on the weights (its effect has criteria moving both ways) and
     * that the profile gives a direction, for each side and each of its factions; deduplicated.
     */
    static List<Move> of(CompiledModel m, Profile profile, Criteria criteria) {
        DealModel model = m.model();
        Map<Side, List<double[]>> multipliers = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            multipliers.put(side, multipliers(profile, criteria, side));
        }
        Map<String, Move> moves = new LinkedHashMap<>();
        for (TermDef term : model.terms()) {
            List<Bundle> bundles = new ArrayList<>();
            for (Object value : term.listedValues()) {
                BundleReader.Result read = BundleReader.read(model, Map.of(term.id(), value), "bundle");
                bundles.add(read.valid() ? read.bundle() : null);
            }
            for (int s = 0; s < model.scenarios().size(); s++) {
                List<Map<Side, double[]>> at = new ArrayList<>();
                for (Bundle bundle : bundles) {
                    at.add(bundle == null ? null : criteria(m, criteria, bundle, s));
                }
                for (int a = 0; a < at.size(); a++) {
                    // adjacent values of an ordered term; every pair of an enumeration's
                    for (int b = a + 1; b < at.size() && (b == a + 1 || term.kind() == TermKind.ENUM); b++) {
                        if (at.get(a) == null || at.get(b) == null) {
                            continue;
                        }
                        for (Side side : Side.values()) {
                            add(
                                    moves,
                                    criteria,
                                    multipliers.get(side),
                                    side,
                                    at.get(a).get(side),
                                    at.get(b).get(side));
                        }
                    }
                }
            }
        }
        return List.copyOf(moves.values());
    }

    /** The side itself (null: every multiplier 1), then each of its factions' multipliers of its criteria. */
    private static List<double[]> multipliers(Profile profile, Criteria criteria, Side side) {
        int offset = criteria.sides().indexOf(side);
        int n = (int) criteria.sides().stream().filter(x -> x == side).count();
        List<double[]> out = new ArrayList<>();
        out.add(null);
        for (FactionDef f : profile.factions(side)) {
            double[] mf = new double[n];
            for (int j = 0; j < n; j++) {
                mf[j] = f.multiplier(criteria.ids().get(offset + j));
            }
            out.add(mf);
        }
        return out;
    }

    /** Each side's criterion values (utility points) for the bundle in scenario s. */
    private static Map<Side, double[]> criteria(CompiledModel m, Criteria criteria, Bundle bundle, int s) {
        Evaluation e = Evaluator.evaluate(m, bundle, s, List.of());
        Map<Side, double[]> out = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            int offset = criteria.sides().indexOf(side);
            double[] v = new double
                    [(int) criteria.sides().stream().filter(x -> x == side).count()];
            for (Evaluation.CriterionResult c : e.side(side).criteria()) {
                v[criteria.index(c.id()) - offset] = m.model().utilityScale() * c.value();
            }
            out.put(side, v);
        }
        return out;
    }

    private static void add(
            Map<String, Move> moves,
            Criteria criteria,
            List<double[]> multipliers,
            Side side,
            double[] from,
            double[] to) {
        int offset = criteria.sides().indexOf(side);
        double[] w = criteria.prior();
        for (double[] mf : multipliers) {
            double[] effect = new double[from.length];
            boolean up = false;
            boolean down = false;
            double sum = 0;
            double magnitude = 0;
            for (int j = 0; j < effect.length; j++) {
                effect[j] = (to[j] - from[j]) * (mf == null ? 1 : mf[j]);
                up |= effect[j] > MOVE;
                down |= effect[j] < -MOVE;
                sum += w[offset + j] * effect[j];
                magnitude += w[offset + j] * Math.abs(effect[j]);
            }
            if (!up || !down || Math.abs(sum) <= MOVE) {
                continue; // any positive weights keep a one-way move; a balanced one has no direction
            }
            double sign = Math.signum(sum);
            StringBuilder key = new StringBuilder(side.name());
            for (int j = 0; j < effect.length; j++) {
                effect[j] *= sign;
                key.append(',').append(Math.round(effect[j] / magnitude * 1e9));
            }
            moves.putIfAbsent(key.toString(), new Move(offset, effect, Math.abs(sum) / magnitude));
        }
    }

    /**
     * The barrier −μ Σ log((ρ − ρ0/10) / (0.9 ρ0)) over the moves, ρ = Σ w·e / Σ w·|e| under the fitted
     * weights of φ (0 at the profile's own), with its gradient in the log-weights added to {@code grad};
     * +∞ when a move has kept less than a tenth of its profile's share ρ0 (so that rounding the fitted
     * weights cannot turn it). 0 when the weights are not fitted.
     */
    static double barrier(double[] phi, Layout layout, double[] weights, List<Move> moves, double[] grad) {
        if (layout.weights() < 0) {
            return 0;
        }
        double[] w = FitObjective.scaled(phi, layout.weights(), weights);
        double value = 0;
        for (Move move : moves) {
            double[] e = move.effect();
            double sum = 0;
            double magnitude = 0;
            for (int j = 0; j < e.length; j++) {
                double wj = w[move.offset() + j];
                sum += wj * e[j];
                magnitude += wj * Math.abs(e[j]);
            }
            double rho = sum / magnitude;
            double slack = rho - MARGIN * move.kept0();
            if (!(slack > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            value -= BARRIER * Math.log(slack / ((1 - MARGIN) * move.kept0()));
            for (int j = 0; j < e.length; j++) {
                // ∂ρ/∂ log w_j = w_j (e_j − ρ |e_j|) / Σ w·|e|
                double wj = w[move.offset() + j];
                grad[layout.weights() + move.offset() + j] -=
                        BARRIER * wj * (e[j] - rho * Math.abs(e[j])) / magnitude / slack;
            }
        }
        return value;
    }
}
