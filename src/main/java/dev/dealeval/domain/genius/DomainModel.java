package dev.dealeval.domain.genius;

import dev.dealeval.domain.model.Component;
import dev.dealeval.domain.model.CredibilityParams;
import dev.dealeval.domain.model.CriterionDef;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.ScoreFunction;
import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Shape;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * An imported domain as a {@link DealModel}, so that the one engine — search, frontier, bargaining
 * solutions, comparisons, SMAA — runs on it unchanged: the additive core without the U.S.–China layer.
 *
 * <ul>
 *   <li>each issue is a term named as in the domain file (discrete: ENUM of its values; integer:
 *       INTEGER from its low to its high bound), searched over every value;</li>
 *   <li>party 1 is the first side ({@link Side#US}), party 2 the second ({@link Side#CN}); each has
 *       one criterion per issue, weighted as in its file, whose value is the issue's normalised
 *       evaluation (discrete: evaluation / max evaluation; integer: slope · value + offset), so a
 *       side's utility is GENIUS's additive utility;</li>
 *   <li>the utility scale is 1 (GENIUS utilities, 0–1), not the U.S.–China model's points;</li>
 *   <li>the one profile, {@value #PROFILE}, has no factions (each party decides as one negotiator:
 *       it accepts what gives it at least its reservation value) and no pledges to discount;</li>
 *   <li>the one scenario, {@value #SCENARIO}, gives each party its reservation value as its utility
 *       without agreement: the disagreement point of the bargaining solutions.</li>
 * </ul>
 * The discount factors do not enter: the analyses are of outcomes, not of when they are reached.
 */
public final class DomainModel {
    /** The profile every compiled domain has. */
    public static final String PROFILE = "parties";
    /** The scenario every compiled domain has. */
    public static final String SCENARIO = "NO_AGREEMENT";

    private DomainModel() {}

    /** The domain and its two parties' preferences as a deal model on the GENIUS utility scale. */
    public static DealModel compile(DomainDefinition d) {
        NegotiationDomain domain = d.domain();
        if (d.parties().size() != 2) {
            throw new IllegalArgumentException(
                    "a domain has two parties, not " + d.parties().size());
        }
        List<TermDef> terms = new ArrayList<>();
        for (Issue issue : domain.issues()) {
            terms.add(term(issue));
        }
        List<CriterionDef> criteria = new ArrayList<>();
        Map<Side, Map<String, Double>> weights = new EnumMap<>(Side.class);
        Map<Side, Double> reservation = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Preferences p = d.parties().get(side.ordinal());
            double[][] norm = p.normalised(domain);
            Map<String, Double> w = new LinkedHashMap<>();
            for (int i = 0; i < domain.issues().size(); i++) {
                Issue issue = domain.issues().get(i);
                criteria.add(criterion(side, issue, p, i, norm[i]));
                w.put(issue.name(), p.weights()[i]);
            }
            weights.put(side, w);
            reservation.put(side, p.reservation());
        }
        Profile profile = new Profile(
                PROFILE,
                d.parties().get(0).name() + " and " + d.parties().get(1).name(),
                "The two parties' preferences as imported: each decides alone, accepting what gives it at least its reservation value.",
                List.of(),
                true,
                d.version(),
                weights,
                List.of(),
                new CredibilityParams(Map.of(), Map.of(), Map.of(), 0, 0, 0, 0, List.of()),
                new Settings(0, 1, 0, 0, 0, 0, 0));
        Scenario scenario = new Scenario(
                SCENARIO,
                "No agreement",
                "",
                "Each party gets its reservation value (" + d.parties().get(0).name() + " "
                        + d.parties().get(0).reservation() + ", "
                        + d.parties().get(1).name() + " " + d.parties().get(1).reservation() + ").",
                Map.of(),
                List.of(),
                List.of(),
                true,
                d.version(),
                reservation,
                java.util.Map.of());
        return new DealModel(
                "domain " + d.id() + " v" + d.version(), terms, criteria, List.of(scenario), List.of(profile), 1);
    }

    private static TermDef term(Issue issue) {
        boolean discrete = issue.kind() == Issue.Kind.DISCRETE;
        List<Double> levels = discrete
                ? IntStream.range(0, issue.size()).mapToObj(v -> (double) v).toList()
                : IntStream.rangeClosed(issue.low(), issue.high())
                        .mapToObj(v -> (double) v)
                        .toList();
        return new TermDef(
                issue.name(),
                discrete ? TermKind.ENUM : TermKind.INTEGER,
                discrete ? "" : "whole number",
                discrete ? 0 : issue.low(),
                discrete ? issue.size() - 1 : issue.high(),
                discrete ? 0 : issue.low(),
                false,
                issue.values(),
                levels,
                true,
                null,
                null,
                null,
                issue.name() + " {value}",
                discrete
                        ? "One of " + String.join(", ", issue.values()) + "."
                        : "A whole number from " + issue.low() + " to " + issue.high() + ".");
    }

    private static CriterionDef criterion(Side side, Issue issue, Preferences p, int i, double[] norm) {
        ScoreFunction fn;
        double base = 0;
        String formula;
        if (issue.kind() == Issue.Kind.DISCRETE) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (int v = 0; v < norm.length; v++) {
                scores.put(issue.values().get(v), norm[v]);
            }
            fn = new ScoreFunction.Levels(scores);
            formula = "evaluation / "
                    + DoubleStream.of(p.evaluations().get(i)).max().orElse(0) + " (the largest evaluation)";
        } else {
            fn = new ScoreFunction.Linear(p.slopes()[i], 1);
            base = p.offsets()[i];
            formula = p.slopes()[i] + " · value + " + p.offsets()[i];
        }
        return new CriterionDef(
                issue.name(),
                side,
                p.weights()[i],
                formula,
                p.name() + "'s evaluation of " + issue.name(),
                base,
                Shape.LINEAR,
                List.of(new Component(issue.name(), fn, null)));
    }
}
