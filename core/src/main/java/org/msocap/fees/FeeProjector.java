package org.msocap.fees;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.fees.FeeModel.ManagedPractice;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials.PracticeFinancials;
import org.msocap.model.Limits;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;
import org.msocap.money.Allocation;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * Projects each managed practice's collections, costs, management fee and margin, and the MSO's revenue,
 * costs and EBITDA, month by month in exact money. Stateless; {@link #DEFAULT} allocates MSO costs by share
 * of collections. The conventions are in the {@linkplain org.msocap.fees package documentation}.
 *
 * <pre>{@code
 * Projection byQuarter = FeeProjector.DEFAULT.project(venture, Period.QUARTER);
 * }</pre>
 */
public final class FeeProjector {

    /** Allocates the MSO's costs across practices by their share of collections. */
    public static final FeeProjector DEFAULT = new FeeProjector(CostAllocationDriver.COLLECTIONS);

    private static final List<BigFraction> TWELVE_EQUAL_MONTHS = Collections.nCopies(12, BigFraction.ONE);

    private final CostAllocationDriver driver;

    public FeeProjector(CostAllocationDriver driver) {
        this.driver = Objects.requireNonNull(driver, "driver");
    }

    public CostAllocationDriver driver() {
        return driver;
    }

    /**
     * The projection over {@code financials.years} from {@code financials.start}, in {@code period}s.
     *
     * @throws org.msocap.model.ModelException naming the field when the venture has no financials or they do
     *         not match its management services agreements
     */
    public Projection project(Venture venture, Period period) {
        return project(FeeModel.resolve(venture), period);
    }

    public Projection project(FeeModel model, Period period) {
        return projectYears(model, model.years()).aggregate(period);
    }

    /**
     * A monthly projection over {@code years} years from the model's start, which may be longer than the
     * model file's {@code years}: later years continue the same growth rates (used to value exits after
     * the projection window).
     */
    public Projection projectYears(FeeModel model, int years) {
        if (years < 1) {
            throw new IllegalArgumentException("years must be >= 1 but was " + years);
        }
        List<ManagedPractice> practices = model.practices();
        int n = practices.size();
        List<List<PracticePeriod>> rows = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            rows.add(new ArrayList<>(years * 12));
        }
        List<MsoPeriod> msoRows = new ArrayList<>(years * 12);
        for (int year = 0; year < years; year++) {
            List<ProjectionPeriod> months = new ArrayList<>(12);
            for (int m = 0; m < 12; m++) {
                months.add(ProjectionPeriod.of(Period.MONTH, model.start(), year * 12 + m));
            }
            List<List<Money>> collections = new ArrayList<>(n);
            for (ManagedPractice practice : practices) {
                PracticeFinancials f = practice.financials();
                collections.add(spread(withinLimit(grown(f.collections(), f.growth(), year), year,
                        "financials.practices." + practice.practiceId() + ".growth", "collections of " + practice.practiceId())));
            }
            List<Money> msoCosts = spread(withinLimit(grown(model.mso().operatingCosts(), model.mso().costGrowth(), year), year,
                    "financials.mso.costGrowth", "the MSO's operating costs"));
            // The MSO's cost of serving each practice, month by month: allocated across practices within each month so the
            // allocations add up to that month's MSO costs.
            List<List<Money>> allocated = new ArrayList<>(n);
            for (int p = 0; p < n; p++) {
                allocated.add(new ArrayList<>(12));
            }
            for (int m = 0; m < 12; m++) {
                List<Money> thisMonth = new ArrayList<>(n);
                for (List<Money> c : collections) {
                    thisMonth.add(c.get(m));
                }
                List<Money> split = allocateMsoCosts(msoCosts.get(m), thisMonth);
                for (int p = 0; p < n; p++) {
                    allocated.get(p).add(split.get(p));
                }
            }
            List<Money> revenue = new ArrayList<>(Collections.nCopies(12, Money.ZERO));
            for (int p = 0; p < n; p++) {
                List<PracticePeriod> year12 = practiceYear(months, year, practices.get(p), collections.get(p), allocated.get(p));
                rows.get(p).addAll(year12);
                for (int m = 0; m < 12; m++) {
                    revenue.set(m, revenue.get(m).plus(year12.get(m).fee()));
                }
            }
            for (int m = 0; m < 12; m++) {
                msoRows.add(new MsoPeriod(months.get(m), revenue.get(m), msoCosts.get(m), revenue.get(m).minus(msoCosts.get(m))));
            }
        }
        List<PracticeProjection> projections = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            ManagedPractice practice = practices.get(p);
            projections.add(new PracticeProjection(practice.practiceId(), practice.agreementId(), practice.terms(),
                    practice.financials().referredByInvestors(), rows.get(p)));
        }
        return new Projection(Period.MONTH, model.start(), projections, msoRows);
    }

    /**
     * A projected amount in cents, refused (at the growth rate that drove it) once compounding takes it past
     * {@link Limits#MAX_AMOUNT}: every projected figure stays in the range a given amount may take.
     */
    static Money withinLimit(BigDecimal projected, int year, String growthField, String what) {
        if (!Limits.isAmount(projected)) {
            throw new ModelException(growthField, "at this rate " + what + " would pass " + Limits.MAX_AMOUNT_WORDS + " in year "
                    + (year + 1) + " of the projection; amounts, given or projected, are limited to that");
        }
        return Rounding.toCents(projected);
    }

    /** {@code amount × (1 + growth)^year}, exact. */
    static BigDecimal grown(Money amount, BigDecimal growth, int year) {
        return amount.amount().multiply(BigDecimal.ONE.add(growth).pow(year));
    }

    /** An annual amount in twelve equal months that add up to it; odd cents go to the earliest months. */
    static List<Money> spread(Money annual) {
        return Allocation.proportional(annual, TWELVE_EQUAL_MONTHS);
    }

    private List<Money> allocateMsoCosts(Money msoCost, List<Money> collections) {
        int n = collections.size();
        if (n == 0) {
            return List.of();
        }
        List<BigFraction> weights = new ArrayList<>(n);
        boolean anyCollections = false;
        for (Money c : collections) {
            weights.add(new BigFraction(c.cents()));
            anyCollections |= c.isPositive();
        }
        if (driver == CostAllocationDriver.EQUAL || !anyCollections) {
            weights = Collections.nCopies(n, BigFraction.ONE);
        }
        return Allocation.proportional(msoCost, weights);
    }

    /**
     * One practice's twelve months of a projection year. Amounts that are a rate times a monthly base (compensation,
     * investor-referred revenue, percentage, cost-plus and residual fees) are computed exactly for each month, the
     * year's total is rounded once, and its cents are spread over the months in proportion to the exact amounts
     * ({@link #yearFirst}), so that, e.g., 45% of a year's collections is exactly that year's compensation. A fixed
     * monthly fee (and the fixed part of a hybrid fee) is a monthly invoice, rounded each month.
     */
    private static List<PracticePeriod> practiceYear(List<ProjectionPeriod> months, int year, ManagedPractice practice,
                                                     List<Money> collections, List<Money> msoCostAllocated) {
        PracticeFinancials f = practice.financials();
        FeeTerms terms = practice.terms();
        List<Money> costs = spread(f.otherCosts());
        List<Money> compensation = yearFirst(collections.stream().map(c -> c.times(f.clinicianComp())).toList());
        List<Money> referred = yearFirst(collections.stream().map(c -> c.times(f.referredByInvestors())).toList());
        List<Money> net = new ArrayList<>(12);
        for (int m = 0; m < 12; m++) {
            net.add(collections.get(m).minus(compensation.get(m)).minus(costs.get(m)));
        }
        Money fixedPart = switch (terms.basis()) {
            case FIXED, HYBRID -> withinLimit(grown(terms.monthly(), terms.escalator(), year), year,
                    practice.agreementField() + ".fee.escalator", "the monthly fee of " + practice.agreementId());
            default -> Money.ZERO;
        };
        List<BigDecimal> variableExact = new ArrayList<>(12);
        for (int m = 0; m < 12; m++) {
            variableExact.add(variableFee(terms, collections.get(m), net.get(m), msoCostAllocated.get(m)));
        }
        List<Money> variable = yearFirst(variableExact);
        List<PracticePeriod> out = new ArrayList<>(12);
        for (int m = 0; m < 12; m++) {
            Money fee = fixedPart.plus(variable.get(m));
            out.add(new PracticePeriod(months.get(m), collections.get(m), compensation.get(m), costs.get(m), msoCostAllocated.get(m),
                    fee, net.get(m).minus(fee), referred.get(m)));
        }
        return out;
    }

    /**
     * The exact part of one month's fee that moves with the practice (everything but a fixed monthly amount), never
     * negative: percent-of-net and residual fees are zero in a month whose net is negative.
     *
     * @param net collections less clinician compensation and practice costs
     */
    static BigDecimal variableFee(FeeTerms terms, Money collections, Money net, Money msoCostAllocated) {
        return switch (terms.basis()) {
            case FIXED -> BigDecimal.ZERO;
            case PERCENT_OF_COLLECTIONS, HYBRID -> collections.times(terms.percent());
            case PERCENT_OF_NET -> net.isPositive() ? net.times(terms.percent()) : BigDecimal.ZERO;
            case COST_PLUS -> msoCostAllocated.times(BigDecimal.ONE.add(terms.markup()));
            case RESIDUAL -> net.isPositive() ? net.amount() : BigDecimal.ZERO;
        };
    }

    /**
     * Non-negative exact monthly amounts as cents: the year's exact total rounded once (half up), spread over the
     * months by largest remainder in proportion to the exact amounts. Each month is within a cent of its exact amount.
     */
    static List<Money> yearFirst(List<BigDecimal> exactMonths) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal e : exactMonths) {
            sum = sum.add(e);
        }
        Money total = Rounding.toCents(sum);
        if (sum.signum() == 0 || total.isZero()) {
            return Collections.nCopies(exactMonths.size(), Money.ZERO);
        }
        // Whole-number weights at a common scale: the same proportions as the exact amounts, cheaper to divide.
        int scale = 0;
        for (BigDecimal e : exactMonths) {
            scale = Math.max(scale, e.scale());
        }
        List<BigFraction> weights = new ArrayList<>(exactMonths.size());
        for (BigDecimal e : exactMonths) {
            weights.add(new BigFraction(e.setScale(scale).unscaledValue()));
        }
        return Allocation.proportional(total, weights);
    }

    // ---- comparing fee bases ------------------------------------------------------------------------

    /**
     * What each fee basis would pay the MSO and leave the practice over the projection, one alternative per
     * basis, using the agreement's own parameters where it has them and otherwise parameters equivalent to
     * the agreement in its first year (see {@link BasisComparison.Source}).
     */
    public BasisComparison compareBases(Venture venture, String practiceId) {
        FeeModel model = FeeModel.resolve(venture);
        model.practice(practiceId);
        return compareBases(model, projectYears(model, model.years()), practiceId);
    }

    /**
     * {@link #compareBases(Venture, String)} for every managed practice, in the model's order, from one projection of
     * the agreed terms (comparing practice by practice would project the whole venture once per practice).
     */
    public List<BasisComparison> compareBases(FeeModel model) {
        Projection agreed = projectYears(model, model.years());
        List<BasisComparison> out = new ArrayList<>(model.practices().size());
        for (ManagedPractice practice : model.practices()) {
            out.add(compareBases(model, agreed, practice.practiceId()));
        }
        return out;
    }

    private BasisComparison compareBases(FeeModel model, Projection agreed, String practiceId) {
        ManagedPractice practice = model.practice(practiceId);
        PracticePeriod firstYear = firstYear(agreed.practice(practiceId).orElseThrow());
        List<BasisComparison.Alternative> alternatives = new ArrayList<>();
        for (FeeTerms.Basis basis : FeeTerms.Basis.values()) {
            BasisComparison.Candidate candidate = BasisComparison.candidate(basis, practice.terms(), firstYear);
            if (candidate != null) {
                alternatives.add(alternative(model, practiceId, candidate.terms(), candidate.source(), agreed));
            }
        }
        return new BasisComparison(practiceId, practice.agreementId(), practice.terms(), alternatives);
    }

    /** What each of the stated fee terms would pay the MSO and leave the practice, next to the agreement's own terms. */
    public BasisComparison compareBases(Venture venture, String practiceId, List<FeeTerms> stated) {
        FeeModel model = FeeModel.resolve(venture);
        ManagedPractice practice = model.practice(practiceId);
        Projection agreed = projectYears(model, model.years());
        List<BasisComparison.Alternative> alternatives = new ArrayList<>();
        alternatives.add(alternative(model, practiceId, practice.terms(), BasisComparison.Source.AGREEMENT, agreed));
        for (FeeTerms terms : stated) {
            alternatives.add(alternative(model, practiceId, terms, BasisComparison.Source.STATED, agreed));
        }
        return new BasisComparison(practiceId, practice.agreementId(), practice.terms(), alternatives);
    }

    /**
     * The practice under other terms, and the MSO's EBITDA with it. Only that practice's rows are projected again: its
     * terms change its fee and nothing else (its collections, compensation and costs are its own, and the MSO's costs
     * are allocated by collections or equally), so the MSO's EBITDA moves by exactly the change in its fee.
     */
    private BasisComparison.Alternative alternative(FeeModel model, String practiceId, FeeTerms terms,
                                                    BasisComparison.Source source, Projection agreed) {
        PracticeProjection before = agreed.practice(practiceId).orElseThrow();
        Money msoEbitda = agreed.msoTotal().ebitda();
        if (terms.equals(before.terms())) {
            return new BasisComparison.Alternative(terms, source, before.metrics(), msoEbitda);
        }
        PracticeProjection after = reproject(model.practice(practiceId).withTerms(terms), before);
        msoEbitda = msoEbitda.plus(after.total().fee()).minus(before.total().fee());
        return new BasisComparison.Alternative(terms, source, after.metrics(), msoEbitda);
    }

    /** {@code practice}'s rows under its own terms, on the collections and allocated MSO costs of {@code projected}. */
    private static PracticeProjection reproject(ManagedPractice practice, PracticeProjection projected) {
        List<PracticePeriod> agreedRows = projected.rows();
        List<PracticePeriod> rows = new ArrayList<>(agreedRows.size());
        for (int year = 0; year * 12 < agreedRows.size(); year++) {
            List<PracticePeriod> months = agreedRows.subList(year * 12, year * 12 + 12);
            rows.addAll(practiceYear(months.stream().map(PracticePeriod::period).toList(), year, practice,
                    months.stream().map(PracticePeriod::collections).toList(),
                    months.stream().map(PracticePeriod::msoCostAllocated).toList()));
        }
        return new PracticeProjection(practice.practiceId(), practice.agreementId(), practice.terms(),
                practice.financials().referredByInvestors(), rows);
    }

    private static PracticePeriod firstYear(PracticeProjection months) {
        return new PracticeProjection(months.practiceId(), months.agreementId(), months.terms(), months.referredByInvestors(),
                months.rows().subList(0, 12)).total();
    }
}
