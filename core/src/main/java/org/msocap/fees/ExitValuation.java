package org.msocap.fees;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.msocap.model.ExitScenario;
import org.msocap.money.Money;

/**
 * What an exit scenario makes the MSO worth: the enterprise value the exit waterfall starts from, and the net
 * debt it deducts.
 *
 * @param scenario the exit scenario valued
 * @param date the exit date (the scenario's, or the venture's asOf when it has none)
 * @param method how the enterprise value was found
 * @param enterpriseValue TTM EBITDA × ebitdaMultiple, TTM revenue × revenueMultiple (rounded half up to cents;
 *                        never below zero), or the scenario's enterpriseValue
 * @param netDebt {@code financials.mso.netDebt} (zero without financials); negative means net cash
 * @param trailing the MSO's trailing twelve months at the exit date; null only when the scenario gives its
 *                 enterprise value and the venture has no financials or none covering the date
 */
public record ExitValuation(ExitScenario scenario, LocalDate date, Method method, Money enterpriseValue, Money netDebt,
                            TrailingTwelveMonths trailing) {

    /** How the enterprise value was found. */
    public enum Method {
        GIVEN, EBITDA_MULTIPLE, REVENUE_MULTIPLE;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public ExitValuation {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(enterpriseValue, "enterpriseValue");
        Objects.requireNonNull(netDebt, "netDebt");
        if (enterpriseValue.isNegative()) {
            throw new IllegalArgumentException("enterpriseValue must be >= 0 but was " + enterpriseValue);
        }
        if (method != Method.GIVEN) {
            Objects.requireNonNull(trailing, "a multiple needs the trailing twelve months");
        }
    }

    /** Enterprise value less net debt: what the sale pays for the equity before transaction costs and carve-outs. */
    public Money equityValue() {
        return enterpriseValue.minus(netDebt);
    }

    /**
     * Whether a multiple was applied to twelve months past the model's projection ({@code financials.years}), which
     * are projected further at the same growth rates: outputs say so and the command line warns.
     */
    public boolean extendedBeyondProjection() {
        return method != Method.GIVEN && trailing != null && trailing.extended();
    }

    /** How the enterprise value was obtained, in words: "12× TTM EBITDA", "3× TTM platform revenue", "given". */
    public String basis() {
        return switch (method) {
            case GIVEN -> "given";
            case EBITDA_MULTIPLE -> scenario.ebitdaMultiple().stripTrailingZeros().toPlainString() + "× TTM EBITDA";
            case REVENUE_MULTIPLE -> scenario.revenueMultiple().stripTrailingZeros().toPlainString() + "× TTM "
                    + (scenario.revenueBasis() == ExitScenario.RevenueBasis.PLATFORM ? "platform revenue (practice collections)"
                    : "MSO revenue (management fees)");
        } + (extendedBeyondProjection() ? " (projected past the model's projection, which ends " + trailing.projectionEnd()
                + ", at the same growth rates)" : "");
    }

    public Optional<TrailingTwelveMonths> trailingTwelveMonths() {
        return Optional.ofNullable(trailing);
    }

    public Optional<Money> ttmEbitda() {
        return trailingTwelveMonths().map(TrailingTwelveMonths::ebitda);
    }

    public Optional<Money> ttmRevenue() {
        return trailingTwelveMonths().map(TrailingTwelveMonths::revenue);
    }
}
