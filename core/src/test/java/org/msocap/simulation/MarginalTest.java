package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.msocap.model.Distribution;

/**
 * Sample statistics of every distribution kind match its parameters. Tolerance: 4 standard errors of
 * the estimator (the mean: σ/√n; the variance: √((m₄ − s⁴)/n) with the sample's fourth central moment),
 * so a correct sampler fails with probability below 1e-4 per check, and the fixed seed makes it repeatable.
 */
class MarginalTest {

    private static final int N = 200_000;

    static Stream<Distribution> distributions() {
        return Stream.of(
                new Distribution.Normal(0.18, 0.08),
                new Distribution.LogNormal(10, 0.35),
                new Distribution.Uniform(20454, 21914),        // 2026-01-01 .. 2029-12-31 as epoch days
                new Distribution.Triangular(6, 9, 14),
                new Distribution.Triangular(0, 0, 1),          // mode at an end
                new Distribution.Beta(2, 5, 0.3, 0.6),
                new Distribution.Beta(0.5, 0.5, 0, 1),
                new Distribution.Empirical(List.of(8.0, 10.0, 10.0, 14.0)),
                new Distribution.Constant(12));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void sampleMeanAndVarianceMatchTheParameters(Distribution distribution) {
        Marginal marginal = Marginal.of(distribution);
        RandomStream random = RandomStream.forRun(42, 0);
        double[] x = new double[N];
        double sum = 0;
        for (int i = 0; i < N; i++) {
            x[i] = marginal.quantile(random.nextOpenDouble());
            sum += x[i];
            assertThat(x[i]).isBetween(marginal.lowest(), marginal.highest());
        }
        double mean = sum / N;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= N;
        m4 /= N;
        double expectedVariance = marginal.variance();
        assertThat(mean).as("mean of " + distribution).isCloseTo(marginal.mean(), within(4 * Math.sqrt(expectedVariance / N) + 1e-12));
        assertThat(m2).as("variance of " + distribution).isCloseTo(expectedVariance, within(4 * Math.sqrt((m4 - m2 * m2) / N) + 1e-12));
    }

    @Test
    void theoreticalMomentsFollowTheParameters() {
        assertThat(Marginal.of(new Distribution.LogNormal(10, 0.35)).mean()).isCloseTo(10 * Math.exp(0.35 * 0.35 / 2), within(1e-12));
        assertThat(Marginal.of(new Distribution.Beta(2, 5, 0.3, 0.6)).mean()).isCloseTo(0.3 + 0.3 * 2 / 7, within(1e-12));
        assertThat(Marginal.of(new Distribution.Uniform(1, 3)).variance()).isCloseTo(4.0 / 12, within(1e-12));
        assertThat(Marginal.of(new Distribution.Empirical(List.of(1.0, 3.0))).variance()).isEqualTo(1.0);
    }

    @Test
    void zeroVarianceDistributionsAreConstants() {
        for (Distribution d : List.of(new Distribution.Normal(0.2, 0), new Distribution.LogNormal(11, 0),
                new Distribution.Uniform(5, 5), new Distribution.Triangular(7, 7, 7), new Distribution.Constant(3))) {
            Marginal m = Marginal.of(d);
            assertThat(m.isConstant()).as(d.toString()).isTrue();
            assertThat(m.quantile(0.001)).isEqualTo(m.quantile(0.999));
            assertThat(m.fromStandardNormal(-3)).isEqualTo(m.quantile(0.5));
        }
    }

    @Test
    void normalAndLognormalMapTheCopulaCoordinateDirectly() {
        Marginal normal = Marginal.of(new Distribution.Normal(0.18, 0.08));
        Marginal lognormal = Marginal.of(new Distribution.LogNormal(10, 0.35));
        for (double z : new double[] {-2.5, -1, 0, 0.7, 3}) {
            double u = new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z);
            assertThat(normal.fromStandardNormal(z)).isCloseTo(normal.quantile(u), within(1e-9));
            assertThat(lognormal.fromStandardNormal(z)).isCloseTo(lognormal.quantile(u), within(1e-7));
        }
    }

    @Test
    void empiricalDrawsEachPointWithEqualProbability() {
        Marginal m = Marginal.of(new Distribution.Empirical(List.of(1.0, 2.0, 3.0, 4.0)));
        assertThat(m.quantile(0.0001)).isEqualTo(1.0);
        assertThat(m.quantile(0.2499)).isEqualTo(1.0);
        assertThat(m.quantile(0.25)).isEqualTo(2.0);
        assertThat(m.quantile(0.9999)).isEqualTo(4.0);
    }
}
