package org.msocap.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.msocap.model.Distribution;
import org.msocap.model.ModelException;
import org.msocap.model.SimulationSpec;

/**
 * Draws the drivers of one run, correlated through a Gaussian copula.
 *
 * <p>Each driver that has a distribution consumes exactly one uniform of the run's stream, in the order of
 * {@link Driver}. A driver that takes part in no correlation is its marginal's quantile of that uniform. The
 * correlated ones turn their uniforms into independent standard normals {@code e}, multiply by the Cholesky
 * factor {@code L} of their correlation matrix ({@code z = L·e}, so {@code corr(z) = L·Lᵀ}) and map each
 * {@code z} through its own marginal, {@code F⁻¹(Φ(z))}. Rank correlations are therefore preserved whatever
 * the marginals; the Pearson correlation of the drawn values equals the given one for normal marginals.
 * Immutable and thread-safe; the caller provides the scratch array.
 */
public final class DriverSampler {

    private final Marginal[] marginals = new Marginal[Driver.values().length];
    private final Driver[] active;
    /** Index into {@code active} of each correlated driver, in order. */
    private final int[] correlated;
    /** Whether each active driver takes part in a correlation. */
    private final boolean[] isCorrelated;
    /** Lower-triangular Cholesky factor of the correlated drivers' correlation matrix, row-major. */
    private final double[][] cholesky;
    /**
     * Per active driver, its ordinal and its marginal's shape and two parameters: {@link #drawTwo} computes the uniform,
     * normal and lognormal marginals in place from them.
     */
    private final int[] ordinalOf;
    private final Marginal.Shape[] shapeOf;
    private final double[] firstOf;
    private final double[] secondOf;

    private DriverSampler(Map<Driver, Distribution> distributions, List<SimulationSpec.Correlation> correlations) {
        List<Driver> present = new ArrayList<>();
        for (Driver d : Driver.values()) {
            Distribution dist = distributions.get(d);
            if (dist != null) {
                marginals[d.ordinal()] = Marginal.of(dist);
                present.add(d);
            }
        }
        active = present.toArray(new Driver[0]);
        List<Driver> inCorrelation = new ArrayList<>();
        for (SimulationSpec.Correlation c : correlations) {
            for (String name : List.of(c.a(), c.b())) {
                Driver d = Driver.of(name);
                if (marginals[d.ordinal()] == null) {
                    throw new ModelException("simulation.correlations", "correlation " + c.a() + "–" + c.b() + " names driver "
                            + name + ", which has no distribution in simulation:; give it one or drop the correlation");
                }
                if (!inCorrelation.contains(d)) {
                    inCorrelation.add(d);
                }
            }
        }
        inCorrelation.sort(Enum::compareTo);
        correlated = new int[inCorrelation.size()];
        for (int i = 0; i < correlated.length; i++) {
            correlated[i] = present.indexOf(inCorrelation.get(i));
        }
        isCorrelated = new boolean[active.length];
        for (int i : correlated) {
            isCorrelated[i] = true;
        }
        cholesky = factor(inCorrelation, correlations);
        ordinalOf = new int[active.length];
        shapeOf = new Marginal.Shape[active.length];
        firstOf = new double[active.length];
        secondOf = new double[active.length];
        for (int i = 0; i < active.length; i++) {
            Marginal m = marginals[active[i].ordinal()];
            ordinalOf[i] = active[i].ordinal();
            shapeOf[i] = m.shape();
            firstOf[i] = m.first();
            secondOf[i] = m.second();
        }
    }

    public static DriverSampler of(SimulationSpec spec) {
        Map<Driver, Distribution> byDriver = new EnumMap<>(Driver.class);
        spec.drivers().forEach((name, dist) -> byDriver.put(Driver.of(name), dist));
        return new DriverSampler(byDriver, spec.correlations());
    }

    public static DriverSampler of(Map<Driver, Distribution> distributions, List<SimulationSpec.Correlation> correlations) {
        return new DriverSampler(distributions, List.copyOf(correlations));
    }

