package org.msocap.simulation;

import java.math.BigInteger;
import org.msocap.model.Limits;

/**
 * Exact sums and sums of squares of cents, per series, for the standard deviations: the sample variance is
 * {@code Σ (v − mean)² / (n − 1) = (n Σv² − (Σv)²) / (n (n − 1))} exactly, so the tallies that pass over every value
 * anyway ({@link SeriesTallies}, {@link ValueTallies}) keep {@code Σv²} and the statistics need no second pass about the
 * mean; {@link #sampleStandardDeviation} rounds the exact figure once.
 *
 * <p>A square of cents does not fit a long, nor does a sum of them. Each value is split as {@code v = hi × 2^25 + lo},
 * {@code hi = v >> 25}, {@code 0 <= lo = v & (2^25 − 1)}, so {@code v² = hi² 2^50 + hi lo 2^26 + lo²}, and a stretch of
 * at most {@link #STRETCH} values sums {@code hi²}, {@code hi lo} and {@code lo²} in three longs: for {@code |v| <= 2^50}
 * each {@code hi²} is at most 2^50 and each {@code |hi lo|} and {@code lo²} below it, so 2^12 of them sum to at most
 * 2^62 in size: no long overflows. The values tallied are well within that: an enterprise value at most {@link Limits#MAX_AMOUNT_CENTS}
 * (10^14 cents, below 2^47), the proceeds and any series' payout at most that plus an earnout within the same limit
 * (2 × 10^14, below 2^48). Each stretch's three sums are then folded into a 128-bit total per series ({@link #addSquares}),
 * exact for any stretches and any runs: fewer than 2^31 squares each below 2^96 sum to below 2^127. Integers throughout,
 * so neither the order of the stretches nor the thread count changes a bit.
 */
final class ExactSquares {

    /** Bits of a value's low part. */
    static final int LOW_BITS = 25;
    static final long LOW_MASK = (1L << LOW_BITS) - 1;
    /** The most values one stretch's three sums may take: a chunk of runs. */
    static final int STRETCH = 4096;

    /** Per slot, a 128-bit two's complement total: its upper word at {@code 2 × slot}, its lower (unsigned) after it. */
    private final long[] words;

    ExactSquares(int slots) {
        words = new long[2 * slots];
    }

    /** Adds {@code value} to slot {@code slot}'s total. */
    void add(int slot, long value) {
        add(slot, value >> 63, value);
    }

    /**
     * Adds a stretch's squares to slot {@code slot}: {@code hiHi = Σ hi²}, {@code hiLo = Σ hi lo}, {@code loLo = Σ lo²}
     * over its values (see the class comment), that is {@code hiHi 2^50 + hiLo 2^26 + loLo}.
     */
    void addSquares(int slot, long hiHi, long hiLo, long loLo) {
        int shift = 2 * LOW_BITS;
        add(slot, hiHi >> (64 - shift), hiHi << shift);
        add(slot, hiLo >> (64 - LOW_BITS - 1), hiLo << (LOW_BITS + 1));
        add(slot, 0, loLo);
    }

    /**
     * The most a stretch's approximate sum of squares ({@link Stretch#approx}) may be for its exact sum to follow from it
     * and the sum modulo 2^64 ({@link Stretch#low}): below it the approximation is off by less than 2^60 (see
     * {@link Stretch}).
     */
    static final double MOST_APPROXIMATE = 0x1p100;

    /**
     * A stretch's squares summed in one product a value, where {@link #addSquares(int, long, long, long)} takes three:
     * {@code low = Σ v² mod 2^64} (a long product wraps) and {@code approx = Σ v²} in doubles, {@code (double) v} squared
     * and added in order. Each of the at most {@link #STRETCH} terms is off by at most a double's relative rounding
     * {@code u = 2^-53} (the conversion and the product, three times over) and each addition adds at most {@code u} of the
     * running sum, so {@code approx} is within {@code (STRETCH + 3) u (1 + 2^-30) Σ v²} of the exact sum: within 2^60 when
     * {@code approx <= } {@link #MOST_APPROXIMATE} {@code = 2^100}. Then the exact sum is the one number congruent to
     * {@code low} within 2^63 of {@code approx} ({@link #addSquares(int, Stretch)}). Past it (values of 2^44 and more)
     * the caller sums the stretch by {@link #addSquaresOf}. One multiply, one conversion and one double product a value
     * against three multiplies and the split, each long product through {@code rax} under C1: the line series' sums
     * ({@code LineSeries.sumSquaresAndClear}) 24 instructions a value against 39, payouts 0.944 (q1 0.932, q3 0.961) of
     * the three products in process (ten-class, 20 rounds).
     */
    static final class Stretch {
        long low;
        double approx;

        /** Whether {@link #addSquares(int, Stretch)} may take the stretch's exact sum from it. */
        boolean exact() {
            return approx <= MOST_APPROXIMATE;
        }
    }

    /** Adds a stretch's squares ({@link Stretch#exact} true) to slot {@code slot}. */
    void addSquares(int slot, Stretch stretch) {
        add(slot, upper(stretch.low, stretch.approx), stretch.low);
    }

