package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.msocap.money.Money;

/**
 * A convertible note: simple interest accrues from {@code issued}; at an exit it pays the greater of
 * (principal + interest) × {@code exitMultiple} and its as-converted value at the cap.
 *
 * @param cap may be null
 * @param discount may be null
 * @param maturity may be null
 */
public record ConvertibleNote(String holder, Money principal, BigDecimal rate, LocalDate issued, Money cap,
                              BigDecimal discount, BigDecimal exitMultiple, LocalDate maturity) {

    public ConvertibleNote {
        Checks.id(holder, "holder");
        Checks.positive(principal, "principal");
        rate = rate == null ? BigDecimal.ZERO : rate;
        Checks.fraction(rate, "rate");
        Checks.required(issued, "issued");
        if (cap != null) {
            Checks.positive(cap, "cap");
        }
        if (discount != null) {
            Checks.fraction(discount, "discount");
        }
        exitMultiple = exitMultiple == null ? BigDecimal.ONE : exitMultiple;
        Checks.positive(exitMultiple, "exitMultiple");
    }
}
