package org.msocap.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Fractions;

/** Percentages for messages: one decimal, more when needed to show that a value differs from a limit. */
final class Percent {

    private Percent() {
    }

    /** {@code 0.4615...} → {@code 46.2%}; {@code 4001/10000} shown next to a 40% limit → {@code 40.01%}. */
    static String of(BigFraction fraction, BigFraction limit) {
        BigFraction pct = fraction.multiply(100);
        BigFraction limitPct = limit == null ? null : limit.multiply(100);
        for (int scale = 1; scale <= 6; scale++) {
            BigDecimal shown = Fractions.toDecimal(pct, scale);
            if (limitPct == null || fraction.equals(limit) || Fractions.of(shown).compareTo(limitPct) != 0) {
                return plain(shown) + "%";
            }
        }
        return plain(Fractions.toDecimal(pct, 6)) + "%";
    }

    static String of(BigFraction fraction) {
        return of(fraction, null);
    }

    static String of(BigDecimal fraction) {
        return plain(fraction.movePointRight(2).setScale(Math.max(1, Math.min(6, fraction.scale() - 2)), RoundingMode.HALF_UP)) + "%";
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
