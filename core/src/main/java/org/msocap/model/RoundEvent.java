package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.msocap.money.Money;

/**
 * A priced financing round (PRODUCT.md §8.1): new shares of {@code shareClass} sold to the investors at a price set by
 * the pre-money valuation over the fully diluted count, or given directly; the SAFEs and notes outstanding convert,
 * the option pool may be topped up, and earlier preferred classes with anti-dilution protection adjust.
 *
 * @param shareClass the class the round creates; its issue price is the round's price, set when the round is applied
 *     (a preferred class is written without one and carries 0 until then)
 * @param preMoney may be null when {@code pricePerShare} is given (exactly one of the two)
 * @param pricePerShare may be null when {@code preMoney} is given
 * @param priceBasis whether the pre-money count includes the shares the converting SAFEs and notes receive
 * @param poolTopUp may be null: the unissued pool's target fraction of the post-money fully diluted count
 */
public record RoundEvent(String name, LocalDate date, ShareClass shareClass, Money preMoney, BigDecimal pricePerShare,
                         PriceBasis priceBasis, List<Investment> investments, BigDecimal poolTopUp) implements DealEvent {

    public enum PriceBasis {
        WITH_CONVERSIONS, WITHOUT_CONVERSIONS;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** New money from one investor. */
    public record Investment(String holder, Money amount) {

        public Investment {
            Checks.id(holder, "holder");
            Checks.positive(amount, "amount");
        }
    }

    public RoundEvent {
        Checks.text(name, "name");
        Checks.required(date, "date");
        Checks.required(shareClass, "class");
        if (shareClass.isPreferred()) {
            shareClass = shareClass.withIssuePrice(BigDecimal.ZERO);
        }
        if (shareClass.isProfitsInterest()) {
            throw new ModelException("class", "a round sells preferred or common shares, not profits interests ("
                    + shareClass.id() + ")");
        }
        if ((preMoney == null) == (pricePerShare == null)) {
            throw new ModelException(preMoney == null ? "preMoney" : "pricePerShare", "round '" + name
                    + "' needs exactly one of preMoney and pricePerShare"
                    + (preMoney == null ? "" : " (it gives both)"));
        }
        if (preMoney != null) {
            Checks.positive(preMoney, "preMoney");
        }
        if (pricePerShare != null) {
            Checks.positive(pricePerShare, "pricePerShare");
        }
        priceBasis = priceBasis == null ? PriceBasis.WITH_CONVERSIONS : priceBasis;
        investments = Checks.list(investments);
        if (investments.isEmpty()) {
            throw new ModelException("investments", "round '" + name + "' needs at least one investment");
        }
        if (poolTopUp != null) {
            Checks.fraction(poolTopUp, "poolTopUp");
            if (poolTopUp.compareTo(BigDecimal.ONE) >= 0) {
                throw new ModelException("poolTopUp", "poolTopUp is the pool's fraction of the post-money count and must be < 1 "
                        + "but was " + poolTopUp.toPlainString());
            }
        }
    }

    @Override
    public String type() {
        return "round";
    }

    /** The new money of the round. */
    public Money totalInvestment() {
        Money total = Money.ZERO;
        for (Investment i : investments) {
            total = total.plus(i.amount());
        }
        return total;
    }
}
