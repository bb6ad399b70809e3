package dev.dealeval.domain.analysis;

import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Work;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A negotiation between the two sides by the stacked alternating offers protocol: in round r
 * (1..deadline) one side proposes a bundle and the other accepts it or, in the next round, proposes
 * its own; without an acceptance by the deadline the talks break down and each side keeps its
 * no-deal utility (its reservation value).
 *
 * <p>Offers are bundles of a searched deal space. Each side bids from a Pareto frontier of it
 * ({@link Search.OfferFrontiers}): the frontier of all bundles, or — for the ratification-aware
 * strategy — of the bundles its own government would ratify. Bidding from a frontier assumes each
 * side knows how the other values a bundle (complete information, as a frontier does). A side with
 * target surplus T offers, at random (seeded), one of its frontier bundles worth between T and
 * T + window to it; when none is, the one worth least above T (the most generous to the other);
 * when T is above every bundle, its best bundle.
 *
 * <p>A side accepts an offer only if it is worth at least its reservation value (surplus ≥ 0), its
 * own government would ratify it, and it is worth at least what the side would itself ask in its
 * next round (the AC_next rule). The proposer's government may still refuse what it proposed: only
 * the ratification-aware strategy never proposes such a bundle.
 */
public final class Simulation {
    private Simulation() {}

    /** The strategies: the time-dependent family, tit-for-tat, and the ratification-aware one. */
    public enum Kind {
        /** Time-dependent, exponent 0.2: holds out until late. */
        BOULWARE(0.2),
        /** Time-dependent, exponent 1: concedes at a constant rate. */
        LINEAR(1),
        /** Time-dependent, exponent 2: concedes early. */
        CONCEDER(2),
        /** Time-dependent with the exponent given. */
        TIME_DEPENDENT(1),
        /**
         * Concedes, in its own surplus, as much as the other side's offers have conceded to it since its first,
         * counted from its reservation value when the first was worse than no deal.
         */
        TIT_FOR_TAT(1),
        /** Time-dependent (exponent given, default 1), bidding only bundles its own government would ratify. */
        RATIFICATION_AWARE(1);

        private final double defaultExponent;

        Kind(double defaultExponent) {
            this.defaultExponent = defaultExponent;
        }

        public double defaultExponent() {
            return defaultExponent;
        }
    }

    /**
     * @param exponent e of target(t) = Pmax − (Pmax − Pmin)·t^(1/e): below 1 Boulware, above 1 Conceder
     * @param window   width of the band of own surplus above the target an offer is drawn from
     */
    public record Strategy(Kind kind, double exponent, double window) {
        public Strategy {
            if (!(exponent > 0) || Double.isInfinite(exponent)) {
                throw new IllegalArgumentException("exponent must be a positive number");
            }
            if (!(window >= 0) || Double.isInfinite(window)) {
                throw new IllegalArgumentException("window must be a non-negative number");
            }
        }

        public static Strategy of(Kind kind) {
            return new Strategy(kind, kind.defaultExponent(), 0);
        }

        boolean ratificationAware() {
            return kind == Kind.RATIFICATION_AWARE;
        }
    }

    /** A bundle the sides may bid: its enumeration index in the searched space, surpluses, and who would ratify it. */
    public record Candidate(long index, double usSurplus, double cnSurplus, boolean usRatifies, boolean cnRatifies) {
        double surplus(Side side) {
            return side == Side.US ? usSurplus : cnSurplus;
        }

        boolean ratifies(Side side) {
            return side == Side.US ? usRatifies : cnRatifies;
        }
    }

    /** What each side bids from: the frontier of all bundles, and of the bundles each side's government ratifies. */
    public record Pools(List<Candidate> all, List<Candidate> usRatifies, List<Candidate> cnRatifies) {
        public Pools {
            all = List.copyOf(all);
            usRatifies = List.copyOf(usRatifies);
            cnRatifies = List.copyOf(cnRatifies);
        }

        /**
         * The frontiers a search kept ({@link Search.Spec#offerFrontiers}), each bundle scored once by
         * the engine for who would ratify it.
         */
        public static Pools of(CompiledModel m, Search.Spec spec, Search.OfferFrontiers f) {
            int s = spec.scenario();
            Map<Long, Candidate> scored = new java.util.HashMap<>();
            Work w = m.newWork();
            java.util.function.Function<Search.Point, Candidate> candidate =
                    p -> scored.computeIfAbsent(p.index(), i -> {
                        double[] x = Search.bundle(spec, i);
                        m.score(x, s, w);
                        return new Candidate(
                                i,
                                p.usSurplus(),
                                p.cnSurplus(),
                                m.ratifies(Side.US, x, s, w),
                                m.ratifies(Side.CN, x, s, w));
                    });
            return new Pools(
                    f.all().stream().map(candidate).toList(),
                    f.usRatifies().stream().map(candidate).toList(),
                    f.cnRatifies().stream().map(candidate).toList());
        }

        List<Candidate> of(Side side, Strategy strategy) {
            return !strategy.ratificationAware() ? all : side == Side.US ? usRatifies : cnRatifies;
        }
    }

    /**
     * @param deadline the number of rounds (offers) before the talks break down
     * @param starts   the side that makes the first offer
     */
    public record Spec(Strategy us, Strategy cn, int deadline, Side starts, long seed) {
        public Spec {
            if (deadline < 1) {
                throw new IllegalArgumentException("deadline must be at least 1 round");
            }
        }

