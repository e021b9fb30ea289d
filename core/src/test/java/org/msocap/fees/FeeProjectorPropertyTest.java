package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;
import org.msocap.model.FeeTerms.Basis;
import org.msocap.model.Financials.MsoFinancials;
import org.msocap.model.Financials.PracticeFinancials;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.money.Rounding;
import org.quicktheories.core.Gen;

/**
 * The accounting identities, in exact money, over generated financials and fee bases: for every practice and
 * period collections = clinician compensation + practice costs + fee + margin; for the MSO EBITDA = Σ fees − costs;
 * quarters and years are exactly the sums of their months. Fixed seed: a failure prints the generated venture.
 */
class FeeProjectorPropertyTest {

    private static final long SEED = 42L;

    /** A generated projection input. */
    record Scenario(LocalDate start, int years, MsoFinancials mso, List<FeeFixtures.Managed> practices) {
        Venture venture() {
            return FeeFixtures.venture(start, years, mso, practices);
        }
    }

    private static BigDecimal fraction(int value, int scale) {
        return BigDecimal.valueOf(value, scale);
    }

    private static final Gen<FeeTerms> TERMS = in -> {
        Basis basis = Basis.values()[integers().between(0, Basis.values().length - 1).generate(in)];
        Money monthly = Money.ofCents(longs().between(1, 10_000_000_00L).generate(in));
        BigDecimal escalator = fraction(integers().between(-500, 2_000).generate(in), 4);
        BigDecimal percent = fraction(integers().between(1, 10_000).generate(in), 4);
        BigDecimal markup = fraction(integers().between(0, 1_000).generate(in), 3);
        return new FeeTerms(basis, monthly, escalator, percent, markup);
    };

    private static final Gen<PracticeFinancials> FINANCIALS = in -> new PracticeFinancials(
            Money.ofCents(longs().between(0, 200_000_000_00L).generate(in)),
            fraction(integers().between(-999, 1_500).generate(in), 3),
            fraction(integers().between(0, 10_000).generate(in), 4),
            Money.ofCents(longs().between(0, 50_000_000_00L).generate(in)),
            fraction(integers().between(0, 100).generate(in), 2));

