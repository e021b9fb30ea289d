package org.msocap.simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.benchmarks.LargeCapTable;
import org.msocap.waterfall.ResolvedCapTable;

/**
 * The payout pass's splits ({@link IntegerWeights}) alone, timed in CPU time of this thread: the ten-class table's
 * weight sets through {@code addSplit} (two and three holdings, as the series pass splits them), the large table's
 * series of 16–17 holdings and common class of 142 through {@code splitSome} (the binned pass, a few holdings wanted),
 * and its compounding series' 70+-bit preference weights through {@code split} when {@code IntegerWeights.of} takes them.
 * In package {@code org.msocap.simulation} for the package-private class; it calls only methods every jar since session 10
 * has, so the same classes run against an older jar: {@code java -cp benchmarks/target/classes:OLD.jar ...}.
 *
 * <p>Run: {@code java [-XX:TieredStopAtLevel=1] -cp benchmarks/target/benchmarks.jar org.msocap.simulation.SplitHarness
 * [seconds] [rounds]}
 */
public final class SplitHarness {

    /** The ten-class table's weight sets as the series pass splits them (benchmarks/ten-class.yaml, one exit day). */
    private static final long[][] TEN_CLASS = {
        {1688465, 1180845}, {1833536, 1572650}, {800000, 4000000, 3000000}, {762053, 1467176, 412981},
        {22155133, 9833373}, {2804275, 4433530, 4384450}, {2059789, 1358574}, {643361, 2018298, 1596876},
        {510955, 2301678}, {516715, 1861089, 2115219},
    };

    private SplitHarness() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SplittableRandom random = new SplittableRandom(17);
        long[] cents = new long[8192];
        for (int k = 0; k < cents.length; k++) {
            // A class's payout: $0.01 to about $300M, log-uniform (most between $1M and $100M).
            cents[k] = (long) Math.exp(random.nextDouble(Math.log(1e8), Math.log(3e10)));
        }
        IntegerWeights[] tenClass = new IntegerWeights[TEN_CLASS.length];
        int[][] tenTargets = new int[TEN_CLASS.length][];
        for (int i = 0; i < TEN_CLASS.length; i++) {
            tenClass[i] = new IntegerWeights(TEN_CLASS[i]);
            tenTargets[i] = new int[TEN_CLASS[i].length];
            for (int j = 0; j < tenTargets[i].length; j++) {
                tenTargets[i][j] = random.nextInt(20);
            }
        }
        // The large table's shapes: series of 16–17 holdings (24–27-bit weights, 2–5 wanted), the common class of 142
        // (21 wanted).
        List<IntegerWeights> series = new ArrayList<>();
        List<int[]> seriesWanted = new ArrayList<>();
        for (int s = 0; s < 11; s++) {
            int m = 16 + s % 2;
            long[] w = new long[m];
            for (int j = 0; j < m; j++) {
                w[j] = 150_000 + random.nextLong(1L << (21 + s % 4));
            }
            series.add(new IntegerWeights(w));
            seriesWanted.add(random.ints(0, m).distinct().limit(2 + s % 4).sorted().toArray());
        }
        long[] commonWeights = new long[142];
        for (int j = 0; j < commonWeights.length; j++) {
            commonWeights[j] = 50_000 + random.nextLong(1_000_000);
        }
        IntegerWeights common = new IntegerWeights(commonWeights);
        int[] commonWanted = random.ints(0, 142).distinct().limit(21).sorted().toArray();
        // The large table's claimants whose preference weights are too wide for 62 bits (compounding dividends).
        IntegerWeights wideWeights = null;
        ResolvedCapTable large = ResolvedCapTable.of(LargeCapTable.venture(), LargeCapTable.EXIT_DATE, true);
        for (ResolvedCapTable.Claimant c : large.claimants()) {
            List<BigFraction> w = c.pieces().stream().map(ResolvedCapTable.Piece::preferenceWeight).toList();
            BigInteger denominator = BigInteger.ONE;
            for (BigFraction f : w) {
                denominator = denominator.divide(denominator.gcd(f.getDenominator())).multiply(f.getDenominator());
            }
            if (w.size() > 1 && denominator.bitLength() > 40 && IntegerWeights.of(w) == null && wideWeights == null) {
                System.out.printf("%s: %d preference weights over a %d-bit denominator: IntegerWeights.of gives null%n",
                        c.id(), w.size(), denominator.bitLength());
            }
            if (w.size() > 1 && denominator.bitLength() > 40 && IntegerWeights.of(w) != null && wideWeights == null) {
                wideWeights = IntegerWeights.of(w);
                System.out.printf("%s: %d preference weights over a %d-bit denominator%n", c.id(), w.size(), denominator.bitLength());
            }
        }

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        IntegerWeights.Scratch scratch = new IntegerWeights.Scratch();
        long[] out = new long[24];
        long[] parts = new long[200];
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long ops = 0;
            long start = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                for (int k = 0; k < cents.length; k++) {
                    int i = k % TEN_CLASS.length;
                    tenClass[i].addSplit(cents[k], out, tenTargets[i], 0, scratch);
                }
                ops += cents.length;
            }
            report(round, "ten-class addSplit (2-3 parts)", mx.getCurrentThreadCpuTime() - start, ops);
            for (long v : out) {
                sink += v;
            }
            ops = 0;
            start = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                for (int k = 0; k < cents.length; k++) {
                    int s = k % series.size();
                    int[] wanted = seriesWanted.get(s);
                    series.get(s).splitSome(cents[k], parts, wanted, wanted.length, scratch);
                    sink += parts[wanted[0]];
                }
                ops += cents.length;
            }
            report(round, "large series splitSome (16-17 parts, 2-5 wanted)", mx.getCurrentThreadCpuTime() - start, ops);
            ops = 0;
            start = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                for (int k = 0; k < cents.length; k += 8) {
                    common.splitSome(cents[k], parts, commonWanted, commonWanted.length, scratch);
                    sink += parts[commonWanted[0]];
                }
                ops += cents.length / 8;
            }
            report(round, "large common splitSome (142 parts, 21 wanted)", mx.getCurrentThreadCpuTime() - start, ops);
            if (wideWeights != null) {
                ops = 0;
                start = mx.getCurrentThreadCpuTime();
                while (mx.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                    for (int k = 0; k < cents.length; k += 8) {
                        wideWeights.split(cents[k], parts, scratch);
                        sink += parts[0];
                    }
                    ops += cents.length / 8;
                }
                report(round, "wide preference weights split (17 parts, 70+ bits)", mx.getCurrentThreadCpuTime() - start, ops);
            } else if (round == 0) {
                System.out.println("wide preference weights: IntegerWeights.of gives null (the split in doubles instead)");
            }
        }
        System.out.println("(sink " + sink + ")");
    }

    private static void report(int round, String what, long cpuNanos, long ops) {
        System.out.printf("round %d %-52s %7.2f ns CPU per split (%d splits)%n", round, what, (double) cpuNanos / ops, ops);
    }
}
