package org.msocap.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Fractions;
import org.msocap.money.Money;

/** Display formatting for the text tables; JSON and CSV carry plain exact decimals instead. */
public final class Formats {

    private Formats() {
    }

    /** {@code 1,366,666.67}. */
    public static String money(Money m) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(m.amount());
    }

    /** An amount taken away in a bridge: {@code -181,594.50}; zero stays {@code 0.00}, never {@code -0.00}. */
    public static String deduction(Money m) {
        return m.isZero() ? money(Money.ZERO) : money(m.negated());
    }

    /** A multiple of invested capital: {@code 2.35x}, {@code 4,839.44x}. */
    public static String multiple(BigDecimal m) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(m) + "x";
    }

    /** An analytic multiple (a simulated mean MOIC) exactly as {@link #multiple(BigDecimal)} shows an exact one. */
    public static String multiple(double m) {
        return multiple(BigDecimal.valueOf(m));
    }

    /**
     * A price per share or unit: grouped like money, with its meaningful decimals (two to four, as the workbook shows
     * {@code $0.6863}): {@code 1.75}, {@code 1,212.1212}. JSON and CSV keep the exact decimal.
     */
    public static String price(BigFraction p) {
        return price(Fractions.toDecimal(p, 4));
    }

    public static String price(BigDecimal p) {
        DecimalFormat f = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(p);
    }

    /** {@code 6,000,000}. */
    public static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** {@code 1 note}, {@code 3 notes}: a count with the noun that agrees with it. */
    public static String counted(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    public static String count(BigFraction n) {
        BigDecimal d = Fractions.toDecimal(n, 4).stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(d);
    }

    /** {@code 46.15%} for display; exact values go to JSON as decimals with more places. */
    public static String percent(BigFraction fraction) {
        return Fractions.toDecimal(fraction.multiply(100), 2).toPlainString() + "%";
    }

    /** An IRR cell where a holder paid something in but the flows have no one rate of return (README, "IRR"). */
    static final String NO_RATE = "—";

    /** Under a table with a {@link #NO_RATE} cell: why. */
    static final String NO_RATE_NOTE = "IRR —: no one rate of return: the dated cash flows do not start with money paid in, or"
            + " change direction so that several rates solve them, or none does (README, \"IRR\").";

    /** An IRR cell: the rate, {@link #NO_RATE} when a cost was paid but no rate is given (noting why), else blank. */
    static String irr(java.util.OptionalDouble irr, boolean paid, Table table) {
        return irr(irr.isPresent() ? irr.getAsDouble() : Double.NaN, paid, table);
    }

    /** The same for a rate as a double, NaN for none. */
    static String irr(double irr, boolean paid, Table table) {
        if (Double.isFinite(irr)) {
            return rate(irr);
        }
        if (paid) {
            table.note(NO_RATE_NOTE);
            return NO_RATE;
        }
        return "";
    }

    /** An analytic rate (IRR) as a percent with one decimal, thousands grouped; never "-0.0%". */
    public static String rate(double fraction) {
        String s = String.format(Locale.US, "%,.1f%%", fraction * 100);
        return s.equals("-0.0%") ? "0.0%" : s;
    }

    /** A fraction as a plain decimal string for JSON/CSV: 10 places, trailing zeros removed. */
    public static String decimal(BigFraction fraction) {
        BigDecimal d = Fractions.toDecimal(fraction, 10).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : d.toPlainString();
    }

    public static String decimal(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
