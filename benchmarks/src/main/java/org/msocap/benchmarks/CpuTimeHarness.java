package org.msocap.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.msocap.money.Money;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.WaterfallEngine;

/**
 * The same workloads as {@link WaterfallBenchmarks}, timed in CPU time of the benchmark thread rather than wall
 * time. On a machine shared with other work (load far above the core count) wall-clock JMH scores mostly measure
 * the scheduler; CPU time per operation is the per-core figure the bars of PRODUCT.md §6 ask for.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.CpuTimeHarness [seconds] [llc]}
 */
public final class CpuTimeHarness {

    private CpuTimeHarness() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean llc = args.length > 1 && args[1].equals("llc"); // the LLC table with 200 profits-interest grants
        ResolvedCapTable table = ResolvedCapTable.of(llc ? LargeCapTable.llcVenture() : LargeCapTable.venture(),
                LargeCapTable.EXIT_DATE, true);
        long t0 = mx.getCurrentThreadCpuTime();
        BreakpointTable breakpoints = BreakpointTable.resolve(table);
        System.out.printf("resolve: %d claimants, %d breakpoints, %.0f ms CPU%n", breakpoints.ids().size(),
                breakpoints.breakpoints().size(), (mx.getCurrentThreadCpuTime() - t0) / 1e6);

        long[] exits = LargeCapTable.exitValuesCents(breakpoints, 4096);
        System.out.printf("exit values: $0 to $%,.0f, across all %d segments%n",
                java.util.Arrays.stream(exits).max().getAsLong() / 100.0, breakpoints.segments().size());
        long[] cents = new long[breakpoints.ids().size()];
        double[] dollars = new double[breakpoints.ids().size()];
        BreakpointTable.Evaluator evaluator = breakpoints.evaluator();
        long sink = 0;

        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            boolean report = round == 1;
            long ops = 0;
            long start = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                sink += WaterfallEngine.DEFAULT.distribute(table, Money.ofCents(exits[(int) (ops % exits.length)]))
                        .holders().size();
                ops++;
            }
            if (report) {
                System.out.printf("exact waterfall: %.2f ms CPU per exit (%d exits)%n",
                        (mx.getCurrentThreadCpuTime() - start) / 1e6 / ops, ops);
            }
            ops = 0;
            start = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                for (long x : exits) {
                    evaluator.classPayoutCents(x, cents);
                    sink += cents[0];
                }
                ops += exits.length;
            }
            if (report) {
                System.out.printf("breakpoint evaluation, cents: %.2f million exit values per CPU-second%n",
                        ops / ((mx.getCurrentThreadCpuTime() - start) / 1e9) / 1e6);
            }
            ops = 0;
            start = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                for (long x : exits) {
                    breakpoints.classPayouts(x / 100.0, dollars);
                    sink += (long) dollars[0];
                }
                ops += exits.length;
            }
            if (report) {
                System.out.printf("breakpoint evaluation, analytic doubles: %.2f million exit values per CPU-second%n",
                        ops / ((mx.getCurrentThreadCpuTime() - start) / 1e9) / 1e6);
            }
        }
        System.out.printf("redone in double-double: %d, exact lines: %d, exact orderings: %d%n", evaluator.fastRetries(),
                evaluator.exactLines(), evaluator.exactOrderings());
        System.out.printf("exact fallbacks: %d of %d cent evaluations (checksum %d)%n", evaluator.exactFallbacks(),
                evaluator.evaluations(), sink % 10);
    }
}
