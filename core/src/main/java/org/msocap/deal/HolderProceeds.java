package org.msocap.deal;

import java.util.Objects;
import org.msocap.model.HolderCategory;
import org.msocap.money.Money;

/**
 * What one holder of the old cap table receives at a recap: their payout in the old waterfall, split into the part
 * rolled into the new classes and the cash at close ({@code cashAtClose + rollover = proceeds} to the cent).
 *
 * @param proceeds the holder's payout in the old waterfall at the recap date (options and warrants net of strike)
 * @param cost what the holder paid before the recap (the old waterfall's cost basis): their original cost
 */
public record HolderProceeds(String holder, HolderCategory category, Money proceeds, Money rollover, Money cashAtClose,
                             Money cost) {

    public HolderProceeds {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(cost, "cost");
        if (!cashAtClose.plus(rollover).equals(proceeds) || cashAtClose.isNegative() || rollover.isNegative()) {
            throw new IllegalArgumentException("cash at close " + cashAtClose + " + rollover " + rollover + " must equal proceeds "
                    + proceeds + " (" + holder + ")");
        }
    }
}
