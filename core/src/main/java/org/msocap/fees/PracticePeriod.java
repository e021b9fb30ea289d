package org.msocap.fees;

import java.util.Objects;
import org.msocap.money.Money;

/**
 * One practice in one period. The amounts satisfy
 * {@code collections = clinicianCompensation + practiceCosts + fee + practiceMargin} to the cent.
 *
 * @param collections what the practice collected from patients and payers
 * @param clinicianCompensation what it paid its clinicians ({@code clinicianComp × collections})
 * @param practiceCosts the practice's own costs (not paid through the MSO)
 * @param msoCostAllocated the part of the MSO's operating costs allocated to serving this practice (what a
 *                         cost-plus fee marks up); informational for other bases, not a practice expense
 * @param fee the management fee paid to the MSO
 * @param practiceMargin what the practice keeps; negative when it runs at a loss
 * @param investorReferredRevenue collections from patients referred by MSO investors
 */
public record PracticePeriod(ProjectionPeriod period, Money collections, Money clinicianCompensation, Money practiceCosts,
                             Money msoCostAllocated, Money fee, Money practiceMargin, Money investorReferredRevenue) {

    public PracticePeriod {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(collections, "collections");
        Objects.requireNonNull(clinicianCompensation, "clinicianCompensation");
        Objects.requireNonNull(practiceCosts, "practiceCosts");
        Objects.requireNonNull(msoCostAllocated, "msoCostAllocated");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(practiceMargin, "practiceMargin");
        Objects.requireNonNull(investorReferredRevenue, "investorReferredRevenue");
    }

    /** Collections less clinician compensation and practice costs: the profit the fee is taken from. */
    public Money profitBeforeFee() {
        return collections.minus(clinicianCompensation).minus(practiceCosts);
    }

    /** The practice ends the period at a loss while paying a fee: the fee takes more than there is. */
    public boolean lossWithFee() {
        return practiceMargin.isNegative() && fee.isPositive();
    }

    /** The sum of this period and a following one, reported as {@code combined}. */
    PracticePeriod plus(PracticePeriod next, ProjectionPeriod combined) {
        return new PracticePeriod(combined, collections.plus(next.collections),
                clinicianCompensation.plus(next.clinicianCompensation), practiceCosts.plus(next.practiceCosts),
                msoCostAllocated.plus(next.msoCostAllocated), fee.plus(next.fee), practiceMargin.plus(next.practiceMargin),
                investorReferredRevenue.plus(next.investorReferredRevenue));
    }
}
