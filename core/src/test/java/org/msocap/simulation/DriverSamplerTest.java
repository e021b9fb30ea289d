package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.Distribution;
import org.msocap.model.ModelException;
import org.msocap.model.SimulationSpec;
import org.msocap.model.SimulationSpec.Correlation;

class DriverSamplerTest {

    private static final Map<Driver, Distribution> GROWTH_AND_MULTIPLE = Map.of(
            Driver.COLLECTIONS_GROWTH, new Distribution.Normal(0.18, 0.08),
            Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(10, 0.35));

    @Test
    void gaussianCopulaGivesTheRequestedCorrelation() {
        DriverSampler sampler = DriverSampler.of(GROWTH_AND_MULTIPLE,
                List.of(new Correlation("collectionsGrowth", "ebitdaMultiple", 0.6)));
        int n = 100_000;
        double[] g = new double[n];
        double[] logM = new double[n];
        double[] values = new double[Driver.values().length];
        double[] scratch = new double[sampler.scratchSize()];
        for (int i = 0; i < n; i++) {
            sampler.draw(RandomStream.forRun(42, i), values, scratch);
            g[i] = values[Driver.COLLECTIONS_GROWTH.ordinal()];
            logM[i] = Math.log(values[Driver.EBITDA_MULTIPLE.ordinal()]);
        }
        double r = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(g, logM);
        // The standard error of a sample correlation is about (1 − ρ²)/√n; 4 standard errors.
        assertThat(Math.abs(r - 0.6)).isLessThan(4 * (1 - 0.36) / Math.sqrt(n));
    }

    @Test
    void uncorrelatedDriversAreIndependent() {
        DriverSampler sampler = DriverSampler.of(GROWTH_AND_MULTIPLE, List.of());
        int n = 100_000;
        double[] g = new double[n];
        double[] m = new double[n];
        double[] values = new double[Driver.values().length];
        double[] scratch = new double[sampler.scratchSize()];
        for (int i = 0; i < n; i++) {
            sampler.draw(RandomStream.forRun(9, i), values, scratch);
            g[i] = values[Driver.COLLECTIONS_GROWTH.ordinal()];
            m[i] = values[Driver.EBITDA_MULTIPLE.ordinal()];
        }
        double r = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(g, m);
        assertThat(Math.abs(r)).isLessThan(4 / Math.sqrt(n));
    }

    @Test
    void inconsistentCorrelationsAreRejectedNamingTheField() {
        Map<Driver, Distribution> three = Map.of(
                Driver.COLLECTIONS_GROWTH, new Distribution.Normal(0.18, 0.08),
                Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(10, 0.35),
                Driver.CLINICIAN_COMP, new Distribution.Uniform(0.4, 0.5));
        assertThatThrownBy(() -> DriverSampler.of(three, List.of(
                new Correlation("collectionsGrowth", "ebitdaMultiple", 0.9),
                new Correlation("collectionsGrowth", "clinicianComp", 0.9),
                new Correlation("ebitdaMultiple", "clinicianComp", -0.9))))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("positive definite")
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("simulation.correlations"));
    }

    @Test
    void aCorrelationNeedsBothDriversToHaveDistributions() {
        assertThatThrownBy(() -> DriverSampler.of(GROWTH_AND_MULTIPLE, List.of(new Correlation("collectionsGrowth", "exitDate", 0.3))))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("exitDate")
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("simulation.correlations"));
    }

    @Test
    void buildsFromTheModelsSimulationSection() {
        SimulationSpec spec = new SimulationSpec(1000, 42, new Distribution.Uniform(21915, 23375), new Distribution.LogNormal(10, 0.35),
                new Distribution.Normal(0.18, 0.08), null, null, null, 0.15, List.of());
        DriverSampler sampler = DriverSampler.of(spec);
        assertThat(sampler.activeDrivers()).containsExactly(Driver.EXIT_DATE, Driver.EBITDA_MULTIPLE, Driver.COLLECTIONS_GROWTH);
        double[] values = new double[Driver.values().length];
        values[Driver.CLINICIAN_COMP.ordinal()] = -1;
        sampler.draw(RandomStream.forRun(42, 0), values, new double[sampler.scratchSize()]);
        assertThat(values[Driver.EXIT_DATE.ordinal()]).isBetween(21915.0, 23375.0);
        assertThat(values[Driver.CLINICIAN_COMP.ordinal()]).isEqualTo(-1);
    }
}
