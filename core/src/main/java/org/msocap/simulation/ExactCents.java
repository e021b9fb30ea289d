package org.msocap.simulation;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.msocap.money.Rounding;

/**
 * Whole cents times a double factor, rounded half up exactly as {@link Rounding#toCents(BigDecimal)} rounds
 * the exact product {@code cents × factor} (the factor taken as the exact binary value it is), but without
 * allocating in the common case. The double product is off by at most one rounding step (|x|·2⁻⁵³); only
 * when it lands that close to a half cent is the product recomputed exactly.
 */
final class ExactCents {

    /** Beyond this the double product of cents cannot be trusted to locate a half cent. */
    private static final double FAST_LIMIT = 0x1.0p50;

    private ExactCents() {
    }

    /** What {@link #nearest} returns when a product lies too near a half cent to be rounded in doubles; never a result. */
    static final long UNDECIDED = Long.MIN_VALUE;

    /**
     * The whole number nearest the exact product that {@code x} approximates within {@code relative × |x|} (plus 2^-40):
     * half up (away from zero) then, since no tie is decided here. Otherwise (too near a half, NaN, infinite)
     * {@link #UNDECIDED}, and the caller computes exactly. The truncation of |x| + 1/2 is kept when |x| lies within 1/2
     * less the slack of it: then it is the whole number nearest |x|, and the halves on either side are farther than the
     * slack. That test holds whatever the addition and truncation did (they only propose the whole number), and the
     * difference of |x| and a whole number within one of it is exact, so no range check is needed: from 2^52 on the slack
     * of any caller's {@code relative} (2^-52 or more) exceeds 1/2, and |x| of 2^63 or more (the truncation saturates)
     * needs {@code relative} of at least 2^-62 to defer.
     *
     * <p>Three methods of at most 25 bytes of bytecode and 10 slots of stack and locals each, which C1 inlines into one
     * another and into their callers ({@link #times(long, double)}, {@link Rate#times}, the exit value's roundings; C1's
     * limit of 35 bytes shrinks with each level of inlining): one method was a call, with its spills, five to seven times
     * a run.
     */
    static long nearest(double x, double relative) {
        // No local: C1 inlines only a callee of at most 10 stack and local slots beyond its parameters.
        return signed(x, nearestOfMagnitude(Math.abs(x), (long) (Math.abs(x) + 0.5), relative));
    }

    /** {@code rounded} when it lies within 1/2 less the slack ({@code magnitude × relative + 2^-40}) of {@code magnitude}. */
    private static long nearestOfMagnitude(double magnitude, long rounded, double relative) {
        if (Math.abs(magnitude - rounded) < HALF_LESS_MARGIN - magnitude * relative) {
            return rounded;
        }
        return UNDECIDED;
    }

    /** 1/2 less the absolute part of {@link #nearest}'s slack. */
    private static final double HALF_LESS_MARGIN = 0.5 - 0x1.0p-40;

    /** {@code rounded} with the sign of {@code x}; {@link #UNDECIDED} (Long.MIN_VALUE) is its own negation. */
    private static long signed(double x, long rounded) {
        return x >= 0 ? rounded : -rounded;
    }

    /**
     * {@code x / d} for {@code x >= 0} and {@code d > 0}, without a long division: C1 compiles {@code /} and {@code %} on
     * longs as calls into the VM ({@code SharedRuntime::ldiv}, a tenth of the exit value's time per run), a double division
     * is one instruction. The double quotient is within two units of the true one below 2^52 (three roundings of relative
     * 2^-53 each), and the remainder of the estimate is exact in wrapping long arithmetic (its true value lies within
     * (−2d, 3d), inside the long range for {@code d < 2^60}), so a step or two corrects it. Larger quotients or divisors
     * divide in longs.
     */
    static long quotient(long x, long d) {
        double estimate = (double) x / (double) d;
        if (estimate >= 0x1.0p52 || d >= 1L << 60 || x < 0 || d <= 0) {
            return x / d;
        }
        long q = (long) estimate;
        long r = x - q * d;
        while (r < 0) {
            q--;
            r += d;
        }
        while (r >= d) {
            q++;
            r -= d;
        }
        return q;
    }

