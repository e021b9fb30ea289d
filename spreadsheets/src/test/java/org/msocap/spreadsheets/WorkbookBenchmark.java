package org.msocap.spreadsheets;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.msocap.model.Venture;
import org.msocap.simulation.SimulationOptions;

/**
 * The workbook bar of PRODUCT.md §6: a workbook with 100,000 simulation rows in ≤ 15 s and ≤ 512 MiB heap.
 * Measures the simulation and the export separately (the bar is about the export; the simulation is core's),
 * and the peak heap of the whole run. Run on demand, in a JVM limited to 512 MiB:
 * <pre>
 * ./mvnw -q -B -o -pl core,spreadsheets verify -Dtest=WorkbookBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmsocap.bench=true -DargLine=-Xmx512m
 * cat spreadsheets/target/surefire-reports/org.msocap.spreadsheets.WorkbookBenchmarkTest-output.txt
 * </pre>
 * or {@code java -Xmx512m -cp <test classpath> org.msocap.spreadsheets.WorkbookBenchmark [rows] [out.xlsx]}.
 */
public final class WorkbookBenchmark {

    private WorkbookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("msocap-bench-", ".xlsx");
        Venture venture = TestVentures.sunrise().toBuilder().simulation(TestVentures.simulation(rows)).build();
        System.out.printf("max heap %d MiB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        WorkbookContent content = WorkbookContent.of(venture,
                SimulationOptions.of(rows, 42L).withSampleRuns(rows));
        long t1 = System.nanoTime();
        try (var wb = WorkbookExporter.DEFAULT.build(content)) {
            System.out.printf("ordinary sheets built and evaluated: %.2f s%n", (System.nanoTime() - t1) / 1e9);
        }
        t1 = System.nanoTime();
        // The export runs on this thread alone, so its CPU time is what it takes on an idle machine.
        long cpu1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (OutputStream stream = Files.newOutputStream(out)) {
            WorkbookExporter.DEFAULT.write(content, stream);
        }
        long t2 = System.nanoTime();
        long cpu2 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        System.out.printf("engines (simulation of %,d runs, fees, waterfalls, checks): %.2f s%n", rows, (t1 - t0) / 1e9);
        System.out.printf("workbook export with %,d streamed rows: %.2f s wall, %.2f s CPU, %,d bytes%n",
                content.simulation().sample().size(), (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9, Files.size(out));
        System.out.printf("load average during the run: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("total: %.2f s; peak heap used: %d MiB%n", (t2 - t0) / 1e9, peakHeapMiB());

        // The live waterfall's formulas grow with the cap table; time the export of a benchmark-sized one.
        Venture large = TestVentures.large(12, 500, 200, 20);
        long t3 = System.nanoTime();
        WorkbookContent largeContent = WorkbookContent.of(large, null);
        long t4 = System.nanoTime();
        try (OutputStream stream = Files.newOutputStream(out)) {
            WorkbookExporter.DEFAULT.write(largeContent, stream);
        }
        long t5 = System.nanoTime();
        System.out.printf("large cap table (12 preferred classes, 500 holders, 200 grants at 20 strikes): engines %.2f s, "
                + "%d breakpoints, export %.2f s%n", (t4 - t3) / 1e9, largeContent.waterfalls().live().breakpoints().breakpoints().size(),
                (t5 - t4) / 1e9);
    }

    /** The sum of the heap pools' peak usage since the JVM started: an upper bound of the live heap at any moment. */
    static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
