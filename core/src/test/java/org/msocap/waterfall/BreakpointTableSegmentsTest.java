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
 * The evaluator on segments built by hand, with lines no cap table of the examples produces: denominators from 10
 * to 1,000 bits, intercepts a whole cent apart or within 2^-120 of one another, identical lines, proceeds up to
 * 2^53 cents. Every evaluation must equal the largest-remainder split of the exact line values ({@link Allocation},
 * the rule the exact engine applies), at the real noise bounds and at inflated ones that force the slower tiers.
 */
class BreakpointTableSegmentsTest {

    private static final double[] NOISE_SCALES = {1, 0x1p20, 0x1p44};

    @Test
    void slopesWithThousandBitDenominatorsKeepTheirLowParts() {
        // A slope a hair from a half-cent split, with a 900- to 1,000-bit denominator: Commons Math's
        // BigFraction.doubleValue() returns 0 for its low part, and the split came out a cent off (found in review).
        Random r = new Random(1);
        for (int bits : new int[] {900, 960}) {
            for (int t = 0; t < 40; t++) {
                BigInteger q = new BigInteger(bits, r).setBit(bits - 1).setBit(0);
                long proceeds = 100_000_000L + r.nextInt(900_000_000);
                for (long offset : new long[] {100, -100, 1000, -1000, 3000, -3000}) { // × 10^-12
                    BigFraction b0 = new BigFraction(proceeds / 3).add(new BigFraction(1, 2))
                            .add(new BigFraction(offset, 1_000_000_000_000L)).divide(proceeds).add(new BigFraction(BigInteger.ONE, q));
                    BreakpointTable.Segment segment = new BreakpointTable.Segment(BigFraction.ZERO,
                            List.of(BigFraction.ZERO, BigFraction.ZERO), List.of(b0, BigFraction.ONE.subtract(b0)));
                    BreakpointTable table = BreakpointTable.ofSegments(List.of("x", "y"), List.of(segment));
                    assertThat(table.classPayoutCents(proceeds)).as("%d bits, %d cents, offset %d", bits, proceeds, offset)
                            .containsExactly(expected(segment, 2, proceeds));
                }
            }
        }
    }

