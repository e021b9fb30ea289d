package org.msocap.compliance;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.msocap.model.EquityTerms;

/** Whole numbers for messages, grouped as people read them: {@code 2,500,000 shares}, {@code 200 units}. */
final class Amounts {

    private Amounts() {
    }

    static String grouped(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(n);
    }

    /**
     * Equity in its entity's own words: the MSO's {@code 1,000 units} in an LLC, {@code 1,000 shares} in a corporation; a
     * practice's {@code 200 units} of a PLLC, {@code 200 shares} of a PC.
     */
    static String equity(long n, EquityTerms terms) {
        return grouped(n) + " " + (n == 1 ? terms.unit() : terms.units());
    }
}
