package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's integer pass over wide lines ({@link IntegerLines}): every line's value stays within the documented
 * bound of its fixed-point estimate, the cents and keys follow from it, and a line on a whole cent is flagged.
 */
class IntegerLinesTest {

    private static final long ONE = 1L << IntegerLines.FRACTION_BITS;
    private static final long NOISE_UNITS = 3;
    private static final long ACCEPTED = ONE / 2 - 1 - 2 * NOISE_UNITS;

    /** Lines with wide denominators, slopes across [0, 1] (both ends too) and intercepts of either sign, x up to 2^40. */
    @Test
    void estimatesStayWithinTheirBoundAndGiveTheCentsAndKeys() {
        Random random = new Random(20261203);
        for (int round = 0; round < 300; round++) {
            List<BigFraction[]> lines = new ArrayList<>(); // intercept in cents, slope
            for (int t = 0; t < 40; t++) {
                BigInteger den = BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE).add(BigInteger.TWO).multiply(BigInteger.valueOf(97));
                BigFraction slope = switch (t) {
                    case 0 -> BigFraction.ZERO;
                    case 1 -> BigFraction.ONE;
                    default -> new BigFraction(new BigInteger(den.bitLength() - 1, random), den);
                };
                BigFraction intercept = new BigFraction(new BigInteger(90, random).subtract(BigInteger.ONE.shiftLeft(89)), den);
                lines.add(new BigFraction[] {intercept, slope});
            }
            long x = switch (round) {
                case 0 -> 0;
                case 1 -> IntegerLines.MAX_CENTS - 1;
                default -> random.nextLong() >>> (24 + random.nextInt(40)); // every magnitude below 2^40
            };
            check(lines, x);
        }
    }

    @Test
    void aLineOnAWholeCentIsUnsettled() {
        // 1/3 × 3,000,000,000 cents + 7/1 cents: exactly 1,000,000,007 cents.
        List<BigFraction[]> lines = List.<BigFraction[]>of(new BigFraction[] {new BigFraction(7), new BigFraction(1, 3)});
        IntegerLines limbs = limbs(lines);
        long[] sums = new long[1];
        long[] cents = new long[1];
        long[] keys = new long[1];
        limbs.pass(0, 3_000_000_000L, NOISE_UNITS, ACCEPTED, sums, cents, keys);
        assertThat(IntegerLines.flagged(sums[0])).isTrue();
        limbs.pass(0, 3_000_000_001L, NOISE_UNITS, ACCEPTED, sums, cents, keys);
        assertThat(IntegerLines.flagged(sums[0])).isFalse();
        assertThat(cents[0]).isEqualTo(1_000_000_007L); // 1/3 of a cent over: rounded down up front
        // 1/2 × 3 cents + 7 cents: on a half cent, flagged too (the evaluator then searches the keys at 1/2).
        IntegerLines halves = limbs(List.<BigFraction[]>of(new BigFraction[] {new BigFraction(7), new BigFraction(1, 2)}));
        halves.pass(0, 3, NOISE_UNITS, ACCEPTED, sums, cents, keys);
        assertThat(IntegerLines.flagged(sums[0])).isTrue();
        assertThat(IntegerLines.cents(sums[0])).isEqualTo(9); // 8.5: the half cent up front
    }

    /**
     * A segment where most claimants move, in claimant order: a constant's slot gives its floor in cents (negative
     * cents too), a negative key and a flag, which {@link IntegerLines#constantFlags} counts; the wide lines are as in
     * the table's order.
     */
    @Test
    void constantsInClaimantOrderGiveTheirFloorANegativeKeyAndACountedFlag() {
        BigFraction[] third = {new BigFraction(7), new BigFraction(1, 3)};
        List<BigInteger[]> exact = new ArrayList<>();
        for (BigFraction[] line : List.of(third, third, third)) {
            exact.add(new BigInteger[] {line[0].getNumerator(), line[0].getDenominator(), line[1].getNumerator(), line[1].getDenominator()});
        }
        long[] constantCents = {0, 12_345, 0, -3, 0}; // claimants 1 and 3 are constants
        IntegerLines limbs = new IntegerLines(1, 5, constantCents, new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 3},
                new int[] {0, 2, 4}, exact);
        assertThat(limbs.claimantOrder[0]).isTrue();
        long[] sums = new long[limbs.slots()];
        long[] cents = new long[limbs.slots()];
        long[] keys = new long[limbs.slots()];
        limbs.pass(0, 3_000_000_001L, NOISE_UNITS, ACCEPTED, sums, cents, keys);
        int from = limbs.wideStart[0];
        assertThat(Arrays.copyOfRange(cents, from, from + 5)).containsExactly(1_000_000_007L, 12_345, 1_000_000_007L, -3, 1_000_000_007L);
        long sum = -limbs.constantFlags(0, NOISE_UNITS);
        for (int i = 0; i < 5; i++) {
            assertThat(keys[from + i] < 0).as("claimant %d's key", i).isEqualTo(i == 1 || i == 3);
            assertThat(keys[from + i] & 1023).isEqualTo(1023 - i);
            assertThat(IntegerLines.flagged(sums[from + i])).isEqualTo(i == 1 || i == 3);
            sum += sums[from + i];
        }
        assertThat(sum).isEqualTo(3 * 1_000_000_007L + 12_345 - 3);
        // Two wide lines of five: not in claimant order.
        IntegerLines fewMoving = new IntegerLines(1, 5, constantCents, new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 2},
                new int[] {0, 2}, exact.subList(0, 2));
        assertThat(fewMoving.claimantOrder[0]).isFalse();
        assertThat(fewMoving.slots()).isEqualTo(2);
    }

    @Test
    void aSlopeOutsideZeroToOneLeavesTheSegmentToTheFloatingPointPass() {
        assertThat(limbs(List.<BigFraction[]>of(new BigFraction[] {BigFraction.ZERO, new BigFraction(3, 2)})).usable[0]).isFalse();
        assertThat(limbs(List.<BigFraction[]>of(new BigFraction[] {BigFraction.ZERO, new BigFraction(-1, 2)})).usable[0]).isFalse();
        assertThat(limbs(List.<BigFraction[]>of(new BigFraction[] {BigFraction.ZERO, new BigFraction(1, 2)})).usable[0]).isTrue();
    }

    private static void check(List<BigFraction[]> lines, long x) {
        IntegerLines limbs = limbs(lines);
        int m = lines.size();
        long[] sums = new long[m];
        long[] cents = new long[m];
        long[] keys = new long[m];
        limbs.pass(0, x, NOISE_UNITS, ACCEPTED, sums, cents, keys);
        for (int j = 0; j < m; j++) {
            BigFraction value = lines.get(j)[0].add(lines.get(j)[1].multiply(BigInteger.valueOf(x)));
            long fraction = keys[j] >>> 40;
            assertThat(keys[j] & 1023).isEqualTo(1023 - j);
            // f back from the cents (which include the up-front cent of a fraction of at least 1/2) and the fraction.
            long f = ((cents[j] - (fraction >= ONE / 2 ? 1 : 0)) << IntegerLines.FRACTION_BITS) | fraction;
            BigFraction scaled = value.multiply(BigInteger.valueOf(ONE));
            assertThat(scaled.compareTo(new BigFraction(f - 1))).as("line %d at %d", j, x).isGreaterThanOrEqualTo(0);
            assertThat(scaled.compareTo(new BigFraction(f).add(new BigFraction(107, 100)))).as("line %d at %d", j, x).isLessThan(0);
            BigInteger floor = floor(value);
            BigFraction remainder = value.subtract(new BigFraction(floor));
            // Flagged within the noise of a whole cent or of a half (one test modulo half a cent).
            long modHalf = fraction & (ONE / 2 - 1);
            boolean flagged = modHalf < NOISE_UNITS || modHalf > ONE / 2 - 1 - NOISE_UNITS;
            assertThat(IntegerLines.flagged(sums[j])).isEqualTo(flagged);
            assertThat(IntegerLines.cents(sums[j])).isEqualTo(cents[j]);
            if (!flagged) {
                long up = remainder.compareTo(new BigFraction(1, 2)) >= 0 ? 1 : 0;
                assertThat(cents[j]).as("line %d at %d", j, x).isEqualTo(floor.longValueExact() + up);
                assertThat(sums[j]).isEqualTo(cents[j]);
            }
        }
    }

    /** One segment of the given wide lines (intercepts in cents), claimants 0, 1, ... in order. */
    private static IntegerLines limbs(List<BigFraction[]> lines) {
        int m = lines.size();
        List<BigInteger[]> exact = new ArrayList<>();
        int[] index = new int[m];
        for (int j = 0; j < m; j++) {
            BigFraction a = lines.get(j)[0];
            BigFraction b = lines.get(j)[1];
            exact.add(new BigInteger[] {a.getNumerator(), a.getDenominator(), b.getNumerator(), b.getDenominator()});
            index[j] = j;
        }
        return new IntegerLines(1, m, new long[m], new int[] {0, 0}, new int[] {0, 0}, new int[] {0, m}, index, exact);
    }

    private static BigInteger floor(BigFraction f) {
        BigInteger[] qr = f.getNumerator().divideAndRemainder(f.getDenominator());
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }
}
