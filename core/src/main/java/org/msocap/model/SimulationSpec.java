package org.msocap.model;

import java.util.List;
import java.util.Map;

/**
 * The Monte Carlo section: how many runs, the seed, and a distribution per driver.
 *
 * @param exitDate distribution over days since 1970-01-01; may be null (then the first exit's date)
 * @param ebitdaMultiple may be null
 * @param collectionsGrowth may be null
 * @param correlations pairs of driver names and their correlation (Gaussian copula)
 */
public record SimulationSpec(int runs, long seed, Distribution exitDate, Distribution ebitdaMultiple,
                             Distribution collectionsGrowth, Distribution clinicianComp, Distribution escrowRelease,
                             Distribution earnoutPaid, double noExitProbability, List<Correlation> correlations) {

    /** Driver names that may appear in the file and in correlations. */
    public static final List<String> DRIVERS =
            List.of("exitDate", "ebitdaMultiple", "collectionsGrowth", "clinicianComp", "escrowRelease", "earnoutPaid");

    public record Correlation(String a, String b, double rho) {
        public Correlation {
            if (!DRIVERS.contains(a)) {
                throw new ModelException("correlations", "unknown driver '" + a + "'" + Suggest.didYouMean(a, DRIVERS));
            }
            if (!DRIVERS.contains(b)) {
                throw new ModelException("correlations", "unknown driver '" + b + "'" + Suggest.didYouMean(b, DRIVERS));
            }
            if (a.equals(b)) {
                throw new ModelException("correlations", "a driver cannot be correlated with itself (" + a + ")");
            }
            if (!(rho >= -1 && rho <= 1)) {
                throw new ModelException("correlations", "correlation must be between -1 and 1 but was " + rho);
            }
        }
    }

    public SimulationSpec {
        if (runs < 1) {
            throw new ModelException("runs", "runs must be >= 1 but was " + runs);
        }
        if (!(noExitProbability >= 0 && noExitProbability <= 1)) {
            throw new ModelException("noExitProbability", "noExitProbability must be between 0 and 1 but was " + noExitProbability);
        }
        correlations = correlations == null ? List.of() : List.copyOf(correlations);
    }

    /** The distributions that are set, by driver name. */
    public Map<String, Distribution> drivers() {
        var m = new java.util.LinkedHashMap<String, Distribution>();
        put(m, "exitDate", exitDate);
        put(m, "ebitdaMultiple", ebitdaMultiple);
        put(m, "collectionsGrowth", collectionsGrowth);
        put(m, "clinicianComp", clinicianComp);
        put(m, "escrowRelease", escrowRelease);
        put(m, "earnoutPaid", earnoutPaid);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Distribution> m, String k, Distribution d) {
        if (d != null) {
            m.put(k, d);
        }
    }
}
