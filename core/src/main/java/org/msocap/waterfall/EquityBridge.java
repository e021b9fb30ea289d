package org.msocap.waterfall;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ExitScenario;
import org.msocap.money.Allocation;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * From the price of the MSO to what its equity holders share (PRODUCT.md §4.1):
 * <pre>
 *   net proceeds    = enterprise value − net debt − transaction costs        (never below 0)
 *   carve-out       = carve-out fraction × net proceeds, split over its recipients
 *   equity proceeds = net proceeds − carve-out                                (the waterfall's input)
 *   at close        = equity proceeds − escrow (escrow fraction × equity proceeds)
 *   expected total  = at close + escrow × release probability + earnout × probability
 * </pre>
 * Transaction costs given as a fraction are a fraction of the enterprise value. Each product is rounded
 * half-up to the cent once ({@link Rounding}); the carve-out split goes through {@link Allocation}.
 *
 * @param carveOutPayments recipient id → cents, in id order; adds up to {@code carveOut}
 */
public record EquityBridge(Money enterpriseValue, Money netDebt, Money transactionCosts, Money carveOut,
                           Map<String, Money> carveOutPayments, Money equityProceeds, Money escrowWithheld, Money atClose,
                           Money expectedEscrowRelease, Money expectedEarnout, Money expectedTotal) {

    public EquityBridge {
        Objects.requireNonNull(enterpriseValue, "enterpriseValue");
        Objects.requireNonNull(netDebt, "netDebt");
        Objects.requireNonNull(transactionCosts, "transactionCosts");
        Objects.requireNonNull(carveOut, "carveOut");
        carveOutPayments = Collections.unmodifiableMap(new LinkedHashMap<>(carveOutPayments));
        Objects.requireNonNull(equityProceeds, "equityProceeds");
        Objects.requireNonNull(escrowWithheld, "escrowWithheld");
        Objects.requireNonNull(atClose, "atClose");
        Objects.requireNonNull(expectedEscrowRelease, "expectedEscrowRelease");
        Objects.requireNonNull(expectedEarnout, "expectedEarnout");
        Objects.requireNonNull(expectedTotal, "expectedTotal");
        if (equityProceeds.isNegative()) {
            throw new IllegalArgumentException("equityProceeds must be >= 0 but was " + equityProceeds);
        }
    }

    /**
     * By how much the net debt and transaction costs exceed the enterprise value: what the sale leaves unpaid ahead of
     * the equity, which then receives nothing. Zero when the value covers them.
     */
    public Money shortfall() {
        return netDebt.plus(transactionCosts).minus(enterpriseValue).max(Money.ZERO);
    }

    /** The bridge for a sale at {@code enterpriseValue} under the terms of {@code exit}. */
    public static EquityBridge of(ExitScenario exit, Money enterpriseValue, Money netDebt) {
        Objects.requireNonNull(exit, "exit");
        Objects.requireNonNull(enterpriseValue, "enterpriseValue");
        Objects.requireNonNull(netDebt, "netDebt");
        if (enterpriseValue.isNegative()) {
            throw new IllegalArgumentException("enterpriseValue must be >= 0 but was " + enterpriseValue);
        }
        Money costs = Money.ZERO;
        if (exit.transactionCosts() != null) {
            costs = exit.transactionCosts().fixed() != null ? exit.transactionCosts().fixed()
                    : Rounding.toCents(enterpriseValue.times(exit.transactionCosts().fraction()));
        }
        Money net = enterpriseValue.minus(netDebt).minus(costs).max(Money.ZERO);
        Money carveOut = Money.ZERO;
        Map<String, Money> payments = new LinkedHashMap<>();
        if (exit.carveOut() != null) {
            carveOut = Rounding.toCents(net.times(exit.carveOut().fraction()));
            Map<String, BigDecimal> recipients = new TreeMap<>(exit.carveOut().recipients());
            List<BigFraction> weights = new ArrayList<>();
            recipients.values().forEach(w -> weights.add(ResolvedCapTable.fraction(w)));
            List<Money> split = carveOut.isZero() ? Collections.nCopies(weights.size(), Money.ZERO)
                    : Allocation.proportional(carveOut, weights);
            int i = 0;
            for (String id : recipients.keySet()) {
                payments.put(id, split.get(i++));
            }
        }
        Money equity = net.minus(carveOut);
        Money escrow = Money.ZERO;
        Money escrowRelease = Money.ZERO;
        if (exit.escrow() != null) {
            escrow = Rounding.toCents(equity.times(exit.escrow().fraction()));
            escrowRelease = Rounding.toCents(escrow.times(exit.escrow().releaseProbability()));
        }
        Money earnout = exit.earnout() == null ? Money.ZERO
                : Rounding.toCents(exit.earnout().amount().times(exit.earnout().probability()));
        Money atClose = equity.minus(escrow);
        return new EquityBridge(enterpriseValue, netDebt, costs, carveOut, payments, equity, escrow, atClose, escrowRelease,
                earnout, atClose.plus(escrowRelease).plus(earnout));
    }
}
