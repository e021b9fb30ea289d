package org.msocap.fees;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.msocap.model.FeeTerms;
import org.msocap.money.Money;

/**
 * One practice's rows over a projection.
 *
 * @param terms the fee terms projected (the agreement's, or an alternative in a basis comparison)
 * @param referredByInvestors the fraction of collections from investor referrals, as given
 * @param rows one per period, in order
 */
public record PracticeProjection(String practiceId, String agreementId, FeeTerms terms,
                                 BigDecimal referredByInvestors, List<PracticePeriod> rows) {

    public PracticeProjection {
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(referredByInvestors, "referredByInvestors");
        rows = List.copyOf(rows);
    }

    /** The sum of all rows, over the whole projection. */
    public PracticePeriod total() {
        ProjectionPeriod whole = new ProjectionPeriod(0, rows.get(0).period().start(), rows.get(rows.size() - 1).period().end(),
                rows.get(0).period().label() + ".." + rows.get(rows.size() - 1).period().label());
        PracticePeriod sum = new PracticePeriod(whole, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO);
        for (PracticePeriod row : rows) {
            sum = sum.plus(row, whole);
        }
        return sum;
    }

    /** The fee measures the compliance checks and reports read, counting loss periods in this projection's periods. */
    public PracticeFeeMetrics metrics() {
        PracticePeriod t = total();
        int lossPeriods = (int) rows.stream().filter(PracticePeriod::lossWithFee).count();
        return PracticeFeeMetrics.of(practiceId, agreementId, t.collections(), t.fee(), t.profitBeforeFee(), lossPeriods,
                rows.size(), t.investorReferredRevenue());
    }
}
