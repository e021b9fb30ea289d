package org.msocap.fees;

import java.math.BigDecimal;
import java.util.Objects;
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
 * @param feeShareOfProfit fee ÷ profit before fee (≥ 1 means the fee sweeps all practice profit); exact fraction
 * @param feeShareOfCollections fee ÷ collections; exact fraction
 * @param lossPeriods periods in which the practice's margin after the fee is negative
 * @param periods number of periods in the projection
 * @param investorReferredRevenue collections attributable to patients referred by MSO investors
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
}
