package org.msocap.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.msocap.model.ModelException;

/**
 * A simulation resolved once and run many times: the driver sampler, the chance of no exit, how a run's
 * drivers become an enterprise value, the exit terms, and the waterfall.
 *
 * @param baseExitDate the exit date when the model has no exitDate distribution
 * @param baseMultiple the EBITDA multiple when the model has no ebitdaMultiple distribution (NaN when the
 *                     enterprise value does not use one)
 * @param carveOutPositions one position per carve-out recipient, in the order of {@link ExitTerms#carveOutRecipients()}
 */
public record SimulationSetup(DriverSampler drivers, double noExitProbability, LocalDate baseExitDate, double baseMultiple,
                              ExitValueModel exitValue, ExitTerms terms, PayoutModel payouts,
                              List<Position> carveOutPositions) {

    public SimulationSetup {
        Objects.requireNonNull(drivers, "drivers");
        Objects.requireNonNull(baseExitDate, "baseExitDate");
        Objects.requireNonNull(exitValue, "exitValue");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(payouts, "payouts");
        carveOutPositions = List.copyOf(carveOutPositions);
        if (!(noExitProbability >= 0 && noExitProbability <= 1)) {
            throw new ModelException("simulation.noExitProbability", "noExitProbability must be between 0 and 1 but was "
                    + noExitProbability);
        }
        if (carveOutPositions.size() != terms.carveOutRecipients().size()) {
            throw new IllegalArgumentException("one carve-out position per recipient is needed");
        }
        int earliest = exitValue.earliestExitDay();
        double lowest = drivers.marginal(Driver.EXIT_DATE).map(Marginal::lowest).orElse((double) baseExitDate.toEpochDay());
        if (Double.isFinite(lowest) && Math.round(lowest) < earliest) {
            throw new ModelException(drivers.marginal(Driver.EXIT_DATE).isPresent() ? "simulation.exitDate" : "exits[0].date",
                    "exit dates from " + LocalDate.ofEpochDay(Math.round(lowest)) + " cannot be valued: the first exit date with a "
                            + "trailing twelve months of projection is " + LocalDate.ofEpochDay(earliest));
        }
    }
}
