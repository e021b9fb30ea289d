package org.msocap.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of the venture's currency, in whole cents.
 *
 * <p>Money never rounds silently: arithmetic that could produce fractions of a cent is done on
 * {@link BigDecimal} or {@link org.apache.commons.math3.fraction.BigFraction} and brought back to cents through
 * {@link Rounding} (one amount) or {@link Allocation} (a split that must add up). The currency itself is
 * a property of the venture, not of each amount, because a model has exactly one.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("money has at most 2 decimals (cents) but was " + amount.toPlainString()
                    + "; round explicitly with Rounding.toCents");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Parses {@code 2500000}, {@code "2500000.00"}, {@code 2.5M}, {@code 750k}, {@code 1.2B}; see {@link Amounts}. */
    public static Money parse(String text) {
        return Rounding.toCents(Amounts.parse(text));
    }

    public static Money of(long wholeUnits) {
        return new Money(BigDecimal.valueOf(wholeUnits));
    }

    public static Money of(String exactDecimal) {
        return new Money(new BigDecimal(exactDecimal));
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negated() {
        return new Money(amount.negate());
    }

    /** Exact product; round it with {@link Rounding} when a cent amount is needed. */
    public BigDecimal times(BigDecimal factor) {
        return amount.multiply(factor);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** Two decimals with thousands grouped, for sentences people read: {@code 1,366,666.67}, {@code -5.00}. */
    public String grouped() {
        return String.format(java.util.Locale.US, "%,.2f", amount);
    }

    /** Two decimals, no grouping: {@code 1366666.67}. The form used in JSON and CSV output. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
