package org.msocap.simulation;

import java.util.List;

/**
 * The waterfall as the simulation sees it: a fixed list of positions and, for an exit on a given day, a
 * fast evaluator from equity proceeds to each position's payout in cents. Dividends, note interest and
 * vesting depend on the exit date, so an implementation resolves one evaluator per day (the simulation
 * asks once per distinct day and reuses it for every run exiting that day).
 */
public interface PayoutModel {

    /** The positions, in a fixed order; payouts are reported in this order. */
    List<Position> positions();

    /** An evaluator for exits on {@code exitEpochDay}; thread-safe, reused across runs. */
    PayoutEvaluator at(int exitEpochDay);

    /** Payouts for one exit date. */
    @FunctionalInterface
    interface PayoutEvaluator {
        /**
         * Writes each position's payout (exact cents, adding up to {@code equityProceedsCents}) into
         * {@code payoutCents}, which has one slot per position.
         */
        void payouts(long equityProceedsCents, long[] payoutCents);

        /**
         * Like {@link #payouts(long, long[])}, but only the positions flagged in {@code wanted} need to be right;
         * the others may hold anything. A pass that follows a few holders can then skip splitting the classes
         * they do not hold. By default everything is computed.
         */
        default void payouts(long equityProceedsCents, long[] payoutCents, boolean[] wanted) {
            payouts(equityProceedsCents, payoutCents);
        }
    }
}
