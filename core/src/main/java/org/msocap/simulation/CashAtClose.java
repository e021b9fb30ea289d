package org.msocap.simulation;

import java.util.List;

/**
 * With recaps, the part of each category's and listed holder's mean that is cash at close of earlier recaps: their
 * statistics are then over realized totals (cash at close + this run's payout). Currency units, means over all runs.
 *
 * @param categories one per holder category, in {@link SimulationResult#categories()} order; empty without recaps
 * @param holders one per listed holder, in {@link SimulationResult#holders()} order; empty without recaps
 */
public record CashAtClose(List<Double> categories, List<Double> holders) {

    /** No recap: the statistics are of this exit's payouts. */
    public static final CashAtClose NONE = new CashAtClose(List.of(), List.of());

    public CashAtClose {
        categories = List.copyOf(categories);
        holders = List.copyOf(holders);
    }

    /** Whether the venture has recaps, so categories and holders are realized totals. */
    public boolean realized() {
        return !categories.isEmpty();
    }
}
