package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.money.Allocation;
import org.msocap.money.Money;

/**
 * The fast tier's hand-out of the left-over cents: the branch-free sort of a few keys at the cut, the selection from
 * more, and ties there.
 */
class BreakpointTableHandOutTest {

    /**
     * The evaluator's ceiling (for its noise bands, in place of {@code Math.ceil}, which C1 does not inline) is
     * {@code (long) Math.ceil} for whole and fractional values either side of 0, at the edges of the long range, for
     * infinities and NaN, and for doubles drawn from every bit pattern.
     */
    @Test
    void ceilingToLongIsMathCeilCastToLong() {
        double[] edges = {0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, Double.MIN_VALUE, -Double.MIN_VALUE,
            Math.nextDown(1.0), Math.nextUp(1.0), 0x1p52 - 0.5, 0x1p52, 0x1p62 + 0x1p10, 0x1p63, -0x1p63, 0x1p64, -0x1p64,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double x : edges) {
            assertThat(BreakpointTable.Evaluator.ceilToLong(x)).as("%s", x).isEqualTo((long) Math.ceil(x));
        }
        qt().withFixedSeed(20261204L).withExamples(20000).forAll(longs().all()).checkAssert(bits -> {
            double x = Double.longBitsToDouble(bits);
            double small = x * 0x1p-1000; // most bit patterns are huge: scale some down to where fractions are
            assertThat(BreakpointTable.Evaluator.ceilToLong(x)).as("%s", x).isEqualTo((long) Math.ceil(x));
            assertThat(BreakpointTable.Evaluator.ceilToLong(small)).as("%s", small).isEqualTo((long) Math.ceil(small));
        });
        qt().withFixedSeed(20261205L).withExamples(20000).forAll(longs().between(-1L << 40, 1L << 40)).checkAssert(q -> {
            double x = q * 0x1p-8; // fractions of 1/256 around 0 and up to 2^32
            assertThat(BreakpointTable.Evaluator.ceilToLong(x)).as("%s", x).isEqualTo((long) Math.ceil(x));
        });
    }

    /**
     * The network sorts every input of 0s and 1s of every length up to 8 (so, by the 0-1 principle, every input), on
     * both sides of 1/2 (keys flipped), with keys that tie on the remainder and differ only in the index bits.
     */
    @Test
    void sortOfEightOrdersEveryZeroOneInputOnBothSides() {
        for (long flip : new long[] {0, Long.MAX_VALUE}) {
            for (int size = 0; size <= 8; size++) {
                for (int bits = 0; bits < 1 << size; bits++) {
                    long[] keys = new long[size + 8];
                    for (int t = 0; t < size; t++) {
                        double remainder = flip == 0 ? 0.25 + 0.125 * (bits >> t & 1) : 0.5 + 0.125 * (bits >> t & 1);
                        keys[t] = BreakpointTable.Evaluator.key(remainder, 0);
                    }
                    assertSorted(keys, size, flip);
                }
            }
        }
    }

    @Test
    void sortOfEightOrdersTiesByIndex() {
        Random r = new Random(5);
        for (int round = 0; round < 50_000; round++) {
            long flip = r.nextBoolean() ? 0 : Long.MAX_VALUE;
            int size = r.nextInt(9);
            long[] keys = new long[size + 8];
            for (int t = 0; t < size; t++) {
                // Three remainders only, so most keys tie on the remainder and are ordered by their index bits.
                double remainder = (flip == 0 ? 0.4 : 0.5) + 0.03 * r.nextInt(3);
                keys[t] = BreakpointTable.Evaluator.key(remainder, t * 37 + r.nextInt(37));
            }
            assertSorted(keys, size, flip);
        }
    }

    /**
     * The selection puts the largest {@code count} first, in order, for every input of 0s and 1s of 9 to 14 keys (by the
     * 0-1 principle, every input: it is a fixed sequence of compare-exchanges), on both sides of 1/2.
     */
    @Test
    void selectionOrdersTheLargestOfEveryZeroOneInputOnBothSides() {
        for (long flip : new long[] {0, Long.MAX_VALUE}) {
            for (int size = 9; size <= 14; size++) {
                for (int count = 2; count <= size; count++) {
                    for (int bits = 0; bits < 1 << size; bits++) {
                        long[] keys = new long[size];
                        for (int t = 0; t < size; t++) {
                            double remainder = flip == 0 ? 0.25 + 0.125 * (bits >> t & 1) : 0.5 + 0.125 * (bits >> t & 1);
                            keys[t] = BreakpointTable.Evaluator.key(remainder, 0);
                        }
                        assertLargestSelected(keys, size, count, flip);
                    }
                }
            }
        }
    }