    /**
     * {@code round_half_up(cents × factor)} in cents; factor must be finite. Short enough for C1 to inline (at most 35
     * bytes of bytecode; the exact step is a call of its own): the exit value's and the bridge's products each run it once
     * a run. Cents of any size: the double nearest the cents (2^-53 relative) and the product's rounding (2^-53) are inside
     * the slack of 2^-50 with the shift's, and {@link #nearest} defers every product of 2^50 or more.
     */
    static long times(long cents, double factor) {
        long rounded = nearest(cents * factor, 0x1.0p-50);
        if (rounded != UNDECIDED) {
            return rounded;
        }
        return exact(cents, factor);
    }

    /**
     * {@code round_half_up(cents × factor)} exactly, in binary: the factor is a whole m times 2^e, so the product is
     * |cents| × m (at most 116 bits, two longs) over 2^−e, rounded half away from zero by its bits. The exit value's
     * {@code ebitda × multiple} lands this near a half cent a few dozen runs a million, and BigDecimal of the multiple's
     * fifty-odd decimal digits took about a hundred microseconds a call in a fresh JVM (still interpreted). A factor that
     * is not finite, or of 2^52 or more, and a product that does not round below 2^62 go through BigDecimal, which throws
     * or rounds as before.
     */
    static long exact(long cents, double factor) {
        long bits = Double.doubleToRawLongBits(factor);
        int biased = (int) (bits >>> 52) & 0x7ff;
        int shift = 1075 - (biased == 0 ? 1 : biased);
        if (biased == 0x7ff || shift <= 0 || shift > 126 || cents == Long.MIN_VALUE) {
            return exact(cents, new BigDecimal(factor));
        }
        // factor = ±whole × 2^−shift (a subnormal's fraction without the leading one).
        long whole = biased == 0 ? bits & 0xfffffffffffffL : (bits & 0xfffffffffffffL) | 1L << 52;
        long magnitude = Math.abs(cents);
        long high = Math.multiplyHigh(magnitude, whole);
        long low = magnitude * whole;
        // Plus half of 2^shift, then shifted right by shift: the product's magnitude rounded half up.
        long halfLow = shift <= 64 ? 1L << (shift - 1) : 0;
        long halfHigh = shift <= 64 ? 0 : 1L << (shift - 65);
        long sumLow = low + halfLow;
        long sumHigh = high + halfHigh + (Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0);
        long rounded;
        if (shift < 64) {
            if (sumHigh >>> shift != 0) {
                return exact(cents, new BigDecimal(factor));
            }
            rounded = sumHigh << (64 - shift) | sumLow >>> shift;
        } else {
            rounded = sumHigh >>> (shift - 64);
        }
        if (rounded >>> 62 != 0) {
            return exact(cents, new BigDecimal(factor));
        }
        return (cents < 0) != (bits < 0) ? -rounded : rounded;
    }

    /**
     * {@code round_half_up(cents × (1 + g)^years)}, exactly, with g the exact value of the double (as {@code (1 + new
     * BigDecimal(g)).pow(years)} takes it), or {@link #UNDECIDED} when it does not fit in a long (or g is not finite).
     * In binary: g is a whole number times 2^e, so 1 + g is a whole m over 2^k and the product cents × m^years over
     * 2^(k·years), rounded half away from zero by its magnitude's bits: BigInteger on up to about a thousand bits (k is
     * 57 for g near 0.05, and 16 years take 930), where the decimal powers of a 50-digit BigDecimal took tens of
     * microseconds a call (the grown amounts the doubles cannot decide, near a half cent: a few runs in a hundred
     * thousand, often still interpreted).
     */
    static long grown(long cents, double g, int years) {
        long bits = Double.doubleToRawLongBits(g);
        int biased = (int) (bits >>> 52) & 0x7ff;
        if (biased == 0x7ff) {
            return UNDECIDED;
        }
        // g = ±whole × 2^exponent (a subnormal's fraction without the leading one).
        long whole = biased == 0 ? bits & 0xfffffffffffffL : (bits & 0xfffffffffffffL) | 1L << 52;
        int exponent = (biased == 0 ? 1 : biased) - 1075;
        BigInteger signed = BigInteger.valueOf(bits < 0 ? -whole : whole);
        BigInteger m;
        int k;
        if (exponent >= 0) {
            m = signed.shiftLeft(exponent).add(BigInteger.ONE);
            k = 0;
        } else {
            k = -exponent;
            m = BigInteger.ONE.shiftLeft(k).add(signed);
        }
        BigInteger product = BigInteger.valueOf(cents).multiply(m.pow(years));
        int shift = k * years;
        BigInteger magnitude = product.abs();
        if (shift > 0) {
            magnitude = magnitude.add(BigInteger.ONE.shiftLeft(shift - 1)).shiftRight(shift);
        }
        if (magnitude.bitLength() > 62) {
            return UNDECIDED;
        }
        return product.signum() < 0 ? -magnitude.longValue() : magnitude.longValue();
    }

