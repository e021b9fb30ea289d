package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.msocap.money.Money;

/**
 * A simple agreement for future equity. At an exit it pays the greater of its amount (cash-out) and
 * its as-converted value at the liquidity price.
 *
 * @param cap valuation cap; may be null (discount-only SAFE)
 * @param discount may be null (cap-only SAFE)
 * @param acquired may be null
 * @param seniority may be null: ranks with the most junior preferred class
 */
public record Safe(String holder, Money amount, Money cap, BigDecimal discount, Kind kind, LocalDate acquired,
                   Integer seniority) {

    public enum Kind {
        PRE_MONEY, POST_MONEY;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public Safe {
        Checks.id(holder, "holder");
        Checks.positive(amount, "amount");
        if (cap != null) {
            Checks.positive(cap, "cap");
        }
        if (discount != null) {
            Checks.fraction(discount, "discount");
            if (discount.compareTo(BigDecimal.ONE) >= 0) {
                throw new ModelException("discount", "discount must be < 1 but was " + discount.toPlainString());
            }
        }
        if (cap == null && discount == null) {
            throw new ModelException("cap", "a SAFE needs a cap, a discount or both");
        }
        kind = kind == null ? Kind.POST_MONEY : kind;
        if (seniority != null && seniority < 1) {
            throw new ModelException("seniority", "seniority must be >= 1 but was " + seniority);
        }
    }
}
