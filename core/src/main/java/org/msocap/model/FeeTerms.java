package org.msocap.model;

import java.math.BigDecimal;
import org.msocap.money.Money;

/**
 * How the MSO is paid under a management services agreement.
 *
 * @param monthly the fixed monthly part (fixed and hybrid bases)
 * @param escalator annual increase of the fixed part, a fraction
 * @param percent the percentage (percent bases and hybrid), a fraction
 * @param markup cost-plus: the MSO's cost of serving the practice × (1 + markup)
 */
public record FeeTerms(Basis basis, Money monthly, BigDecimal escalator, BigDecimal percent, BigDecimal markup) {

    public enum Basis {
        FIXED, PERCENT_OF_COLLECTIONS, PERCENT_OF_NET, COST_PLUS, HYBRID, RESIDUAL;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }

        /** Bases where the fee moves with the practice's revenue (what fee-splitting rules look at). */
        public boolean isPercentage() {
            return this == PERCENT_OF_COLLECTIONS || this == PERCENT_OF_NET || this == HYBRID || this == RESIDUAL;
        }
    }

    public FeeTerms {
        Checks.required(basis, "basis");
        monthly = monthly == null ? Money.ZERO : monthly;
        escalator = escalator == null ? BigDecimal.ZERO : escalator;
        percent = percent == null ? BigDecimal.ZERO : percent;
        markup = markup == null ? BigDecimal.ZERO : markup;
        Checks.nonNegative(monthly, "monthly");
        // A yearly escalator above 100% is a percent typed as a whole number (3 for 3%), never a real term.
        if (escalator.compareTo(BigDecimal.ONE.negate()) <= 0 || escalator.compareTo(BigDecimal.ONE) > 0) {
            throw new ModelException("escalator", "escalator is a yearly fraction between -1 and 1 (write 0.03 for 3%) but was "
                    + escalator.toPlainString());
        }
        Checks.fraction(percent, "percent");
        Checks.nonNegative(markup, "markup");
        switch (basis) {
            case FIXED -> {
                if (!monthly.isPositive()) {
                    throw new ModelException("monthly", "a fixed fee needs monthly > 0");
                }
            }
            case PERCENT_OF_COLLECTIONS, PERCENT_OF_NET -> {
                if (percent.signum() == 0) {
                    throw new ModelException("percent", "a " + basis.id() + " fee needs percent > 0");
                }
            }
            case HYBRID -> {
                if (!monthly.isPositive() && percent.signum() == 0) {
                    throw new ModelException("monthly", "a hybrid fee needs a monthly part, a percent, or both");
                }
            }
            default -> {
            }
        }
    }

    public static FeeTerms fixed(Money monthly, BigDecimal escalator) {
        return new FeeTerms(Basis.FIXED, monthly, escalator, null, null);
    }

    public static FeeTerms percentOfCollections(BigDecimal percent) {
        return new FeeTerms(Basis.PERCENT_OF_COLLECTIONS, null, null, percent, null);
    }
}
