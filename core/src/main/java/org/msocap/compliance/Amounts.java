package org.msocap.compliance;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.msocap.model.EquityTerms;

/** Whole numbers for messages, grouped as people read them: {@code 2,500,000 shares}. */
final class Amounts {

    private Amounts() {
    }

    static String grouped(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(n);
    }

    static String shares(long n) {
        return grouped(n) + (n == 1 ? " share" : " shares");
    }

    /** MSO equity in the MSO's own words: {@code 1,000 units} in an LLC, {@code 1,000 shares} in a corporation. */
    static String equity(long n, EquityTerms terms) {
        return grouped(n) + " " + (n == 1 ? terms.unit() : terms.units());
    }
}
