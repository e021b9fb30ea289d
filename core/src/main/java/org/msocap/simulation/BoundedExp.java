package org.msocap.simulation;

import org.apache.commons.math3.util.FastMath;

/**
 * Commons Math 3.6.1's {@link FastMath#exp}, bit for bit, for {@code 0 < |x| < 700}: the lognormal driver's
 * {@code e^(σ·z)}, whose argument never comes near the ends of the double range. Other arguments (overflow and underflow
 * near ±709, infinities, NaN, zeros) are handed to {@link FastMath#exp} itself.
 *
 * <p>The same operations in the same order as {@code FastMath.exp(x, 0.0, null)} (Apache License 2.0, like msocap;
 * adapted from Commons Math 3.6.1, {@code org.apache.commons.math3.util.FastMath}): e^x as the table's e^⌊x⌋ (high and
 * low parts) times the table's e^(k/1024) times a short polynomial of the rest. Left out is what cannot happen in that
 * range: the checks for underflow and overflow, the scaled recursion below −709, the infinite product's early return
 * and the branches for a second addend and a high-precision result; the negative arguments' step down is taken from
 * the sign bit, not a branch. Under C1 the library's method is a call with those
 * branches and four more calls for its tables. The tables are the library's own arrays ({@link FastMathTables}; if they
 * cannot be read, or the library on the class path computes otherwise than this ({@link LibraryCheck}, once), every call
 * goes to the library). {@code BoundedExpTest} compares it with the library bit for bit.
 */
final class BoundedExp {

    /** The arguments done here: above −LIMIT and below LIMIT. */
    static final double LIMIT = 700;
    /** e^i for i from −750 (at 0) to 750, high and low parts. */
    private static final double[] INT_A;
    private static final double[] INT_B;
    /** e^(k/1024) for k from 0 to 1024 (1024 too: a negative whole x is one below its truncation), high and low parts. */
    private static final double[] FRAC_A;
    private static final double[] FRAC_B;
    /**
     * Whether every call goes to {@link FastMath#exp}: the tables could not be read, or this differs from the library on
     * the class path ({@link LibraryCheck}). Assigned last in the class's initialisation: while the check runs it still
     * reads false, so {@link #exp} takes the table path that the check compares with the library.
     */
    private static final boolean LIBRARY_ONLY;

    static {
        double[] intA = FastMathTables.doubles("ExpIntTable", "EXP_INT_TABLE_A");
        double[] intB = FastMathTables.doubles("ExpIntTable", "EXP_INT_TABLE_B");
        double[] fracA = FastMathTables.doubles("ExpFracTable", "EXP_FRAC_TABLE_A");
        double[] fracB = FastMathTables.doubles("ExpFracTable", "EXP_FRAC_TABLE_B");
        boolean read = intA != null && intB != null && fracA != null && fracB != null && intA.length > 750 + LIMIT
                && intB.length > 750 + LIMIT && fracA.length > 1024 && fracB.length > 1024;
        INT_A = read ? intA : null;
        INT_B = read ? intB : null;
        FRAC_A = read ? fracA : null;
        FRAC_B = read ? fracB : null;
        LIBRARY_ONLY = !read || !LibraryCheck.sameBits(BoundedExp::exp, FastMath::exp, LibraryCheck.boundedExp());
    }

    private BoundedExp() {
    }

    /**
     * Whether the library's tables were read and this agrees with the library (otherwise {@link #exp} is
     * {@link FastMath#exp}); for tests.
     */
    static boolean tablesRead() {
        return !LIBRARY_ONLY;
    }

    /** {@code FastMath.exp(x)}, bit for bit, for every double. */
    static double exp(double x) {
        if (!(x > -LIMIT && x < LIMIT) || x == 0 || LIBRARY_ONLY) {
            return FastMath.exp(x);
        }
        // FastMath's whole part: the truncation, one less for every negative x (a negative whole number too). Its sign bit
        // instead of a branch: the lognormal's arguments are negative half the time, a misprediction every other draw.
        // (−0.0, whose sign bit is set, is not negative: zeros go to the library above.)
        int intVal = (int) x + (int) (Double.doubleToRawLongBits(x) >> 63);
        double intPartA = INT_A[750 + intVal];
        double intPartB = INT_B[750 + intVal];
        int intFrac = (int) ((x - intVal) * 1024.0);
        double fracPartA = FRAC_A[intFrac];
        double fracPartB = FRAC_B[intFrac];
        double epsilon = x - (intVal + intFrac / 1024.0);
        double z = 0.04168701738764507;
        z = z * epsilon + 0.1666666505023083;
        z = z * epsilon + 0.5000000000042687;
        z = z * epsilon + 1.0;
        z = z * epsilon + -3.940510424527919E-20;
        double tempA = intPartA * fracPartA;
        double tempB = intPartA * fracPartB + intPartB * fracPartA + intPartB * fracPartB;
        double tempC = tempB + tempA;
        return tempC * z + tempB + tempA;
    }

    /**
     * {@code x[k] = exp(x[k])} for {@code k} in {@code [at, at + n)}: {@link #exp}'s steps in a loop, so under C1 the
     * calls (each spilling its caller's registers) go, and the processor overlaps one argument's chain of dependent steps
     * (a conversion, table loads, a division, the polynomial) with the next's. For six runs' lognormal draws
     * ({@link DriverSampler#drawSix}): ten-class's draws alone 0.983–0.987 of six calls (20 rounds each), drivers and exit
     * value in process 0.983 (0.964 against 0.981 of main's, 40 alternated rounds).
     */
    static void exps(double[] x, int at, int n) {
        for (int k = at; k < at + n; k++) {
            double v = x[k];
            if (!(v > -LIMIT && v < LIMIT) || v == 0 || LIBRARY_ONLY) {
                x[k] = FastMath.exp(v);
                continue;
            }
            int intVal = (int) v + (int) (Double.doubleToRawLongBits(v) >> 63);
            double intPartA = INT_A[750 + intVal];
            double intPartB = INT_B[750 + intVal];
            int intFrac = (int) ((v - intVal) * 1024.0);
            double fracPartA = FRAC_A[intFrac];
            double fracPartB = FRAC_B[intFrac];
            double epsilon = v - (intVal + intFrac / 1024.0);
            double z = 0.04168701738764507;
            z = z * epsilon + 0.1666666505023083;
            z = z * epsilon + 0.5000000000042687;
            z = z * epsilon + 1.0;
            z = z * epsilon + -3.940510424527919E-20;
            double tempA = intPartA * fracPartA;
            double tempB = intPartA * fracPartB + intPartB * fracPartA + intPartB * fracPartB;
            double tempC = tempB + tempA;
            x[k] = tempC * z + tempB + tempA;
        }
    }
}
