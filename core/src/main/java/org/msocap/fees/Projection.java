package org.msocap.fees;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.msocap.money.Money;

/**
 * A fee projection: each managed practice's rows and the MSO's rows, period by period.
 *
 * @param period the length of each row
 * @param start first day of the projection
 * @param practices one per managed practice, in the venture's order
 * @param mso one row per period
 */
public record Projection(Period period, LocalDate start, List<PracticeProjection> practices, List<MsoPeriod> mso) {

    public Projection {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(start, "start");
        practices = List.copyOf(practices);
        mso = List.copyOf(mso);
        for (PracticeProjection p : practices) {
            if (p.rows().size() != mso.size()) {
                throw new IllegalArgumentException("practice " + p.practiceId() + " has " + p.rows().size() + " rows but the MSO has "
                        + mso.size());
            }
        }
    }

    /** Number of periods. */
    public int periods() {
        return mso.size();
    }

    public Optional<PracticeProjection> practice(String practiceId) {
        return practices.stream().filter(p -> p.practiceId().equals(practiceId)).findFirst();
    }

    /** The fee measures for each practice, in the venture's order; loss periods are counted in this projection's periods. */
    public List<PracticeFeeMetrics> metrics() {
        return practices.stream().map(PracticeProjection::metrics).toList();
    }

    /** The MSO over the whole projection. */
    public MsoPeriod msoTotal() {
        ProjectionPeriod whole = new ProjectionPeriod(0, start, mso.get(mso.size() - 1).period().end(),
                mso.get(0).period().label() + ".." + mso.get(mso.size() - 1).period().label());
        MsoPeriod sum = new MsoPeriod(whole, Money.ZERO, Money.ZERO, Money.ZERO);
        for (MsoPeriod row : mso) {
            sum = sum.plus(row, whole);
        }
        return sum;
    }

    /**
     * This projection in longer periods, each the exact sum of the periods it spans. Only a coarsening is
     * possible (months to quarters or years, quarters to years).
     */
    public Projection aggregate(Period to) {
        if (to == period) {
            return this;
        }
        if (to.months() % period.months() != 0) {
            throw new IllegalArgumentException("cannot aggregate " + period.id() + "s into " + to.id() + "s");
        }
        int per = to.months() / period.months();
        if (periods() % per != 0) {
            throw new IllegalArgumentException(periods() + " " + period.id() + "s do not make whole " + to.id() + "s");
        }
        List<PracticeProjection> nextPractices = new ArrayList<>();
        for (PracticeProjection p : practices) {
            List<PracticePeriod> rows = new ArrayList<>();
            for (int i = 0; i < periods() / per; i++) {
                ProjectionPeriod when = ProjectionPeriod.of(to, start, i);
                PracticePeriod sum = zeroPractice(when);
                for (PracticePeriod row : p.rows().subList(i * per, (i + 1) * per)) {
                    sum = sum.plus(row, when);
                }
                rows.add(sum);
            }
            nextPractices.add(new PracticeProjection(p.practiceId(), p.agreementId(), p.terms(), p.referredByInvestors(), rows));
        }
        List<MsoPeriod> nextMso = new ArrayList<>();
        for (int i = 0; i < periods() / per; i++) {
            ProjectionPeriod when = ProjectionPeriod.of(to, start, i);
            MsoPeriod sum = new MsoPeriod(when, Money.ZERO, Money.ZERO, Money.ZERO);
            for (MsoPeriod row : mso.subList(i * per, (i + 1) * per)) {
                sum = sum.plus(row, when);
            }
            nextMso.add(sum);
        }
        return new Projection(to, start, nextPractices, nextMso);
    }

    private static PracticePeriod zeroPractice(ProjectionPeriod when) {
        return new PracticePeriod(when, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    /** Index of the period containing {@code date}, if the projection covers it. */
    public Optional<Integer> periodIndexOf(LocalDate date) {
        for (MsoPeriod row : mso) {
            if (row.period().contains(date)) {
                return Optional.of(row.period().index());
            }
        }
        return Optional.empty();
    }
}