    @Test
    void selectionOrdersTiesByIndex() {
        Random r = new Random(11);
        for (int round = 0; round < 50_000; round++) {
            long flip = r.nextBoolean() ? 0 : Long.MAX_VALUE;
            int size = 9 + r.nextInt(24);
            int count = 2 + r.nextInt(size - 1);
            long[] keys = new long[size];
            for (int t = 0; t < size; t++) {
                double remainder = (flip == 0 ? 0.4 : 0.5) + 0.03 * r.nextInt(3);
                keys[t] = BreakpointTable.Evaluator.key(remainder, t * 31 + r.nextInt(31));
            }
            assertLargestSelected(keys, size, count, flip);
        }
    }

    private static void assertLargestSelected(long[] keys, int size, int count, long flip) {
        long[] expected = Arrays.stream(keys, 0, size).map(k -> k ^ flip).sorted().toArray();
        BreakpointTable.Evaluator.selectLargestDescending(keys, size, count, flip);
        for (int t = 0; t < count; t++) {
            assertThat(keys[t]).as("position %d of %d", t, size).isEqualTo(expected[size - 1 - t]);
        }
        assertThat(Arrays.stream(keys, 0, size).sorted().toArray()).as("the same keys, flipped").containsExactly(expected);
    }

    private static void assertSorted(long[] keys, int size, long flip) {
        long[] expected = Arrays.stream(keys, 0, size).map(k -> k ^ flip).sorted().toArray();
        BreakpointTable.Evaluator.sortEightDescending(keys, size, flip);
        for (int t = 0; t < size; t++) {
            assertThat(keys[t]).as("position %d of %d", t, size).isEqualTo(expected[size - 1 - t]);
        }
    }

