package dev.dealeval.domain.backtest;

import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import dev.dealeval.domain.model.TermKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The perturbation suite (docs/backtest.md, "Robustness"): every single change an analyst might reasonably
 * make to an episode's encoding, how many of them flip a recorded decision the model matched, and how many of
 * the recorded decisions the model gets right under them.
 *
 * <p>The perturbations of an episode, each changing one thing:
 * <ul>
 * <li>each NUMBER or INTEGER term of the bundle at −25 % and +25 % (computed in decimal, INTEGER terms rounded
 *     half up), clamped to the term's range, skipped when the result equals the given value — so a term at 0
 *     is never perturbed;</li>
 * <li>each ENUM term of the bundle one level down and one level up in its declared order, where that level
 *     exists — commitment.form among them, so the form of the commitment moves one level either way, except
 *     that, with {@link Readings#ALLOWED}, a bundle both governments accepted is not read as a floated
 *     proposal: the encoding rules define one as never tabled (rule 4 of backtest.yaml), and a bundle both
 *     sides signed, announced or carried out (rule 2) was tabled;</li>
 * <li>the scenario: the model's dated scenarios sorted by date (then id), the one just before and the one just
 *     after the episode's, each if its date is at most {@value #NEIGHBOUR_DAYS} days from the episode's
 *     scenario's date — another reading of the same status quo, not a status quo of other years — and, with
 *     {@link Readings#ALLOWED}, the one after only if it is dated no later than the decision: a
 *     scenario dated after it holds the decision's own outcome (JUL_2019 has the Osaka truce in force), which
 *     the encoding rules never allow (rule 3 of backtest.yaml).</li>
 * </ul>
 * BOOLEAN terms and terms the bundle leaves out are not perturbed: switching a measure on or off, or adding
 * one, changes what the deal is rather than how it is read.
 */
public final class Perturbations {
    /** Largest distance, in days, between an episode's scenario and a neighbouring one it may be read against. */
    public static final long NEIGHBOUR_DAYS = 400;

    /** Which readings of an episode the suite makes. */
    public enum Readings {
        /**
         * Only those the encoding rules allow for the episode's record: neighbouring scenarios dated no later
         * than the decision, and no floated proposal where both governments accepted.
         */
        ALLOWED,
        /**
         * Issue 23's suite as first stated: also the neighbour dated after the decision, and the floated form
         * of a bundle both governments accepted.
         */
        AS_FIRST_STATED
    }

    private static final BigDecimal[] FACTORS = {new BigDecimal("0.75"), new BigDecimal("1.25")};

    private Perturbations() {}

    /** The episode read with one thing changed; the description says what: "purchases.years 3 -> 4". */
    public record Perturbation(Episode episode, String description) {}

    /** A perturbation that changes the model's ratification of a side with a recorded decision. */
    public record Flip(String episode, String description, List<Side> sides) {
        @Override
        public String toString() {
            return episode + ": " + description + " flips " + sides;
        }
    }

    /**
     * Every perturbation of every episode run through the model.
     *
     * @param episodes         episodes perturbed
     * @param perturbations    perturbations run
     * @param flips            those that flip a side's ratification, in the episodes' order
     * @param readingDecisions the recorded side decisions judged over all perturbed readings: each perturbation of
     *                         an episode counts each of its recorded decisions once
     * @param readingRight     those of them the model's ratification under the reading matches
     * @param readingSquares   the sum over them of (ratification probability − decision)², decision 1 when accepted
     * @param readingOutcomes  the perturbed readings of episodes with a known outcome (both accepted, or one
     *                         rejected)
     * @param readingAgreementSquares the sum over them of (agreement probability − outcome)²
     */
    public record Report(
            int episodes,
            int perturbations,
            List<Flip> flips,
            int readingDecisions,
            int readingRight,
            double readingSquares,
            int readingOutcomes,
            double readingAgreementSquares) {
        public Report {
            flips = List.copyOf(flips);
        }

        /** flips / perturbations (0 without perturbations). */
        public double share() {
            return perturbations == 0 ? 0 : (double) flips.size() / perturbations;
        }

        /**
         * The share of recorded side decisions the model gets right over the perturbed readings: what an analyst who
         * codes one judgement of each episode otherwise would score (NaN without perturbations).
         */
        public double readingSideHitRate() {
            return readingDecisions == 0 ? Double.NaN : (double) readingRight / readingDecisions;
        }

        /**
         * The Brier score of the agreement probability over the perturbed readings of the episodes with a known
         * outcome, the backtest's Brier score under the readings (NaN without such readings).
         */
        public double readingBrierScore() {
            return readingOutcomes == 0 ? Double.NaN : readingAgreementSquares / readingOutcomes;
        }

        /** The per-side Brier score over the perturbed readings (NaN without perturbations). */
        public double readingSideBrierScore() {
            return readingDecisions == 0 ? Double.NaN : readingSquares / readingDecisions;
        }

        /** The episodes with at least one flip. */
        public List<String> touched() {
            return List.copyOf(
                    new LinkedHashSet<>(flips.stream().map(Flip::episode).toList()));
        }
    }

    /** The perturbations of {@code e}: its terms in the model's catalogue order, then its scenario. */
    public static List<Perturbation> of(DealModel model, Episode e) {
        return of(model, e, Readings.ALLOWED);
    }

    /** The perturbations of {@code e} among the readings {@code which} admits. */
    public static List<Perturbation> of(DealModel model, Episode e, Readings which) {
        boolean tabled = which == Readings.ALLOWED && Integer.valueOf(1).equals(e.agreement());
        List<Perturbation> out = new ArrayList<>();
        for (TermDef t : model.terms()) {
            Object given = e.bundle().get(t.id());
            if (given == null) {
                continue;
            }
            for (Object v : alternatives(t, given)) {
                if (tabled && t.id().equals(Episode.FORM) && Episode.FLOATED.equals(v)) {
                    continue;
                }
                Map<String, Object> bundle = new HashMap<>(e.bundle());
                bundle.put(t.id(), v);
                out.add(new Perturbation(
                        e.reading(e.scenario(), bundle), t.id() + " " + text(given) + " -> " + text(v)));
            }
        }
        LocalDate decided = which == Readings.ALLOWED ? parse(e.date()) : null;
        for (String s : neighbours(model, e.scenario(), decided)) {
            out.add(new Perturbation(e.reading(s, e.bundle()), "scenario " + e.scenario() + " -> " + s));
        }
        return out;
    }

    /** Runs every perturbation of every episode and collects those whose verdict flips. */
    public static Report flipRate(CompiledModel m, List<Episode> episodes) {
        return flipRate(m, episodes, Readings.ALLOWED);
    }

    /** {@link #flipRate(CompiledModel, List)} over the readings {@code which} admits. */
    public static Report flipRate(CompiledModel m, List<Episode> episodes, Readings which) {
        int count = 0;
        int decisions = 0;
        int right = 0;
        double squares = 0;
        int outcomes = 0;
        double agreementSquares = 0;
        List<Flip> flips = new ArrayList<>();
        for (Episode e : episodes) {
            Evaluation base = Backtest.evaluate(m, e);
            for (Perturbation p : of(m.model(), e, which)) {
                count++;
                Evaluation ev = Backtest.evaluate(m, p.episode());
                List<Side> flipped = e.decisions().keySet().stream()
                        .filter(side ->
                                ev.side(side).ratified() != base.side(side).ratified())
                        .toList();
                if (!flipped.isEmpty()) {
                    flips.add(new Flip(e.id(), p.description(), flipped));
                }
                for (Map.Entry<Side, Episode.Decision> d : e.decisions().entrySet()) {
                    decisions++;
                    right += Backtest.agrees(ev, d.getKey(), d.getValue()) ? 1 : 0;
                    squares += Backtest.squaredError(ev, d.getKey(), d.getValue());
                }
                if (e.agreement() != null) {
                    outcomes++;
                    agreementSquares += Backtest.agreementSquaredError(ev, e.agreement());
                }
            }
        }
        return new Report(episodes.size(), count, flips, decisions, right, squares, outcomes, agreementSquares);
    }

    private static List<Object> alternatives(TermDef t, Object given) {
        List<Object> out = new ArrayList<>();
        if (t.kind() == TermKind.NUMBER || t.kind() == TermKind.INTEGER) {
            double v = ((Number) given).doubleValue();
            for (BigDecimal factor : FACTORS) {
                double x = BigDecimal.valueOf(v).multiply(factor).doubleValue();
                x = Math.max(t.min(), Math.min(t.max(), t.kind() == TermKind.INTEGER ? Math.round(x) : x));
                if (x != v) {
                    out.add(t.kind() == TermKind.INTEGER ? (Object) (long) x : (Object) x);
                }
            }
        } else if (t.kind() == TermKind.ENUM) {
            int i = t.values().indexOf((String) given);
            for (int j : new int[] {i - 1, i + 1}) {
                if (i >= 0 && j >= 0 && j < t.values().size()) {
                    out.add(t.values().get(j));
                }
            }
        }
        return out;
    }

    /** The scenarios just before and just after {@code id} by date, within {@link #NEIGHBOUR_DAYS} days. */
    static List<String> neighbours(DealModel model, String id) {
        return neighbours(model, id, null);
    }

    /**
     * {@link #neighbours(DealModel, String)}, the one after only if dated no later than {@code decided}
     * (null: whatever its date).
     */
    static List<String> neighbours(DealModel model, String id, LocalDate decided) {
        List<Scenario> dated = model.scenarios().stream()
                .filter(s -> date(s) != null)
                .sorted(Comparator.comparing(Perturbations::date).thenComparing(Scenario::id))
                .toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            if (dated.get(i).id().equals(id)) {
                LocalDate at = date(dated.get(i));
                for (int j : new int[] {i - 1, i + 1}) {
                    if (j >= 0
                            && j < dated.size()
                            && Math.abs(ChronoUnit.DAYS.between(at, date(dated.get(j)))) <= NEIGHBOUR_DAYS
                            && (j < i || decided == null || !date(dated.get(j)).isAfter(decided))) {
                        out.add(dated.get(j).id());
                    }
                }
            }
        }
        return out;
    }

    /** The scenario's date, or null when it has none in ISO form (yyyy-mm-dd). */
    private static LocalDate date(Scenario s) {
        return parse(s.date());
    }

    private static LocalDate parse(String iso) {
        try {
            return iso == null ? null : LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof Number n ? Numbers.plain(n.doubleValue()) : String.valueOf(value);
    }
}
