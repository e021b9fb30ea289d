package org.msocap.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ExitScenario;
import org.msocap.money.Allocation;
import org.msocap.money.Fractions;
import org.msocap.money.Money;

/**
 * The bridge from a run's enterprise value to the equity proceeds the waterfall distributes, with the
 * terms of the exit scenario the simulation is built on. It follows {@link org.msocap.waterfall.EquityBridge}
 * exactly (PRODUCT.md §4.1), and adds what happens after close in one run:
 * <pre>
 *   net proceeds    = max(0, EV − net debt − transaction costs)   (costs: a fraction of EV, or fixed)
 *   carve-out       = carve-out fraction × net proceeds, split over its recipients in id order
 *   equity proceeds = net proceeds − carve-out
 *   escrow          = escrow fraction × equity proceeds, withheld at close
 *   realized        = equity proceeds − escrow + released × escrow + paid × earnout
 * </pre>
 * Each product is rounded half up to the cent once. The waterfall distributes the <em>realized</em> amount:
 * holders are ultimately paid from everything the buyer pays, through the same waterfall. With a scenario's
 * probabilities, release and payment are all-or-nothing draws; with the escrowRelease/earnoutPaid drivers they
 * are fractions.
 *
 * @param netDebtCents deducted from enterprise value
 * @param transactionCostFraction fraction of EV, or null when the costs are fixed
 * @param fixedTransactionCostCents fixed costs (0 when a fraction is given)
 * @param carveOutFraction fraction of net proceeds paid to carve-out recipients (0: none)
 * @param carveOutRecipients recipient person ids, in id order
 * @param carveOutWeights each recipient's share, in the same order
 * @param escrowFraction fraction of equity proceeds withheld at close (0: none)
 * @param escrowMonths months after close the escrow is released
 * @param escrowReleaseProbability probability the escrow is released in full (used when no escrowRelease driver)
 * @param earnoutCents the earnout if fully paid (0: none)
 * @param earnoutProbability probability the earnout is paid (used when no earnoutPaid driver)
 */
