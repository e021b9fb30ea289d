package org.msocap.fees;

import java.util.Objects;
import org.msocap.money.Money;

/**
 * The MSO in one period: {@code ebitda = revenue − costs} to the cent.
 *
 * @param revenue the management fees from all practices
 * @param costs the MSO's operating costs
 * @param ebitda earnings before interest, taxes, depreciation and amortization
 */
public record MsoPeriod(ProjectionPeriod period, Money revenue, Money costs, Money ebitda) {

    public MsoPeriod {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(ebitda, "ebitda");
    }

    MsoPeriod plus(MsoPeriod next, ProjectionPeriod combined) {
        return new MsoPeriod(combined, revenue.plus(next.revenue), costs.plus(next.costs), ebitda.plus(next.ebitda));
    }
}
