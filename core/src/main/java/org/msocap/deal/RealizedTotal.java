package org.msocap.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.msocap.model.HolderCategory;
import org.msocap.money.Money;

/**
 * What one person realizes over the whole deal at an exit after one or more recaps (PRODUCT.md §8.4).
 *
 * @param earlier cash at close of every earlier recap
 * @param payout what this exit pays the person (payout from the equity plus any carve-out)
 * @param total earlier + payout
 * @param cost the person's original cost: what they paid before the first recap (holdings, SAFEs, notes; no option
 *             strike), plus money paid in later (a buyer's equity, a later round); a rollover is not new cost
 * @param irr annual rate over the dated cash flows (costs out; cash at each close and the payout in); empty when a cost
 *            has no date, everything happens on one day, or no rate solves the flows
 */
public record RealizedTotal(String id, HolderCategory category, Money earlier, Money payout, Money total, Money cost,
                            OptionalDouble irr) {

    public RealizedTotal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(irr, "irr");
        if (!earlier.plus(payout).equals(total)) {
            throw new IllegalArgumentException("total " + total + " must be earlier " + earlier + " + payout " + payout);
        }
    }

    /** Total ÷ original cost, 4 decimals; empty without cost. */
    public Optional<BigDecimal> moic() {
        return cost.isPositive() ? Optional.of(total.amount().divide(cost.amount(), 4, RoundingMode.HALF_UP)) : Optional.empty();
    }
}
