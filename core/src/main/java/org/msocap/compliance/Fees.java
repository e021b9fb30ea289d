package org.msocap.compliance;

import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.fees.PracticeFeeMetrics;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.money.Fractions;
import org.msocap.money.Money;

/** Fee facts the fee rules share: whether a fee moves with revenue, and its share of practice profit. */
final class Fees {

    private Fees() {
    }

    /** A fee that is (in part) a percentage of, or otherwise dependent on, the practice's revenue. */
    static boolean variesWithRevenue(FeeTerms fee) {
        if (fee == null) {
            return false;
        }
        return fee.basis() == FeeTerms.Basis.HYBRID ? fee.percent().signum() > 0 : fee.basis().isPercentage();
    }

    static String describe(FeeTerms fee) {
        return switch (fee.basis()) {
            case PERCENT_OF_COLLECTIONS -> Percent.of(fee.percent()) + " of collections fee";
            case PERCENT_OF_NET -> Percent.of(fee.percent()) + " of net revenue fee";
            case HYBRID -> "hybrid fee (" + fee.monthly().grouped() + " a month plus " + Percent.of(fee.percent()) + " of collections)";
            case RESIDUAL -> "residual fee (collections less the practice's expenses)";
            case FIXED -> "fixed fee of " + fee.monthly().grouped() + " a month";
            case COST_PLUS -> "cost-plus fee (markup " + Percent.of(fee.markup()) + ")";
        };
    }

    /**
     * The fee's share of the practice's profit before the fee: from the fee projection when given, else a
     * first-year estimate from the financials section where the fee terms allow one (fixed, percent of
     * collections, hybrid, residual). Empty when neither is possible, or profit before the fee is not positive
     * (then {@link #sweepsWithoutProfit} says whether a fee is taken anyway).
     */
    static Optional<ProfitShare> shareOfProfit(CheckContext ctx, String practiceId, FeeTerms terms) {
        Optional<PracticeFeeMetrics> metrics = ctx.metrics(practiceId);
        if (metrics.isPresent()) {
            PracticeFeeMetrics m = metrics.get();
            return Optional.of(new ProfitShare(Fractions.of(m.feeShareOfProfit()), m.fee(), m.profitBeforeFee(),
                    "over the " + m.periods() + "-period fee projection"));
        }
        Financials f = ctx.venture.financials();
        if (f == null || !f.practices().containsKey(practiceId)) {
            return Optional.empty();
        }
        Financials.PracticeFinancials pf = f.practices().get(practiceId);
        BigFraction collections = Fractions.of(pf.collections());
        BigFraction profit = collections.multiply(BigFraction.ONE.subtract(Fractions.of(pf.clinicianComp())))
                .subtract(Fractions.of(pf.otherCosts()));
        BigFraction fixedYear = Fractions.of(terms.monthly()).multiply(12);
        BigFraction fee = switch (terms.basis()) {
            case FIXED -> fixedYear;
            case PERCENT_OF_COLLECTIONS -> collections.multiply(Fractions.of(terms.percent()));
            case HYBRID -> fixedYear.add(collections.multiply(Fractions.of(terms.percent())));
            case RESIDUAL -> profit;
            default -> null; // net revenue and MSO cost are the fee projection's to define
        };
        if (fee == null || profit.compareTo(BigFraction.ZERO) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ProfitShare(fee.divide(profit), money(fee), money(profit), "in the first year of the financials"));
    }

    private static Money money(BigFraction f) {
        return org.msocap.money.Rounding.toCents(f);
    }

    /** A fee's share of practice profit, the amounts behind it, and where they come from (for messages). */
    record ProfitShare(BigFraction share, Money fee, Money profitBeforeFee, String basis) {
        String describe() {
            return "the fee (" + fee.grouped() + ") is " + Percent.of(share) + " of the practice's profit before the fee (" + profitBeforeFee.grouped()
                    + ") " + basis;
        }
    }
}
