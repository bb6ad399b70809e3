package dev.dealeval.domain.analysis;

import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.TermDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Exhaustive search of a deal space (docs/analyses.md): the product of candidate levels of some
 * terms, every other term fixed at the base bundle's value. Each bundle is scored by the engine
 * evaluations use — incrementally ({@link CompiledModel#rescore}), which is bit-identical — so a
 * bundle found here evaluates to exactly the same surpluses.
 *
 * <p>Feasible bundles are those both sides ratify (and that meet the optional minimum
 * surpluses); the Pareto frontier of their (S(US), S(CN)) is kept in memory that grows with the
 * frontier, not with the space. The bargaining solutions are then chosen among the frontier
 * bundles that both sides strictly prefer to no deal (S(p) &gt; 0): every objective is
 * non-decreasing in both surpluses, so its optimum over all such feasible bundles is attained on
 * the frontier.
 *
 * <p>Enumeration order: the dimensions in the order given, the last one changing fastest, each
 * through its levels in the order given; a bundle's index is its position in that order, and the
 * tie and duplicate rules use it. (The scan itself may nest the dimensions differently, to
 * rescore less; see {@link #scanOrder}. Counts, frontier and solutions do not depend on it.)
 */
public final class Search {
    /** Bundles per task: big enough to amortise the task, small enough to balance two cores. */
    static final long CHUNK = 1 << 16;

    private Search() {}

    /** One searched term and its candidate levels, encoded. */
    public record Dimension(int term, double[] levels) {}

    /**
     * @param base        the resolved base bundle (CompiledModel.resolve); searched terms are overwritten
     * @param scenario    scenario index in the compiled model
     * @param minUsSurplus only bundles with S(US) ≥ this are feasible (−∞ for none)
     * @param offerFrontiers also keep the frontiers negotiators bid from ({@link OfferFrontiers})
     */
    public record Spec(
            double[] base,
            int scenario,
            List<Dimension> dimensions,
            double minUsSurplus,
            double minCnSurplus,
            boolean offerFrontiers) {
        public Spec(double[] base, int scenario, List<Dimension> dimensions, double minUsSurplus, double minCnSurplus) {
            this(base, scenario, dimensions, minUsSurplus, minCnSurplus, false);
        }

        public long size() {
            return Search.size(dimensions);
        }
    }

    /**
     * The Pareto frontiers negotiators bid from, each U.S. surplus ascending: of every bundle in the
     * space whatever the governments would ratify (all), and of the bundles the U.S. (usRatifies), or
     * China (cnRatifies), would ratify itself. The minimum surpluses do not apply.
     */
    public record OfferFrontiers(List<Point> all, List<Point> usRatifies, List<Point> cnRatifies) {}

    /** A feasible bundle on the frontier, by its index in the enumeration. */
    public record Point(long index, double usSurplus, double cnSurplus, long equivalents) {
        public double nashProduct() {
            return Objective.NASH.value(usSurplus, cnSurplus);
        }

        public double welfare() {
            return usSurplus + cnSurplus;
        }
    }

    /**
     * @param feasible  bundles both sides ratify that meet the minimum surpluses
     * @param bothGain  feasible bundles both sides strictly prefer to no deal: where the solutions are chosen
     * @param frontier  Pareto frontier of the feasible bundles, U.S. surplus ascending
     * @param offers    the negotiators' frontiers when the spec asks for them, else null
     */
    public record Result(
            long examined,
            long usRatifies,
            long cnRatifies,
            long feasible,
            long bothGain,
            List<Point> frontier,
            Solutions solutions,
            OfferFrontiers offers) {}

    /** The model's default search subset (docs/model.md "Terms and bundles"): the terms marked for search, each with its candidate levels. */
    public static List<Dimension> defaultDimensions(DealModel model) {
        return modelDimensions(model, true);
    }

    /** Every term with candidate levels in the model (or only those of the default subset), with those levels. */
    public static List<Dimension> modelDimensions(DealModel model, boolean defaultSubsetOnly) {
        List<Dimension> out = new ArrayList<>();
        for (int t = 0; t < model.terms().size(); t++) {
            TermDef def = model.terms().get(t);
            if (!def.levels().isEmpty() && (def.searchDefault() || !defaultSubsetOnly)) {
                out.add(new Dimension(
                        t,
                        def.levels().stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return out;
    }

    /** The number of bundles in the product of the dimensions' levels, saturating at Long.MAX_VALUE. */
    public static long size(List<Dimension> dimensions) {
        long n = 1;
        for (Dimension d : dimensions) {
            if (d.levels().length == 0) {
                return 0;
            }
            if (n > Long.MAX_VALUE / d.levels().length) {
                return Long.MAX_VALUE;
            }
            n *= d.levels().length;
        }
        return n;
    }

    /** The bundle with this enumeration index. */
    public static double[] bundle(Spec spec, long index) {
        double[] x = spec.base().clone();
        List<Dimension> dims = spec.dimensions();
        for (int d = dims.size() - 1; d >= 0; d--) {
            double[] levels = dims.get(d).levels();
            x[dims.get(d).term()] = levels[(int) (index % levels.length)];
            index /= levels.length;
        }
        return x;
    }

    /**
     * Runs the search on the executor (one task per {@link #CHUNK} bundles; the caller waits).
     * Deterministic: the result does not depend on the number of threads.
     */
    public static Result run(CompiledModel m, Spec spec, ExecutorService executor) {
        return run(m, spec, executor, CHUNK);
    }

    static Result run(CompiledModel m, Spec spec, ExecutorService executor, long chunk) {
        long n = spec.size();
        int[] order = scanOrder(m, spec.dimensions());
        List<Future<Partial>> tasks = new ArrayList<>();
        for (long from = 0; from < n; from += chunk) {
            long start = from;
            long end = Math.min(n, from + chunk);
            tasks.add(executor.submit(() -> scan(m, spec, order, start, end)));
        }
        Partial total = new Partial(spec.offerFrontiers());
        try {
            for (int i = 0; i < tasks.size(); i++) {
                total.add(tasks.get(i).get());
                tasks.set(i, null); // a merged range's partial frontier is garbage: memory stays flat in the space size
            }
        } catch (InterruptedException e) {
            cancel(tasks);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            cancel(tasks);
            throw new IllegalStateException("search failed", e.getCause());
        }
        return total.result(n);
    }

    private static void cancel(List<Future<Partial>> tasks) {
        for (Future<Partial> t : tasks) {
            if (t != null) {
                t.cancel(true);
            }
        }
    }

    /**
     * The order in which the scan nests the dimensions, outermost first: those whose change moves
     * the most criteria (pledges move every criterion that believes them) outside, so that the
     * fast-turning inner ones let {@link CompiledModel#rescore} recompute little. Ties keep the
     * request's order. Bundles keep their request-order index whatever the scan order.
     */
    static int[] scanOrder(CompiledModel m, List<Dimension> dims) {
        Integer[] order = new Integer[dims.size()];
        int[] weight = new int[dims.size()];
        for (int d = 0; d < order.length; d++) {
            order[d] = d;
            weight[d] = m.affectedCriteria(dims.get(d).term()).length;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(weight[b], weight[a]));
        return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Scores the bundles at scan positions [from, to), advancing the levels like an odometer in
     * scan order; each bundle goes to the frontier under its request-order index.
     */
    static Partial scan(CompiledModel m, Spec spec, int[] scanOrder, long from, long to) {
        int s = spec.scenario();
        double dUs = m.noDealUtility(Side.US, s);
        double dCn = m.noDealUtility(Side.CN, s);
        List<Dimension> dims = spec.dimensions();
        int nd = dims.size();
        // per scan position k: the term, its levels, and the stride of its digit in the request-order index
        int[] term = new int[nd];
        double[][] levels = new double[nd][];
        long[] stride = new long[nd];
        long[] strideByDim = new long[nd];
        long st = 1;
        for (int d = nd - 1; d >= 0; d--) {
            strideByDim[d] = st;
            st *= dims.get(d).levels().length;
        }
        for (int k = 0; k < nd; k++) {
            Dimension dim = dims.get(scanOrder[k]);
            term[k] = dim.term();
            levels[k] = dim.levels();
            stride[k] = strideByDim[scanOrder[k]];
        }
        int[] digit = new int[nd];
        double[] x = spec.base().clone();
        long index = 0;
        long rest = from;
        for (int k = nd - 1; k >= 0; k--) {
            digit[k] = (int) (rest % levels[k].length);
            rest /= levels[k].length;
            x[term[k]] = levels[k][digit[k]];
            index += digit[k] * stride[k];
        }
        // When position k steps (and every faster one wraps), only the criteria of positions k.. can change.
        int[][] stale = new int[nd][];
        for (int k = 0; k < nd; k++) {
            stale[k] = m.affectedCriteria(java.util.Arrays.copyOfRange(term, k, nd));
        }
        Work w = m.newWork();
        Partial p = new Partial(spec.offerFrontiers());
        boolean offers = spec.offerFrontiers();
        double minUs = spec.minUsSurplus();
        double minCn = spec.minCnSurplus();
        int moved = -1;
        for (long i = from; i < to; i++) {
            if (moved < 0) {
                m.score(x, s, w);
            } else {
                m.rescore(x, s, w, stale[moved]);
            }
            boolean us = m.ratifies(Side.US, x, s, w);
            boolean cn = m.ratifies(Side.CN, x, s, w);
            if (us) {
                p.usRatifies++;
            }
            if (cn) {
                p.cnRatifies++;
            }
            if (offers) {
                double sUs = w.utility(Side.US) - dUs;
                double sCn = w.utility(Side.CN) - dCn;
                p.all.add(sUs, sCn, index);
                if (us) {
                    p.usOwn.add(sUs, sCn, index);
                }
                if (cn) {
                    p.cnOwn.add(sUs, sCn, index);
                }
            }
            if (us && cn) {
                double sUs = w.utility(Side.US) - dUs;
                double sCn = w.utility(Side.CN) - dCn;
                if (sUs >= minUs && sCn >= minCn) {
                    p.feasible++;
                    if (sUs > 0 && sCn > 0) {
                        p.bothGain++;
                    }
                    p.frontier.add(sUs, sCn, index);
                }
            }
            // next bundle: the last scan position fastest
            moved = -1;
            for (int k = nd - 1; k >= 0; k--) {
                if (++digit[k] < levels[k].length) {
                    x[term[k]] = levels[k][digit[k]];
                    index += stride[k];
                    moved = k;
                    break;
                }
                index -= (levels[k].length - 1) * stride[k];
                digit[k] = 0;
                x[term[k]] = levels[k][0];
            }
        }
        return p;
    }

    /** Counts and the frontier of one range of the space. */
    static final class Partial {
        long usRatifies;
        long cnRatifies;
        long feasible;
        long bothGain;
        final FrontierBuilder frontier = new FrontierBuilder();
        /** The offer frontiers (null unless asked for): every bundle, and those each side ratifies. */
        final FrontierBuilder all;

        final FrontierBuilder usOwn;
        final FrontierBuilder cnOwn;

        Partial(boolean offers) {
            all = offers ? new FrontierBuilder() : null;
            usOwn = offers ? new FrontierBuilder() : null;
            cnOwn = offers ? new FrontierBuilder() : null;
        }

        void add(Partial o) {
            usRatifies += o.usRatifies;
            cnRatifies += o.cnRatifies;
            feasible += o.feasible;
            bothGain += o.bothGain;
            frontier.merge(o.frontier);
            if (all != null) {
                all.merge(o.all);
                usOwn.merge(o.usOwn);
                cnOwn.merge(o.cnOwn);
            }
        }

        Result result(long examined) {
            List<Point> front = points(frontier);
            OfferFrontiers offers = all == null ? null : new OfferFrontiers(points(all), points(usOwn), points(cnOwn));
            return new Result(examined, usRatifies, cnRatifies, feasible, bothGain, front, Solutions.of(front), offers);
        }

        /** The builder's frontier, U.S. surplus ascending. */
        private static List<Point> points(FrontierBuilder b) {
            List<Point> front = new ArrayList<>();
            for (FrontierBuilder.Point f : b.points()) {
                front.add(new Point(f.id(), f.x(), f.y(), f.equivalents()));
            }
            front.sort(Comparator.comparingDouble(Point::usSurplus));
            return List.copyOf(front);
        }
    }
}
