package org.msocap.model;

import java.time.LocalDate;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * Shares of one MSO class held by one holder.
 *
 * @param acquired may be null: acquisition date unknown (no IRR)
 * @param cost may be null: defaults to shares × the class's issue price
 */
public record Holding(String holder, String shareClass, long shares, LocalDate acquired, Money cost) {

    public Holding {
        Checks.id(holder, "holder");
        Checks.id(shareClass, "class");
        Checks.positive(shares, "shares");
        if (cost != null) {
            Checks.nonNegative(cost, "cost");
        }
    }

    public static Holding of(String holder, String shareClass, long shares) {
        return new Holding(holder, shareClass, shares, null, null);
    }

    public Holding withShares(long newShares) {
        return new Holding(holder, shareClass, newShares, acquired, cost);
    }

    /** What the holder paid: the given cost, else shares × issue price. */
    public Money costBasis(ShareClass cls) {
        return cost != null ? cost : Rounding.toCents(cls.issuePriceOrZero().multiply(java.math.BigDecimal.valueOf(shares)));
    }
}
