package dev.dealeval.domain.analysis;

import dev.dealeval.domain.analysis.Search.Dimension;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counteroffers (docs/analyses.md): from a bundle, the best bundles reachable by moving one or two
 * terms to candidate levels that both sides ratify, ranked by Nash product. Changes are kept
 * small: a pair is offered only when it beats each of its two moves made alone (a move that does
 * not pass alone counts as beaten), so no counteroffer carries a change that adds nothing. When the
 * bundle already passes, the changes must also raise its Nash product.
 * Each change carries what it is worth to each side where it is made (U(x′) − U(x′ with that term
 * back at its old value)), so the side that gives it and its cost can be read off.
 */
public final class Counteroffers {
    private Counteroffers() {}

    /** One term moved: its marginal worth to each side in the counteroffer, in utility points. */
    public record Change(int term, double from, double to, double usUtilityChange, double cnUtilityChange) {}

    /**
     * @param bundle   the resolved counteroffer
     * @param order    enumeration position (singles first, then pairs), the last tie-break
     */
    public record Offer(
            double[] bundle,
            List<Change> changes,
            double usSurplus,
            double cnSurplus,
            double usUtilityChange,
            double cnUtilityChange,
            long order) {
        public double nashProduct() {
            return Objective.NASH.value(usSurplus, cnSurplus);
        }

        public double welfare() {
            return usSurplus + cnSurplus;
        }
    }

    /**
     * @param examined bundles scored (single and pair changes)
     * @param passing  counteroffers found before the limit was applied
     */
    public record Result(
            double usSurplus,
            double cnSurplus,
            boolean usRatifies,
            boolean cnRatifies,
            long examined,
            int passing,
            List<Offer> offers) {}

    /**
     * @param x          the resolved bundle
     * @param candidates the terms that may change and their candidate levels
     * @param limit      how many offers to return, best first
     */
    public static Result find(CompiledModel m, int s, double[] x, List<Dimension> candidates, int limit) {
        Work w = m.newWork();
        double dUs = m.noDealUtility(Side.US, s);
        double dCn = m.noDealUtility(Side.CN, s);
        m.score(x, s, w);
        double uUs = w.utility(Side.US);
        double uCn = w.utility(Side.CN);
        boolean usOk = m.ratifies(Side.US, x, s, w);
        boolean cnOk = m.ratifies(Side.CN, x, s, w);
        double bar = usOk && cnOk ? Objective.NASH.value(uUs - dUs, uCn - dCn) : Double.NEGATIVE_INFINITY;

        // every single move: (dimension, level) with a level different from the bundle's value
        List<int[]> moves = new ArrayList<>();
        for (int d = 0; d < candidates.size(); d++) {
            Dimension dim = candidates.get(d);
            for (int l = 0; l < dim.levels().length; l++) {
                if (Double.doubleToLongBits(dim.levels()[l]) != Double.doubleToLongBits(x[dim.term()])) {
                    moves.add(new int[] {d, l});
                }
            }
        }
        List<Offer> offers = new ArrayList<>();
        // what each move achieves alone: the Nash product a pair containing it must beat
        double[] alone = new double[moves.size()];
        double[] y = x.clone();
        long examined = 0;
        for (int i = 0; i < moves.size(); i++) {
            int[] a = moves.get(i);
            int t = candidates.get(a[0]).term();
            y[t] = candidates.get(a[0]).levels()[a[1]];
            Offer o = tryOffer(m, s, x, y, new int[] {t}, w, uUs, uCn, dUs, dCn, bar, i);
            examined++;
            alone[i] = bar;
            if (o != null) {
                offers.add(o);
                alone[i] = o.nashProduct();
            }
            y[t] = x[t];
        }
        long order = moves.size();
        for (int i = 0; i < moves.size(); i++) {
            int[] a = moves.get(i);
            for (int j = i + 1; j < moves.size(); j++) {
                int[] b = moves.get(j);
                if (a[0] == b[0]) {
                    continue;
                }
                order++;
                int ta = candidates.get(a[0]).term();
                int tb = candidates.get(b[0]).term();
                y[ta] = candidates.get(a[0]).levels()[a[1]];
                y[tb] = candidates.get(b[0]).levels()[b[1]];
                Offer o = tryOffer(
                        m, s, x, y, new int[] {ta, tb}, w, uUs, uCn, dUs, dCn, Math.max(alone[i], alone[j]), order);
                examined++;
                if (o != null) {
                    offers.add(o);
                }
                y[ta] = x[ta];
                y[tb] = x[tb];
            }
        }
        offers.sort(Comparator.comparingDouble(Offer::nashProduct)
                .reversed()
                .thenComparingInt(o -> o.changes().size())
                .thenComparing(Comparator.comparingDouble(Offer::welfare).reversed())
                .thenComparingLong(Offer::order));
        return new Result(
                uUs - dUs,
                uCn - dCn,
                usOk,
                cnOk,
                examined,
                offers.size(),
                List.copyOf(offers.subList(0, Math.min(limit, offers.size()))));
    }

    private static Offer tryOffer(
            CompiledModel m,
            int s,
            double[] x,
            double[] y,
            int[] moved,
            Work w,
            double uUs,
            double uCn,
            double dUs,
            double dCn,
            double bar,
            long order) {
        m.score(y, s, w);
        if (!m.ratifies(Side.US, y, s, w) || !m.ratifies(Side.CN, y, s, w)) {
            return null;
        }
        double yUs = w.utility(Side.US);
        double yCn = w.utility(Side.CN);
        if (!(Objective.NASH.value(yUs - dUs, yCn - dCn) > bar)) {
            return null;
        }
        double[] bundle = y.clone();
        List<Change> changes = new ArrayList<>();
        for (int t : moved) {
            double[] back = bundle.clone();
            back[t] = x[t];
            m.score(back, s, w);
            changes.add(new Change(t, x[t], bundle[t], yUs - w.utility(Side.US), yCn - w.utility(Side.CN)));
        }
        return new Offer(bundle, List.copyOf(changes), yUs - dUs, yCn - dCn, yUs - uUs, yCn - uCn, order);
    }
}