        Strategy of(Side side) {
            return side == Side.US ? us : cn;
        }
    }

    /**
     * One round: who proposed which offer (a position in {@link Result#offers}), its target then,
     * and whether the other side accepted it.
     */
    public record Round(int round, Side proposer, int offer, double proposerTarget, boolean accepted) {}

    /**
     * @param offers      every distinct bundle offered, in order of first offer
     * @param agreement   the accepted offer (a position in offers), or -1 on breakdown
     * @param ratifiedByBoth whether both governments would ratify the agreement (false on breakdown)
     */
    public record Result(
            List<Round> rounds, List<Candidate> offers, int agreement, int agreementRound, boolean ratifiedByBoth) {
        public boolean agreed() {
            return agreement >= 0;
        }

        /** The accepted bundle, or null on breakdown. */
        public Candidate agreedOffer() {
            return agreement >= 0 ? offers.get(agreement) : null;
        }
    }

    public static Result run(Pools pools, Spec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        Map<Side, Negotiator> sides = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            sides.put(side, new Negotiator(side, spec.of(side), pools.of(side, spec.of(side)), spec.deadline()));
        }
        List<Round> rounds = new ArrayList<>();
        Map<Long, Integer> offerPositions = new LinkedHashMap<>();
        List<Candidate> offers = new ArrayList<>();
        Side proposer = spec.starts();
        for (int r = 1; r <= spec.deadline(); r++) {
            Negotiator p = sides.get(proposer);
            Negotiator q = sides.get(proposer.other());
            double target = p.target(r);
            Candidate offer = p.offer(target, random);
            if (offer == null) {
                // A side with nothing to bid (no bundle its government ratifies) walks away.
                return new Result(List.copyOf(rounds), List.copyOf(offers), -1, -1, false);
            }
            int position = offerPositions.computeIfAbsent(offer.index(), k -> {
                offers.add(offer);
                return offers.size() - 1;
            });
            q.received(offer);
            boolean accepted = q.accepts(offer, r + 1);
            rounds.add(new Round(r, proposer, position, target, accepted));
            if (accepted) {
                return new Result(
                        List.copyOf(rounds),
                        List.copyOf(offers),
                        position,
                        r,
                        offer.usRatifies() && offer.cnRatifies());
            }
            proposer = proposer.other();
        }
        return new Result(List.copyOf(rounds), List.copyOf(offers), -1, -1, false);
    }

    /** One side at the table: its strategy, the frontier it bids from (own surplus ascending) and what it has been offered. */
    private static final class Negotiator {
        final Side side;
        final Strategy strategy;
        final List<Candidate> pool;
        final int deadline;
        final double best;
        /** The other side's first and latest offers, in this side's surplus (NaN before any). */
        double firstReceived = Double.NaN;

        double lastReceived = Double.NaN;

        Negotiator(Side side, Strategy strategy, List<Candidate> pool, int deadline) {
            this.side = side;
            this.strategy = strategy;
            List<Candidate> sorted = new ArrayList<>(pool);
            sorted.sort(
                    Comparator.comparingDouble((Candidate c) -> c.surplus(side)).thenComparingLong(Candidate::index));
            this.pool = sorted;
            this.deadline = deadline;
            this.best = sorted.isEmpty()
                    ? 0
                    : Math.max(0, sorted.get(sorted.size() - 1).surplus(side));
        }

        /** The surplus this side asks for in round r: from Pmax (its best bundle) down to Pmin = 0, its reservation value. */
        double target(int r) {
            if (strategy.kind() == Kind.TIT_FOR_TAT) {
                // Only what the other side concedes above this side's reservation value counts: an offer worse
                // than no deal is no offer, so moving from a worse one to a bare one concedes nothing.
                double conceded =
                        Double.isNaN(firstReceived) ? 0 : Math.max(0, lastReceived - Math.max(0, firstReceived));
                return Math.max(0, best - conceded);
            }
            double t = deadline == 1 ? 1 : Math.min(1, (r - 1) / (double) (deadline - 1));
            return best - best * Math.pow(t, 1 / strategy.exponent());
        }

        Candidate offer(double target, SplittableRandom random) {
            if (pool.isEmpty()) {
                return null;
            }
            int first = firstAtLeast(target);
            if (first == pool.size()) {
                return pool.get(pool.size() - 1);
            }
            int end = first;
            while (end < pool.size() && pool.get(end).surplus(side) <= target + strategy.window() + Numbers.TOLERANCE) {
                end++;
            }
            return end - first <= 1 ? pool.get(first) : pool.get(first + random.nextInt(end - first));
        }

        /** The first candidate worth at least the target to this side (pool.size() when none is). */
        private int firstAtLeast(double target) {
            int lo = 0;
            int hi = pool.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (pool.get(mid).surplus(side) >= target - Numbers.TOLERANCE) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        void received(Candidate offer) {
            double s = offer.surplus(side);
            if (Double.isNaN(firstReceived)) {
                firstReceived = s;
            }
            lastReceived = s;
        }

        /** Reservation value, own ratification, and at least what it would ask in its next round (AC_next). */
        boolean accepts(Candidate offer, int nextRound) {
            double s = offer.surplus(side);
            return s > -Numbers.TOLERANCE && offer.ratifies(side) && s >= target(nextRound) - Numbers.TOLERANCE;
        }
    }
}
