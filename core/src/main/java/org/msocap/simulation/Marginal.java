package org.msocap.simulation;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.util.FastMath;
import org.msocap.model.Distribution;

/**
 * One driver's distribution, ready to sample: a value from a uniform {@code u} in (0, 1) through the
 * inverse distribution function, or from a standard normal {@code z} (the Gaussian copula's coordinate).
 *
 * <p>Every draw goes through an inverse distribution function rather than a kind-specific sampler, so
 * each driver consumes exactly one number of its run's stream and correlated and uncorrelated drivers are
 * sampled the same way. Normal and lognormal drivers map {@code z} directly ({@code mean + sd·z},
 * {@code median·e^(sigma·z)}), which equals {@code F⁻¹(Φ(z))} without the round trip through Φ. Commons
 * Math's distributions supply the inverse functions; {@link FastMath} keeps the arithmetic identical on
 * every thread and JVM mode (the draws' {@code e^x} is {@link BoundedExp}, the same doubles without a call's
 * branches). A zero-variance distribution (sd 0, sigma 0, low = high) is a constant.
 */
public final class Marginal {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    enum Shape { CONSTANT, NORMAL, LOGNORMAL, UNIFORM, TRIANGULAR, BETA, EMPIRICAL }

    private final Distribution distribution;
    private final Shape shape;
    private final double a;
    private final double b;
    private final TriangularDistribution triangular;
    private final BetaDistribution beta;
    private final double[] points;

    private Marginal(Distribution distribution, Shape shape, double a, double b, TriangularDistribution triangular,
                     BetaDistribution beta, double[] points) {
        this.distribution = distribution;
        this.shape = shape;
        this.a = a;
        this.b = b;
        this.triangular = triangular;
        this.beta = beta;
        this.points = points;
    }

    public static Marginal of(Distribution distribution) {
        Objects.requireNonNull(distribution, "distribution");
        if (distribution instanceof Distribution.Constant c) {
            return constant(distribution, c.value());
        } else if (distribution instanceof Distribution.Normal n) {
            return n.sd() == 0 ? constant(distribution, n.mean())
                    : new Marginal(distribution, Shape.NORMAL, n.mean(), n.sd(), null, null, null);
        } else if (distribution instanceof Distribution.LogNormal l) {
            return l.sigma() == 0 ? constant(distribution, l.median())
                    : new Marginal(distribution, Shape.LOGNORMAL, l.median(), l.sigma(), null, null, null);
        } else if (distribution instanceof Distribution.Uniform u) {
            return u.low() == u.high() ? constant(distribution, u.low())
                    : new Marginal(distribution, Shape.UNIFORM, u.low(), u.high(), null, null, null);
        } else if (distribution instanceof Distribution.Triangular t) {
            return t.low() == t.high() ? constant(distribution, t.low())
                    : new Marginal(distribution, Shape.TRIANGULAR, t.low(), t.high(),
                    new TriangularDistribution(null, t.low(), t.mode(), t.high()), null, null);
        } else if (distribution instanceof Distribution.Beta be) {
            return new Marginal(distribution, Shape.BETA, be.low(), be.high(), null,
                    new BetaDistribution(null, be.alpha(), be.beta()), null);
        } else if (distribution instanceof Distribution.Empirical e) {
            List<Double> given = e.points();
            double[] values = new double[given.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = given.get(i);
            }
            return new Marginal(distribution, Shape.EMPIRICAL, 0, 0, null, null, values);
        }
        throw new IllegalArgumentException("unsupported distribution " + distribution.kind());
    }

    private static Marginal constant(Distribution d, double value) {
        return new Marginal(d, Shape.CONSTANT, value, value, null, null, null);
    }

    public Distribution distribution() {
        return distribution;
    }

    /** Whether every draw is the same value. */
    public boolean isConstant() {
        return shape == Shape.CONSTANT;
    }

    /** The shape, for {@link DriverSampler#drawTwo}, which computes the uniform, normal and lognormal ones in place. */
    Shape shape() {
        return shape;
    }

    /** The shape's first parameter: the normal's mean, the lognormal's median, the uniform's low, the constant. */
    double first() {
        return a;
    }

    /** The shape's second parameter: the normal's sd, the lognormal's sigma, the uniform's high, the constant. */
    double second() {
        return b;
    }

    /** The value at cumulative probability {@code u} in (0, 1). */
    public double quantile(double u) {
        return switch (shape) {
            case CONSTANT -> a;
            case NORMAL -> a + b * standardNormalQuantile(u);
            case LOGNORMAL -> a * BoundedExp.exp(b * standardNormalQuantile(u));
            case UNIFORM -> a + (b - a) * u;
            case TRIANGULAR -> triangular.inverseCumulativeProbability(u);
            case BETA -> a + (b - a) * beta.inverseCumulativeProbability(u);
            case EMPIRICAL -> points[Math.min(points.length - 1, (int) (u * points.length))];
        };
    }

    /** The value whose cumulative probability is Φ(z): the Gaussian copula's map from a standard normal. */
    public double fromStandardNormal(double z) {
        return switch (shape) {
            case CONSTANT -> a;
            case NORMAL -> a + b * z;
            case LOGNORMAL -> a * BoundedExp.exp(b * z);
            default -> quantile(STANDARD_NORMAL.cumulativeProbability(z));
        };
    }

    /** The distribution's mean (for tests and reports). */
    public double mean() {
        return switch (shape) {
            case CONSTANT, NORMAL -> a;
            case LOGNORMAL -> a * FastMath.exp(b * b / 2);
            case UNIFORM -> (a + b) / 2;
            case TRIANGULAR -> triangular.getNumericalMean();
            case BETA -> a + (b - a) * beta.getNumericalMean();
            case EMPIRICAL -> {
                double sum = 0;
                for (double p : points) {
                    sum += p;
                }
                yield sum / points.length;
            }
        };
    }

    /** The distribution's variance (for tests and reports). */
    public double variance() {
        return switch (shape) {
            case CONSTANT -> 0;
            case NORMAL -> b * b;
            case LOGNORMAL -> (FastMath.exp(b * b) - 1) * a * a * FastMath.exp(b * b);
            case UNIFORM -> (b - a) * (b - a) / 12;
            case TRIANGULAR -> triangular.getNumericalVariance();
            case BETA -> (b - a) * (b - a) * beta.getNumericalVariance();
            case EMPIRICAL -> {
                double mean = mean();
                double sum = 0;
                for (double p : points) {
                    sum += (p - mean) * (p - mean);
                }
                yield sum / points.length;
            }
        };
    }

    /** The smallest value a draw can take ({@code -∞} when unbounded). */
    public double lowest() {
        return switch (shape) {
            case CONSTANT, UNIFORM, TRIANGULAR, BETA -> a;
            case NORMAL -> Double.NEGATIVE_INFINITY;
            case LOGNORMAL -> 0;
            case EMPIRICAL -> java.util.Arrays.stream(points).min().orElseThrow();
        };
    }

    /** The largest value a draw can take ({@code +∞} when unbounded). */
    public double highest() {
        return switch (shape) {
            case CONSTANT -> a;
            case UNIFORM, TRIANGULAR, BETA -> b;
            case NORMAL, LOGNORMAL -> Double.POSITIVE_INFINITY;
            case EMPIRICAL -> java.util.Arrays.stream(points).max().orElseThrow();
        };
    }

    /** Φ⁻¹(u): a standard normal from a uniform in (0, 1), as Commons Math computes it ({@link StandardNormal}). */
    static double standardNormalQuantile(double u) {
        return StandardNormal.quantile(u);
    }
}
