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
 * @param platformCollections the managed practices' collections (the platform's revenue), for
 *                            {@code revenueBasis: platform}
 * @param projectionEnd last day of the model's projection ({@code financials.start} + {@code years}); twelve months
 *                      ending after it were projected further at the same growth rates ({@link #extended()})
 */
public record TrailingTwelveMonths(LocalDate from, LocalDate to, Money revenue, Money costs, Money ebitda,
                                   Money platformCollections, LocalDate projectionEnd) {

    public TrailingTwelveMonths {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(ebitda, "ebitda");
        Objects.requireNonNull(platformCollections, "platformCollections");
        Objects.requireNonNull(projectionEnd, "projectionEnd");
        if (!revenue.minus(costs).equals(ebitda)) {
            throw new IllegalArgumentException("ebitda " + ebitda + " must equal revenue " + revenue + " − costs " + costs);
        }
    }

    /** Whether these months run past the model's projection: values extended at the same (last year's) growth rates. */
    public boolean extended() {
        return to.isAfter(projectionEnd);
    }
}
