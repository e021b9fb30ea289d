package org.msocap.simulation;

import org.apache.commons.math3.util.FastMath;

/**
 * Commons Math 3.6.1's {@link FastMath#log}, bit for bit, for the arguments the normal quantile passes it: the
 * normal doubles of (0, 1] ({@code erfInv}'s {@code (1 − x)(1 + x)}). Every other argument (zero, subnormals, above
 * one, negative, NaN) is handed to {@link FastMath#log} itself, after one range check on the bits.
 *
 * <p>The same operations in the same order as {@code FastMath.log(x, null)} (Apache License 2.0, like msocap; adapted
 * from Commons Math 3.6.1, {@code org.apache.commons.math3.util.FastMath}), without what cannot happen in that range:
 * the checks for zero, sign, NaN, infinity and subnormals, the high-precision branch, and the last step of its
 * compensated sum, which adds a low part that is zero there ({@code a + 0.0} is {@code a} for the non-zero {@code a} of
 * that path, and {@code b + −0.0} is {@code b}). Under C1 the library's method is a call with half a dozen branches and
 * a second call for its table; this one is a few loads from a flat table. The tables are the library's own arrays
 * ({@link FastMathTables}; if they cannot be read, or the library on the class path computes otherwise than this
 * ({@link LibraryCheck}, once), every call goes to the library). {@code UnitIntervalLogTest} compares it with the library
 * on every binary exponent of the range and millions of arguments; {@link #pair} is two of them side by side, for the
 * two correlated drivers' quantiles.
 */
final class UnitIntervalLog {

    /** The bits of {@link Double#MIN_NORMAL} and of 1.0: the range done here. */
    private static final long LOWEST_BITS = 0x0010000000000000L;
    private static final long ONE_BITS = 0x3FF0000000000000L;
    private static final double TWO_POWER_30 = 0x1.0p30;
    private static final double TWO_POWER_30_PLUS_ONE = 0x1.0p30 + 1;
    private static final double TWO_POWER_52 = 0x1.0p52;
    /** ln 2 split in a high part of few bits and the rest (FastMath's LN_2_A and LN_2_B). */
    private static final double LN_2_A = 0.6931470632553101;
    private static final double LN_2_B = 1.1730463525082348E-7;
    /** FastMath's lnMant.LN_MANT flattened: ln(1 + i/1024) as a high part at 2i and a low part at 2i + 1. */
    private static final double[] MANTISSA;
    /** FastMath's LN_QUICK_COEF flattened (high, low), for the arguments near one. */
    private static final double[] NEAR_ONE;
    /**
     * Whether every call goes to {@link FastMath#log}: the tables could not be read, or the table path differs from the
     * library on the class path ({@link LibraryCheck}). Assigned last in the class's initialisation: while the check
     * runs it still reads false, so {@link #log} takes the table path that the check compares with the library.
     */
    private static final boolean LIBRARY_ONLY;

    static {
        double[] mantissa = FastMathTables.pairs("lnMant", "LN_MANT");
        double[] nearOne = FastMathTables.pairs(null, "LN_QUICK_COEF");
        boolean read = mantissa != null && mantissa.length == 2048 && nearOne != null && nearOne.length >= 2;
        MANTISSA = read ? mantissa : null;
        NEAR_ONE = read ? nearOne : null;
        LIBRARY_ONLY = !read || !LibraryCheck.sameBits(UnitIntervalLog::log, FastMath::log, LibraryCheck.unitInterval());
    }

    private UnitIntervalLog() {
    }

    /**
     * Whether the library's tables were read and the table path agrees with the library (otherwise {@link #log} is
     * {@link FastMath#log}); for tests.
     */
    static boolean tablesRead() {
        return !LIBRARY_ONLY;
    }