    /**
     * The upper word of the number {@code E >= 0} with {@code E = low mod 2^64} within 2^62 of {@code approx}
     * ({@code <= 2^100}): its lower word is {@code low}. {@code approx = high 2^64 + rest} exactly ({@code rest} in
     * {@code [0, 2^64)}, a double's own bits); {@code E} is {@code (high + j) 2^64 + low}, {@code j} −1, 0 or 1 as
     * {@code low} (unsigned, to within 2^11 in a double) lies more than 2^63 above {@code rest}, within it or more than
     * 2^63 below it.
     */
    static long upper(long low, double approx) {
        double high = Math.floor(approx * 0x1p-64);
        double rest = approx - high * 0x1p64;
        double unsigned = low < 0 ? low + 0x1p64 : low;
        long upper = (long) high;
        if (unsigned - rest > 0x1p63) {
            upper--;
        } else if (rest - unsigned > 0x1p63) {
            upper++;
        }
        return upper;
    }

    /** Adds every slot of {@code other} (as many slots) to this one's. */
    void addAll(ExactSquares other) {
        for (int slot = 0; slot < words.length / 2; slot++) {
            add(slot, other.words[2 * slot], other.words[2 * slot + 1]);
        }
    }

    /** Sets slot {@code to}'s total to slot {@code from}'s. */
    void copy(int from, int to) {
        words[2 * to] = words[2 * from];
        words[2 * to + 1] = words[2 * from + 1];
    }

    /** Adds the 128-bit number {@code upper × 2^64 + lower} (lower unsigned): a carry out of the lower word goes up. */
    private void add(int slot, long upper, long lower) {
        long was = words[2 * slot + 1];
        long sum = was + lower;
        words[2 * slot + 1] = sum;
        words[2 * slot] += upper + (Long.compareUnsigned(sum, was) < 0 ? 1 : 0);
    }

    /** Slot {@code slot}'s total. */
    BigInteger get(int slot) {
        BigInteger lower = BigInteger.valueOf(words[2 * slot + 1] >>> 1).shiftLeft(1)
                .or(BigInteger.valueOf(words[2 * slot + 1] & 1));
        return BigInteger.valueOf(words[2 * slot]).shiftLeft(64).add(lower);
    }

    /** {@code Σ v} over {@code values[from, to)}, exactly; for the statistics' paths without tallies. */
    static BigInteger sumOf(long[] values, int from, int to) {
        ExactSquares total = new ExactSquares(1);
        for (int start = from; start < to; start += STRETCH) {
            long sum = 0;
            for (int i = start, end = Math.min(to, start + STRETCH); i < end; i++) {
                sum += values[i];
            }
            total.add(0, sum);
        }
        return total.get(0);
    }

    /** {@code Σ v²} over {@code values[from, to)}, exactly; for the statistics' paths without tallies. */
    static BigInteger squaresOf(long[] values, int from, int to) {
        ExactSquares total = new ExactSquares(1);
        total.addSquaresOf(0, values, from, to);
        return total.get(0);
    }

    /** Adds the squares of {@code values[from, to)} to slot {@code slot}, a stretch at a time. */
    void addSquaresOf(int slot, long[] values, int from, int to) {
        for (int start = from; start < to; start += STRETCH) {
            long hiHi = 0;
            long hiLo = 0;
            long loLo = 0;
            for (int i = start, end = Math.min(to, start + STRETCH); i < end; i++) {
                long v = values[i];
                long hi = v >> LOW_BITS;
                long lo = v & LOW_MASK;
                hiHi += hi * hi;
                hiLo += hi * lo;
                loLo += lo * lo;
            }
            addSquares(slot, hiHi, hiLo, loLo);
        }
    }

    /**
     * The sample standard deviation ({@code n − 1}) of {@code n} values summing to {@code sum} whose squares sum to
     * {@code squares}: {@code √((n Σv² − (Σv)²) / (n (n − 1)))}, the double nearest the exact figure (0 for fewer than
     * two values). The integer square root of the ratio scaled by {@code 4^k} has at least 55 bits; a remainder sets its
     * lowest bit (below the bit that decides the rounding), so converting it to a double rounds as the exact root would.
     */
    static double sampleStandardDeviation(long n, BigInteger sum, BigInteger squares) {
        if (n < 2) {
            return 0;
        }
        BigInteger count = BigInteger.valueOf(n);
        BigInteger numerator = count.multiply(squares).subtract(sum.multiply(sum));
        if (numerator.signum() < 0) {
            throw new IllegalStateException("squares " + squares + " below what a sum of " + sum + " over " + n + " needs");
        }
        if (numerator.signum() == 0) {
            return 0;
        }
        BigInteger denominator = count.multiply(BigInteger.valueOf(n - 1));
        int k = Math.max(0, (112 - numerator.bitLength() + denominator.bitLength() + 2) / 2 + 1);
        BigInteger[] quotient = numerator.shiftLeft(2 * k).divideAndRemainder(denominator);
        BigInteger[] root = quotient[0].sqrtAndRemainder();
        boolean exact = quotient[1].signum() == 0 && root[1].signum() == 0;
        BigInteger r = exact ? root[0] : root[0].setBit(0);
        return Math.scalb(r.doubleValue(), -k);
    }
}
