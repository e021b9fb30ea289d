package org.msocap.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msocap.deal.Timeline;
import org.msocap.fees.FeeModel;
import org.msocap.model.ExitScenario;
import org.msocap.model.ModelException;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Venture;
import org.msocap.money.Money;

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

    /**
     * Resolves a venture's {@code simulation:} section. The first exit scenario supplies what is not simulated:
     * its date and multiple (when the section has no distribution for them), its enterprise value when it gives
     * one and no multiple is simulated, transaction costs, carve-out, escrow, earnout and whether a double
     * trigger fires. A multiple (given or simulated) values the MSO from the fee projection, which then needs
     * {@code financials:}.
     *
     * @throws ModelException naming the field when the section or something it needs is missing
     */
    public static SimulationSetup of(Venture venture) {
        SimulationSpec spec = venture.simulation();
        if (spec == null) {
            throw new ModelException("simulation", "simulate needs a simulation: section (runs, seed and the drivers' distributions)");
        }
        ExitScenario template = venture.exits().isEmpty() ? null : venture.exits().get(0);
        LocalDate baseDate = template != null && template.date() != null ? template.date() : venture.asOf();
        Money netDebt = venture.netDebt();
        double baseMultiple = template != null && template.ebitdaMultiple() != null ? template.ebitdaMultiple().doubleValue() : Double.NaN;
        ExitValueModel value;
        if (spec.ebitdaMultiple() != null || !Double.isNaN(baseMultiple)) {
            if (venture.financials() == null) {
                // The venture refuses this when it is built (Venture.validateExitDates); kept for the same message here.
                throw spec.ebitdaMultiple() != null
                        ? new ModelException("simulation.ebitdaMultiple", org.msocap.model.Financials.neededForSimulatedMultiple())
                        : new ModelException("exits[0].ebitdaMultiple", org.msocap.model.Financials.neededForMultiple(template.name(), true));
            }
            value = ProjectedExitValue.of(FeeModel.resolve(venture));
            if (Double.isNaN(baseMultiple)) {
                baseMultiple = 1; // never used: the multiple is drawn in every run
            }
        } else if (template != null && template.enterpriseValue() != null) {
            value = ExitValueModel.fixed(template.enterpriseValue().cents());
        } else {
            throw new ModelException(template == null ? "exits" : "exits[0]", "the simulation needs an enterprise value: an "
                    + "ebitdaMultiple distribution under simulation:, or a first exit scenario with ebitdaMultiple or enterpriseValue"
                    + (template != null && template.revenueMultiple() != null ? " (revenue multiples are not simulated)" : ""));
        }
        ExitTerms terms = template == null ? ExitTerms.none(netDebt) : ExitTerms.of(template, netDebt);
        List<Position> carveOut = new ArrayList<>();
        for (String recipient : terms.carveOutRecipients()) {
            carveOut.add(new Position(recipient, venture.categoryOf(recipient), "carve-out", 0, null));
        }
        boolean doubleTriggerFires = template != null && template.doubleTriggerFires();
        // With deal events each run is paid through the cap table and net debt in force at its exit date (PRODUCT.md §8).
        PayoutModel payouts = TimelinePayoutModel.appliesTo(venture) ? new TimelinePayoutModel(Timeline.of(venture), doubleTriggerFires)
                : new BreakpointPayoutModel(venture, doubleTriggerFires);
        return new SimulationSetup(DriverSampler.of(spec), spec.noExitProbability(), baseDate, baseMultiple, value, terms,
                payouts, carveOut);
    }

    /** The exit terms of a sale on {@code exitEpochDay}: with deal events, the net debt in force that day. */
    public ExitTerms termsOn(int exitEpochDay) {
        return payouts instanceof TimelinePayoutModel timeline ? timeline.termsOn(terms, exitEpochDay) : terms;
    }

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
