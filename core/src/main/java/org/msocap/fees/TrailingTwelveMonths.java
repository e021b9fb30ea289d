package org.msocap.fees;

import java.time.LocalDate;
import java.util.Objects;
import org.msocap.money.Money;

/**
 * The MSO over the twelve months ending with the month that contains an exit date.
 *
 * @param from first day of the first month
 * @param to last day of the last month
 * @param revenue management fees from all practices
 * @param costs MSO operating costs
 * @param ebitda revenue − costs
 */
public record TrailingTwelveMonths(LocalDate from, LocalDate to, Money revenue, Money costs, Money ebitda) {

    public TrailingTwelveMonths {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(ebitda, "ebitda");
        if (!revenue.minus(costs).equals(ebitda)) {
            throw new IllegalArgumentException("ebitda " + ebitda + " must equal revenue " + revenue + " − costs " + costs);
        }
    }
}
