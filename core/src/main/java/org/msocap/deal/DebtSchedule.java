package org.msocap.deal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Limits;
import org.msocap.model.ModelException;
import org.msocap.model.RecapEvent;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * The net debt a recap leaves, at any later date (PRODUCT.md §8.3): the new debt's principal, amortized straight-line
 * ({@code amortization} of the original principal per year, never below zero) or growing at {@code pikRate} compounded
 * annually. Years are days ÷ 365; a part year of PIK accrues simply on the compounded balance, as cumulative dividends
 * do. The balance is exact and rounded half up to the cent once, at the date asked.
 *
 * @param start the recap's date: the balance there is the principal
 * @param principal zero when the recap raises no debt
 * @param field the field that names the debt in the model file, for errors ({@code events[2].newDebt})
 */
public record DebtSchedule(LocalDate start, Money principal, BigDecimal amortization, BigDecimal pikRate, String field) {

    public DebtSchedule {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(principal, "principal");
        amortization = amortization == null ? BigDecimal.ZERO : amortization;
        pikRate = pikRate == null ? BigDecimal.ZERO : pikRate;
        Objects.requireNonNull(field, "field");
    }

    static DebtSchedule of(LocalDate start, RecapEvent.NewDebt debt, String field) {
        return debt == null ? new DebtSchedule(start, Money.ZERO, null, null, field)
                : new DebtSchedule(start, debt.amount(), debt.amortization(), debt.pikRate(), field);
    }

    /**
     * The balance on {@code date} (the principal on or before the start).
     *
     * @throws ModelException naming {@code pikRate} when the compounded balance passes the $1 trillion every amount is
     *         held to: the schedule does not resolve to an amount msocap computes exactly
     */
    public Money at(LocalDate date) {
        if (principal.isZero() || !date.isAfter(start)) {
            return principal;
        }
        BigFraction years = new BigFraction(BigInteger.valueOf(ChronoUnit.DAYS.between(start, date)), BigInteger.valueOf(365));
        BigFraction base = new BigFraction(principal.amount().unscaledValue(), BigInteger.valueOf(100));
        if (amortization.signum() > 0) {
            BigFraction left = BigFraction.ONE.subtract(exact(amortization).multiply(years));
            return left.compareTo(BigFraction.ZERO) <= 0 ? Money.ZERO : Rounding.toCents(base.multiply(left));
        }
        if (pikRate.signum() == 0) {
            return principal;
        }
        BigFraction rate = exact(pikRate);
        BigInteger whole = years.getNumerator().divide(years.getDenominator());
        BigFraction rest = years.subtract(new BigFraction(whole));
        // Bound the power before taking it: past the limit the balance is refused, so no huge exact power is built.
        double estimate = principal.amount().doubleValue() * Math.pow(1 + pikRate.doubleValue(), whole.doubleValue() + 1);
        if (estimate > Limits.MAX_AMOUNT.doubleValue() * 2) {
            throw unresolved(date);
        }
        BigFraction growth = BigFraction.ONE.add(rate).pow(whole.intValueExact()).multiply(BigFraction.ONE.add(rate.multiply(rest)));
        Money balance = Rounding.toCents(base.multiply(growth));
        if (!Limits.isAmount(balance.amount())) {
            throw unresolved(date);
        }
        return balance;
    }

    static BigFraction exact(BigDecimal d) {
        return d.scale() >= 0 ? new BigFraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()))
                : new BigFraction(d.unscaledValue().multiply(BigInteger.TEN.pow(-d.scale())));
    }

    private ModelException unresolved(LocalDate date) {
        return new ModelException(field + ".pikRate", "the new debt of " + principal.grouped() + " at PIK " + pikRate.toPlainString()
                + " compounds past " + Limits.MAX_AMOUNT_WORDS + " by " + date + "; amounts, given or derived, are limited to that");
    }

    /** Whether the recap raised debt. */
    public boolean isEmpty() {
        return principal.isZero();
    }
}