    /** {@code FastMath.log(x)}, bit for bit, for every double. */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        // NaNs and negative numbers fall outside the range as longs too (above 1.0's bits, or negative).
        if (bits < LOWEST_BITS || bits > ONE_BITS || LIBRARY_ONLY) {
            return FastMath.log(x);
        }
        return x > 0.99 ? nearOne(x) : table(bits);
    }

    /** FastMath's table path, for the bits of a normal double of (0, 0.99]. */
    private static double table(long bits) {
        int exp = (int) (bits >> 52) - 1023;
        int index = (int) ((bits & 0x000ffc0000000000L) >> 42);
        double hi = MANTISSA[2 * index];
        double lo = MANTISSA[2 * index + 1];
        double epsilon = (bits & 0x3ffffffffffL) / (TWO_POWER_52 + (bits & 0x000ffc0000000000L));
        double lnza = -0.16624882440418567;
        lnza = lnza * epsilon + 0.19999954120254515;
        lnza = lnza * epsilon + -0.2499999997677497;
        lnza = lnza * epsilon + 0.3333333333332802;
        lnza = lnza * epsilon + -0.5;
        lnza = lnza * epsilon + 1.0;
        lnza *= epsilon;
        // lnm[0] + lnza + LN_2_B·exp + lnm[1] + LN_2_A·exp, summed with compensation in FastMath's order.
        double a = LN_2_A * exp;
        double b = 0.0;
        double c = a + hi;
        double d = -(c - a - hi);
        a = c;
        b += d;
        c = a + lnza;
        d = -(c - a - lnza);
        a = c;
        b += d;
        double ln2Low = LN_2_B * exp;
        c = a + ln2Low;
        d = -(c - a - ln2Low);
        a = c;
        b += d;
        c = a + lo;
        d = -(c - a - lo);
        a = c;
        b += d;
        return a + b;
    }

    /**
     * {@code out[at] = log(x1)} and {@code out[at + 1] = log(x2)}, but for an argument near one, which is left in its
     * slot for {@link #nearOnes}: returns which (1 the first, 2 the second, 3 both, 0 none), to pass on to it. When both
     * take the table path, its steps for the two side by side (each chain of dependent operations waits on the other's
     * step instead of its own).
     */
    static int pair(double x1, double x2, double[] out, int at) {
        long bits1 = Double.doubleToRawLongBits(x1);
        long bits2 = Double.doubleToRawLongBits(x2);
        if (bits1 < LOWEST_BITS || bits1 > ONE_BITS || bits2 < LOWEST_BITS || bits2 > ONE_BITS || LIBRARY_ONLY) {
            out[at] = log(x1);
            out[at + 1] = log(x2);
            return 0;
        }
        if (x1 > 0.99 || x2 > 0.99) {
            // A tenth of the quantiles' arguments (u within 0.05 of a half), already in range: left for nearOnes.
            out[at] = x1 > 0.99 ? x1 : table(bits1);
            out[at + 1] = x2 > 0.99 ? x2 : table(bits2);
            return (x1 > 0.99 ? 1 : 0) | (x2 > 0.99 ? 2 : 0);
        }
        int exp1 = (int) (bits1 >> 52) - 1023;
        int exp2 = (int) (bits2 >> 52) - 1023;
        int index1 = (int) ((bits1 & 0x000ffc0000000000L) >> 42);
        int index2 = (int) ((bits2 & 0x000ffc0000000000L) >> 42);
        double epsilon1 = (bits1 & 0x3ffffffffffL) / (TWO_POWER_52 + (bits1 & 0x000ffc0000000000L));
        double epsilon2 = (bits2 & 0x3ffffffffffL) / (TWO_POWER_52 + (bits2 & 0x000ffc0000000000L));
        double hi1 = MANTISSA[2 * index1];
        double hi2 = MANTISSA[2 * index2];
        double lnza1 = -0.16624882440418567;
        double lnza2 = -0.16624882440418567;
        lnza1 = lnza1 * epsilon1 + 0.19999954120254515;
        lnza2 = lnza2 * epsilon2 + 0.19999954120254515;
        lnza1 = lnza1 * epsilon1 + -0.2499999997677497;
        lnza2 = lnza2 * epsilon2 + -0.2499999997677497;
        lnza1 = lnza1 * epsilon1 + 0.3333333333332802;
        lnza2 = lnza2 * epsilon2 + 0.3333333333332802;
        lnza1 = lnza1 * epsilon1 + -0.5;
        lnza2 = lnza2 * epsilon2 + -0.5;
        lnza1 = lnza1 * epsilon1 + 1.0;
        lnza2 = lnza2 * epsilon2 + 1.0;
        lnza1 *= epsilon1;
        lnza2 *= epsilon2;
        double a1 = LN_2_A * exp1;
        double a2 = LN_2_A * exp2;
        double b1 = 0.0;
        double b2 = 0.0;
        double c1 = a1 + hi1;
        double c2 = a2 + hi2;
        double d1 = -(c1 - a1 - hi1);
        double d2 = -(c2 - a2 - hi2);
        a1 = c1;
        a2 = c2;
        b1 += d1;
        b2 += d2;
        c1 = a1 + lnza1;
        c2 = a2 + lnza2;
        d1 = -(c1 - a1 - lnza1);
        d2 = -(c2 - a2 - lnza2);
        a1 = c1;
        a2 = c2;
        b1 += d1;
        b2 += d2;
        double ln2Low1 = LN_2_B * exp1;
        double ln2Low2 = LN_2_B * exp2;
        c1 = a1 + ln2Low1;
        c2 = a2 + ln2Low2;
        d1 = -(c1 - a1 - ln2Low1);
        d2 = -(c2 - a2 - ln2Low2);
        a1 = c1;
        a2 = c2;
        b1 += d1;
        b2 += d2;
        double lo1 = MANTISSA[2 * index1 + 1];
        double lo2 = MANTISSA[2 * index2 + 1];
        c1 = a1 + lo1;
        c2 = a2 + lo2;
        d1 = -(c1 - a1 - lo1);
        d2 = -(c2 - a2 - lo2);
        a1 = c1;
        a2 = c2;
        b1 += d1;
        b2 += d2;
        out[at] = a1 + b1;
        out[at + 1] = a2 + b2;
        return 0;
    }

    /**
     * Finishes what {@link #pair} left: {@code out[at + k] = log(out[at + k])} for every bit k set in {@code near} (at
     * most 31 of them), the arguments near one that the pairs starting at {@code at} returned, shifted to their places.
     * Two at a time ({@link #nearOneTwice}): the path near one is one chain of dependent steps (about
     * 160 cycles), so two side by side take about as long as one.
     */
    static void nearOnes(double[] out, int at, int near) {
        while (near != 0) {
            int first = at + lowestBit(near);
            near &= near - 1;
            if (near == 0) {
                out[first] = nearOne(out[first]);
                return;
            }
            int second = at + lowestBit(near);
            near &= near - 1;
            nearOneTwice(out, first, second);
        }
    }

    /**
     * The index of the lowest bit set in {@code bits} (not 0), by a de Bruijn sequence: its bit times the sequence has a
     * distinct top five bits for each index. Under C1 {@link Integer#numberOfTrailingZeros} is a call, not an instruction.
     */
    private static int lowestBit(int bits) {
        return BIT_AT[(bits & -bits) * DE_BRUIJN >>> 27];
    }

    private static final int DE_BRUIJN = 0x077CB531;
    private static final byte[] BIT_AT = new byte[32];

    static {
        for (int k = 0; k < 32; k++) {
            BIT_AT[(1 << k) * DE_BRUIJN >>> 27] = (byte) k;
        }
    }

    /**
     * {@code out[i] = nearOne(out[i])} and {@code out[j] = nearOne(out[j])}: the same steps for the two side by side, so
     * each chain waits on the other's step instead of its own.
     */
    private static void nearOneTwice(double[] out, int i, int j) {
        double xa1 = out[i] - 1.0;
        double xa2 = out[j] - 1.0;
        double tmp1 = xa1 * TWO_POWER_30;
        double tmp2 = xa2 * TWO_POWER_30;
        double aa1 = xa1 * TWO_POWER_30_PLUS_ONE - tmp1;
        double aa2 = xa2 * TWO_POWER_30_PLUS_ONE - tmp2;
        double xb1 = xa1 - aa1;
        double xb2 = xa2 - aa2;
        xa1 = aa1;
        xa2 = aa2;
        double[] coefficients = NEAR_ONE;
        int last = coefficients.length - 2;
        double ya1 = coefficients[last];
        double yb1 = coefficients[last + 1];
        double ya2 = ya1;
        double yb2 = yb1;
        double ab1;
        double ab2;
        for (int k = last - 2; k >= 0; k -= 2) {
            aa1 = ya1 * xa1;
            aa2 = ya2 * xa2;
            ab1 = ya1 * xb1 + yb1 * xa1 + yb1 * xb1;
            ab2 = ya2 * xb2 + yb2 * xa2 + yb2 * xb2;
            tmp1 = aa1 * TWO_POWER_30;
            tmp2 = aa2 * TWO_POWER_30;
            ya1 = aa1 * TWO_POWER_30_PLUS_ONE - tmp1;
            ya2 = aa2 * TWO_POWER_30_PLUS_ONE - tmp2;
            yb1 = aa1 - ya1 + ab1;
            yb2 = aa2 - ya2 + ab2;
            double high = coefficients[k];
            double low = coefficients[k + 1];
            aa1 = ya1 + high;
            aa2 = ya2 + high;
            ab1 = yb1 + low;
            ab2 = yb2 + low;
            tmp1 = aa1 * TWO_POWER_30;
            tmp2 = aa2 * TWO_POWER_30;
            ya1 = aa1 * TWO_POWER_30_PLUS_ONE - tmp1;
            ya2 = aa2 * TWO_POWER_30_PLUS_ONE - tmp2;
            yb1 = aa1 - ya1 + ab1;
            yb2 = aa2 - ya2 + ab2;
        }
        aa1 = ya1 * xa1;
        aa2 = ya2 * xa2;
        ab1 = ya1 * xb1 + yb1 * xa1 + yb1 * xb1;
        ab2 = ya2 * xb2 + yb2 * xa2 + yb2 * xb2;
        tmp1 = aa1 * TWO_POWER_30;
        tmp2 = aa2 * TWO_POWER_30;
        ya1 = aa1 * TWO_POWER_30_PLUS_ONE - tmp1;
        ya2 = aa2 * TWO_POWER_30_PLUS_ONE - tmp2;
        yb1 = aa1 - ya1 + ab1;
        yb2 = aa2 - ya2 + ab2;
        out[i] = ya1 + yb1;
        out[j] = ya2 + yb2;
    }

    /**
     * FastMath's path for (0.99, 1.01) (here (0.99, 1]): a polynomial in {@code x − 1} in double-double arithmetic, each
     * product and sum split at 2^30.
     */
    private static double nearOne(double x) {
        // Each split a + a·2^30 − a·2^30 as a·(2^30 + 1) − a·2^30: a·2^30 is exact, so a + a·2^30 is the exact a·(2^30 + 1)
        // rounded once, the same double as the product's; the two products side by side, one step less on the chain (18
        // cycles an iteration instead of 24). A tenth of the arguments, and with eight quantiles at once more than half of
        // the calls wait on one: the draws alone 0.974 (q1 0.947, q3 0.980) of the four runs' draws without it.
        double xa = x - 1.0;
        double tmp = xa * TWO_POWER_30;
        double aa = xa * TWO_POWER_30_PLUS_ONE - tmp;
        double xb = xa - aa;
        xa = aa;
        double[] coefficients = NEAR_ONE;
        int last = coefficients.length - 2;
        double ya = coefficients[last];
        double yb = coefficients[last + 1];
        double ab;
        for (int i = last - 2; i >= 0; i -= 2) {
            aa = ya * xa;
            ab = ya * xb + yb * xa + yb * xb;
            tmp = aa * TWO_POWER_30;
            ya = aa * TWO_POWER_30_PLUS_ONE - tmp;
            yb = aa - ya + ab;
            aa = ya + coefficients[i];
            ab = yb + coefficients[i + 1];
            tmp = aa * TWO_POWER_30;
            ya = aa * TWO_POWER_30_PLUS_ONE - tmp;
            yb = aa - ya + ab;
        }
        aa = ya * xa;
        ab = ya * xb + yb * xa + yb * xb;
        tmp = aa * TWO_POWER_30;
        ya = aa * TWO_POWER_30_PLUS_ONE - tmp;
        yb = aa - ya + ab;
        return ya + yb;
    }
}
