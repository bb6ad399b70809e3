package dev.dealeval.domain.engine;

import dev.dealeval.domain.engine.Evaluation.CategoryCredibility;
import dev.dealeval.domain.engine.Evaluation.CredibilityResult;
import dev.dealeval.domain.engine.Evaluation.CriterionResult;
import dev.dealeval.domain.engine.Evaluation.FactionResult;
import dev.dealeval.domain.engine.Evaluation.JointResult;
import dev.dealeval.domain.engine.Evaluation.SideResult;
import dev.dealeval.domain.engine.Evaluation.TermContribution;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;

/**
 * The fully explained evaluation of docs/model.md: utilities, surpluses, credibility, factions with
 * their reasons, ratification, the joint figures, and per-criterion and per-term contributions. It
 * applies the rules of {@link Scoring}, {@link Credibility}, {@link Ratification} and {@link
 * Probabilities} and explains their results.
 */
public final class Evaluator {
    /** A term moving a faction by less than this is not worth a reason. */
    private static final double REASON_THRESHOLD = 0.05;

    private static final int MAX_REASONS = 3;

    private Evaluator() {}

    public static Evaluation evaluate(CompiledModel m, Bundle bundle, int s, List<String> extraWarnings) {
        return evaluate(m, bundle, s, extraWarnings, true);
    }