    private static double[][] factor(List<Driver> drivers, List<SimulationSpec.Correlation> correlations) {
        int n = drivers.size();
        if (n == 0) {
            return new double[0][0];
        }
        double[][] matrix = new double[n][n];
        boolean[][] given = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            matrix[i][i] = 1;
        }
        for (SimulationSpec.Correlation c : correlations) {
            int i = drivers.indexOf(Driver.of(c.a()));
            int j = drivers.indexOf(Driver.of(c.b()));
            if (given[i][j] && matrix[i][j] != c.rho()) {
                throw new ModelException("simulation.correlations", "the correlation of " + c.a() + " and " + c.b()
                        + " is given twice with different values (" + matrix[i][j] + " and " + c.rho() + ")");
            }
            matrix[i][j] = c.rho();
            matrix[j][i] = c.rho();
            given[i][j] = true;
            given[j][i] = true;
        }
        RealMatrix m = new Array2DRowRealMatrix(matrix);
        try {
            // Strict positive definiteness: a perfectly (±1) correlated pair is degenerate; say so rather than
            // sample from a singular matrix.
            RealMatrix l = new CholeskyDecomposition(m, 1e-12, 1e-10).getL();
            return l.getData();
        } catch (NonPositiveDefiniteMatrixException e) {
            List<String> names = drivers.stream().map(Driver::id).toList();
            throw new ModelException("simulation.correlations", "the correlations of " + names
                    + " do not form a positive definite matrix " + Arrays.deepToString(matrix)
                    + ": some are inconsistent with each other (or ±1); reduce them");
        }
    }

    /** The marginal of a driver, if it has a distribution. */
    public java.util.Optional<Marginal> marginal(Driver driver) {
        return java.util.Optional.ofNullable(marginals[driver.ordinal()]);
    }

    /** Drivers that have a distribution, in order; each consumes one uniform per run. */
    public List<Driver> activeDrivers() {
        return List.of(active);
    }

    /**
     * Draws one value per active driver into {@code values} (indexed by {@link Driver#ordinal()}); the
     * entries of drivers without a distribution are left untouched. {@code scratch} needs
     * {@link #scratchSize()} slots.
     */
    public void draw(RandomStream random, double[] values, double[] scratch) {
        int k = active.length;
        for (int i = 0; i < k; i++) {
            scratch[i] = random.nextOpenDouble();
        }
        for (int i = 0; i < k; i++) {
            if (!isCorrelated[i]) {
                values[active[i].ordinal()] = marginals[active[i].ordinal()].quantile(scratch[i]);
            }
        }
        int c = correlated.length;
        if (c == 0) {
            return;
        }
        int i = 0;
        for (; i + 1 < c; i += 2) {
            StandardNormal.quantiles(scratch[correlated[i]], scratch[correlated[i + 1]], scratch, k + i);
        }
        if (i < c) {
            scratch[k + i] = Marginal.standardNormalQuantile(scratch[correlated[i]]);
        }
        for (i = 0; i < c; i++) {
            double z = 0;
            double[] row = cholesky[i];
            for (int j = 0; j <= i; j++) {
                z += row[j] * scratch[k + j];
            }
            Driver d = active[correlated[i]];
            values[d.ordinal()] = marginals[d.ordinal()].fromStandardNormal(z);
        }
    }

    public int scratchSize() {
        return active.length + correlated.length;
    }

    /**
     * {@link #draw} for two runs, each from its own stream: the same values, bit for bit. With exactly two correlated
     * drivers (the common layout) their four normal quantiles are computed side by side ({@link StandardNormal}'s four
     * polynomials at once), so the two runs' chains of dependent operations overlap; otherwise one run after the other.
     * The uniform, normal and lognormal marginals are computed here, with {@link Marginal#quantile}'s and
     * {@link Marginal#fromStandardNormal}'s operations in their order (so the same doubles): under C1 those two are calls
     * through a switch, six a pair of runs. {@code scratch} needs {@link #pairScratchSize()} slots.
     */
    public void drawTwo(RandomStream first, RandomStream second, double[] firstValues, double[] secondValues,
                        double[] scratch) {
        int c = correlated.length;
        if (c != 2) {
            draw(first, firstValues, scratch);
            draw(second, secondValues, scratch);
            return;
        }
        int k = active.length;
        int twice = 2 * k;
        for (int i = 0; i < k; i++) {
            scratch[i] = first.nextOpenDouble();
        }
        for (int i = 0; i < k; i++) {
            scratch[k + i] = second.nextOpenDouble();
        }
        for (int i = 0; i < k; i++) {
            if (!isCorrelated[i]) {
                int d = ordinalOf[i];
                Marginal.Shape shape = shapeOf[i];
                double a = firstOf[i];
                double b = secondOf[i];
                double u1 = scratch[i];
                double u2 = scratch[k + i];
                if (shape == Marginal.Shape.UNIFORM) {
                    firstValues[d] = a + (b - a) * u1;
                    secondValues[d] = a + (b - a) * u2;
                } else if (shape == Marginal.Shape.NORMAL) {
                    firstValues[d] = a + b * StandardNormal.quantile(u1);
                    secondValues[d] = a + b * StandardNormal.quantile(u2);
                } else if (shape == Marginal.Shape.LOGNORMAL) {
                    firstValues[d] = a * BoundedExp.exp(b * StandardNormal.quantile(u1));
                    secondValues[d] = a * BoundedExp.exp(b * StandardNormal.quantile(u2));
                } else {
                    firstValues[d] = marginals[d].quantile(u1);
                    secondValues[d] = marginals[d].quantile(u2);
                }
            }
        }
        StandardNormal.quantiles(scratch[correlated[0]], scratch[correlated[1]], scratch[k + correlated[0]],
                scratch[k + correlated[1]], scratch, twice);
        for (int i = 0; i < c; i++) {
            double z1 = 0;
            double z2 = 0;
            double[] row = cholesky[i];
            for (int j = 0; j <= i; j++) {
                z1 += row[j] * scratch[twice + j];
                z2 += row[j] * scratch[twice + 2 + j];
            }
            int at = correlated[i];
            int d = ordinalOf[at];
            Marginal.Shape shape = shapeOf[at];
            double a = firstOf[at];
            double b = secondOf[at];
            if (shape == Marginal.Shape.NORMAL) {
                firstValues[d] = a + b * z1;
                secondValues[d] = a + b * z2;
            } else if (shape == Marginal.Shape.LOGNORMAL) {
                firstValues[d] = a * BoundedExp.exp(b * z1);
                secondValues[d] = a * BoundedExp.exp(b * z2);
            } else {
                firstValues[d] = marginals[d].fromStandardNormal(z1);
                secondValues[d] = marginals[d].fromStandardNormal(z2);
            }
        }
    }

    /** The scratch {@link #drawTwo} needs. */
    public int pairScratchSize() {
        return 2 * active.length + Math.max(4, correlated.length);
    }

    /**
     * {@link #draw} for six runs, each from its own stream: the same values, bit for bit. With exactly two correlated
     * drivers their twelve normal quantiles are computed side by side ({@link StandardNormal}'s twelve polynomials at
     * once: four runs' eight kept the multipliers and adders two thirds busy); otherwise {@link #drawTwo} three times.
     * The marginals as in {@link #drawTwo}. Ten-class's draws alone: 70.5 ns a run against four runs at a time's 75.1
     * (0.941, q1 0.932, q3 0.956, 20 alternated rounds). {@code scratch} needs {@link #sixScratchSize()} slots.
     */
    public void drawSix(RandomStream[] streams, double[][] values, double[] scratch) {
        int c = correlated.length;
        if (c != 2) {
            drawTwo(streams[0], streams[1], values[0], values[1], scratch);
            drawTwo(streams[2], streams[3], values[2], values[3], scratch);
            drawTwo(streams[4], streams[5], values[4], values[5], scratch);
            return;
        }
        int k = active.length;
        int all = 6 * k;
        for (int r = 0; r < 6; r++) {
            RandomStream stream = streams[r];
            for (int i = 0; i < k; i++) {
                scratch[r * k + i] = stream.nextOpenDouble();
            }
        }
        for (int i = 0; i < k; i++) {
            if (!isCorrelated[i]) {
                int d = ordinalOf[i];
                Marginal.Shape shape = shapeOf[i];
                double a = firstOf[i];
                double b = secondOf[i];
                for (int r = 0; r < 6; r++) {
                    double u = scratch[r * k + i];
                    double v;
                    if (shape == Marginal.Shape.UNIFORM) {
                        v = a + (b - a) * u;
                    } else if (shape == Marginal.Shape.NORMAL) {
                        v = a + b * StandardNormal.quantile(u);
                    } else if (shape == Marginal.Shape.LOGNORMAL) {
                        v = a * BoundedExp.exp(b * StandardNormal.quantile(u));
                    } else {
                        v = marginals[d].quantile(u);
                    }
                    values[r][d] = v;
                }
            }
        }
        int e0 = correlated[0];
        int e1 = correlated[1];
        StandardNormal.quantiles(scratch[e0], scratch[e1], scratch[k + e0], scratch[k + e1], scratch[2 * k + e0],
                scratch[2 * k + e1], scratch[3 * k + e0], scratch[3 * k + e1], scratch[4 * k + e0], scratch[4 * k + e1],
                scratch[5 * k + e0], scratch[5 * k + e1], scratch, all);
        for (int i = 0; i < c; i++) {
            double[] row = cholesky[i];
            int at = correlated[i];
            int d = ordinalOf[at];
            Marginal.Shape shape = shapeOf[at];
            double a = firstOf[at];
            double b = secondOf[at];
            if (shape == Marginal.Shape.LOGNORMAL) {
                // The six e^(σ·z) in one loop (BoundedExp.exps), not six calls: the draws alone 0.983–0.987 of the calls.
                // (Every shape's z first, then its values, cost as much as that saved: 0.997.)
                int exps = all + 12;
                for (int r = 0; r < 6; r++) {
                    double z = 0;
                    for (int j = 0; j <= i; j++) {
                        z += row[j] * scratch[all + 2 * r + j];
                    }
                    scratch[exps + r] = b * z;
                }
                BoundedExp.exps(scratch, exps, 6);
                for (int r = 0; r < 6; r++) {
                    values[r][d] = a * scratch[exps + r];
                }
                continue;
            }
            for (int r = 0; r < 6; r++) {
                double z = 0;
                for (int j = 0; j <= i; j++) {
                    z += row[j] * scratch[all + 2 * r + j];
                }
                values[r][d] = shape == Marginal.Shape.NORMAL ? a + b * z : marginals[d].fromStandardNormal(z);
            }
        }
    }

    /** The scratch {@link #drawSix} needs. */
    public int sixScratchSize() {
        return 6 * active.length + Math.max(12, correlated.length) + 6;
    }
}
