package org.msocap.model;

import java.util.List;

/**
 * A probability distribution of one simulation driver. Parameters are plain doubles: simulation
 * statistics are analytic quantities, not money. Date-valued drivers use days since 1970-01-01.
 */
public sealed interface Distribution {

    /** The kind as written in model files: {@code normal}, {@code lognormal}, ... */
    String kind();

    /** The smallest value a draw can take ({@code -∞} when unbounded below; a lognormal's is 0). */
    default double lowest() {
        if (this instanceof Constant c) {
            return c.value();
        } else if (this instanceof Uniform u) {
            return u.low();
        } else if (this instanceof Triangular t) {
            return t.low();
        } else if (this instanceof Beta b) {
            return b.low();
        } else if (this instanceof Empirical e) {
            return e.points().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NEGATIVE_INFINITY);
        } else if (this instanceof LogNormal) {
            return 0;
        }
        return Double.NEGATIVE_INFINITY;
    }

    record Constant(double value) implements Distribution {
        public String kind() { return "constant"; }
    }

    record Normal(double mean, double sd) implements Distribution {
        public Normal {
            if (!(sd >= 0)) {
                throw new ModelException("sd", "sd must be >= 0 but was " + sd);
            }
        }
        public String kind() { return "normal"; }
    }

    /** Lognormal given by its median (e^mu) and the sigma of the log. */
    record LogNormal(double median, double sigma) implements Distribution {
        public LogNormal {
            if (!(median > 0)) {
                throw new ModelException("median", "median must be > 0 but was " + median);
            }
            if (!(sigma >= 0)) {
                throw new ModelException("sigma", "sigma must be >= 0 but was " + sigma);
            }
        }
        public String kind() { return "lognormal"; }
    }

    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            if (!(low <= high)) {
                throw new ModelException("uniform", "uniform needs low <= high but was [" + low + ", " + high + "]");
            }
        }
        public String kind() { return "uniform"; }
    }

    record Triangular(double low, double mode, double high) implements Distribution {
        public Triangular {
            if (!(low <= mode && mode <= high)) {
                throw new ModelException("triangular", "triangular needs low <= mode <= high but was [" + low + ", " + mode + ", " + high + "]");
            }
        }
        public String kind() { return "triangular"; }
    }

    /** Beta(alpha, beta) scaled to [low, high] (default [0, 1]). */
    record Beta(double alpha, double beta, double low, double high) implements Distribution {
        public Beta {
            if (!(alpha > 0 && beta > 0)) {
                throw new ModelException("beta", "beta needs alpha > 0 and beta > 0 but was " + alpha + ", " + beta);
            }
            if (!(low < high)) {
                throw new ModelException("beta", "beta needs low < high but was [" + low + ", " + high + "]");
            }
        }
        public String kind() { return "beta"; }
    }

    /** Draws one of the given points with equal probability. */
    record Empirical(List<Double> points) implements Distribution {
        public Empirical {
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new ModelException("empirical", "empirical needs at least one point");
            }
        }
        public String kind() { return "empirical"; }
    }
}
