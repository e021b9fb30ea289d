package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * {@link UnitIntervalLog#pair} when one argument or both lie in (0.99, 1] (the path near one, written out term by term)
 * and the other anywhere in (0, 1]: both slots equal {@link FastMath#log} bit for bit, whichever slot takes which path.
 */
class UnitIntervalLogPropertyTest {

    private static final double[] OUT = new double[4];

    private static void assertPairIsFastMath(double x1, double x2) {
        UnitIntervalLog.pair(x1, x2, OUT, 2);
        assertThat(Double.doubleToRawLongBits(OUT[2])).as("first of %s, %s", x1, x2)
                .isEqualTo(Double.doubleToRawLongBits(FastMath.log(x1)));
        assertThat(Double.doubleToRawLongBits(OUT[3])).as("second of %s, %s", x1, x2)
                .isEqualTo(Double.doubleToRawLongBits(FastMath.log(x2)));
    }

    @Test
    void aPairWithAnArgumentNearOneIsFastMathsLogarithms() {
        // A path near one that differs from the library sends every call to the library (LibraryCheck): say so here.
        assertThat(UnitIntervalLog.tablesRead()).as("the table paths agree with the library").isTrue();
        qt().withFixedSeed(43L).withExamples(300_000)
                .forAll(doubles().between(0.99, 1.0), doubles().between(Double.MIN_NORMAL, 1.0), doubles().between(0.99, 1.0))
                .checkAssert((near, any, alsoNear) -> {
                    assertPairIsFastMath(near, any);
                    assertPairIsFastMath(any, near);
                    assertPairIsFastMath(near, alsoNear);
                    assertThat(Double.doubleToRawLongBits(UnitIntervalLog.log(near)))
                            .isEqualTo(Double.doubleToRawLongBits(FastMath.log(near)));
                });
    }
}