    /**
     * @param explained false for the summary: the same utilities, surpluses, ratification, probabilities,
     *                  credibility, joint figures and warnings, without the per-criterion, per-term and
     *                  per-faction explanations (their lists are empty), so several times cheaper
     */
    public static Evaluation evaluate(
            CompiledModel m, Bundle bundle, int s, List<String> extraWarnings, boolean explained) {
        double[] x = m.resolve(bundle, s);
        Work w = m.newWork();
        m.score(x, s, w);
        double uUs = w.utilityUs;
        double uCn = w.utilityCn;
        double[] uFac = w.factionUtility.clone();
        double[] values = w.value.clone();
        CredibilityResult credibility = credibility(m, w, s);
        // Every faction's surplus and stake once, for the stances, the support indices and the probabilities.
        double[] facSurplus = new double[m.nFac];
        double[] facStake = new double[m.nFac];
        for (int f = 0; f < m.nFac; f++) {
            facSurplus[f] = uFac[f] - m.noDealFactionUtility(f, s);
            facStake[f] = Ratification.stake(m, f, values, s);
        }
        double sUs = uUs - m.noDealUtility(Side.US, s);
        double sCn = uCn - m.noDealUtility(Side.CN, s);
        double rUs = Ratification.supportIndex(m, Side.US, x, s, facSurplus, facStake, m.clout);
        double rCn = Ratification.supportIndex(m, Side.CN, x, s, facSurplus, facStake, m.clout);
        boolean usRatifies = Ratification.decides(m, Side.US, rUs, sUs);
        boolean cnRatifies = Ratification.decides(m, Side.CN, rCn, sCn);
        double pUs = probability(m, Side.US, rUs, usRatifies);
        double pCn = probability(m, Side.CN, rCn, cnRatifies);

        // Per-term contributions: U(x) − U(x with t at its no-deal value), for sides and factions.
        double[] x0 = m.noDeal[s];
        List<Integer> moved = new ArrayList<>();
        for (int t = 0; t < m.nTerms && explained; t++) {
            if (Double.doubleToLongBits(x[t]) != Double.doubleToLongBits(x0[t])) {
                moved.add(t);
            }
        }
        // Only the criteria a term touches are recomputed; utilities change by weight × the change.
        double[][] termSide = new double[moved.size()][2];
        double[][] termFac = new double[moved.size()][m.nFac];
        double[] xt = x.clone();
        for (int i = 0; i < moved.size(); i++) {
            int t = moved.get(i);
            xt[t] = x0[t];
            Scoring.prepare(m, xt, s, w);
            xt[t] = x[t];
            for (int c : m.affectedCriteria[t]) {
                double dv = values[c] - Scoring.criterion(m, c, s, w);
                if (dv == 0) {
                    continue;
                }
                boolean usCrit = c < m.nUs;
                termSide[i][usCrit ? 0 : 1] += m.unit * m.sideWeight[c] * dv;
                for (int f = 0; f < m.nFac; f++) {
                    if (m.factionUs[f] == usCrit) {
                        termFac[i][f] += m.unit * m.factionWeight[f][c] * dv;
                    }
                }
            }
        }

        Object[] shown = new Object[moved.size()];
        Object[] shownNoDeal = new Object[moved.size()];
        String[] phrases = new String[moved.size()];
        for (int i = 0; i < moved.size(); i++) {
            shown[i] = display(m, x, moved.get(i));
            shownNoDeal[i] = display(m, x0, moved.get(i));
        }
        EnumMap<Side, SideResult> sides = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            boolean us = side == Side.US;
            double u = us ? uUs : uCn;
            double d = m.noDealUtility(side, s);
            List<CriterionResult> crit = new ArrayList<>();
            int from = us ? 0 : m.nUs;
            int to = us ? m.nUs : m.nCrit;
            for (int c = from; c < to && explained; c++) {
                double wc = m.sideWeight[c];
                double v0 = m.noDealValues[s][c];
                crit.add(new CriterionResult(
                        m.criteria[c].id(),
                        wc,
                        values[c],
                        v0,
                        m.unit * wc * values[c],
                        m.unit * wc * (values[c] - v0)));
            }
            List<TermContribution> termList = new ArrayList<>();
            for (int i = 0; i < moved.size(); i++) {
                int t = moved.get(i);
                termList.add(new TermContribution(m.terms[t].id(), shown[i], shownNoDeal[i], termSide[i][us ? 0 : 1]));
            }
            termList.sort((a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
            List<FactionResult> facs = new ArrayList<>();
            double supporting = 0;
            double opposing = 0;
            for (int f = 0; f < m.nFac; f++) {
                if (m.factionUs[f] != us) {
                    continue;
                }
                double d0 = m.noDealFactionUtility(f, s);
                double surplus = facSurplus[f];
                double stake = facStake[f];
                Stance stance = Ratification.stance(m.settings, surplus, stake);
                if (stance == Stance.SUPPORT) {
                    supporting += m.clout[f];
                } else if (stance == Stance.OPPOSE) {
                    opposing += m.clout[f];
                }
                if (!explained) {
                    continue;
                }
                List<String> reasons = reasons(m, moved, shown, phrases, termFac, f, stance);
                String summary = m.factions[f].id() + " " + verb(stance)
                        + (reasons.isEmpty() ? "" : ": " + String.join(", ", reasons));
                facs.add(new FactionResult(
                        m.factions[f].id(),
                        m.clout[f],
                        m.factions[f].veto(),
                        Ratification.vetoApplies(m, f, x, s),
                        uFac[f],
                        d0,
                        surplus,
                        stake,
                        Ratification.margin(m.settings, stake),
                        stance,
                        Probabilities.ratification(
                                m.settings,
                                Ratification.support(m.settings, surplus, stake),
                                m.settings.threshold(side)),
                        reasons,
                        summary));
            }
            boolean ratified = us ? usRatifies : cnRatifies;
            sides.put(
                    side,
                    new SideResult(
                            u,
                            d,
                            u - d,
                            ratified,
                            us ? pUs : pCn,
                            supporting,
                            opposing,
                            us ? rUs : rCn,
                            m.settings.threshold(side),
                            crit,
                            termList,
                            facs));
        }

        JointResult joint = new JointResult(
                sUs > 0 && sCn > 0,
                Math.max(0, sUs) * Math.max(0, sCn),
                sUs + sCn,
                Verdict.of(usRatifies, cnRatifies),
                Probabilities.agreement(pUs, pCn));
        List<String> warnings = new ArrayList<>(extraWarnings);
        warnings.addAll(Warnings.of(m, bundle, x, s, credibility, sides));
        return new Evaluation(
                m.scenarios[s].id(),
                m.profile.id(),
                m.profile.version(),
                m.scenarios[s].version(),
                m.model().version(),
                Collections.unmodifiableMap(sides),
                credibility,
                joint,
                List.copyOf(warnings));
    }

    /** P(p): the probability rule on the side's support index, or its negotiator's certainty. */
    private static double probability(CompiledModel m, Side side, double index, boolean ratifies) {
        return m.hasFactions[side == Side.US ? 0 : 1]
                ? Probabilities.ratification(m.settings, index, m.settings.threshold(side))
                : Probabilities.negotiator(ratifies);
    }

    private static String verb(Stance stance) {
        return switch (stance) {
            case SUPPORT -> "support";
            case OPPOSE -> "oppose";
            case NEUTRAL -> "are indifferent";
        };
    }

    /** The terms that move a faction most, in the direction of its stance, as "phrase (±n.n)". */
    private static List<String> reasons(
            CompiledModel m,
            List<Integer> moved,
            Object[] shown,
            String[] phrases,
            double[][] termFac,
            int f,
            Stance stance) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < moved.size(); i++) {
            double c = termFac[i][f];
            boolean fits = switch (stance) {
                case SUPPORT -> c >= REASON_THRESHOLD;
                case OPPOSE -> c <= -REASON_THRESHOLD;
                case NEUTRAL -> Math.abs(c) >= REASON_THRESHOLD;
            };
            if (fits) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(Math.abs(termFac[b][f]), Math.abs(termFac[a][f])));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_REASONS, order.size()); i++) {
            int idx = order.get(i);
            if (phrases[idx] == null) {
                phrases[idx] = phrase(m.terms[moved.get(idx)], shown[idx]);
            }
            out.add(phrases[idx] + " (" + Numbers.signed1(termFac[idx][f]) + ")");
        }
        return out;
    }

    /** The term's reason phrase with its value, e.g. "export-control level 4". */
    static String phrase(dev.dealeval.domain.model.TermDef term, Object value) {
        String text;
        if (value instanceof String str) {
            text = str.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        } else if (value instanceof Double d) {
            text = Numbers.plain(Numbers.round4(d));
        } else {
            text = String.valueOf(value);
        }
        return term.phrase().replace("{value}", text);
    }

    /** The value as it would be written in a request; a derived term shows the value it derives. */
    public static Object display(CompiledModel m, double[] x, int t) {
        double v = x[t];
        if (Double.isNaN(v) && m.derivedSource[t] >= 0) {
            v = m.derivedTable[t][(int) x[m.derivedSource[t]]];
        }
        return m.terms[t].decode(v);
    }

    private static CredibilityResult credibility(CompiledModel m, Work w, int s) {
        double[] xe = w.effective;
        Credibility cr = m.credibility;
        List<CategoryCredibility> cats = new ArrayList<>();
        for (int c = 0; c < cr.categories.length; c++) {
            if (!cr.purchaseCategory[c]) {
                continue;
            }
            double pledged = 0;
            for (int t : cr.purchaseTerms) {
                if (cr.pledgeCategory[t] == c) {
                    pledged += Math.max(0, xe[t] - m.noDealEffective[s][t]);
                }
            }
            cats.add(new CategoryCredibility(cr.categories[c], pledged, pledged * w.belief[c], w.belief[c]));
        }
        // The same totals the engine scores with (the enforcement criterion's gate uses credibleTotal).
        double credible = w.credibleTotal;
        double pledged = w.pledgedTotal;
        double factor = pledged > 0 ? credible / pledged : 0;
        int policy = java.util.Arrays.asList(cr.categories).indexOf("policy");
        return new CredibilityResult(
                pledged,
                credible,
                factor,
                w.formAndEnforcement,
                w.enforcementKept,
                w.realism,
                cr.requiredGrowth(pledged, cr.years(xe)),
                policy < 0 ? 1.0 : w.belief[policy],
                List.copyOf(cats));
    }
}