    private static final Gen<Scenario> SCENARIOS = ((Gen<Scenario>) in -> {
        LocalDate start = LocalDate.of(2020, 1, 1).plusDays(integers().between(0, 3_000).generate(in));
        int years = integers().between(1, 3).generate(in);
        MsoFinancials mso = new MsoFinancials(Money.ofCents(longs().between(0, 100_000_000_00L).generate(in)),
                fraction(integers().between(-500, 500).generate(in), 3), Money.ZERO);
        int n = integers().between(1, 4).generate(in);
        List<FeeFixtures.Managed> practices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            practices.add(FeeFixtures.managed("pc-" + i, FINANCIALS.generate(in), TERMS.generate(in)));
        }
        return new Scenario(start, years, mso, practices);
    }).describedAs(Scenario::toString);

    @Test
    void everyMonthBalancesForEveryPracticeAndTheMso() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(SCENARIOS).checkAssert(s -> {
            Projection p = FeeProjector.DEFAULT.project(s.venture(), Period.MONTH);
            assertThat(p.periods()).isEqualTo(s.years() * 12);
            for (int m = 0; m < p.periods(); m++) {
                Money fees = Money.ZERO;
                Money allocated = Money.ZERO;
                for (PracticeProjection practice : p.practices()) {
                    PracticePeriod row = practice.rows().get(m);
                    assertBalances(row);
                    assertThat(row.fee().isNegative()).as("fee is never negative").isFalse();
                    fees = fees.plus(row.fee());
                    allocated = allocated.plus(row.msoCostAllocated());
                }
                MsoPeriod mso = p.mso().get(m);
                assertThat(mso.revenue()).isEqualTo(fees);
                assertThat(mso.ebitda()).isEqualTo(fees.minus(mso.costs()));
                assertThat(allocated).as("MSO costs are allocated in full").isEqualTo(mso.costs());
            }
        });
    }

    @Test
    void yearsAddUpToTheGrownAnnualFigures() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(SCENARIOS).checkAssert(s -> {
            Projection years = FeeProjector.DEFAULT.project(s.venture(), Period.YEAR);
            for (int y = 0; y < s.years(); y++) {
                for (int i = 0; i < s.practices().size(); i++) {
                    PracticeFinancials f = s.practices().get(i).financials();
                    PracticePeriod row = years.practices().get(i).rows().get(y);
                    assertThat(row.collections()).isEqualTo(Rounding.toCents(
                            f.collections().amount().multiply(BigDecimal.ONE.add(f.growth()).pow(y))));
                    assertThat(row.practiceCosts()).isEqualTo(f.otherCosts());
                    // Rates apply to the year's collections, rounded once.
                    assertThat(row.clinicianCompensation()).isEqualTo(Rounding.toCents(row.collections().times(f.clinicianComp())));
                    assertThat(row.investorReferredRevenue()).isEqualTo(
                            Rounding.toCents(row.collections().times(f.referredByInvestors())));
                    FeeTerms terms = s.practices().get(i).terms();
                    if (terms.basis() == Basis.PERCENT_OF_COLLECTIONS) {
                        assertThat(row.fee()).isEqualTo(Rounding.toCents(row.collections().times(terms.percent())));
                    }
                }
                assertThat(years.mso().get(y).costs()).isEqualTo(Rounding.toCents(
                        s.mso().operatingCosts().amount().multiply(BigDecimal.ONE.add(s.mso().costGrowth()).pow(y))));
            }
        });
    }

    @Test
    void quartersAndYearsAreExactSumsOfTheirMonths() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(SCENARIOS).checkAssert(s -> {
            Projection months = FeeProjector.DEFAULT.project(s.venture(), Period.MONTH);
            for (Period period : List.of(Period.QUARTER, Period.YEAR)) {
                Projection coarse = FeeProjector.DEFAULT.project(s.venture(), period);
                int k = period.months();
                assertThat(coarse.periods() * k).isEqualTo(months.periods());
                for (int q = 0; q < coarse.periods(); q++) {
                    for (int i = 0; i < months.practices().size(); i++) {
                        List<PracticePeriod> parts = months.practices().get(i).rows().subList(q * k, (q + 1) * k);
                        PracticePeriod whole = coarse.practices().get(i).rows().get(q);
                        assertBalances(whole);
                        assertThat(whole.collections()).isEqualTo(sum(parts, PracticePeriod::collections));
                        assertThat(whole.clinicianCompensation()).isEqualTo(sum(parts, PracticePeriod::clinicianCompensation));
                        assertThat(whole.practiceCosts()).isEqualTo(sum(parts, PracticePeriod::practiceCosts));
                        assertThat(whole.msoCostAllocated()).isEqualTo(sum(parts, PracticePeriod::msoCostAllocated));
                        assertThat(whole.fee()).isEqualTo(sum(parts, PracticePeriod::fee));
                        assertThat(whole.practiceMargin()).isEqualTo(sum(parts, PracticePeriod::practiceMargin));
                        assertThat(whole.investorReferredRevenue()).isEqualTo(sum(parts, PracticePeriod::investorReferredRevenue));
                        assertThat(whole.period().start()).isEqualTo(parts.get(0).period().start());
                        assertThat(whole.period().end()).isEqualTo(parts.get(k - 1).period().end());
                    }
                    List<MsoPeriod> msoParts = months.mso().subList(q * k, (q + 1) * k);
                    MsoPeriod mso = coarse.mso().get(q);
                    assertThat(mso.revenue()).isEqualTo(sum(msoParts, MsoPeriod::revenue));
                    assertThat(mso.costs()).isEqualTo(sum(msoParts, MsoPeriod::costs));
                    assertThat(mso.ebitda()).isEqualTo(sum(msoParts, MsoPeriod::ebitda));
                    assertThat(mso.ebitda()).isEqualTo(mso.revenue().minus(mso.costs()));
                }
            }
            // The metrics see the same totals, whatever the period length.
            for (int i = 0; i < months.practices().size(); i++) {
                PracticeFeeMetrics byMonth = months.metrics().get(i);
                PracticeFeeMetrics byYear = months.aggregate(Period.YEAR).metrics().get(i);
                assertThat(byYear.fee()).isEqualTo(byMonth.fee());
                assertThat(byYear.profitBeforeFee()).isEqualTo(byMonth.profitBeforeFee());
                assertThat(byMonth.lossPeriods()).isBetween(0, byMonth.periods());
                assertThat(byMonth.practiceMargin()).isEqualTo(sum(months.practices().get(i).rows(), PracticePeriod::practiceMargin));
            }
        });
    }

    private static void assertBalances(PracticePeriod row) {
        assertThat(row.clinicianCompensation().plus(row.practiceCosts()).plus(row.fee()).plus(row.practiceMargin()))
                .as("collections = compensation + costs + fee + margin in %s", row.period().label())
                .isEqualTo(row.collections());
    }

    private static <T> Money sum(List<T> rows, Function<T, Money> field) {
        Money total = Money.ZERO;
        for (T row : rows) {
            total = total.plus(field.apply(row));
        }
        return total;
    }
}
