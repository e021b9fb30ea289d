package org.msocap.compliance;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

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
}
