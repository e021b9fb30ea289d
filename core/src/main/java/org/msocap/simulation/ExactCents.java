package org.msocap.simulation;

import java.math.BigDecimal;
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

    /** {@code round_half_up(cents × factor)} in cents; factor must be finite. */
    static long times(long cents, double factor) {
        double x = cents * factor;
        if (Math.abs(x) < FAST_LIMIT && Math.abs((double) cents) < FAST_LIMIT) {
            double floor = Math.floor(x);
            double frac = x - floor;
            double slack = Math.abs(x) * 0x1.0p-50 + 0x1.0p-40;
            if (Math.abs(frac - 0.5) > slack) {
                return (long) floor + (frac > 0.5 ? 1 : 0);
            }
        }
        return exact(cents, new BigDecimal(factor));
    }

    /** {@code round_half_up(cents × fraction)} for an exact decimal fraction. */
    static long times(long cents, BigDecimal fraction) {
        return exact(cents, fraction);
    }

    /**
     * {@code round_half_up(cents × exact)} where {@code approx} is the double nearest to {@code exact}: the
     * double product decides unless it lands within its error bound of a half cent.
     */
    static long times(long cents, BigDecimal exact, double approx) {
        double x = cents * approx;
        if (Math.abs(x) < FAST_LIMIT && Math.abs((double) cents) < FAST_LIMIT) {
            double floor = Math.floor(x);
            double frac = x - floor;
            double slack = Math.abs(x) * 0x1.0p-49 + 0x1.0p-40;
            if (Math.abs(frac - 0.5) > slack) {
                return (long) floor + (frac > 0.5 ? 1 : 0);
            }
        }
        return exact(cents, exact);
    }

    private static long exact(long cents, BigDecimal factor) {
        return Rounding.toCents(BigDecimal.valueOf(cents, 2).multiply(factor)).cents();
    }
}