    /**
     * {@code round_half_up(cents × fraction)} for an exact decimal fraction. A fraction of at most 18 digits and
     * 18 decimals (every rate a model gives) is its digits over a power of ten: the product and the rounding are
     * then done in longs, exactly, whenever the product fits; BigDecimal otherwise.
     */
    static long times(long cents, BigDecimal fraction) {
        int scale = fraction.scale();
        if (scale >= 0 && scale < POWERS_OF_TEN.length && fraction.precision() <= 18) {
            long digits = fraction.unscaledValue().longValue();
            long product = cents * digits;
            long high = Math.multiplyHigh(cents, digits);
            if (high == product >> 63) { // the product fits in a long
                long unit = POWERS_OF_TEN[scale];
                long quotient = product / unit;  // toward zero
                long remainder = product - quotient * unit;
                // Half up is away from zero on a tie, as BigDecimal's HALF_UP; |remainder| < unit <= 10^18.
                return quotient + (2 * Math.abs(remainder) >= unit ? Long.signum(product) : 0);
            }
        }
        return exact(cents, fraction);
    }

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
        }
    }

    /**
     * {@code round_half_up(cents × exact)} where {@code approx} is the double nearest to {@code exact}: the
     * double product decides unless it lands within its error bound of a half cent.
     */
    static long times(long cents, BigDecimal exact, double approx) {
        if (Math.abs((double) cents) < FAST_LIMIT) {
            // The factor's rounding and the product's (2^-53 relative each), inside 2^-49 with the shift's.
            long rounded = nearest(cents * approx, 0x1.0p-49);
            if (rounded != UNDECIDED) {
                return rounded;
            }
        }
        // Near a half cent (a rate of few digits lands exactly on one every few runs): its digits in longs, not BigDecimal.
        return times(cents, exact);
    }

    /**
     * An exact decimal rate applied to many amounts: {@link #times(long, BigDecimal, double)} with the rate's digits and
     * power of ten taken out once, so the exact step near a half cent (a rate of few digits lands on one every few
     * runs) neither allocates nor goes through BigDecimal when the product fits in a long.
     */
    static final class Rate {
        private final BigDecimal exact;
        private final double approx;
        /** The rate's digits and its power of ten; unit 0 when it has more than 18 digits or decimals. */
        private final long digits;
        private final long unit;

        Rate(BigDecimal exact) {
            this.exact = exact;
            this.approx = exact.doubleValue();
            int scale = exact.scale();
            boolean inLongs = scale >= 0 && scale < POWERS_OF_TEN.length && exact.precision() <= 18;
            this.digits = inLongs ? exact.unscaledValue().longValue() : 0;
            this.unit = inLongs ? POWERS_OF_TEN[scale] : 0;
        }

        /**
         * {@code round_half_up(cents × rate)}, the same cents as {@link ExactCents#times(long, BigDecimal, double)}. Short
         * enough for C1 to inline, as {@link ExactCents#times(long, double)}: the cents' double, the rate's and the product's
         * roundings (2^-53 relative each) are inside the slack of 2^-49 with the shift's, whatever the cents.
         */
        long times(long cents) {
            long rounded = nearest(cents * approx, 0x1.0p-49);
            if (rounded != UNDECIDED) {
                return rounded;
            }
            return timesInLongs(cents);
        }

        /** The same cents as {@link ExactCents#times(long, BigDecimal)}: in longs when the product fits, without allocating. */
        long timesInLongs(long cents) {
            if (unit != 0 && Math.abs((double) cents * (double) digits) < 0x1.0p62) {
                // The product fits (the double errs by a relative 2^-52 at most): its quotient without a long division.
                long product = cents * digits;
                long magnitude = Math.abs(product);
                long quotient = quotient(magnitude, unit);
                long up = 2 * (magnitude - quotient * unit) >= unit ? 1 : 0;
                return product < 0 ? -quotient - up : quotient + up;
            }
            if (unit != 0) {
                long product = cents * digits;
                if (Math.multiplyHigh(cents, digits) == product >> 63) {
                    long quotient = product / unit;
                    long remainder = product - quotient * unit;
                    return quotient + (2 * Math.abs(remainder) >= unit ? Long.signum(product) : 0);
                }
            }
            return exact(cents, exact);
        }
    }

    /**
     * {@link #mulDiv} when a factor is too wide for a double (large integer weights of a split): the estimate is off by up
     * to a few thousand units, so the 128-bit remainder of the estimate is taken exactly, divided in doubles for a second
     * estimate (now off by at most one), and the last step corrected in longs. No BigInteger: this runs once per holding
     * per simulated run.
     */
    private static void wideMulDiv(long a, long b, long d, long high, long low, double estimate, long[] out) {
        long q = (long) estimate;
        // r = a·b − q·d in 128 bits (hi, lo)
        long qdHigh = Math.multiplyHigh(q, d);
        long qdLow = q * d;
        long rLow = low - qdLow;
        long rHigh = high - qdHigh - (Long.compareUnsigned(low, qdLow) < 0 ? 1 : 0);
        double r;
        if (rHigh < 0) {
            long nLow = -rLow;
            long nHigh = ~rHigh + (rLow == 0 ? 1 : 0);
            r = -(nHigh * 0x1p64 + unsignedToDouble(nLow));
        } else {
            r = rHigh * 0x1p64 + unsignedToDouble(rLow);
        }
        q += (long) Math.floor(r / d);
        long rem = low - q * d; // the true remainder is now within (-2d, 2d): its low 64 bits are it
        while (rem < 0) {
            q--;
            rem += d;
        }
        while (rem >= d) {
            q++;
            rem -= d;
        }
        out[0] = q;
        out[1] = rem;
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    /**
     * {@code floor(a × b ÷ d)} and the remainder, exactly, for non-negative {@code a}, {@code b} and {@code d > 0}
     * whose quotient fits in a long, into {@code out[0]}, {@code out[1]}. The quotient is estimated in doubles (off by a few units
     * at most) and corrected with wrapping long arithmetic: the true remainder of the estimate is small, so its
     * low 64 bits are the remainder itself.
     */
    static void mulDiv(long a, long b, long d, long[] out) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            long q = low / d;   // one division: the remainder follows from the quotient
            out[0] = q;
            out[1] = low - q * d;
            return;
        }
        double estimate = (double) a * (double) b / (double) d;
        if (a >= 0 && b >= 0 && d > 0 && estimate < 0x1.0p61 && (a >= (1L << 53) || b >= (1L << 53))) {
            wideMulDiv(a, b, d, high, low, estimate, out);
            return;
        }
        if (a >= (1L << 53) || b >= (1L << 53) || a < 0 || b < 0 || d <= 0 || estimate >= 0x1.0p61) {
            java.math.BigInteger[] qr = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                    .divideAndRemainder(java.math.BigInteger.valueOf(d));
            out[0] = qr[0].longValueExact();
            out[1] = qr[1].longValue();
            return;
        }
        long q = (long) estimate;
        long r = low - q * d;
        while (r < 0) {
            q--;
            r += d;
        }
        while (Long.compareUnsigned(r, d) >= 0) {
            q++;
            r -= d;
        }
        out[0] = q;
        out[1] = r;
    }

    static long exact(long cents, BigDecimal factor) {
        return Rounding.toCents(BigDecimal.valueOf(cents, 2).multiply(factor)).cents();
    }
}
