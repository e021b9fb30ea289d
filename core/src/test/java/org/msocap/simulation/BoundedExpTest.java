package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * {@link BoundedExp} gives {@link FastMath#exp}'s doubles bit for bit, one at a time and six at a time
 * ({@link BoundedExp#exps}): every lognormal draw goes through it. Its own range, {@code |x| < 700}, on every binary
 * exponent, every whole number and the fraction table's edges; the library beyond.
 */
class BoundedExpTest {

    /** Slots 1 to 6 for {@link BoundedExp#exps}, the two around it to see that it writes only those. */
    private static final double[] SIX = new double[8];
    private static final double[] ARGUMENTS = new double[6];
    private static int gathered;

    /** {@code exp(x)}, and every six arguments {@code exps} of them, equal FastMath's. */
    private static void check(double x) {
        assertThat(Double.doubleToRawLongBits(BoundedExp.exp(x))).as("exp of %s", x)
                .isEqualTo(Double.doubleToRawLongBits(FastMath.exp(x)));
        ARGUMENTS[gathered++] = x;
        if (gathered == 6) {
            SIX[0] = 0.5;
            SIX[7] = 0.5;
            System.arraycopy(ARGUMENTS, 0, SIX, 1, 6);
            gathered = 0;
            BoundedExp.exps(SIX, 1, 6);
            for (int k = 0; k < 6; k++) {
                assertThat(Double.doubleToRawLongBits(SIX[1 + k])).as("exps' %s of %s", k, ARGUMENTS[k])
                        .isEqualTo(Double.doubleToRawLongBits(FastMath.exp(ARGUMENTS[k])));
            }
            assertThat(SIX[0]).isEqualTo(0.5);
            assertThat(SIX[7]).isEqualTo(0.5);
        }
    }

    @Test
    void readsTheLibrarysTables() {
        assertThat(BoundedExp.tablesRead()).as("otherwise every call goes to FastMath and nothing here is tested").isTrue();
    }

    /** The lognormal's arguments: σ·z for the stream's standard normals and a range of σ. */
    @Test
    void equalsFastMathOnTheLognormalsArguments() {
        RandomStream random = RandomStream.forRun(43, 0);
        double[] sigmas = {0.05, 0.25, 0.4, 1, 3};
        for (int i = 0; i < 3_000_000; i++) {
            double z = StandardNormal.quantile(random.nextOpenDouble());
            check(sigmas[i % sigmas.length] * z);
        }
    }

    /** Every binary exponent of |x| below 700, both signs, random mantissas. */
    @Test
    void equalsFastMathOnEveryExponent() {
        SplittableRandom random = new SplittableRandom(47);
        for (int exponent = -1074; exponent <= 9; exponent++) {
            for (int i = 0; i < 3_000; i++) {
                double x = Math.scalb(1 + random.nextDouble(), exponent - 1);
                check(x);
                check(-x);
            }
        }
    }

    /** Each whole number and each of the fraction table's steps (k/1024) within the range, and their neighbours. */
    @Test
    void equalsFastMathOnTheTablesEdges() {
        for (int whole = -700; whole <= 700; whole++) {
            for (int k = 0; k < 1024; k += whole % 7 == 0 ? 1 : 61) {
                double x = whole + k / 1024.0;
                check(x);
                check(Math.nextUp(x));
                check(Math.nextDown(x));
            }
        }
        double[] edges = {0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 700, -700, Math.nextDown(700.0), Math.nextUp(-700.0),
                708.9, 709.7, 709.8, 710, -708.9, -709, -709.5, -745, -746, -800, 1e300, -1e300, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double x : edges) {
            check(x);
        }
        SplittableRandom random = new SplittableRandom(53);
        for (int i = 0; i < 200_000; i++) {
            check(Double.longBitsToDouble(random.nextLong()));
            check(-800 + 1600 * random.nextDouble());
        }
    }
}
