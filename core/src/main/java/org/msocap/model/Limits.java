package org.msocap.model;

import java.math.BigDecimal;

/**
 * The ranges a model's numbers may take (README, "Limits"), each checked where the number is read, so that no
 * computation inside them can overflow: money is carried as long cents (up to 9.2 × 10^18) and every amount,
 * projected figure and exit value stays at or below {@link #MAX_AMOUNT}, 10^14 cents, leaving room for sums of
 * thousands of them.
 */
public final class Limits {

    /** Amounts of money, given or projected, in either sign: one trillion (10^12) in the model's currency. */
    public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);
    public static final String MAX_AMOUNT_WORDS = "1 trillion (1,000,000,000,000)";
    /** Shares in one holding, grant, warrant, pool or practice shareholding: one trillion. */
    public static final long MAX_SHARES = 1_000_000_000_000L;
    /** A price per share (issue price, strike): one million. */
    public static final BigDecimal MAX_PRICE = BigDecimal.TEN.pow(6);
    /** Every other number (rates, fractions, multiples, ratios, distribution parameters): at most one million in size. */
    public static final BigDecimal MAX_DECIMAL = BigDecimal.TEN.pow(6);
    public static final double MAX_PARAMETER = 1e6;
    /** Digits after the point of any number. */
    public static final int MAX_DECIMALS = 20;
    /** Characters of a number as written: longer text is refused before it is parsed (parsing is superlinear). */
    public static final int MAX_NUMBER_CHARS = 64;

    private Limits() {
    }

    /** Whether {@code amount} is within ±{@link #MAX_AMOUNT}. */
    public static boolean isAmount(BigDecimal amount) {
        return amount.abs().compareTo(MAX_AMOUNT) <= 0;
    }

    /** Whether a whole number of cents is within ±{@link #MAX_AMOUNT}. */
    public static boolean isAmountCents(long cents) {
        return cents >= -MAX_AMOUNT_CENTS && cents <= MAX_AMOUNT_CENTS;
    }

    public static final long MAX_AMOUNT_CENTS = 100_000_000_000_000L;
}
