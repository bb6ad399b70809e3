package dev.dealeval.domain.backtest;

import dev.dealeval.domain.backtest.Episode.Decision;
import dev.dealeval.domain.backtest.FitObjective.Case;
import dev.dealeval.domain.backtest.FitObjective.Criteria;
import dev.dealeval.domain.backtest.FitObjective.Factions;
import dev.dealeval.domain.backtest.FitObjective.Layout;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.SectionDef;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property a fit of the weights or clouts is kept inside (docs/fitting.md "Fitting the weights and
 * the clouts"): the model's single concessions for nothing, reduced as the episodes' decisions are, and
 * the penalty that keeps each refused by its giver.
 */
final class ConcessionsForNothing {
    /** How far inside the property a fit of the weights or clouts must stay, in support-index units. */
    static final double PROPERTY_MARGIN = 0.01;
    /** K of the property's penalty K · (violation)². */
    private static final double PROPERTY_WEIGHT = 1e5;

    private ConcessionsForNothing() {}

    /**
     * The penalty that keeps a fit of the weights or clouts inside the property that a concession for
     * nothing is refused by its giver (docs/fitting.md): K · v² for each of the model's single
     * concessions whose giver's support index is v above θ − {@link #PROPERTY_MARGIN}; gradient added.
     */
    static double penalty(
            double[] phi, Layout layout, double[] weights, double[] clouts, List<Case> gifts, double[] grad) {
        double gamma = Math.exp(phi[3]);
        double[] w = FitObjective.scaled(phi, layout.weights(), weights);
        double[] k = FitObjective.scaled(phi, layout.clouts(), clouts);
        double penalty = 0;
        for (Case c : gifts) {
            int t = c.side() == Side.US ? 1 : 2;
            double theta = FitObjective.threshold(phi[t]);
            double v = FitObjective.index(c, w, k, gamma, layout, 0, null) - theta + PROPERTY_MARGIN;
            if (v > 0) {
                penalty += PROPERTY_WEIGHT * v * v;
                FitObjective.index(c, w, k, gamma, layout, 2 * PROPERTY_WEIGHT * v, grad);
                if (theta == phi[t]) {
                    grad[t] -= 2 * PROPERTY_WEIGHT * v;
                }
            }
        }
        return penalty;
    }

    /**
     * The model's single concessions for nothing, reduced as the episodes' decisions are, on the
     * giver's side: each value of each term of a section with a giver, alone in a bundle in each form
     * of commitment, from each scenario, that the receiver gains from and the giver loses from under the
     * profile (its weights are the fit's prior, so which moves are concessions does not depend on the
     * fit); deduplicated, since many scenarios give the same change. A move its giver gains from too
     * (China's investment pledges raise its own investment access) is no concession, and no weights
     * could make the giver refuse it.
     */
    static List<Case> of(CompiledModel m, Profile profile, Criteria criteria, Factions factions) {
        DealModel model = m.model();
        List<Object> forms =
                new ArrayList<>(model.term(Episode.FORM).map(TermDef::values).orElse(List.of()));
        if (forms.isEmpty()) {
            forms.add(null);
        }
        Map<String, Case> givers = new LinkedHashMap<>();
        for (TermDef term : model.terms()) {
            Side giver = model.section(term.section()).map(SectionDef::giver).orElse(null);
            if (giver == null) {
                continue;
            }
            for (Object value : term.listedValues()) {
                for (Object form : forms) {
                    Map<String, Object> raw = new HashMap<>();
                    raw.put(term.id(), value);
                    if (form != null) {
                        raw.put(Episode.FORM, form);
                    }
                    BundleReader.Result bundle = BundleReader.read(model, raw, "bundle");
                    if (!bundle.valid()) {
                        continue;
                    }
                    for (int s = 0; s < model.scenarios().size(); s++) {
                        Evaluation e = Evaluator.evaluate(m, bundle.bundle(), s, List.of());
                        Evaluation.SideResult gives = e.side(giver);
                        if (!(e.side(giver.other()).surplus() > GIFT)
                                || !(gives.surplus() < -GIFT)
                                || gives.factions().isEmpty()) {
                            continue;
                        }
                        Case g = FitObjective.toCase(
                                -1,
                                gives,
                                profile.factions(giver),
                                criteria,
                                factions,
                                giver,
                                Decision.REJECTED,
                                model.utilityScale());
                        givers.putIfAbsent(key(g), g);
                    }
                }
            }
        }
        return List.copyOf(givers.values());
    }

    /** A change of utility larger than rounding (points). */
    private static final double GIFT = 1e-9;

    private static String key(Case c) {
        StringBuilder b = new StringBuilder(c.side().name());
        for (double d : c.delta()) {
            b.append(',').append(Math.round(d * 1e9));
        }
        for (boolean v : c.veto()) {
            b.append(v ? 'V' : '-');
        }
        return b.toString();
    }
}
