package org.msocap.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;

import org.msocap.model.Venture;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ResolvedCapTable;

/**
 * The simulation's "tables" phase on its own (issue 17): the large benchmark table (or its LLC version) resolved on the
 * 48 month ends a simulation of it reaches (2029-01 … 2032-12), as {@code BreakpointPayoutModel} does, in CPU time of
 * this one thread, per repeat: the cap tables ({@link ResolvedCapTable#of}) and their breakpoints
 * ({@link BreakpointTable#resolve}). The first repeat includes the JIT's warm-up; the later ones are the steady state.
 *
 * <pre>
 *   ./mvnw -o -B -Pbench -pl benchmarks -am package -DskipTests
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.MonthlyTablesHarness 3
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.MonthlyTablesHarness 3 llc
 * </pre>
 * Arguments: repeats (default 3), {@code llc} for the LLC version.
 */
public final class MonthlyTablesHarness {

    private MonthlyTablesHarness() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean llc = args.length > 1 && args[1].equals("llc");
        Venture venture = LargeSimulation.venture(1_000, llc);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeats; r++) {
            long capTables = 0;
            long breakpoints = 0;
            int segments = 0;
            for (int m = 0; m < 48; m++) {
                LocalDate month = LocalDate.of(2029, 1, 1).plusMonths(m);
                long start = bean.getCurrentThreadCpuTime();
                ResolvedCapTable table = ResolvedCapTable.of(venture, month.withDayOfMonth(month.lengthOfMonth()), true);
                long resolved = bean.getCurrentThreadCpuTime();
                segments += BreakpointTable.resolve(table).segments().size();
                breakpoints += bean.getCurrentThreadCpuTime() - resolved;
                capTables += resolved - start;
            }
            System.out.printf("repeat %d: 48 cap tables %.0f ms cpu, their breakpoints %.0f ms cpu (%d segments)%n",
                    r + 1, capTables / 1e6, breakpoints / 1e6, segments);
        }
    }
}
