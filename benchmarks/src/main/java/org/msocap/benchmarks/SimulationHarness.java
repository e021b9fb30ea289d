package org.msocap.benchmarks;

import java.time.LocalDate;
import java.util.List;
import org.msocap.model.Venture;
import org.msocap.simulation.MonteCarloSimulator;
import org.msocap.simulation.RunSample;
import org.msocap.simulation.SimulationOptions;
import org.msocap.simulation.SimulationResult;
import org.msocap.simulation.SimulationSetup;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.WaterfallEngine;

/**
 * The simulation bar of PRODUCT.md §6, as a single cold run the way a user meets it: {@code runs} runs on
 * {@link LargeSimulation} with {@code threads} threads, statistics per class, per category and for the 20
 * largest holders; then the exact path (cap table resolved for the run's date + exact engine) timed on the
 * first sampled runs and extrapolated to all runs. A single 10-second run is not what JMH measures well,
 * hence a plain harness:
 *
 * <pre>
 *   ./mvnw -o -B -Pbench -pl benchmarks -am package -DskipTests
 *   java -Xmx1g -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.SimulationHarness 1000000 2
 *   java -Xmx1g -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.SimulationHarness 1000000 2 1 prewarm llc
 * </pre>
 */
public final class SimulationHarness {

    private SimulationHarness() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int exactSample = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean prewarm = args.length > 3 && args[3].equals("prewarm");
        boolean llc = List.of(args).contains("llc"); // the LLC table with 200 profits-interest grants
        Venture venture = LargeSimulation.venture(runs, llc);
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        SimulationSetup setup = SimulationSetup.of(venture);
        if (prewarm) {
            // Resolve every exit month's table first (in parallel), to separate its cost from the runs'.
            List<Integer> days = new java.util.ArrayList<>();
            for (LocalDate d = LocalDate.of(2029, 1, 31); !d.isAfter(LocalDate.of(2032, 12, 31)); d = d.plusMonths(1)) {
                days.add((int) d.withDayOfMonth(d.lengthOfMonth()).toEpochDay());
            }
            new java.util.concurrent.ForkJoinPool(threads).submit(() -> days.parallelStream().forEach(setup.payouts()::at)).join();
            System.out.printf("resolved %d exit months in %.2f s wall, %.2f s CPU%n", days.size(), (System.nanoTime() - t0) / 1e9,
                    (processCpuNanos() - cpu0) / 1e9);
            t0 = System.nanoTime();
            cpu0 = processCpuNanos();
        }
        SimulationResult result = MonteCarloSimulator.DEFAULT.simulate(setup,
                new SimulationOptions(runs, 42, threads, 20, exactSample, 40));
        long t1 = System.nanoTime();
        double wall = (t1 - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("simulation: %,d runs, %d threads: %.2f s wall, %.2f s CPU (%,d exits), heap max %d MiB, used now %d MiB%n", runs,
                threads, wall, cpu, result.exitRuns(), rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
        result.values().forEach(s -> System.out.printf("  %-16s p5 %,.0f p50 %,.0f p95 %,.0f%n", s.key(), s.p5(), s.p50(), s.p95()));
        result.classes().stream().limit(3).forEach(s -> System.out.printf("  %-10s mean %,.0f p50 %,.0f%n", s.key(), s.mean(), s.p50()));

        List<RunSample> sample = result.sample().stream().filter(RunSample::exited).toList();
        if (sample.isEmpty()) {
            System.out.printf("exact engine per run: none of the %d sampled runs exits; ask for more (third argument)%n",
                    result.sample().size());
            return;
        }
        long e0 = System.nanoTime();
        for (RunSample run : sample) {
            LocalDate date = run.exitDate().orElseThrow();
            WaterfallEngine.DEFAULT.distribute(ResolvedCapTable.of(venture, date, true), run.equityProceeds());
        }
        double perRun = (System.nanoTime() - e0) / 1e9 / sample.size();
        System.out.printf("exact engine per run: %.1f ms (%d sampled runs); %,d runs ≈ %.0f s on one core, %.0f× the simulation's wall time%n",
                perRun * 1e3, sample.size(), runs, perRun * runs, perRun * runs / wall);
    }

    /**
     * CPU time of the whole process (every thread, JIT and GC included): on a shared machine wall time mostly
     * measures the scheduler, CPU time is what the work costs.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
