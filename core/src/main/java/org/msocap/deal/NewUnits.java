package org.msocap.deal;

import java.math.BigDecimal;
import java.util.Objects;
import org.msocap.money.Money;

/**
 * Units of a new class bought at a recap: by the buyer with its equity, or by a holder rolling proceeds over.
 *
 * @param amount what the units cost: a rollover's {@code units × price} (rounded to the cent once); the buyer's equity
 * @param units whole units, {@code floor(amount requested ÷ price)}
 */
public record NewUnits(String holder, String classId, BigDecimal price, Money amount, long units) {

    public NewUnits {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(amount, "amount");
    }
}
