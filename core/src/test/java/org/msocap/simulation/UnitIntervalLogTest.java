package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.SplittableRandom;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * {@link UnitIntervalLog} gives {@link FastMath#log}'s doubles bit for bit, one at a time and two side by side: every
 * correlated normal draw goes through it. Its own paths (the table path, the path near one) on every binary exponent they
 * cover and on the arguments the quantiles pass; the library's path for everything else.
 */
class UnitIntervalLogTest {

    private static final double[] PAIR = new double[3];

    private static void check(double x) {
        long expected = Double.doubleToRawLongBits(FastMath.log(x));
        assertThat(Double.doubleToRawLongBits(UnitIntervalLog.log(x))).as("log of %s", x).isEqualTo(expected);
    }

    private static void checkPair(double x1, double x2) {
        int near = UnitIntervalLog.pair(x1, x2, PAIR, 1);
        if (near != 0) {
            UnitIntervalLog.nearOnes(PAIR, 1, near);
        }
        assertThat(Double.doubleToRawLongBits(PAIR[1])).as("first of %s, %s", x1, x2)
                .isEqualTo(Double.doubleToRawLongBits(FastMath.log(x1)));
        assertThat(Double.doubleToRawLongBits(PAIR[2])).as("second of %s, %s", x1, x2)
                .isEqualTo(Double.doubleToRawLongBits(FastMath.log(x2)));
    }

    @Test
    void readsTheLibrarysTables() {
        assertThat(UnitIntervalLog.tablesRead()).as("otherwise every call goes to FastMath and nothing here is tested").isTrue();
    }

    /** What {@code erfInv} passes for the stream's uniforms, {@code (1 − x)(1 + x)} with {@code x = 2u − 1}, in pairs. */
    @Test
    void equalsFastMathOnTheQuantilesArguments() {
        RandomStream random = RandomStream.forRun(29, 0);
        for (int i = 0; i < 4_000_000; i++) {
            double x1 = 2 * random.nextOpenDouble() - 1;
            double x2 = 2 * random.nextOpenDouble() - 1;
            double a1 = (1.0 - x1) * (1.0 + x1);
            double a2 = (1.0 - x2) * (1.0 + x2);
            check(a1);
            checkPair(a1, a2);
        }
    }

    /** Every binary exponent of (0, 1], subnormals included, each with random mantissas and the mantissa table's edges. */
    @Test
    void equalsFastMathOnEveryExponentOfTheUnitInterval() {
        SplittableRandom random = new SplittableRandom(31);
        for (int exponent = -1074; exponent <= 0; exponent++) {
            for (int i = 0; i < 2_000; i++) {
                double x = Math.scalb(1 + random.nextDouble(), exponent - 1);
                double y = Math.scalb(1 + random.nextDouble(), random.nextInt(-1075, 1));
                check(x);
                checkPair(x, y);
                checkPair(y, x);
            }
            for (int index = 0; index < 1024; index++) {
                // The first and last mantissa of each of the table's 1024 entries.
                double low = Math.scalb(1 + index / 1024.0, exponent - 1);
                check(low);
                check(Math.nextDown(Math.scalb(1 + (index + 1) / 1024.0, exponent - 1)));
                checkPair(low, 0.75);
            }
        }
    }

    /** FastMath's own path for (0.99, 1.01), here (0.99, 1]: densely, and its edges. */
    @Test
    void equalsFastMathNearOne() {
        SplittableRandom random = new SplittableRandom(37);
        for (int i = 0; i < 2_000_000; i++) {
            double x = 0.98 + 0.02 * random.nextDouble();
            check(x);
            checkPair(x, random.nextDouble());
            checkPair(random.nextDouble(), x);
        }
        double near = 1.0;
        for (int i = 0; i < 100_000; i++) {
            near = Math.nextDown(near);
            check(near);
        }
        for (double x : new double[] {0.99, Math.nextUp(0.99), Math.nextDown(0.99), 1.0, Math.nextDown(1.0)}) {
            check(x);
            checkPair(x, x);
        }
    }

    /**
     * A pair with one argument or both in (0.99, 1] (the path near one, written out term by term) and the other anywhere
     * in (0, 1]: each slot by its own path, whichever slot takes which.
     */
    @Test
    void aPairWithAnArgumentNearOneIsFastMathsLogarithms() {
        // A path near one that differs from the library sends every call to the library (LibraryCheck): say so here.
        assertThat(UnitIntervalLog.tablesRead()).as("the table paths agree with the library").isTrue();
        qt().withFixedSeed(43L).withExamples(300_000)
                .forAll(doubles().between(0.99, 1.0), doubles().between(Double.MIN_NORMAL, 1.0), doubles().between(0.99, 1.0))
                .checkAssert((near, any, alsoNear) -> {
                    check(near);
                    checkPair(near, any);
                    checkPair(any, near);
                    checkPair(near, alsoNear);
                });
    }

    /**
     * Six pairs' arguments near one left in their slots and finished together ({@link UnitIntervalLog#nearOnes}, two at a
     * time), as the twelve quantiles do: each slot FastMath's logarithm, whichever slots, and however many, are near one.
     */
    @Test
    void sixPairsArgumentsNearOneFinishedTwoAtATime() {
        SplittableRandom random = new SplittableRandom(47);
        double[] x = new double[12];
        double[] out = new double[14];
        for (int i = 0; i < 400_000; i++) {
            double nearShare = random.nextInt(4) * 0.3;
            for (int k = 0; k < 12; k++) {
                x[k] = random.nextDouble() < nearShare ? 0.99 + 0.01 * random.nextDouble() + 0x1.0p-60
                        : random.nextInt(50) == 0 ? 1.0 : Math.max(Double.MIN_NORMAL, random.nextDouble());
            }
            int near = 0;
            for (int p = 0; p < 6; p++) {
                near |= UnitIntervalLog.pair(x[2 * p], x[2 * p + 1], out, 1 + 2 * p) << 2 * p;
            }
            UnitIntervalLog.nearOnes(out, 1, near);
            for (int k = 0; k < 12; k++) {
                long expected = Double.doubleToRawLongBits(FastMath.log(x[k]));
                if (Double.doubleToRawLongBits(out[1 + k]) != expected) {
                    assertThat(out[1 + k]).as("slot %s of %s", k, java.util.Arrays.toString(x)).isEqualTo(FastMath.log(x[k]));
                }
            }
            assertThat(out[0]).isZero();
            assertThat(out[13]).isZero();
        }
    }

    /** Outside (0, 1]: the library's own answers (infinities, NaN, logs above one). */
    @Test
    void equalsFastMathOutsideTheUnitInterval() {
        double[] edges = {0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Math.nextUp(1.0),
                1.005, 1.01, 2, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                -1, -0.5, -Double.MIN_VALUE, Double.longBitsToDouble(0x7FF0000000000001L), 0.5};
        for (double a : edges) {
            check(a);
            for (double b : edges) {
                checkPair(a, b);
            }
        }
        SplittableRandom random = new SplittableRandom(41);
        for (int i = 0; i < 200_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            check(x);
            checkPair(x, random.nextDouble());
        }
    }
}