    /**
     * Groups of identical wide lines (equal remainders at every value) on one segment: the cut falls inside a group at
     * most values, with one to several cents changing hands on either side of 1/2, so the few keys at the cut are
     * sorted by the network and ties go to the lower index. Every evaluation equals the exact allocation, and most
     * stay in the fast tier.
     */
    @Test
    void identicalLinesSplitAtTheCutByIndexLikeTheExactAllocation() {
        // Twelve claimants: six groups of two identical lines with wide denominators (beyond the exact-long tier),
        // shares summing to 1 and intercepts to 0, so the lines split the proceeds.
        BigInteger wide = BigInteger.valueOf(1_000_000_007L).multiply(BigInteger.valueOf(998_244_353L));
        long[] weights = {11_111, 23_456, 31_337, 47_000, 52_525, 61_803};
        long total = 2 * Arrays.stream(weights).sum();
        List<BigFraction> shares = new ArrayList<>();
        List<BigFraction> intercepts = new ArrayList<>();
        for (int g = 0; g < weights.length; g++) {
            BigFraction share = new BigFraction(weights[g], total);
            BigFraction intercept = new BigFraction(BigInteger.valueOf((g - 2) * 7_919L), wide);
            for (int twin = 0; twin < 2; twin++) {
                shares.add(share);
                intercepts.add(intercept);
            }
        }
        BigFraction sumOfIntercepts = intercepts.stream().reduce(BigFraction.ZERO, BigFraction::add);
        intercepts.set(0, intercepts.get(0).subtract(sumOfIntercepts));
        shares.set(0, shares.get(0).add(BigFraction.ONE.subtract(shares.stream().reduce(BigFraction.ZERO, BigFraction::add))));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            ids.add("c" + i);
        }
        BreakpointTable.Segment segment = new BreakpointTable.Segment(BigFraction.ZERO, intercepts, shares);
        BreakpointTable table = BreakpointTable.ofSegments(ids, List.of(segment));
        BreakpointTable.Evaluator evaluator = table.evaluator();
        long[] out = new long[ids.size()];
        Random r = new Random(17);
        int splitTwins = 0;
        for (int t = 0; t < 20_000; t++) {
            long cents = 1_000 + (long) (r.nextDouble() * 1_000_000_000L);
            evaluator.classPayoutCents(cents, out);
            BigFraction x = new BigFraction(BigInteger.valueOf(cents), BigInteger.valueOf(100));
            List<BigFraction> parts = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                parts.add(segment.payout(i, x));
            }
            long[] expected = Allocation.toCents(Money.ofCents(cents), parts).stream().mapToLong(Money::cents).toArray();
            assertThat(out).as("%d cents", cents).containsExactly(expected);
            for (int g = 2; g < ids.size(); g += 2) {
                assertThat(out[g] - out[g + 1]).isBetween(0L, 1L);
                splitTwins += (int) (out[g] - out[g + 1]);
            }
        }
        assertThat(splitTwins).as("values where the cut falls between twins").isGreaterThan(1_000);
        assertThat(evaluator.fastRetries()).as("evaluations redone in double-double").isLessThan(20_000 / 4);
    }

    /**
     * Pairs of wide lines whose remainders straddle 1/2 by 2^-60 to 2^-17 at the exit value, one more at 3/4 and the
     * rest of the proceeds on a last line (at 1/4 there): the up-front cents are the left-over cents unless the fixed
     * point misplaces a pair's key, and where it cannot tell the pair apart the fast tier must not keep its order at the
     * cut (it skips searching the keys at 1/2 only when no wide line's remainder lies within the band there). At 2^34 to
     * 2^40 cents, where the multiply-add's rounding is near the band, without the integer pass and with it, at noise
     * scales 1 and 2^10: every evaluation equals the exact allocation.
     */
    @Test
    void remaindersStraddlingOneHalfSplitLikeTheExactAllocation() {
        BigFraction hundred = new BigFraction(100);
        BigFraction half = new BigFraction(1, 2);
        qt().withFixedSeed(20261206L).withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int pairs = 1 + r.nextInt(6);
            int n = 2 * pairs + 2;
            long x0 = (1L << (34 + r.nextInt(6))) + r.nextInt(1 << 30);
            BigFraction x = new BigFraction(BigInteger.valueOf(x0), BigInteger.valueOf(100));
            BigInteger q = BigInteger.probablePrime(61, r);
            List<BigFraction> intercepts = new ArrayList<>();
            List<BigFraction> shares = new ArrayList<>();
            BigFraction shareSum = BigFraction.ZERO;
            BigFraction interceptSum = BigFraction.ZERO;
            BigFraction delta = BigFraction.ZERO;
            for (int line = 0; line < n - 1; line++) {
                if (line % 2 == 0) { // a pair's distance from 1/2
                    delta = new BigFraction(BigInteger.ONE, BigInteger.ONE.shiftLeft(17 + r.nextInt(44))).multiply(1 + r.nextInt(3));
                }
                BigFraction remainder = line == n - 2 ? new BigFraction(3, 4) : line % 2 == 0 ? half.add(delta) : half.subtract(delta);
                BigFraction share = new BigFraction(new BigInteger(60, r).add(BigInteger.ONE), q).divide(n);
                BigFraction cents = share.multiply(x0);
                BigInteger floor = cents.getNumerator().divide(cents.getDenominator());
                BigFraction intercept = new BigFraction(floor).add(remainder).divide(hundred).subtract(share.multiply(x));
                intercepts.add(intercept);
                shares.add(share);
                shareSum = shareSum.add(share);
                interceptSum = interceptSum.add(intercept);
            }
            int swap = 2 * r.nextInt(pairs); // the line above 1/2 second in a pair: ties of the key's index bits
            if (r.nextBoolean()) {
                BigFraction a = intercepts.get(swap);
                intercepts.set(swap, intercepts.get(swap + 1));
                intercepts.set(swap + 1, a);
                BigFraction b = shares.get(swap);
                shares.set(swap, shares.get(swap + 1));
                shares.set(swap + 1, b);
            }
            intercepts.add(interceptSum.negate());
            shares.add(BigFraction.ONE.subtract(shareSum));
            BreakpointTable.Segment segment = new BreakpointTable.Segment(BigFraction.ZERO, intercepts, shares);
            BreakpointTable table = tableOf(segment, n);
            for (long cents = x0 - 1; cents <= x0 + 1; cents++) {
                BigFraction at = new BigFraction(BigInteger.valueOf(cents), BigInteger.valueOf(100));
                List<BigFraction> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    parts.add(segment.payout(i, at));
                }
                long[] expected = Allocation.toCents(Money.ofCents(cents), parts).stream().mapToLong(Money::cents).toArray();
                assertEveryTierGives(table, cents, expected, seed, 1, 0x1p10);
            }
        });
    }

    /**
     * Random segments of 2 to 14 wide lines that split the proceeds, at exits from $1,000 to $10 billion: about half the
     * evaluations move one cent across the cut (the pass that finds the side's two largest keys), some two or more
     * (the window), on both sides of 1/2, without the integer pass and with it, at noise scales 1 and 2^20 (which
     * send many to the precise tier and its exact orderings). Every evaluation equals the exact allocation.
     */
    @Test
    void oneCentOrMoreAcrossTheCutLikeTheExactAllocation() {
        BigFraction half = new BigFraction(1, 2);
        long[] moved = new long[3]; // evaluations moving no cent, one (either side), more
        qt().withFixedSeed(20261207L).withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int n = 2 + r.nextInt(13);
            BigInteger q = BigInteger.probablePrime(40 + r.nextInt(60), r);
            List<BigFraction> intercepts = new ArrayList<>();
            List<BigFraction> shares = new ArrayList<>();
            BigFraction shareSum = BigFraction.ZERO;
            BigFraction interceptSum = BigFraction.ZERO;
            for (int i = 0; i < n - 1; i++) {
                BigFraction share = new BigFraction(new BigInteger(q.bitLength() - 1, r).add(BigInteger.ONE), q).divide(n);
                BigFraction intercept = new BigFraction(new BigInteger(q.bitLength() + 1, r), q); // [0, 4) dollars: no part below 0
                intercepts.add(intercept);
                shares.add(share);
                shareSum = shareSum.add(share);
                interceptSum = interceptSum.add(intercept);
            }
            intercepts.add(interceptSum.negate());
            shares.add(BigFraction.ONE.subtract(shareSum));
            BreakpointTable.Segment segment = new BreakpointTable.Segment(BigFraction.ZERO, intercepts, shares);
            BreakpointTable table = tableOf(segment, n);
            for (int t = 0; t < 10; t++) {
                long cents = (long) Math.pow(10, 5 + 7 * r.nextDouble());
                BigFraction at = new BigFraction(BigInteger.valueOf(cents), BigInteger.valueOf(100));
                List<BigFraction> parts = new ArrayList<>();
                long floors = 0;
                long upFront = 0;
                for (int i = 0; i < n; i++) {
                    BigFraction part = segment.payout(i, at);
                    parts.add(part);
                    BigFraction c = part.multiply(100);
                    BigInteger floor = c.getNumerator().divide(c.getDenominator());
                    floor = c.compareTo(new BigFraction(floor)) < 0 ? floor.subtract(BigInteger.ONE) : floor;
                    floors += floor.longValueExact();
                    upFront += c.subtract(new BigFraction(floor)).compareTo(half) >= 0 ? 1 : 0;
                }
                long shortOf = cents - floors - upFront;
                moved[(int) Math.min(Math.abs(shortOf), 2)]++;
                long[] expected = Allocation.toCents(Money.ofCents(cents), parts).stream().mapToLong(Money::cents).toArray();
                assertEveryTierGives(table, cents, expected, seed, 1, 0x1p20);
            }
        });
        assertThat(moved[1]).as("evaluations moving one cent").isGreaterThan(5_000);
        assertThat(moved[2]).as("evaluations moving more").isGreaterThan(600);
    }

    /** A one-segment table of {@code n} claimants c0, c1, ... */
    private static BreakpointTable tableOf(BreakpointTable.Segment segment, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
        }
        return BreakpointTable.ofSegments(ids, List.of(segment));
    }

    /** The evaluator's cents at each noise scale, without the integer pass and with it, are {@code expected}. */
    private static void assertEveryTierGives(BreakpointTable table, long cents, long[] expected, long seed, double... scales) {
        for (double scale : scales) {
            for (boolean integerLines : new boolean[] {false, true}) {
                long[] out = new long[expected.length];
                table.evaluatorWithNoiseScale(scale, integerLines).classPayoutCents(cents, out);
                assertThat(out).as("seed %d, %d cents, scale %s, integer lines %s", seed, cents, scale, integerLines)
                        .containsExactly(expected);
            }
        }
    }
}
