package org.msocap.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.msocap.money.Money;

/**
 * One run, exactly: its drivers, its enterprise value and equity proceeds, and what each class and
 * category received (in the order of {@link SimulationResult#classes()} and {@link SimulationResult#categories()}).
 *
 * @param exitDate empty when the run has no exit
 * @param escrowReleased fraction of the escrow released
 * @param earnoutPaid fraction of the earnout paid
 */
public record RunSample(int run, Optional<LocalDate> exitDate, double ebitdaMultiple, double collectionsGrowth,
                        double clinicianComp, double escrowReleased, double earnoutPaid, Money enterpriseValue,
                        Money equityProceeds, List<Money> classPayouts, List<Money> categoryPayouts) {

    public RunSample {
        classPayouts = List.copyOf(classPayouts);
        categoryPayouts = List.copyOf(categoryPayouts);
    }

    public boolean exited() {
        return exitDate.isPresent();
    }
}
