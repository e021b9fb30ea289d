package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.junit.jupiter.api.Test;

/**
 * {@link StandardNormal} (one at a time, {@link Marginal#standardNormalQuantile}, two, four and twelve at a time) gives
 * Commons Math's standard normal quantile bit for bit: every draw of a simulation goes through it, so one differing bit would change
 * results.
 */
class StandardNormalQuantileTest {

    private static final NormalDistribution COMMONS = new NormalDistribution(null, 0, 1);

    private static void check(double u) {
        assertThat(Double.doubleToRawLongBits(Marginal.standardNormalQuantile(u))).as("quantile of %s", u)
                .isEqualTo(Double.doubleToRawLongBits(COMMONS.inverseCumulativeProbability(u)));
    }

    private static final double[] PAIR = new double[3];

    private static void checkPair(double u1, double u2) {
        StandardNormal.quantiles(u1, u2, PAIR, 1);
        assertThat(Double.doubleToRawLongBits(PAIR[1])).as("first of %s, %s", u1, u2)
                .isEqualTo(Double.doubleToRawLongBits(COMMONS.inverseCumulativeProbability(u1)));
        assertThat(Double.doubleToRawLongBits(PAIR[2])).as("second of %s, %s", u1, u2)
                .isEqualTo(Double.doubleToRawLongBits(COMMONS.inverseCumulativeProbability(u2)));
    }

    private static final double[] FOUR = new double[5];

    private static void checkFour(double u1, double u2, double u3, double u4) {
        StandardNormal.quantiles(u1, u2, u3, u4, FOUR, 1);
        double[] u = {u1, u2, u3, u4};
        for (int k = 0; k < 4; k++) {
            assertThat(Double.doubleToRawLongBits(FOUR[1 + k])).as("quantile %s of %s, %s, %s, %s", k, u1, u2, u3, u4)
                    .isEqualTo(Double.doubleToRawLongBits(COMMONS.inverseCumulativeProbability(u[k])));
        }
    }

    private static final double[] TWELVE = new double[13];

