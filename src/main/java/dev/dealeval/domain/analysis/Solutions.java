package dev.dealeval.domain.analysis;

import dev.dealeval.domain.analysis.Search.Point;
import java.util.List;

/**
 * The bargaining solutions of docs/analyses.md, chosen among feasible bundles that both sides
 * strictly prefer to no deal (S(US) &gt; 0 and S(CN) &gt; 0):
 * <ul>
 *   <li>Nash: argmax S(US)·S(CN);</li>
 *   <li>Kalai–Smorodinsky: argmax min(S(US)/S*(US), S(CN)/S*(CN)), S*(p) the best surplus of p
 *       among those bundles;</li>
 *   <li>egalitarian: argmax min(S(US), S(CN));</li>
 *   <li>utilitarian: argmax S(US) + S(CN).</li>
 * </ul>
 * Ties: the larger welfare (for utilitarian, the larger smaller surplus), then the smaller
 * enumeration index. Given the Pareto frontier, every solution is a frontier point.
 */
public record Solutions(
        double idealUs, double idealCn, Point nash, Point kalaiSmorodinsky, Point egalitarian, Point utilitarian) {

    /** The solutions over the given points (a frontier, or any set of feasible points). */
    public static Solutions of(List<Point> points) {
        double idealUs = Double.NaN;
        double idealCn = Double.NaN;
        for (Point p : points) {
            if (p.usSurplus() > 0 && p.cnSurplus() > 0) {
                idealUs = Double.isNaN(idealUs) ? p.usSurplus() : Math.max(idealUs, p.usSurplus());
                idealCn = Double.isNaN(idealCn) ? p.cnSurplus() : Math.max(idealCn, p.cnSurplus());
            }
        }
        Point nash = null;
        Point ks = null;
        Point egal = null;
        Point util = null;
        for (Point p : points) {
            if (!(p.usSurplus() > 0 && p.cnSurplus() > 0)) {
                continue;
            }
            nash = better(p, nash, Solutions::nash, Point::welfare);
            double ius = idealUs;
            double icn = idealCn;
            ks = better(p, ks, q -> Math.min(q.usSurplus() / ius, q.cnSurplus() / icn), Point::welfare);
            egal = better(p, egal, Solutions::egalitarian, Point::welfare);
            util = better(p, util, Point::welfare, Solutions::egalitarian);
        }
        return new Solutions(idealUs, idealCn, nash, ks, egal, util);
    }

    static double nash(Point p) {
        return p.usSurplus() * p.cnSurplus();
    }

    static double egalitarian(Point p) {
        return Math.min(p.usSurplus(), p.cnSurplus());
    }

    private static Point better(
            Point p,
            Point best,
            java.util.function.ToDoubleFunction<Point> objective,
            java.util.function.ToDoubleFunction<Point> tieBreak) {
        if (best == null) {
            return p;
        }
        int c = Double.compare(objective.applyAsDouble(p), objective.applyAsDouble(best));
        if (c == 0) {
            c = Double.compare(tieBreak.applyAsDouble(p), tieBreak.applyAsDouble(best));
        }
        if (c == 0) {
            c = Long.compare(best.index(), p.index());
        }
        return c > 0 ? p : best;
    }
}
