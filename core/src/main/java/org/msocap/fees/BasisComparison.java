package org.msocap.fees;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.FeeTerms;
import org.msocap.model.FeeTerms.Basis;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * The same practice under different fee bases over the whole projection: what each would pay the MSO, what
 * it would leave the practice, and what the MSO would earn, the other practices unchanged. Choosing the basis
 * is a decision founders and their lawyers make together, so the alternatives say where their parameters
 * came from.
 *
 * @param agreed the fee terms of the practice's management services agreement
 * @param alternatives in {@link Basis} order (or the agreement first, then the stated terms)
 */
public record BasisComparison(String practiceId, String agreementId, FeeTerms agreed, List<Alternative> alternatives) {

    /** Decimal places of a percentage or markup derived to match the agreement's first-year fee. */
    public static final int RATE_DECIMALS = 6;

    /** Where an alternative's parameters come from. */
    public enum Source {
        /** The agreement's own terms. */
        AGREEMENT,
        /** Another basis with the agreement's parameters (its monthly amount, escalator, percent or markup). */
        AGREEMENT_PARAMETERS,
        /**
         * The agreement lacks the parameter this basis needs, so it is set so that the basis would have
         * charged the agreement's fee over the first projection year (percentages and markups to
         * {@value BasisComparison#RATE_DECIMALS} decimals; a hybrid takes half of it fixed, half as a percent).
         */
        EQUIVALENT,
        /** Terms given by the caller. */
        STATED;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /**
     * One way to pay the MSO.
     *
     * @param metrics the practice's totals under these terms; loss periods are counted in months
     * @param msoEbitda the MSO's EBITDA over the projection under these terms
     */
    public record Alternative(FeeTerms terms, Source source, PracticeFeeMetrics metrics, Money msoEbitda) {
        public Alternative {
            Objects.requireNonNull(terms, "terms");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(msoEbitda, "msoEbitda");
        }

        /** The management fee over the projection. */
        public Money feeToMso() {
            return metrics.fee();
        }

        /** The practice's margin over the projection after the fee. */
        public Money leftToPractice() {
            return metrics.practiceMargin();
        }
    }

    public BasisComparison {
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(agreed, "agreed");
        alternatives = List.copyOf(alternatives);
    }

    record Candidate(FeeTerms terms, Source source) {
    }

    /**
     * The terms to compare for {@code basis}, or null when no meaningful equivalent exists (e.g. a fixed
     * equivalent of an agreement that charged nothing in its first year).
     *
     * @param firstYear the practice's first projection year under the agreed terms
     */
    static Candidate candidate(Basis basis, FeeTerms agreed, PracticePeriod firstYear) {
        if (basis == agreed.basis()) {
            return new Candidate(agreed, Source.AGREEMENT);
        }
        Money fee = firstYear.fee();
        return switch (basis) {
            case FIXED -> agreed.monthly().isPositive()
                    ? new Candidate(FeeTerms.fixed(agreed.monthly(), agreed.escalator()), Source.AGREEMENT_PARAMETERS)
                    : monthlyOf(fee, 12).isPositive() ? new Candidate(FeeTerms.fixed(monthlyOf(fee, 12), agreed.escalator()),
                    Source.EQUIVALENT) : null;
            case PERCENT_OF_COLLECTIONS -> percentCandidate(basis, agreed, fee, firstYear.collections());
            case PERCENT_OF_NET -> percentCandidate(basis, agreed, fee, firstYear.profitBeforeFee());
            case COST_PLUS -> {
                if (agreed.markup().signum() > 0) {
                    yield new Candidate(terms(Basis.COST_PLUS, null, null, null, agreed.markup()), Source.AGREEMENT_PARAMETERS);
                }
                Money cost = firstYear.msoCostAllocated();
                if (!cost.isPositive()) {
                    yield null;
                }
                // fee = cost × (1 + markup) ⇒ markup = fee ÷ cost − 1; at cost when the agreement charged less.
                BigDecimal markup = rate(fee, cost).subtract(BigDecimal.ONE).max(BigDecimal.ZERO);
                yield new Candidate(terms(Basis.COST_PLUS, null, null, null, markup), Source.EQUIVALENT);
            }
            case HYBRID -> {
                if (agreed.monthly().isPositive() && agreed.percent().signum() > 0) {
                    yield new Candidate(terms(Basis.HYBRID, agreed.monthly(), agreed.escalator(), agreed.percent(), null),
                            Source.AGREEMENT_PARAMETERS);
                }
                Money monthly = monthlyOf(fee, 24);
                BigDecimal percent = firstYear.collections().isPositive()
                        ? rate(fee.minus(Rounding.toCents(monthly.times(BigDecimal.valueOf(12)))), firstYear.collections())
                        .max(BigDecimal.ZERO).min(BigDecimal.ONE)
                        : BigDecimal.ZERO;
                yield monthly.isPositive() || percent.signum() > 0
                        ? new Candidate(terms(Basis.HYBRID, monthly, agreed.escalator(), percent, null), Source.EQUIVALENT)
                        : null;
            }
            case RESIDUAL -> new Candidate(terms(Basis.RESIDUAL, null, null, null, null), Source.AGREEMENT_PARAMETERS);
        };
    }

    private static Candidate percentCandidate(Basis basis, FeeTerms agreed, Money fee, Money base) {
        if (agreed.percent().signum() > 0) {
            return new Candidate(terms(basis, null, null, agreed.percent(), null), Source.AGREEMENT_PARAMETERS);
        }
        if (!base.isPositive() || !fee.isPositive()) {
            return null;
        }
        BigDecimal percent = rate(fee, base).min(BigDecimal.ONE);
        return percent.signum() > 0 ? new Candidate(terms(basis, null, null, percent, null), Source.EQUIVALENT) : null;
    }

    private static FeeTerms terms(Basis basis, Money monthly, BigDecimal escalator, BigDecimal percent, BigDecimal markup) {
        return new FeeTerms(basis, monthly, escalator, percent, markup);
    }

    private static Money monthlyOf(Money annual, int parts) {
        return Rounding.toCents(new BigFraction(BigInteger.valueOf(annual.cents()), BigInteger.valueOf(100L * parts)));
    }

    private static BigDecimal rate(Money part, Money whole) {
        BigDecimal r = part.amount().divide(whole.amount(), RATE_DECIMALS, RoundingMode.HALF_UP);
        BigDecimal stripped = r.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
