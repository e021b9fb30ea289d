package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.msocap.model.Distribution;
import org.msocap.model.SimulationSpec.Correlation;

/**
 * {@link DriverSampler#drawTwo} and {@link DriverSampler#drawSix} draw what {@link DriverSampler#draw} draws for each of
 * their runs, bit for bit, and leave each stream where {@code draw} would: the simulation draws six runs at a time, and
 * two or one at a chunk's end.
 */
class DriverSamplerTwoRunsTest {

    private static void checkTwoRuns(Map<Driver, Distribution> distributions, List<Correlation> correlations, int runs) {
        DriverSampler sampler = DriverSampler.of(distributions, correlations);
        double[] first = new double[Driver.values().length];
        double[] second = new double[Driver.values().length];
        double[] one = new double[Driver.values().length];
        double[] pairScratch = new double[sampler.pairScratchSize()];
        double[] scratch = new double[sampler.scratchSize()];
        RandomStream a = RandomStream.forRun(11, 0);
        RandomStream b = RandomStream.forRun(11, 0);
        RandomStream alone = RandomStream.forRun(11, 0);
        for (int i = 0; i < runs; i += 2) {
            sampler.drawTwo(a.reset(11, i), b.reset(11, i + 1), first, second, pairScratch);
            for (int r = 0; r < 2; r++) {
                sampler.draw(alone.reset(11, i + r), one, scratch);
                double[] two = r == 0 ? first : second;
                for (Driver d : sampler.activeDrivers()) {
                    assertThat(Double.doubleToRawLongBits(two[d.ordinal()])).as("run %s, %s", i + r, d)
                            .isEqualTo(Double.doubleToRawLongBits(one[d.ordinal()]));
                }
                assertThat((r == 0 ? a : b).nextLong()).as("the stream after run %s", i + r).isEqualTo(alone.nextLong());
            }
        }
    }

    private static void checkSixRuns(Map<Driver, Distribution> distributions, List<Correlation> correlations, int runs) {
        DriverSampler sampler = DriverSampler.of(distributions, correlations);
        RandomStream[] streams = new RandomStream[6];
        double[][] six = new double[6][Driver.values().length];
        for (int r = 0; r < 6; r++) {
            streams[r] = RandomStream.forRun(13, 0);
        }
        double[] one = new double[Driver.values().length];
        double[] sixScratch = new double[sampler.sixScratchSize()];
        double[] scratch = new double[sampler.scratchSize()];
        RandomStream alone = RandomStream.forRun(13, 0);
        for (int i = 0; i < runs; i += 6) {
            for (int r = 0; r < 6; r++) {
                streams[r].reset(13, i + r);
            }
            sampler.drawSix(streams, six, sixScratch);
            for (int r = 0; r < 6; r++) {
                sampler.draw(alone.reset(13, i + r), one, scratch);
                for (Driver d : sampler.activeDrivers()) {
                    assertThat(Double.doubleToRawLongBits(six[r][d.ordinal()])).as("run %s, %s", i + r, d)
                            .isEqualTo(Double.doubleToRawLongBits(one[d.ordinal()]));
                }
                assertThat(streams[r].nextLong()).as("the stream after run %s", i + r).isEqualTo(alone.nextLong());
            }
        }
    }

    /** {@link #checkTwoRuns} and {@link #checkSixRuns}. */
    private static void checkRuns(Map<Driver, Distribution> distributions, List<Correlation> correlations, int runs) {
        checkTwoRuns(distributions, correlations, runs);
        checkSixRuns(distributions, correlations, runs);
    }

    /** The common layout: exit date uniform, multiple lognormal and growth normal correlated (the four, and twelve, quantiles at once). */
    @Test
    void twoCorrelatedDriversEqualOneRunAtATime() {
        checkRuns(Map.of(
                Driver.EXIT_DATE, new Distribution.Uniform(20819, 22279),
                Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(11, 0.4),
                Driver.COLLECTIONS_GROWTH, new Distribution.Normal(0.15, 0.08)),
                List.of(new Correlation("ebitdaMultiple", "collectionsGrowth", 0.4)), 2_000_000);
        // Other marginals on the correlated pair (through Φ), a negative correlation, and uncorrelated drivers beside it.
        checkRuns(Map.of(
                Driver.EXIT_DATE, new Distribution.Normal(21000, 300),
                Driver.COLLECTIONS_GROWTH, new Distribution.Triangular(-0.1, 0.1, 0.3),
                Driver.CLINICIAN_COMP, new Distribution.Beta(2, 5, 0.3, 0.5),
                Driver.ESCROW_RELEASE, new Distribution.Uniform(0, 1),
                Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(9, 0.3)),
                List.of(new Correlation("collectionsGrowth", "clinicianComp", -0.7)), 200_000);
    }

    /** Other layouts go one run after the other: none, one pair of three, three correlated. */
    @Test
    void otherLayoutsEqualOneRunAtATime() {
        Map<Driver, Distribution> three = Map.of(
                Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(10, 0.35),
                Driver.COLLECTIONS_GROWTH, new Distribution.Normal(0.18, 0.08),
                Driver.CLINICIAN_COMP, new Distribution.Uniform(0.3, 0.5));
        checkRuns(three, List.of(), 100_000);
        checkRuns(three, List.of(new Correlation("ebitdaMultiple", "collectionsGrowth", 0.5),
                new Correlation("collectionsGrowth", "clinicianComp", 0.2)), 100_000);
        checkRuns(Map.of(Driver.EBITDA_MULTIPLE, new Distribution.Constant(8)), List.of(), 1_000);
    }

    /**
     * {@code drawTwo} computes the uniform, normal and lognormal marginals itself: over random parameters and every
     * layout of those shapes on the uncorrelated driver and the correlated pair (and a triangular beside them, which it
     * hands to {@link Marginal}), each run's values equal {@code draw}'s, which are {@link Marginal#quantile}'s and
     * {@link Marginal#fromStandardNormal}'s, bit for bit.
     */
    @Test
    void drawsInPlaceEqualTheMarginalsOverRandomParameters() {
        qt().withFixedSeed(19L).withExamples(3_000)
                .forAll(integers().between(0, 63), longs().all(), doubles().between(-0.95, 0.95))
                .checkAssert((layout, parameters, rho) -> {
                    SplittableRandom random = new SplittableRandom(parameters);
                    Map<Driver, Distribution> distributions = new java.util.EnumMap<>(Driver.class);
                    distributions.put(Driver.EXIT_DATE, randomMarginal(layout % 4, random));
                    distributions.put(Driver.EBITDA_MULTIPLE, randomMarginal(layout / 4 % 4, random));
                    distributions.put(Driver.COLLECTIONS_GROWTH, randomMarginal(layout / 16 % 4, random));
                    checkRuns(distributions, List.of(new Correlation("ebitdaMultiple", "collectionsGrowth", rho)), 40);
                });
    }

    /** Uniform, normal, lognormal or triangular (0 to 3), with parameters of widely varying scale and sign. */
    private static Distribution randomMarginal(int shape, SplittableRandom random) {
        double scale = Math.pow(10, random.nextInt(-3, 6));
        double centre = (random.nextDouble() * 2 - 1) * scale;
        double spread = random.nextDouble() * scale;
        return switch (shape) {
            case 0 -> new Distribution.Uniform(centre, centre + spread);
            case 1 -> new Distribution.Normal(centre, spread);
            case 2 -> new Distribution.LogNormal(Math.abs(centre) + Double.MIN_NORMAL, random.nextDouble() * 3);
            default -> new Distribution.Triangular(centre, centre + spread / 3, centre + spread);
        };
    }
}
