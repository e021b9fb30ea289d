package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A warrant to buy shares of an MSO class at a strike.
 *
 * @param expires may be null
 */
public record Warrant(String holder, String shareClass, long shares, BigDecimal strike, LocalDate expires) {

    public Warrant {
        Checks.id(holder, "holder");
        Checks.id(shareClass, "class");
        Checks.positive(shares, "shares");
        Checks.nonNegative(strike, "strike");
    }
}