    /**
     * Bit for bit, a NaN as any NaN: the sign of the NaN Commons Math returns for a NaN argument depends on which operand
     * the compiled code of the moment hands on (its negated logarithm), whether called from here or from the fallback.
     * The description is built only on a failure (twelve million checks).
     */
    private static void checkTwelve(double[] u) {
        StandardNormal.quantiles(u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], TWELVE, 1);
        for (int k = 0; k < 12; k++) {
            int place = k;
            assertThat(Double.doubleToLongBits(TWELVE[1 + k])).as(() -> "quantile " + place + " of " + java.util.Arrays.toString(u))
                    .isEqualTo(Double.doubleToLongBits(COMMONS.inverseCumulativeProbability(u[k])));
        }
    }

    /** Twelve at a time (six runs' pairs): on the stream's uniforms, with a tail or an edge in each place. */
    @Test
    void twelvesEqualCommonsMath() {
        RandomStream random = RandomStream.forRun(71, 0);
        double[] u = new double[12];
        for (int i = 0; i < 1_000_000; i++) {
            for (int k = 0; k < 12; k++) {
                u[k] = random.nextOpenDouble();
            }
            checkTwelve(u);
        }
        java.util.SplittableRandom other = new java.util.SplittableRandom(73);
        double[] edges = {0, 1, 0.5, Double.MIN_VALUE, Math.nextDown(1.0), 0.5 * 0x1.0p-52, 0.0005, 0.9995, Double.NaN, 0.3};
        for (long k = 0; k < 12 << 14; k++) {
            double tail = (k + 0.5) * 0x1.0p-52 * (k % 7 == 0 ? 1 : 1L << other.nextInt(30));
            for (int j = 0; j < 12; j++) {
                u[j] = other.nextDouble();
            }
            int at = (int) (k % 12);
            u[at] = k % 3 == 0 ? edges[(int) (k / 12 % edges.length)] : k % 2 == 0 ? tail : 1 - tail;
            checkTwelve(u);
        }
        assertThatThrownBy(() -> StandardNormal.quantiles(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.5, TWELVE, 0))
                .isInstanceOf(OutOfRangeException.class);
    }

    /** Four at a time (two runs' pairs): on the stream's uniforms, with tails among them, and at the edges. */
    @Test
    void foursEqualCommonsMath() {
        RandomStream random = RandomStream.forRun(61, 0);
        for (int i = 0; i < 3_000_000; i++) {
            checkFour(random.nextOpenDouble(), random.nextOpenDouble(), random.nextOpenDouble(), random.nextOpenDouble());
        }
        java.util.SplittableRandom other = new java.util.SplittableRandom(67);
        for (long k = 0; k < 1 << 18; k++) {
            double tail = (k + 0.5) * 0x1.0p-52 * (k % 7 == 0 ? 1 : 1L << other.nextInt(30));
            double u = other.nextDouble();
            checkFour(tail, u, u, u);
            checkFour(u, 1 - tail, u, u);
            checkFour(u, u, tail, u);
            checkFour(u, u, u, 1 - tail);
        }
        double[] edges = {0, 1, 0.5, Double.MIN_VALUE, Math.nextDown(1.0), 0.5 * 0x1.0p-52, 0.0005, 0.9995, Double.NaN, 0.3};
        for (double a : edges) {
            for (double b : edges) {
                checkFour(a, b, 0.7, b);
                checkFour(0.2, a, b, a);
            }
        }
        assertThatThrownBy(() -> StandardNormal.quantiles(0.5, 0.5, 0.5, 1.5, FOUR, 0)).isInstanceOf(OutOfRangeException.class);
    }

    @Test
    void pairsEqualCommonsMathOnTheStreamsUniforms() {
        RandomStream random = RandomStream.forRun(19, 0);
        for (int i = 0; i < 6_000_000; i++) {
            checkPair(random.nextOpenDouble(), random.nextOpenDouble());
        }
    }

    /** Pairs with one or both in the tails (the polynomials of the outer 0.1%), and at the edges. */
    @Test
    void pairsEqualCommonsMathInTheTailsAndAtTheEdges() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(23);
        for (long k = 0; k < 1 << 20; k++) {
            double tail = (k + 0.5) * 0x1.0p-52 * (k % 7 == 0 ? 1 : 1L << random.nextInt(30));
            double other = random.nextDouble();
            checkPair(tail, other);
            checkPair(other, 1 - tail);
            checkPair(tail, 1 - tail);
        }
        double[] edges = {0, 1, 0.5, Double.MIN_VALUE, Math.nextDown(1.0), Math.nextUp(0.5), Math.nextDown(0.5), 0x1.0p-53,
                0.5 * 0x1.0p-52, 1 - 0.5 * 0x1.0p-52, 0.0005, 0.9995, 0.05, 0.95, Double.NaN, -0.0, 0.3};
        for (double a : edges) {
            for (double b : edges) {
                checkPair(a, b);
            }
        }
        assertThatThrownBy(() -> StandardNormal.quantiles(0.5, 1.5, PAIR, 0)).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> StandardNormal.quantiles(-0.5, 0.5, PAIR, 0)).isInstanceOf(OutOfRangeException.class);
    }

    @Test
    void equalsCommonsMathOnTheStreamsUniforms() {
        RandomStream random = RandomStream.forRun(17, 0);
        for (int i = 0; i < 6_000_000; i++) {
            check(random.nextOpenDouble());
        }
    }

    /** The tails the stream reaches (its smallest and largest uniforms, the polynomials of the far tails) and beyond. */
    @Test
    void equalsCommonsMathInTheTailsAndAtTheEdges() {
        for (long k = 0; k < 1 << 20; k++) {
            double u = (k + 0.5) * 0x1.0p-52;
            check(u);
            check(1 - u);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int exponent = -1074; exponent < 0; exponent++) {
            for (int i = 0; i < 1_000; i++) {
                double u = Math.scalb(1 + random.nextDouble(), exponent);
                if (u < 1) {
                    check(u);
                    check(1 - u);
                }
            }
        }
        for (double u : new double[] {0, 1, 0.5, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(1.0), Math.nextUp(0.5),
                Math.nextDown(0.5), 0x1.0p-53, 0.5 * 0x1.0p-52, 1 - 0.5 * 0x1.0p-52, Double.NaN, -0.0}) {
            check(u);
        }
        for (double outside : new double[] {-0.1, 1.1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -Double.MIN_VALUE}) {
            assertThatThrownBy(() -> Marginal.standardNormalQuantile(outside)).isInstanceOf(OutOfRangeException.class);
        }
    }
}
