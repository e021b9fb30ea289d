package org.msocap.money;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts the way founders write them: {@code 2500000}, {@code "2500000.00"}, {@code 2.5M},
 * {@code 750k}, {@code 1.2B}, optionally with thousands separators ({@code 2,500,000}) or a leading
 * {@code $}. The result is exact.
 */
public final class Amounts {

    private static final Pattern AMOUNT =
            Pattern.compile("\\$?\\s*(-?[0-9][0-9,]*(?:\\.[0-9]+)?|-?\\.[0-9]+)\\s*([kKmMbB]?)");

    private Amounts() {
    }

    public static BigDecimal parse(String text) {
        String trimmed = text.strip();
        Matcher m = AMOUNT.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected an amount such as 2500000, 2.5M or 750k but was '" + text + "'");
        }
        String digits = m.group(1);
        if (digits.contains(",") && !digits.matches("-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("misplaced thousands separator in '" + text + "'");
        }
        BigDecimal value = new BigDecimal(digits.replace(",", ""));
        int shift = switch (m.group(2).toLowerCase()) {
            case "k" -> 3;
            case "m" -> 6;
            case "b" -> 9;
            default -> 0;
        };
        BigDecimal scaled = value.movePointRight(shift);
        return scaled.scale() < 0 ? scaled.setScale(0) : scaled;
    }

    /** The shortest way to write an amount back: whole numbers without decimals, cents otherwise. */
    public static String format(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }
}
