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

        /**
         * For one thread of a payout pass that needs, per run, the exact payouts of a few positions (those flagged in
         * {@code wanted}) and the exact totals of bins of positions ({@code binOf}: each position's bin, of
         * {@code bins}), but of every other position only its total over all runs, and that only well enough to
         * rank holders: {@link BinnedPayouts}. Null when the model cannot do better than {@link #payouts}.
         */
        default BinnedPayouts binned(boolean[] wanted, int[] binOf, int bins) {
            return null;
        }

        /**
         * For one thread of a payout pass that needs, per run, not each position's payout but sums of them
         * ({@link SeriesPayouts}): a claimant's cents go once into its class's and its category's slot, and only the
         * holdings of followed holders are split. Null when the model cannot do better than {@link #payouts}.
         */
        default SeriesPayouts series(SeriesSlots slots) {
            return null;
        }

        /**
         * Proceeds (cents, ascending) at which the payouts may stop being linear in the proceeds: between two of them
         * every position's exact payout is a line, give or take its rounding to the cent. A hint that saves probing
         * ({@link LineSeries}); null when not known.
         */
        default long[] bends() {
            return null;
        }
    }

    /**
     * Where each position's cents are summed per run: per position its slot in a totals array for its group, its
     * category and its holder ({@code -1}: none), and the {@code spare} slot past them all that takes what goes
     * nowhere. A slot may sum many positions. A slot is an offset: the payout pass keeps a chunk's runs in columns,
     * series {@code s}'s at {@code s × stride}, and adds run {@code k}'s cents at slot + {@code k} ({@link SeriesPayouts#add}).
     */
    record SeriesSlots(int[] groupSlot, int[] categorySlot, int[] holderSlot, int spare) {
    }

    /** Payouts summed into slots ({@link SeriesSlots}); one thread's, kept by it over many runs. */
    interface SeriesPayouts {
        /**
         * Adds every position's exact payout to each of its slots, offset by {@code at}, in {@code totals} (through the
         * spare slot + {@code at}): the sums equal those of {@link PayoutEvaluator#payouts}.
         */
        void add(long equityProceedsCents, long[] totals, int at);

        /**
         * {@link #add} for runs {@code [from, to)} of one exit day: run {@code k}'s proceeds {@code proceeds[runs[k]]}, its
         * cents added at each slot + {@code k}. An implementation may go claimant by claimant over the runs rather than
         * run by run; the sums are the same.
         */
        default void addRuns(long[] proceeds, int[] runs, int from, int to, long[] totals) {
            for (int k = from; k < to; k++) {
                add(proceeds[runs[k]], totals, k);
            }
        }
    }

    /**
     * Payouts per bin of positions, exact for the wanted positions; one thread's, kept by it over many runs. Each
     * claimant's cents go to its holdings by largest remainder, and a holding's cents need every other holding's
     * remainder; a bin's total needs only the holdings outside the claimant's largest bin, and a total over many runs
     * of an unwanted holding is its proportional share of the claimant's total to within a cent a run.
     */
    interface BinnedPayouts {
        /**
         * Writes the exact payout of each wanted position into {@code payoutCents} (other slots are left as they are)
         * and adds every bin's exact total to {@code binCents}.
         */
        void payouts(long equityProceedsCents, long[] payoutCents, long[] binCents);

        /**
         * Adds each position's total over all the runs so far: into {@code exactCents} what is known exactly, into
         * {@code estimatedCents} an estimate of the rest, and into {@code errorCents} a bound on that estimate's error.
         */
        void addTotals(long[] exactCents, double[] estimatedCents, double[] errorCents);
    }
}
