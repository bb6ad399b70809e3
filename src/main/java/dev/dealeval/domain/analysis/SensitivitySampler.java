package dev.dealeval.domain.analysis;

import static dev.dealeval.domain.analysis.Sensitivity.BLOCK;

import dev.dealeval.domain.analysis.Sensitivity.Totals;
import dev.dealeval.domain.engine.Work;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Monte Carlo loop of a sensitivity analysis, run in parallel yet deterministic: threads take
 * blocks of {@value Sensitivity#BLOCK} samples in turn, count in their own longs and hand each
 * block's sums to a merger that adds them strictly in block order, so the result does not depend on
 * the thread count (docs/analyses.md "Sensitivity").
 */
final class SensitivitySampler {
    private SensitivitySampler() {}

    /**
     * Draws every sample of the k.spec on the caller's thread and parallelism − 1 tasks on the executor,
     * block by block, and adds them up in block order.
     */
    static Totals sample(SensitivityKernel k, java.util.concurrent.Executor executor) {
        int samples = k.spec.samples();
        int blocks = (samples + BLOCK - 1) / BLOCK;
        int threads = Math.min(k.spec.parallelism(), blocks);
        Merger merger = new Merger(k.n * k.stride);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Worker[] workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(k, blocks, next, merger, failure);
        }
        java.util.concurrent.CountDownLatch helpersDone = new java.util.concurrent.CountDownLatch(threads - 1);
        for (int t = 1; t < threads; t++) {
            Worker w = workers[t];
            executor.execute(() -> {
                try {
                    w.run();
                } finally {
                    helpersDone.countDown();
                }
            });
        }
        workers[0].run();
        boolean interrupted = false;
        while (true) {
            try {
                helpersDone.await();
                break;
            } catch (InterruptedException e) {
                // Stop the helpers early, wait for them to finish, and keep the interrupt for the caller.
                interrupted = true;
                failure.compareAndSet(null, new IllegalStateException("interrupted"));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        long[] rankCounts = new long[k.n * k.n];
        long[] usCounts = new long[k.n];
        long[] cnCounts = new long[k.n];
        long[] bothCounts = new long[k.n];
        for (Worker w : workers) {
            for (int i = 0; i < rankCounts.length; i++) {
                rankCounts[i] += w.rankCounts[i];
            }
            for (int b = 0; b < k.n; b++) {
                usCounts[b] += w.usCounts[b];
                cnCounts[b] += w.cnCounts[b];
                bothCounts[b] += w.bothCounts[b];
            }
        }
        return new Totals(rankCounts, usCounts, cnCounts, bothCounts, merger.total());
    }

    /** Per-thread scratch space, so the sample loop allocates nothing. */
    static final class Scratch {
        final double[] weight;
        final double[] factionWeight;
        final double[] clout;
        final double[] noDealFaction;
        final double[] factionSurplus;
        final double[] factionStake;
        final double[] values;
        final double[] usSurplus;
        final double[] cnSurplus;
        final double[] objective;
        final int[] order;
        final int[] sortTmp;
        final Work work;
        double noDealUs;
        double noDealCn;

        Scratch(SensitivityKernel k, boolean withWork) {
            weight = new double[k.nCrit];
            factionWeight = new double[k.nFac * k.nCrit];
            clout = new double[k.nFac];
            noDealFaction = new double[k.nFac];
            factionSurplus = new double[k.nFac];
            factionStake = new double[k.nFac];
            values = new double[k.nCrit];
            usSurplus = new double[k.n];
            cnSurplus = new double[k.n];
            objective = new double[k.n];
            order = new int[k.n];
            sortTmp = new int[k.n];
            work = withWork ? k.m.newWork() : null;
        }
    }

    /** Takes blocks in turn until none is left; counts in its own longs, sums per block through the merger. */
    static final class Worker implements Runnable {
        final SensitivityKernel k;
        final int blocks;
        final AtomicInteger next;
        final Merger merger;
        final AtomicReference<Throwable> failure;
        final long[] rankCounts;
        final long[] usCounts;
        final long[] cnCounts;
        final long[] bothCounts;

        Worker(SensitivityKernel k, int blocks, AtomicInteger next, Merger merger, AtomicReference<Throwable> failure) {
            this.k = k;
            this.blocks = blocks;
            this.next = next;
            this.merger = merger;
            this.failure = failure;
            rankCounts = new long[k.n * k.n];
            usCounts = new long[k.n];
            cnCounts = new long[k.n];
            bothCounts = new long[k.n];
        }

        @Override
        public void run() {
            try {
                Scratch sc = new Scratch(k, true);
                int samples = k.spec.samples();
                int block;
                while (failure.get() == null && (block = next.getAndIncrement()) < blocks) {
                    if (Thread.currentThread().isInterrupted()) {
                        failure.compareAndSet(null, new IllegalStateException("interrupted"));
                        break;
                    }
                    double[] partial = merger.buffer();
                    long from = (long) block * BLOCK;
                    long to = Math.min(samples, from + BLOCK);
                    for (long i = from; i < to; i++) {
                        k.sample(i, sc, this, partial);
                    }
                    merger.complete(block, partial);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
    }

    /**
     * Adds the blocks' partial sums into the total strictly in block order, whichever thread finishes
     * first, so the floating-point result does not depend on the threads. Buffers are recycled.
     */
    static final class Merger {
        private final int size;
        private final double[] total;
        private final Map<Integer, double[]> pending = new HashMap<>();
        private final ArrayDeque<double[]> free = new ArrayDeque<>();
        private int next;

        Merger(int size) {
            this.size = size;
            this.total = new double[size];
        }

        synchronized double[] buffer() {
            double[] b = free.poll();
            return b != null ? b : new double[size];
        }

        synchronized void complete(int block, double[] partial) {
            pending.put(block, partial);
            double[] p;
            while ((p = pending.remove(next)) != null) {
                for (int i = 0; i < size; i++) {
                    total[i] += p[i];
                }
                Arrays.fill(p, 0);
                free.push(p);
                next++;
            }
        }

        synchronized double[] total() {
            return total;
        }
    }
}
