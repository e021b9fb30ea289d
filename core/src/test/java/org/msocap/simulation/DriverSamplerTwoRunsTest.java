package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.Distribution;
import org.msocap.model.SimulationSpec.Correlation;

/**
 * {@link DriverSampler#drawTwo} draws what {@link DriverSampler#draw} draws for each of the two runs, bit for bit, and
 * leaves each stream where {@code draw} would: the simulation draws two runs at a time with it.
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

    /** The common layout: exit date uniform, multiple lognormal and growth normal correlated (the four quantiles at once). */
    @Test
    void twoCorrelatedDriversEqualOneRunAtATime() {
        checkTwoRuns(Map.of(
                Driver.EXIT_DATE, new Distribution.Uniform(20819, 22279),
                Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(11, 0.4),
                Driver.COLLECTIONS_GROWTH, new Distribution.Normal(0.15, 0.08)),
                List.of(new Correlation("ebitdaMultiple", "collectionsGrowth", 0.4)), 2_000_000);
        // Other marginals on the correlated pair (through Φ), a negative correlation, and uncorrelated drivers beside it.
        checkTwoRuns(Map.of(
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
        checkTwoRuns(three, List.of(), 100_000);
        checkTwoRuns(three, List.of(new Correlation("ebitdaMultiple", "collectionsGrowth", 0.5),
                new Correlation("collectionsGrowth", "clinicianComp", 0.2)), 100_000);
        checkTwoRuns(Map.of(Driver.EBITDA_MULTIPLE, new Distribution.Constant(8)), List.of(), 1_000);
    }
}
