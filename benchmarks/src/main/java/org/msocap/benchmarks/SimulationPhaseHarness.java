package org.msocap.benchmarks;

import java.nio.file.Path;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;
import org.msocap.simulation.MonteCarloSimulator;
import org.msocap.simulation.SimulationOptions;
import org.msocap.simulation.SimulationSetup;

/**
 * The simulation's cost per phase (issue 17): drivers and exit value per run, table resolution, the payout pass,
 * the holders' second pass and the statistics, in process CPU time, for a model file or the large benchmark table.
 * Each repeat resolves the venture afresh (so the tables are resolved again) and simulates on one thread; the first
 * repeats warm the JIT. The phases are printed by the simulator itself ({@code -Dmsocap.simulation.phases=true},
 * set here), so the same lines come out of {@code ./msocap simulate} when the launcher is given that property.
 *
 * <pre>
 *   ./mvnw -o -B -Pbench -pl benchmarks -am package -DskipTests
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *       org.msocap.benchmarks.SimulationPhaseHarness examples/ventures/functional-medicine.yaml 1000000 4
 *   java -Xmx1g -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.SimulationPhaseHarness large 1000000 3 2
 * </pre>
 * Arguments: model file or {@code large}, runs, repeats, threads (default 1).
 */
public final class SimulationPhaseHarness {

    private SimulationPhaseHarness() {
    }

    public static void main(String[] args) {
        System.setProperty("msocap.simulation.phases", "true");
        String model = args.length > 0 ? args[0] : "large";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Venture venture = model.equals("large") ? LargeSimulation.venture(runs) : VentureReader.read(Path.of(model));
        long seed = venture.simulation().seed();
        for (int r = 0; r < repeats; r++) {
            long wall = System.nanoTime();
            long cpu = processCpuNanos();
            SimulationSetup setup = SimulationSetup.of(venture);
            System.err.printf("repeat %d: setup %.1f ms cpu%n", r + 1, (processCpuNanos() - cpu) / 1e6);
            MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(runs, seed, threads, 20, 100, 20));
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            System.err.printf("repeat %d: %,d runs, %d threads: %.2f s wall, %.2f s cpu, %.2f us cpu per run%n%n", r + 1, runs, threads,
                    (System.nanoTime() - wall) / 1e9, cpuSeconds, cpuSeconds * 1e6 / runs);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
