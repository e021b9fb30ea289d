package org.msocap.waterfall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.msocap.model.HolderCategory;
import org.msocap.money.Money;

/**
 * What one holder receives at one exit value, over all their holdings.
 *
 * <p>One rule for every output (waterfall, simulate, report, workbook): a holder's <b>total</b> is the payout from
 * the equity proceeds plus their part of the management carve-out, and MOIC is that total over the cost actually
 * paid before the sale. Options and warrants are exercised at the sale (PRODUCT.md §4.4), so their strike is
 * netted from the payout and never counted as cost: the multiple does not jump when options move in or out of
 * the money, and it uses the same cash flows as the IRR.
 *
 * @param payout net cash received from the equity proceeds (options and warrants: after paying the strike)
 * @param shareOfProceeds payout ÷ equity proceeds, 8 decimals
 * @param costBasis what the holder paid before the sale: holding costs, SAFE amounts, note principal (no strike)
 * @param exerciseCash strike paid at the sale for exercised options and warrants, already netted from the payout
 * @param irr annual internal rate of return of the total, from acquisition dates to the exit date; empty when a cost
 *            has no acquisition date, everything happens on one date, or no rate solves the cash flows
 * @param carveOut the holder's part of the management carve-out, paid before the equity (zero for most holders)
 */
public record HolderPayout(String id, HolderCategory category, Money payout, BigDecimal shareOfProceeds, Money costBasis,
                           Money exerciseCash, OptionalDouble irr, Money carveOut) {

    public HolderPayout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(shareOfProceeds, "shareOfProceeds");
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(exerciseCash, "exerciseCash");
        Objects.requireNonNull(irr, "irr");
        Objects.requireNonNull(carveOut, "carveOut");
    }

    /** A holder without a carve-out. */
    public HolderPayout(String id, HolderCategory category, Money payout, BigDecimal shareOfProceeds, Money costBasis,
                        Money exerciseCash, OptionalDouble irr) {
        this(id, category, payout, shareOfProceeds, costBasis, exerciseCash, irr, Money.ZERO);
    }

    /** Everything the holder receives in the sale: the payout from the equity plus the carve-out. */
    public Money total() {
        return payout.plus(carveOut);
    }

    /** Multiple on invested capital: total ÷ cost basis, 4 decimals; empty without cost. */
    public Optional<BigDecimal> moic() {
        if (!costBasis.isPositive()) {
            return Optional.empty();
        }
        return Optional.of(total().amount().divide(costBasis.amount(), 4, RoundingMode.HALF_UP));
    }
}
