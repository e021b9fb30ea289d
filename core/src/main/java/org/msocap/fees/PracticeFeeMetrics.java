package org.msocap.fees;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Fractions;
import org.msocap.money.Money;

/**
 * What one practice's management fee amounts to over the projection: the measures fee-splitting and
 * kickback checks read. Produced by the fee projection; consumed by compliance and reports.
 *
 * @param practiceId the practice
 * @param agreementId the management services agreement that sets the fee
 * @param collections total collections over the projection
 * @param fee total management fee over the projection
 * @param profitBeforeFee collections − clinician compensation − practice costs, over the projection
 * @param feeShareOfProfit fee ÷ profit before fee (≥ 1 means the fee sweeps all practice profit)
 * @param feeShareOfCollections fee ÷ collections
 * @param lossPeriods periods in which the practice pays a fee and its margin after the fee is negative (a loss
 *                    the fee causes or deepens; a period with no fee is not counted)
 * @param periods number of periods in the projection
 * @param investorReferredRevenue collections attributable to patients referred by MSO investors
 *
 * <p>The two shares are decimals to {@value #SHARE_DECIMALS} places (half up); {@link #feeShareOfProfitExact()}
 * and friends give the exact fractions. When profit before the fee is zero or negative, the fee's share of
 * it is defined as 1 if any fee is charged (the fee takes all there is, and more) and 0 otherwise.
 */
public record PracticeFeeMetrics(String practiceId, String agreementId, Money collections, Money fee,
                                 Money profitBeforeFee, BigDecimal feeShareOfProfit, BigDecimal feeShareOfCollections,
                                 int lossPeriods, int periods, Money investorReferredRevenue) {

    public PracticeFeeMetrics {
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(collections, "collections");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(profitBeforeFee, "profitBeforeFee");
        Objects.requireNonNull(feeShareOfProfit, "feeShareOfProfit");
        Objects.requireNonNull(feeShareOfCollections, "feeShareOfCollections");
        Objects.requireNonNull(investorReferredRevenue, "investorReferredRevenue");
    }

    /** Decimal places of {@link #feeShareOfProfit()} and {@link #feeShareOfCollections()}. */
    public static final int SHARE_DECIMALS = 10;

    /** Metrics from the totals, with both shares computed from the amounts. */
    public static PracticeFeeMetrics of(String practiceId, String agreementId, Money collections, Money fee,
                                        Money profitBeforeFee, int lossPeriods, int periods, Money investorReferredRevenue) {
        return new PracticeFeeMetrics(practiceId, agreementId, collections, fee, profitBeforeFee,
                decimal(shareOfProfit(fee, profitBeforeFee)), decimal(shareOf(fee, collections)), lossPeriods, periods,
                investorReferredRevenue);
    }

    /** Fee ÷ profit before fee, exactly (1 when there is no profit and a fee is charged; 0 with no fee). */
    public BigFraction feeShareOfProfitExact() {
        return shareOfProfit(fee, profitBeforeFee);
    }

    /** Fee ÷ collections, exactly (0 when nothing is collected). */
    public BigFraction feeShareOfCollectionsExact() {
        return shareOf(fee, collections);
    }

    /** Investor-referred revenue ÷ collections, exactly (0 when nothing is collected): the AKS revenue test's fraction. */
    public BigFraction investorReferredShareExact() {
        return shareOf(investorReferredRevenue, collections);
    }

    /** {@link #investorReferredShareExact()} as a decimal to {@value #SHARE_DECIMALS} places. */
    public BigDecimal investorReferredShare() {
        return decimal(investorReferredShareExact());
    }

    /** What the practice keeps over the projection: profit before fee less the fee. */
    public Money practiceMargin() {
        return profitBeforeFee.minus(fee);
    }

    private static BigFraction shareOfProfit(Money fee, Money profit) {
        if (!profit.isPositive()) {
            return fee.isPositive() ? BigFraction.ONE : BigFraction.ZERO;
        }
        return cents(fee).divide(cents(profit));
    }

    private static BigFraction shareOf(Money part, Money whole) {
        return whole.isZero() ? BigFraction.ZERO : cents(part).divide(cents(whole));
    }

    private static BigFraction cents(Money m) {
        return new BigFraction(m.cents());
    }

    private static BigDecimal decimal(BigFraction f) {
        BigDecimal stripped = Fractions.toDecimal(f, SHARE_DECIMALS).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
