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
 * @param payout net cash received from the equity proceeds (options: after paying the strike)
 * @param shareOfProceeds payout ÷ equity proceeds, 8 decimals
 * @param costBasis what the holder paid: holding costs, SAFE amounts, note principal, plus option exercise cash
 * @param exerciseCash strike paid at the sale for exercised options and warrants
 * @param irr annual internal rate of return from acquisition dates to the exit date; empty when a cost has no
 *            acquisition date, everything happens on one date, or no rate solves the cash flows
 */
public record HolderPayout(String id, HolderCategory category, Money payout, BigDecimal shareOfProceeds, Money costBasis,
                           Money exerciseCash, OptionalDouble irr) {

    public HolderPayout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(shareOfProceeds, "shareOfProceeds");
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(exerciseCash, "exerciseCash");
        Objects.requireNonNull(irr, "irr");
    }

    /** Multiple on invested capital: (payout + exercise cash) ÷ cost basis, 4 decimals; empty without cost. */
    public Optional<BigDecimal> moic() {
        if (!costBasis.isPositive()) {
            return Optional.empty();
        }
        return Optional.of(payout.plus(exerciseCash).amount().divide(costBasis.amount(), 4, RoundingMode.HALF_UP));
    }
}