public record ExitTerms(long netDebtCents, BigDecimal transactionCostFraction, long fixedTransactionCostCents,
                        BigDecimal carveOutFraction, List<String> carveOutRecipients, List<BigFraction> carveOutWeights,
                        BigDecimal escrowFraction, int escrowMonths, double escrowReleaseProbability, long earnoutCents,
                        double earnoutProbability) {

    public ExitTerms {
        carveOutRecipients = List.copyOf(carveOutRecipients);
        carveOutWeights = List.copyOf(carveOutWeights);
        if (carveOutRecipients.size() != carveOutWeights.size()) {
            throw new IllegalArgumentException("carve-out recipients and weights differ in number");
        }
    }

    /** No costs, no carve-out, no escrow, no earnout: EV − net debt is the equity. */
    public static ExitTerms none(Money netDebt) {
        return new ExitTerms(netDebt.cents(), null, 0, BigDecimal.ZERO, List.of(), List.of(), BigDecimal.ZERO, 0, 1, 0, 0);
    }

    /** The terms of an exit scenario; {@code netDebt} comes from the financials. */
    public static ExitTerms of(ExitScenario exit, Money netDebt) {
        BigDecimal tcFraction = null;
        long tcFixed = 0;
        if (exit.transactionCosts() != null) {
            tcFraction = exit.transactionCosts().fraction();
            tcFixed = exit.transactionCosts().fixed() == null ? 0 : exit.transactionCosts().fixed().cents();
        }
        List<String> recipients = new ArrayList<>();
        List<BigFraction> weights = new ArrayList<>();
        BigDecimal carve = BigDecimal.ZERO;
        if (exit.carveOut() != null) {
            carve = exit.carveOut().fraction();
            for (Map.Entry<String, BigDecimal> e : new java.util.TreeMap<>(exit.carveOut().recipients()).entrySet()) {
                recipients.add(e.getKey());
                weights.add(Fractions.of(e.getValue()));
            }
        }
        BigDecimal escrow = exit.escrow() == null ? BigDecimal.ZERO : exit.escrow().fraction();
        int months = exit.escrow() == null ? 0 : exit.escrow().months();
        double release = exit.escrow() == null ? 1 : exit.escrow().releaseProbability().doubleValue();
        long earnout = exit.earnout() == null ? 0 : exit.earnout().amount().cents();
        double earnoutP = exit.earnout() == null ? 0 : exit.earnout().probability().doubleValue();
        return new ExitTerms(netDebt.cents(), tcFraction, tcFixed, carve, recipients, weights, escrow, months, release, earnout,
                earnoutP);
    }

    public long transactionCostsCents(long enterpriseValueCents) {
        return transactionCostFraction == null ? fixedTransactionCostCents
                : ExactCents.times(enterpriseValueCents, transactionCostFraction);
    }

    /** EV − net debt − transaction costs, never below zero. */
    public long netProceedsCents(long enterpriseValueCents) {
        return Math.max(0, enterpriseValueCents - netDebtCents - transactionCostsCents(enterpriseValueCents));
    }

    public long carveOutCents(long enterpriseValueCents) {
        return carveOutFraction.signum() == 0 ? 0 : ExactCents.times(netProceedsCents(enterpriseValueCents), carveOutFraction);
    }

    /** What the waterfall distributes when everything is paid at close: net proceeds − carve-out. */
    public long equityProceedsCents(long enterpriseValueCents) {
        return netProceedsCents(enterpriseValueCents) - carveOutCents(enterpriseValueCents);
    }

    public long escrowCents(long enterpriseValueCents) {
        return escrowFraction.signum() == 0 ? 0 : ExactCents.times(equityProceedsCents(enterpriseValueCents), escrowFraction);
    }

    /** Equity proceeds at close: the escrow withheld. */
    public long closeProceedsCents(long enterpriseValueCents) {
        return equityProceedsCents(enterpriseValueCents) - escrowCents(enterpriseValueCents);
    }

    /**
     * Equity proceeds ultimately realized: close proceeds plus the released escrow and the paid earnout.
     *
     * @param escrowReleased fraction of the escrow released, in [0, 1]
     * @param earnoutPaid fraction of the earnout paid, in [0, 1]
     */
    public long realizedProceedsCents(long enterpriseValueCents, double escrowReleased, double earnoutPaid) {
        long escrow = escrowCents(enterpriseValueCents);
        long released = escrowReleased >= 1 ? escrow : escrowReleased <= 0 ? 0 : ExactCents.times(escrow, escrowReleased);
        long earnout = earnoutPaid >= 1 ? earnoutCents : earnoutPaid <= 0 ? 0 : ExactCents.times(earnoutCents, earnoutPaid);
        return equityProceedsCents(enterpriseValueCents) - escrow + released + earnout;
    }

    /** {@link #realizedProceedsCents} for many runs: the fractions' digits taken out once (see {@link Bridge}). */
    public Bridge bridge() {
        return new Bridge(this);
    }

    /**
     * The terms' bridge from enterprise value to realized proceeds, ready for one run after another: the same cents as
     * {@link #realizedProceedsCents}, each product decided in doubles and, within the error bound of a half cent,
     * in longs from the fractions' digits taken out once ({@link ExactCents.Rate#times}), the equity proceeds computed
     * once per run (the record's methods build each step again, and each fraction's digits per product).
     */
    public static final class Bridge {
        private final long netDebtCents;
        private final ExactCents.Rate transactionCost;
        private final long fixedTransactionCostCents;
        private final ExactCents.Rate carveOut;
        private final ExactCents.Rate escrow;
        private final long earnoutCents;

        private Bridge(ExitTerms terms) {
            netDebtCents = terms.netDebtCents();
            BigDecimal costs = terms.transactionCostFraction();
            transactionCost = costs == null ? null : new ExactCents.Rate(costs);
            fixedTransactionCostCents = terms.fixedTransactionCostCents();
            carveOut = terms.carveOutFraction().signum() == 0 ? null : new ExactCents.Rate(terms.carveOutFraction());
            escrow = terms.escrowFraction().signum() == 0 ? null : new ExactCents.Rate(terms.escrowFraction());
            earnoutCents = terms.earnoutCents();
        }

        /** {@link ExitTerms#realizedProceedsCents}. */
        public long realizedProceedsCents(long enterpriseValueCents, double escrowReleased, double earnoutPaid) {
            long costs = transactionCost == null ? fixedTransactionCostCents : transactionCost.times(enterpriseValueCents);
            long net = Math.max(0, enterpriseValueCents - netDebtCents - costs);
            long equity = carveOut == null ? net : net - carveOut.times(net);
            long earnout = earnoutPaid >= 1 ? earnoutCents : earnoutPaid <= 0 ? 0 : ExactCents.times(earnoutCents, earnoutPaid);
            if (escrowReleased >= 1) {
                // An escrow released in full gives back what it withheld (equity − withheld + withheld is equity in long
                // arithmetic whatever withheld is, and its product neither throws nor has effects): its rounding is
                // skipped, 9 runs in 10 at a release probability of 0.9 (drivers and exit value 0.96 of the phase with it,
                // in process on ten-class).
                return equity + earnout;
            }
            long withheld = escrow == null ? 0 : escrow.times(equity);
            long released = escrowReleased <= 0 ? 0 : ExactCents.times(withheld, escrowReleased);
            return equity - withheld + released + earnout;
        }
    }

    /** The carve-out split among its recipients (largest remainder, in recipient order). */
    public long[] carveOutSplit(long carveOutCents) {
        if (carveOutRecipients.isEmpty() || carveOutCents == 0) {
            return new long[carveOutRecipients.size()];
        }
        return Allocation.largestRemainder(carveOutCents, carveOutWeights);
    }
}
