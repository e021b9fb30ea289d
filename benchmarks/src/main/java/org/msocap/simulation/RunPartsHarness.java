package org.msocap.simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.msocap.io.VentureReader;
import org.msocap.model.HolderCategory;

/**
 * Three parts of a simulated run alone, in CPU time of this thread per call, for a model with a fee projection: the
 * series pass ({@code SeriesPayouts.add}: the evaluator and the splits over followed holders, every holder followed),
 * the exit value ({@code OnDay.enterpriseValueCents} with a drawn multiple and growth) and the draws of two runs
 * ({@code DriverSampler.drawTwo}), each over the 48 month ends of 2028–2031. A fresh JVM's phase clocks swing with the
 * first touch of memory and the machine's load; these loops touch nothing new, and the least of several repeats
 * compares builds. In package {@code org.msocap.simulation} for the package-private classes; it calls only what main
 * has had since session 14 ({@code SeriesPayouts.add} with the run's place along the columns), so it runs against an
 * older jar of session 14 or later too: {@code java -cp benchmarks/target/classes:OLD.jar ...}.
 *
 * <p>Run (the launcher's compiler and evaluator policy):
 * {@code java -XX:TieredStopAtLevel=1 -Dmsocap.integerLines=false -cp benchmarks/target/benchmarks.jar
 * org.msocap.simulation.RunPartsHarness benchmarks/ten-class.yaml pay|value|draw [repeats]}; it prints each repeat
 * and the least, and a checksum that must not change between builds.
 */
public final class RunPartsHarness {

    private static final int MONTHS = 48;
    private static final int CALLS = 1 << 16;

    private RunPartsHarness() {
    }

    public static void main(String[] args) {
        SimulationSetup setup = SimulationSetup.of(VentureReader.read(Path.of(args[0])));
        String part = args[1];
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int[] days = new int[MONTHS];
        for (int d = 0; d < MONTHS; d++) {
            days[d] = (int) LocalDate.of(2028, 1, 1).plusMonths(d + 1).minusDays(1).toEpochDay();
        }
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(7);
        long checksum = 0;
        double least = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long start = clock.getCurrentThreadCpuTime();
            checksum += switch (part) {
                case "pay" -> seriesPass(setup, days, random);
                case "value" -> exitValue(setup, days, random);
                case "draw" -> draws(setup);
                default -> throw new IllegalArgumentException("part must be pay, value or draw: " + part);
            };
            double ns = (clock.getCurrentThreadCpuTime() - start) / (double) (MONTHS * CALLS);
            least = Math.min(least, ns);
            System.out.printf("%s repeat %d: %.1f ns a call%n", part, r + 1, ns);
        }
        System.out.printf("%s least: %.1f ns a call (checksum %d)%n", part, least, checksum);
    }

    /** Every holder followed, as the simulator's series pass has them on a table like the benchmark's. */
    private static long seriesPass(SimulationSetup setup, int[] days, SplittableRandom random) {
        PayoutModel model = setup.payouts();
        List<Position> positions = model.positions();
        Map<String, Integer> groups = new LinkedHashMap<>();
        Map<String, Integer> holders = new LinkedHashMap<>();
        for (Position p : positions) {
            groups.putIfAbsent(p.group(), groups.size());
            holders.putIfAbsent(p.holder(), holders.size());
        }
        int categories = HolderCategory.values().length;
        int[] groupSlot = new int[positions.size()];
        int[] categorySlot = new int[positions.size()];
        int[] holderSlot = new int[positions.size()];
        for (int p = 0; p < positions.size(); p++) {
            groupSlot[p] = groups.get(positions.get(p).group());
            categorySlot[p] = groups.size() + positions.get(p).category().ordinal();
            holderSlot[p] = groups.size() + categories + holders.get(positions.get(p).holder());
        }
        PayoutModel.SeriesSlots slots = new PayoutModel.SeriesSlots(groupSlot, categorySlot, holderSlot,
                groups.size() + categories + holders.size());
        long[] proceeds = new long[CALLS];
        for (int k = 0; k < CALLS; k++) {
            // Equity proceeds about the benchmark's: lognormal around $300M.
            proceeds[k] = (long) Math.exp(Math.log(3e10) + 0.6 * random.nextDouble(-3, 3) / 1.7);
        }
        long[] totals = new long[slots.spare() + 1];
        for (int day : days) {
            PayoutModel.SeriesPayouts pass = model.at(day).series(slots);
            for (long cents : proceeds) {
                pass.add(cents, totals, 0);
            }
        }
        long sum = 0;
        for (int s = 0; s < slots.spare(); s++) {
            sum = 31 * sum + totals[s];
        }
        return sum;
    }

    private static long exitValue(SimulationSetup setup, int[] days, SplittableRandom random) {
        double[] multiple = new double[CALLS];
        double[] growth = new double[CALLS];
        for (int k = 0; k < CALLS; k++) {
            multiple[k] = 11 * Math.exp(0.4 * random.nextDouble(-2.5, 2.5));
            growth[k] = 0.15 + 0.08 * random.nextDouble(-2.5, 2.5);
        }
        long sum = 0;
        for (int day : days) {
            ExitValueModel.OnDay valuation = setup.exitValue().onDay(day);
            for (int k = 0; k < CALLS; k++) {
                sum += valuation.enterpriseValueCents(multiple[k], growth[k], Double.NaN);
            }
        }
        return sum;
    }

    /** Per call: one run's draws (two runs drawn side by side, as the simulator draws them). */
    private static long draws(SimulationSetup setup) {
        DriverSampler sampler = setup.drivers();
        RandomStream first = RandomStream.forRun(7, 0);
        RandomStream second = RandomStream.forRun(7, 1);
        double[] one = new double[Driver.values().length];
        double[] two = new double[Driver.values().length];
        double[] scratch = new double[sampler.pairScratchSize()];
        long sum = 0;
        for (int run = 0; run < MONTHS * CALLS; run += 2) {
            first.reset(7, run);
            second.reset(7, run + 1);
            sampler.drawTwo(first, second, one, two, scratch);
            sum += Double.doubleToRawLongBits(one[Driver.EBITDA_MULTIPLE.ordinal()] + two[Driver.COLLECTIONS_GROWTH.ordinal()]);
        }
        return sum;
    }
}
