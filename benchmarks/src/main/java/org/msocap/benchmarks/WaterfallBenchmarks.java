package org.msocap.benchmarks;

import java.util.concurrent.TimeUnit;

import org.msocap.money.Money;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The two waterfall bars of PRODUCT.md §6 on {@link LargeCapTable}:
 * <ul>
 *   <li>{@link #exactWaterfall}: one exit through {@link WaterfallEngine} (equilibrium, cents, 500 holders, IRR):
 *       ≤ 20 ms.</li>
 *   <li>{@link #breakpointCents} and {@link #breakpointAnalytic}: class payouts from the {@link BreakpointTable},
 *       per exit value: ≥ 5 million per second per core. One benchmark thread, so ops/s is per core.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WaterfallBenchmarks {

    private static final int BATCH = 4096;

    private ResolvedCapTable table;
    private BreakpointTable breakpoints;
    private BreakpointTable.Evaluator evaluator;
    private long[] exitCents;
    private long[] payoutCents;
    private double[] payouts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        table = ResolvedCapTable.of(LargeCapTable.venture(), LargeCapTable.EXIT_DATE, true);
        long start = System.nanoTime();
        breakpoints = BreakpointTable.resolve(table);
        System.out.printf("%nresolved %d claimants, %d breakpoints in %.1f ms%n", breakpoints.ids().size(),
                breakpoints.breakpoints().size(), (System.nanoTime() - start) / 1e6);
        exitCents = LargeCapTable.exitValuesCents(breakpoints, BATCH);
        evaluator = breakpoints.evaluator();
        payoutCents = new long[breakpoints.ids().size()];
        payouts = new double[breakpoints.ids().size()];
        BreakpointTable.Evaluator probe = breakpoints.evaluator();
        for (long cents : exitCents) {
            probe.classPayoutCents(cents, payoutCents);
        }
        System.out.printf("exact fallbacks: %d of %d evaluations%n", probe.exactFallbacks(), probe.evaluations());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public WaterfallResult exactWaterfall() {
        next = (next + 1) % BATCH;
        return WaterfallEngine.DEFAULT.distribute(table, Money.ofCents(exitCents[next]));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void breakpointCents(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            evaluator.classPayoutCents(exitCents[i], payoutCents);
            bh.consume(payoutCents);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void breakpointAnalytic(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            breakpoints.classPayouts(exitCents[i] / 100.0, payouts);
            bh.consume(payouts);
        }
    }
}
