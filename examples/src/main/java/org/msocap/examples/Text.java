package org.msocap.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Fractions;
import org.msocap.money.Money;

/**
 * Plain-text formatting shared by the example programs: money with two decimals and thousands
 * separators, exact fractions as percentages. Kept tiny on purpose; the programs are about the API.
 */
final class Text {

    /** Every program prints this, as every msocap output does. */
    static final String NOT_LEGAL_ADVICE = "msocap is a modeling tool, not legal advice.";

    private Text() {
    }

    /** {@code 1,366,666.67}: two decimals, US grouping, whatever the machine's locale. */
    static String money(Money m) {
        return String.format(Locale.US, "%,.2f", m.amount());
    }

    /** Money right-aligned in {@code width} columns, for tables. */
    static String money(Money m, int width) {
        return String.format(Locale.US, "%" + width + "s", money(m));
    }

    /** An analytic amount (a simulation statistic, a double) with two decimals. */
    static String amount(double value) {
        return String.format(Locale.US, "%,.2f", value);
    }

    /** An exact fraction as a percentage with two decimals: {@code 12.50%}. */
    static String percent(BigFraction f) {
        return Fractions.toDecimal(f.multiply(100), 2).toPlainString() + "%";
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A line of {@code width} dashes under a heading. */
    static String rule(String heading) {
        return heading + System.lineSeparator() + "-".repeat(heading.length());
    }
}
