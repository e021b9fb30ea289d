package org.msocap.deal;

import java.util.Objects;
import org.msocap.money.Money;

/**
 * A recap's sources and uses of funds (PRODUCT.md §8.3). The buyer's equity is what balances them, so
 * {@link #totalSources()} equals {@link #totalUses()} to the cent by construction.
 *
 * @param newDebt principal raised at close
 * @param buyerEquity the buyer's cash for its units: uses − new debt − rollover
 * @param rollover the proceeds the old holders reinvest (units × price, each rounded to the cent once)
 * @param oldEquity what the old cap table's waterfall pays: enterprise value − old net debt − seller costs (never below 0)
 * @param oldNetDebt the net debt in force at the recap date, repaid at close (negative: net cash that funds the uses)
 * @param sellerCosts paid out of what the old holders would otherwise receive
 * @param buyerCosts funded by the buyer on top of the price
 */
public record SourcesAndUses(Money newDebt, Money buyerEquity, Money rollover, Money oldEquity, Money oldNetDebt,
                             Money sellerCosts, Money buyerCosts) {

    public SourcesAndUses {
        Objects.requireNonNull(newDebt, "newDebt");
        Objects.requireNonNull(buyerEquity, "buyerEquity");
        Objects.requireNonNull(rollover, "rollover");
        Objects.requireNonNull(oldEquity, "oldEquity");
        Objects.requireNonNull(oldNetDebt, "oldNetDebt");
        Objects.requireNonNull(sellerCosts, "sellerCosts");
        Objects.requireNonNull(buyerCosts, "buyerCosts");
        if (!newDebt.plus(buyerEquity).plus(rollover).equals(oldEquity.plus(oldNetDebt).plus(sellerCosts).plus(buyerCosts))) {
            throw new IllegalArgumentException("sources " + newDebt.plus(buyerEquity).plus(rollover) + " must equal uses "
                    + oldEquity.plus(oldNetDebt).plus(sellerCosts).plus(buyerCosts));
        }
    }

    public Money totalSources() {
        return newDebt.plus(buyerEquity).plus(rollover);
    }

    public Money totalUses() {
        return oldEquity.plus(oldNetDebt).plus(sellerCosts).plus(buyerCosts);
    }

    /** The new company's equity at close: the buyer's and the rollovers'. */
    public Money newEquity() {
        return buyerEquity.plus(rollover);
    }
}
