package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.msocap.money.Allocation;
import org.msocap.money.Money;

/**
 * Review stress test (opt-in: runs only with -Dstress.cases=N): the cent evaluator, at noise scales 1 to 2^44 and
 * by default, against the exact largest-remainder split ({@link Allocation}) of the segment's exact line values.
 * Adversarial hand-built segments (remainders at 1/2, within 2^-17..2^-60 of it, clustered 2^-22 apart, shared
 * by many lines, whole cents, near 0 and 1; identical lines; 1 to 1025 claimants; proceeds near 2^40 and 2^53
 * cents) and generated cap tables (exits at and around every breakpoint). E.g.
 * {@code ./mvnw -q -B -o -pl core test -Dtest=EvaluatorStressTest -Dstress.cases=15000 -Dstress.tables=200 -Dstress.seed=11}.
 */
@Tag("stress")
@EnabledIfSystemProperty(named = "stress.cases", matches = "\\d+")
class EvaluatorStressTest {

    private static final double[] SCALES = {1, 0x1p10, 0x1p20, 0x1p30, 0x1p44};
    private static final BigFraction HUNDRED = new BigFraction(100);
    static long checks;
    static long[] tiers = new long[4];

    static long[] exact(BreakpointTable.Segment seg, int n, long cents) {
        BigFraction x = new BigFraction(BigInteger.valueOf(cents), BigInteger.valueOf(100));
        List<BigFraction> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigFraction p = seg.payout(i, x);
            if (p.getNumerator().signum() < 0) {
                return null;
            }
            parts.add(p);
        }
        return Allocation.toCents(Money.ofCents(cents), parts).stream().mapToLong(Money::cents).toArray();
    }

    static void check(BreakpointTable table, BreakpointTable.Segment seg, int n, long cents, String what) {
        long[] expected = exact(seg, n, cents);
        if (expected == null) {
            return;
        }
        long[] out = new long[n];
        for (int variant = 0; variant < 2 * SCALES.length; variant++) {
            double s = SCALES[variant / 2];
            boolean integerLines = variant % 2 == 0; // both the integer pass and the launcher's multiply-add loop
            BreakpointTable.Evaluator e = table.evaluatorWithNoiseScale(s, integerLines);
            e.classPayoutCents(cents, out);
            checks++;
            tiers[0] += e.fastRetries();
            tiers[1] += e.exactLines();
            tiers[2] += e.exactOrderings();
            tiers[3] += e.exactFallbacks();
            if (!Arrays.equals(out, expected)) {
                throw new AssertionError("MISMATCH " + what + " cents=" + cents + " scale=" + s + " integerLines=" + integerLines + "\n got " + Arrays.toString(out)
                        + "\n exp " + Arrays.toString(expected) + "\n seg " + seg);
            }
        }
        table.evaluator().classPayoutCents(cents, out);
        checks++;
        if (!Arrays.equals(out, expected)) {
            throw new AssertionError("MISMATCH default " + what + " cents=" + cents);
        }
    }

    static BigFraction pow2(int e) {
        return e >= 0 ? new BigFraction(BigInteger.ONE.shiftLeft(e)) : new BigFraction(BigInteger.ONE, BigInteger.ONE.shiftLeft(-e));
    }

    /** An adversarial remainder in [0, 1), exact. */
    static BigFraction remainder(Random r, BigInteger q) {
        BigFraction half = new BigFraction(1, 2);
        switch (r.nextInt(16)) {
            case 12: return half.add(pow2(-(17 + r.nextInt(8))).multiply(r.nextInt(5) - 2));
            case 13: return half.add(pow2(-22).multiply(r.nextInt(9) - 4)).add(pow2(-23).multiply(r.nextInt(3) - 1));
            case 14: return BigFraction.ONE.subtract(pow2(-(17 + r.nextInt(8))).multiply(1 + r.nextInt(3)));
            case 15: return pow2(-(17 + r.nextInt(8))).multiply(1 + r.nextInt(3));
            case 0: return half;
            case 1: return half.add(pow2(-(30 + r.nextInt(31))));
            case 2: return half.subtract(pow2(-(30 + r.nextInt(31))));
            case 3: return new BigFraction(49, 100);
            case 4: return new BigFraction(51, 100);
            case 5: return BigFraction.ZERO;
            case 6: return pow2(-(20 + r.nextInt(41)));
            case 7: return BigFraction.ONE.subtract(pow2(-(20 + r.nextInt(41))));
            case 8: return new BigFraction(BigInteger.valueOf(r.nextInt(1_000_000)), BigInteger.valueOf(1_000_000));
            case 9: return half.add(new BigFraction(BigInteger.valueOf(r.nextInt(5) - 2), q));
            case 10: return new BigFraction(r.nextInt(4), 4);
            default: return new BigFraction(new BigInteger(q.bitLength() - 1, r), q);
        }
    }

    static long pickX(Random r) {
        switch (r.nextInt(8)) {
            case 0: return 1 + r.nextInt(1000);
            case 1: return 1000 + r.nextInt(1_000_000_000);
            case 2: return (1L << 40) - 2000 + r.nextInt(4000);
            case 3: return (1L << 41) + r.nextInt(1000) - 500;
            case 4: return (1L << 53) - 1 - r.nextInt(100);
            case 5: return (1L << (30 + r.nextInt(23))) + r.nextInt(1000);
            case 6: return (long) Math.pow(10, 3 + 12 * r.nextDouble());
            default: return 100_000 + r.nextInt(100_000_000);
        }
    }

    /** Builds a segment whose lines have chosen remainders at x0 (cents). */
    static BreakpointTable.Segment build(Random r, int n, long x0) {
        BigInteger q;
        switch (r.nextInt(5)) {
            case 0: q = BigInteger.valueOf(1 + r.nextInt(64)); break;
            case 1: q = BigInteger.probablePrime(23 + r.nextInt(10), r); break;
            case 2: q = BigInteger.probablePrime(60 + r.nextInt(10), r); break;
            case 3: q = BigInteger.probablePrime(100 + r.nextInt(200), r); break;
            default: q = BigInteger.probablePrime(40 + r.nextInt(20), r);
        }
        BigFraction[] b = new BigFraction[n];
        BigFraction[] a = new BigFraction[n]; // dollars
        BigFraction sb = BigFraction.ZERO;
        BigFraction sa = BigFraction.ZERO;
        BigFraction x = new BigFraction(BigInteger.valueOf(x0), BigInteger.valueOf(100));
        int mode = r.nextInt(6); // 0: all same remainder kind, 1: mixed, 2: many identical, 3: constants heavy
        BigFraction common = remainder(r, q);
        for (int i = 0; i < n - 1; i++) {
            if (mode == 2 && i > 0 && r.nextInt(2) == 0) {
                int j = r.nextInt(i);
                b[i] = b[j];
                a[i] = a[j];
            } else {
                // slope: share of at most 1/(n) so the last line keeps a positive share
                BigFraction slope;
                int kind = r.nextInt(mode == 3 ? 2 : 6);
                if (kind == 0) {
                    slope = BigFraction.ZERO;
                } else if (kind == 1) {
                    slope = new BigFraction(1 + r.nextInt(8), 64 * n);
                } else {
                    BigInteger k = new BigInteger(Math.max(1, q.bitLength() - 1), r).mod(q);
                    slope = new BigFraction(k, q).divide(n);
                }
                BigFraction rem = mode == 0 || r.nextInt(3) == 0 ? common : remainder(r, q);
                if (mode >= 4) {
                    rem = common.add(pow2(-(mode == 4 ? 22 : 20 + r.nextInt(4))).multiply(r.nextInt(7) - 3));
                    if (rem.compareTo(BigFraction.ZERO) < 0 || rem.compareTo(BigFraction.ONE) >= 0) {
                        rem = common;
                    }
                }
                // value at x0 in cents: floor(slope * x0) + offset + rem
                BigFraction exactCents = slope.multiply(x0);
                BigInteger fl = exactCents.getNumerator().divide(exactCents.getDenominator());
                long off = r.nextInt(7) - 3;
                BigFraction v = new BigFraction(fl.add(BigInteger.valueOf(off)).max(BigInteger.ZERO)).add(rem);
                if (slope.getNumerator().signum() == 0 && r.nextInt(2) == 0) {
                    v = new BigFraction(r.nextInt(100000)).add(rem);
                }
                b[i] = slope;
                a[i] = v.divide(HUNDRED).subtract(slope.multiply(x));
            }
            sb = sb.add(b[i]);
            sa = sa.add(a[i]);
        }
        b[n - 1] = BigFraction.ONE.subtract(sb);
        a[n - 1] = sa.negate();
        return new BreakpointTable.Segment(BigFraction.ZERO, Arrays.asList(a), Arrays.asList(b));
    }

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
        }
        return ids;
    }

    @Test
    void adversarialSegments() {
        long seed0 = Long.getLong("stress.seed", 7);
        int cases = Integer.getInteger("stress.cases", 3000);
        long start = System.nanoTime();
        for (int c = 0; c < cases; c++) {
            long seed = seed0 * 1_000_003L + c;
            Random r = new Random(seed);
            int n = new int[] {1, 2, 3, 4, 5, 8, 20, 21, 40, 100, 250, 1024, 1025}[r.nextInt(c % 50 == 0 ? 13 : 11)];
            long x0 = pickX(r);
            BreakpointTable.Segment seg = build(r, n, x0);
            BreakpointTable table = BreakpointTable.ofSegments(ids(n), List.of(seg));
            for (int t = 0; t < 12; t++) {
                long d = t < 5 ? t - 2 : (t < 9 ? r.nextInt(2001) - 1000 : (long) (r.nextGaussian() * 1e6));
                long cents = x0 + d;
                if (cents < 0 || cents >= (1L << 53) + 10) {
                    continue;
                }
                check(table, seg, n, cents, "seed " + seed + " n " + n + " x0 " + x0);
            }
        }
        System.out.printf("adversarial: %d checks, tiers %s, %.1fs%n", checks, Arrays.toString(tiers), (System.nanoTime() - start) / 1e9);
    }

    @Test
    void capTables() {
        int seeds = Integer.getInteger("stress.tables", 60);
        long start = System.nanoTime();
        long before = checks;
        for (long seed = 1000; seed < 1000 + seeds; seed++) {
            BreakpointTable table = BreakpointTable.resolve(CapTables.resolve(RandomCapTables.generate(seed)));
            int n = table.ids().size();
            Random r = new Random(seed);
            List<BreakpointTable.Segment> segs = table.segments();
            for (int t = 0; t < 2000; t++) {
                long cents;
                int k;
                if (t % 2 == 0 && segs.size() > 1) {
                    k = 1 + r.nextInt(segs.size() - 1);
                    BigFraction from = segs.get(k).from().multiply(100);
                    long c0 = from.getNumerator().divide(from.getDenominator()).longValue();
                    cents = c0 + r.nextInt(7) - 3;
                } else {
                    cents = (long) Math.pow(10, 2 + 11 * r.nextDouble());
                }
                if (cents < 0) {
                    continue;
                }
                BigFraction x = new BigFraction(BigInteger.valueOf(cents), BigInteger.valueOf(100));
                k = 0;
                while (k + 1 < segs.size() && segs.get(k + 1).from().compareTo(x) <= 0) {
                    k++;
                }
                check(table, segs.get(k), n, cents, "table seed " + seed);
            }
        }
        System.out.printf("cap tables: %d checks, tiers %s, %.1fs%n", checks - before, Arrays.toString(tiers), (System.nanoTime() - start) / 1e9);
    }

    @Test
    void nearestDoubleNearTies() {
        Random r = new Random(Long.getLong("stress.seed", 7));
        long n = 0;
        for (int t = 0; t < 200_000; t++) {
            double d = Math.scalb(1 + r.nextDouble(), r.nextInt(200) - 100) * (r.nextBoolean() ? 1 : -1);
            if (r.nextInt(8) == 0) {
                d = Math.scalb(r.nextBoolean() ? 1.0 : Math.nextDown(2.0), r.nextInt(200) - 100);
            }
            BigFraction ulp = new BigFraction(Math.ulp(d));
            BigInteger q = BigInteger.probablePrime(64 + r.nextInt(300), r);
            // d + ulp/2 + j/q ulp with |j/q| tiny, or d +- a few ulps plus junk
            BigFraction eps = new BigFraction(BigInteger.valueOf(r.nextInt(2001) - 1000), q);
            BigFraction f = new BigFraction(d).add(ulp.multiply(r.nextBoolean() ? new BigFraction(1, 2) : new BigFraction(-1, 2)).add(ulp.multiply(eps)));
            if (r.nextInt(4) == 0) {
                f = new BigFraction(d).add(ulp.multiply(new BigFraction(BigInteger.valueOf(r.nextInt(7) - 3), BigInteger.ONE)).add(ulp.multiply(eps)));
            }
            double got = org.msocap.money.Fractions.nearestDouble(f);
            BigFraction err = f.subtract(new BigFraction(got)).abs();
            // must be within half an ulp of got, and within 2^-53 |f| (1 + 2^-49), what FAST_NOISE assumes
            BigFraction half = new BigFraction(Math.ulp(got)).multiply(new BigFraction(1, 2)).multiply(BigFraction.ONE.add(new BigFraction(BigInteger.ONE, BigInteger.ONE.shiftLeft(49))));
            BigFraction rel = f.abs().multiply(new BigFraction(BigInteger.ONE, BigInteger.ONE.shiftLeft(53))).multiply(BigFraction.ONE.add(new BigFraction(BigInteger.ONE, BigInteger.ONE.shiftLeft(49))));
            if (err.compareTo(half) > 0 || err.compareTo(rel) > 0) {
                throw new AssertionError("nearestDouble(" + f + ") = " + got + " err " + err.doubleValue());
            }
            n++;
        }
        System.out.printf("nearestDouble near ties: %d checks%n", n);
    }
}