    @Test
    void handBuiltSegmentsEqualTheLargestRemainderSplitOfTheirExactValues() {
        long[] tiers = new long[3];
        qt().withFixedSeed(20261127L).withExamples(120).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int n = 2 + r.nextInt(40);
            int bits = new int[] {10, 20, 23, 30, 45, 62, 100, 200, 1000}[r.nextInt(9)];
            BigInteger q = BigInteger.probablePrime(bits, r);
            // Slopes k_i / q adding up to 1, some repeated (identical slopes), intercepts adding up to 0.
            BigInteger[] k = new BigInteger[n];
            BigInteger rest = q;
            for (int i = 0; i < n - 1; i++) {
                k[i] = i > 0 && r.nextInt(4) == 0 ? k[r.nextInt(i)].min(rest)
                        : new BigInteger(Math.max(1, bits - 1 - 32 + Integer.numberOfLeadingZeros(n)), r).min(rest);
                rest = rest.subtract(k[i]);
            }
            k[n - 1] = rest;
            BigFraction[] slopes = new BigFraction[n];
            BigFraction[] intercepts = new BigFraction[n];
            BigFraction sum = BigFraction.ZERO;
            BigInteger tie = BigInteger.ONE.shiftLeft(60 + r.nextInt(60));
            for (int i = 0; i < n; i++) {
                slopes[i] = new BigFraction(k[i], q);
                intercepts[i] = switch (r.nextInt(6)) {
                    case 0 -> BigFraction.ZERO;
                    case 1 -> new BigFraction(r.nextInt(1000), 100); // whole cents
                    case 2 -> new BigFraction(r.nextInt(1000), 100).add(new BigFraction(BigInteger.valueOf(r.nextInt(3) - 1), tie));
                    case 3 -> new BigFraction(BigInteger.valueOf(r.nextInt(1_000_000)), q.multiply(BigInteger.valueOf(7)));
                    case 4 -> i > 0 ? intercepts[r.nextInt(i)] : BigFraction.ZERO; // with a repeated slope: identical lines
                    default -> new BigFraction(BigInteger.valueOf(r.nextLong() >>> 20), BigInteger.probablePrime(50, r));
                };
                sum = sum.add(intercepts[i]);
            }
            intercepts[n - 1] = intercepts[n - 1].subtract(sum);
            BreakpointTable.Segment segment = new BreakpointTable.Segment(BigFraction.ZERO, Arrays.asList(intercepts), Arrays.asList(slopes));
            BreakpointTable table = tableOf(segment, n);
            long lowest = lowestNonNegative(segment, n);
            if (lowest < 0) {
                return; // a line that never becomes non-negative: not a payout
            }
            long[] out = new long[n];
            for (int t = 0; t < 40; t++) {
                long cents = lowest + (long) Math.floor(Math.pow(10, 14 * r.nextDouble()));
                if (r.nextInt(10) == 0) {
                    cents = (1L << 53) - 1 - r.nextInt(100_000);
                }
                long[] expected = expected(segment, n, cents);
                for (int variant = 0; variant < 2 * NOISE_SCALES.length; variant++) {
                    double scale = NOISE_SCALES[variant / 2];
                    boolean integerLines = variant % 2 == 0; // the integer pass, and the launcher's multiply-add loop
                    BreakpointTable.Evaluator evaluator = table.evaluatorWithNoiseScale(scale, integerLines);
                    evaluator.classPayoutCents(cents, out);
                    assertThat(out).as("seed %d, %d cents, noise scale %s, integer lines %s", seed, cents, scale, integerLines)
                            .containsExactly(expected);
                    tiers[0] += evaluator.fastRetries();
                    tiers[1] += evaluator.exactLines();
                    tiers[2] += evaluator.exactOrderings();
                }
            }
        });
        assertThat(Arrays.stream(tiers).min().getAsLong()).as("fewest of double-double retries, lines and orderings settled exactly "
                + Arrays.toString(tiers)).isGreaterThan(100);
    }

    /**
     * Segments where most claimants move and the rest are constants (whole cents, a fraction of a cent over a small
     * denominator or over a 50-bit prime), as in the large LLC table's heavy segments: the fast tier's integer pass
     * takes them in claimant order, each constant a line of slope 0 through its floor, the fractional constants'
     * remainders competing for the left-over cents. The cents must be the exact split's, at the real noise and at
     * inflated noise, with the integer pass and without.
     */
    @Test
    void constantsAmongMovingLinesInClaimantOrderEqualTheLargestRemainderSplit() {
        int[] laidOut = new int[2];
        long[] retries = new long[2]; // at the real noise, integer pass: evaluations redone, and all
        qt().withFixedSeed(20261203L).withExamples(120).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int n = 3 + r.nextInt(70);
            BigInteger q = BigInteger.probablePrime(40 + r.nextInt(160), r);
            boolean[] constant = new boolean[n];
            int moving = 0;
            int oneIn = r.nextInt(4) == 0 ? 1 : 3; // mostly a quarter constants, sometimes half (too many for it)
            for (int i = 0; i < n; i++) {
                constant[i] = i < n - 1 && r.nextInt(oneIn + 1) == 0; // the last claimant moves: it takes the rest
                moving += constant[i] ? 0 : 1;
            }
            BigFraction[] slopes = new BigFraction[n];
            BigFraction[] intercepts = new BigFraction[n];
            BigInteger rest = q;
            BigFraction sum = BigFraction.ZERO;
            for (int i = 0; i < n; i++) {
                if (constant[i]) {
                    slopes[i] = BigFraction.ZERO;
                    intercepts[i] = switch (r.nextInt(3)) {
                        case 0 -> new BigFraction(r.nextInt(1_000_000), 100); // whole cents
                        case 1 -> new BigFraction(r.nextInt(1_000_000), 700); // a seventh of a cent or more
                        default -> new BigFraction(BigInteger.valueOf(r.nextLong() >>> 24), BigInteger.probablePrime(50, r));
                    };
                } else {
                    BigInteger k = i == n - 1 ? rest : new BigInteger(q.bitLength() - 1, r).divide(BigInteger.valueOf(moving)).min(rest);
                    rest = rest.subtract(k);
                    slopes[i] = new BigFraction(k, q);
                    intercepts[i] = new BigFraction(BigInteger.valueOf(r.nextLong() >>> 30).subtract(BigInteger.ONE.shiftLeft(33)), q);
                }
                sum = sum.add(intercepts[i]);
            }
            intercepts[n - 1] = intercepts[n - 1].subtract(sum);
            BreakpointTable.Segment segment = new BreakpointTable.Segment(BigFraction.ZERO, Arrays.asList(intercepts), Arrays.asList(slopes));
            BreakpointTable table = tableOf(segment, n);
            laidOut[table.inClaimantOrder(0) ? 0 : 1]++;
            long lowest = lowestNonNegative(segment, n);
            if (lowest < 0) {
                return;
            }
            long[] out = new long[n];
            for (int t = 0; t < 40; t++) {
                long cents = t == 0 ? lowest : lowest + (long) Math.floor(Math.pow(10, 12 * r.nextDouble()));
                long[] expected = expected(segment, n, cents);
                for (int variant = 0; variant < 2 * NOISE_SCALES.length; variant++) {
                    boolean integerLines = variant % 2 == 0;
                    BreakpointTable.Evaluator evaluator = table.evaluatorWithNoiseScale(NOISE_SCALES[variant / 2], integerLines);
                    evaluator.classPayoutCents(cents, out);
                    assertThat(out).as("seed %d, %d cents, variant %d", seed, cents, variant).containsExactly(expected);
                    if (variant == 0) {
                        retries[0] += evaluator.fastRetries();
                        retries[1] += evaluator.evaluations();
                    }
                }
            }
        });
        assertThat(laidOut[0]).as("segments in claimant order").isGreaterThan(100);
        assertThat(laidOut[1]).as("segments with too few moving lines for it").isGreaterThan(5);
        // The constants' slots are flagged as on a whole cent; a pass that did not discount them would send every
        // evaluation to the precise tier (still exact, but slow).
        assertThat(retries[0]).as("retries of %d evaluations", retries[1]).isLessThan(retries[1] / 20); // (a line on a whole cent at the first payable cent: 1.4%)
    }

    /**
     * Two remainders either side of 1/2, closer than twice the fast tier's noise, when the cents given up front are
     * exactly the left-over cents: the fast tier cannot order them and must hand the evaluation on (one retry), both
     * when they are wide lines' (which the integer pass flags as near a half cent) and when they are fractional
     * constants' (which the evaluator checks itself when the pass flags nothing), in claimant order and not. The wide
     * lines' remainders are 1/2 ± 1.25 units of 2^-22 cent: the pass's estimates (within a unit below and 1.07 above)
     * keep them either side of 1/2 and at most 4 units apart, the fast tier's twice noise of 2^-21 cent.
     */
    @Test
    void remaindersAtOneHalfWithNothingLeftOverAreHandedOnWhenTooCloseToOrder() {
        long x0 = 1_000_000_007L; // cents
        BigFraction x = new BigFraction(BigInteger.valueOf(x0), BigInteger.valueOf(100));
        BigInteger q = BigInteger.probablePrime(61, new Random(3));
        BigFraction slope = new BigFraction(q.divide(BigInteger.valueOf(3)), q); // a wide denominator
        BigFraction floor = new BigFraction(slope.multiply(x0).getNumerator().divide(slope.multiply(x0).getDenominator()));
        BigFraction half = new BigFraction(1, 2);
        BigFraction wideOffset = new BigFraction(5, 1 << 24);
        BigFraction constantOffset = new BigFraction(1, 1 << 30);
        for (int wholeConstants = 0; wholeConstants <= 3; wholeConstants += 3) {
            for (boolean constantsAtTheHalf : new boolean[] {false, true}) {
                List<BigFraction> intercepts = new ArrayList<>(); // dollars
                List<BigFraction> slopes = new ArrayList<>();
                // The moving line at floor + 1/2 + epsilon cents at x0, or at floor + 3/10 with the constants at the half.
                BigFraction remainder = constantsAtTheHalf ? new BigFraction(3, 10) : half.add(wideOffset);
                intercepts.add(floor.add(remainder).divide(100).subtract(slope.multiply(x)));
                slopes.add(slope);
                if (constantsAtTheHalf) {
                    for (BigFraction cents : List.of(new BigFraction(1234).add(half).add(constantOffset),
                            new BigFraction(5678).add(half).subtract(constantOffset))) {
                        intercepts.add(cents.divide(100));
                        slopes.add(BigFraction.ZERO);
                    }
                }
                for (int c = 0; c < wholeConstants; c++) {
                    intercepts.add(new BigFraction(100 + c, 100));
                    slopes.add(BigFraction.ZERO);
                }
                // The last line takes the rest: the other remainder (1/2 - the offset, or 7/10).
                BigFraction sum = intercepts.stream().reduce(BigFraction.ZERO, BigFraction::add);
                intercepts.add(sum.negate());
                slopes.add(BigFraction.ONE.subtract(slope));
                int n = intercepts.size();
                BreakpointTable.Segment segment = new BreakpointTable.Segment(BigFraction.ZERO, intercepts, slopes);
                BreakpointTable table = tableOf(segment, n);
                assertThat(table.inClaimantOrder(0)).isEqualTo(wholeConstants == 0);
                BreakpointTable.Evaluator evaluator = table.evaluator();
                long[] out = new long[n];
                evaluator.classPayoutCents(x0, out);
                String what = wholeConstants + " whole constants, constants at the half " + constantsAtTheHalf;
                assertThat(out).as(what).containsExactly(expected(segment, n, x0));
                assertThat(evaluator.fastRetries()).as(what).isEqualTo(1);
            }
        }
    }

    /** A table of the one segment, claimants c0, c1, ... */
    private static BreakpointTable tableOf(BreakpointTable.Segment segment, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
        }
        return BreakpointTable.ofSegments(ids, List.of(segment));
    }

    /** The first cent from which every line is non-negative, or -1 if a line with no slope stays negative. */
    private static long lowestNonNegative(BreakpointTable.Segment segment, int n) {
        BigFraction lowest = BigFraction.ZERO;
        for (int i = 0; i < n; i++) {
            BigFraction a = segment.intercepts().get(i);
            BigFraction b = segment.marginalShares().get(i);
            if (a.compareTo(BigFraction.ZERO) < 0) {
                if (b.getNumerator().signum() == 0) {
                    return -1;
                }
                BigFraction zero = a.negate().divide(b);
                lowest = zero.compareTo(lowest) > 0 ? zero : lowest;
            }
        }
        BigInteger[] qr = lowest.multiply(100).getNumerator().divideAndRemainder(lowest.multiply(100).getDenominator());
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    private static long[] expected(BreakpointTable.Segment segment, int n, long cents) {
        BigFraction x = new BigFraction(BigInteger.valueOf(cents), BigInteger.valueOf(100));
        List<BigFraction> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(segment.payout(i, x));
        }
        return Allocation.toCents(Money.ofCents(cents), parts).stream().mapToLong(Money::cents).toArray();
    }
}
