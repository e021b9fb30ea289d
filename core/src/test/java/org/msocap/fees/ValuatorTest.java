package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msocap.fees.FeeFixtures.base;
import static org.msocap.fees.FeeFixtures.financials;
import static org.msocap.fees.FeeFixtures.managed;
import static org.msocap.fees.FeeFixtures.mso;
import static org.msocap.fees.FeeFixtures.venture;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * Exit valuation from the projection. The venture: practice pc-a collects 1,200,000 in year 1 growing 10%
 * (100,000.00 a month, then 110,000.00, then 121,000.00), pays the MSO 25% of collections (25,000.00, 27,500.00,
 * 30,250.00 a month); the MSO's operating costs are 240,000 growing 5% (20,000.00, 21,000.00, 22,050.00 a month);
 * net debt 100,000. The model file projects two years from 2026-01-01.
 */
class ValuatorTest {

    private static final Venture VENTURE = venture(2, mso(240_000, "0.05", 100_000),
            managed("pc-a", financials(1_200_000, "0.10", "0.40", 240_000, "0"),
                    FeeTerms.percentOfCollections(new BigDecimal("0.25"))));

    private static ExitScenario atEbitda(String name, LocalDate date, String multiple) {
        return new ExitScenario(name, date, null, new BigDecimal(multiple), null, null, null, null, null, false);
    }

    private static Venture with(ExitScenario... exits) {
        Venture.Builder b = VENTURE.toBuilder();
        for (ExitScenario e : exits) {
            b.exit(e);
        }
        return b.build();
    }

    @Test
    void ttmEbitdaTimesMultiple() {
        // Exit 2027-12-31 → TTM = January–December 2027:
        //   revenue 12 × 27,500 = 330,000; costs 12 × 21,000 = 252,000; EBITDA 78,000
        //   enterprise value 78,000 × 12 = 936,000; less net debt 100,000 → equity value 836,000
        ExitScenario exit = atEbitda("Sale", LocalDate.of(2027, 12, 31), "12");
        ExitValuation v = Valuator.DEFAULT.value(with(exit), exit);
        assertThat(v.method()).isEqualTo(ExitValuation.Method.EBITDA_MULTIPLE);
        assertThat(v.ttmRevenue()).contains(Money.of(330_000));
        assertThat(v.ttmEbitda()).contains(Money.of(78_000));
        assertThat(v.trailing().costs()).isEqualTo(Money.of(252_000));
        assertThat(v.trailing().from()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(v.trailing().to()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(v.enterpriseValue()).isEqualTo(Money.of(936_000));
        assertThat(v.netDebt()).isEqualTo(Money.of(100_000));
        assertThat(v.equityValue()).isEqualTo(Money.of(836_000));
    }

    @Test
    void trailingYearEndsWithTheExitDatesMonth() {
        // Exit 2027-06-15 → months July 2026 … June 2027:
        //   revenue 6 × 25,000 + 6 × 27,500 = 150,000 + 165,000 = 315,000
        //   costs   6 × 20,000 + 6 × 21,000 = 120,000 + 126,000 = 246,000 → EBITDA 69,000; × 10.5 = 724,500
        ExitScenario exit = atEbitda("Mid-year", LocalDate.of(2027, 6, 15), "10.5");
        ExitValuation v = Valuator.DEFAULT.value(with(exit), exit);
        assertThat(v.trailing().from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(v.ttmEbitda()).contains(Money.of(69_000));
        assertThat(v.enterpriseValue()).isEqualTo(Money.of(724_500));
    }

    @Test
    void revenueMultiple() {
        // TTM revenue 2027 = 330,000 × 2 = 660,000
        ExitScenario exit = new ExitScenario("Revenue", LocalDate.of(2027, 12, 31), null, null, new BigDecimal("2"), null, null,
                null, null, false);
        ExitValuation v = Valuator.DEFAULT.value(with(exit), exit);
        assertThat(v.method()).isEqualTo(ExitValuation.Method.REVENUE_MULTIPLE);
        assertThat(v.enterpriseValue()).isEqualTo(Money.of(660_000));
    }

    /** Issue 16: a revenue multiple may apply to the platform's revenue (the practices' collections) instead. */
    @Test
    void revenueMultipleOnThePlatformsCollections() {
        // TTM 2027 collections 1,200,000 × 1.1 = 1,320,000 × 2 = 2,640,000 (the MSO's fees would give 660,000)
        ExitScenario exit = new ExitScenario("Platform", LocalDate.of(2027, 12, 31), null, null, new BigDecimal("2"), null, null,
                null, null, false, ExitScenario.RevenueBasis.PLATFORM);
        ExitValuation v = Valuator.DEFAULT.value(with(exit), exit);
        assertThat(v.trailingTwelveMonths().orElseThrow().platformCollections()).isEqualTo(Money.of(1_320_000));
        assertThat(v.enterpriseValue()).isEqualTo(Money.of(2_640_000));
        assertThat(v.basis()).isEqualTo("2× TTM platform revenue (practice collections)");
        ExitScenario byDefault = new ExitScenario("Fees", LocalDate.of(2027, 12, 31), null, null, new BigDecimal("2"), null, null,
                null, null, false);
        assertThat(byDefault.revenueBasis()).isEqualTo(ExitScenario.RevenueBasis.MSO);
        assertThat(Valuator.DEFAULT.value(with(byDefault), byDefault).basis()).isEqualTo("2× TTM MSO revenue (management fees)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExitScenario("Bad", null, null, BigDecimal.TEN, null, null,
                        null, null, null, false, ExitScenario.RevenueBasis.PLATFORM))
                .isInstanceOf(org.msocap.model.ModelException.class).hasMessageContaining("revenueBasis");
    }

    /** Issue 16: a multiple applied past the projection says so, with the projection's end. */
    @Test
    void anExitPastTheProjectionSaysItWasExtended() {
        ExitScenario inside = atEbitda("Inside", LocalDate.of(2027, 12, 31), "12");
        ExitValuation in = Valuator.DEFAULT.value(with(inside), inside);
        assertThat(in.extendedBeyondProjection()).isFalse();
        assertThat(in.basis()).isEqualTo("12× TTM EBITDA");
        ExitScenario late = atEbitda("Late", LocalDate.of(2028, 12, 31), "12");
        ExitValuation out = Valuator.DEFAULT.value(with(late), late);
        assertThat(out.extendedBeyondProjection()).isTrue();
        assertThat(out.basis()).isEqualTo("12× TTM EBITDA (projected past the model's projection, which ends 2027-12-31, "
                + "at the same growth rates)");
    }

    @Test
    void exitsAfterTheWindowContinueTheGrowthRates() {
        // 2028 is beyond the two projected years. Year 3: collections 1,200,000 × 1.1² = 1,452,000 → fee 25% = 363,000;
        //   costs 240,000 × 1.05² = 264,600; EBITDA 98,400 × 12 = 1,180,800
        ExitScenario exit = atEbitda("Late", LocalDate.of(2028, 12, 31), "12");
        ExitValuation v = Valuator.DEFAULT.value(with(exit), exit);
        assertThat(v.ttmRevenue()).contains(Money.of(363_000));
        assertThat(v.ttmEbitda()).contains(Money.of(98_400));
        assertThat(v.enterpriseValue()).isEqualTo(Money.of(1_180_800));
    }

    @Test
    void aLosingMsoIsWorthZeroAtAMultiple() {
        Venture losing = venture(2, mso(600_000, "0", 0), managed("pc-a", financials(1_200_000, "0", "0.4", 0, "0"),
                FeeTerms.percentOfCollections(new BigDecimal("0.10"))));
        ExitScenario exit = atEbitda("Fire sale", LocalDate.of(2026, 12, 31), "8");
        // revenue 120,000 − costs 600,000 = −480,000 → × 8 would be negative → 0
        ExitValuation v = Valuator.DEFAULT.value(losing.toBuilder().exit(exit).build(), exit);
        assertThat(v.ttmEbitda()).contains(Money.of(-480_000));
        assertThat(v.enterpriseValue()).isEqualTo(Money.ZERO);
    }

    @Test
    void givenEnterpriseValuePassesThrough() {
        ExitScenario exit = ExitScenario.atValue("Offer", LocalDate.of(2027, 12, 31), Money.parse("5M"));
        ExitValuation v = Valuator.DEFAULT.value(with(exit), exit);
        assertThat(v.method()).isEqualTo(ExitValuation.Method.GIVEN);
        assertThat(v.enterpriseValue()).isEqualTo(Money.of(5_000_000));
        assertThat(v.ttmEbitda()).contains(Money.of(78_000));
        assertThat(v.equityValue()).isEqualTo(Money.of(4_900_000));

        // Without financials there is no trailing year and no net debt.
        Venture bare = base().exit(exit).build();
        ExitValuation b = Valuator.DEFAULT.value(bare, exit);
        assertThat(b.trailingTwelveMonths()).isEmpty();
        assertThat(b.netDebt()).isEqualTo(Money.ZERO);
        assertThat(b.enterpriseValue()).isEqualTo(Money.of(5_000_000));
    }

    @Test
    void exitWithoutADateIsValuedOnAsOf() {
        // asOf 2026-01-01 is in the first projection month: no trailing year.
        ExitScenario exit = atEbitda("Undated", null, "10");
        assertThatThrownBy(() -> Valuator.DEFAULT.value(with(exit), exit)).isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("exits[0].date"));
    }

    @Test
    void errorsNameTheField() {
        // A file's dated exits are refused when the venture is built (so validate reports them too), at the field.
        ExitScenario early = atEbitda("Early", LocalDate.of(2026, 6, 30), "10");
        ExitScenario before = atEbitda("Before", LocalDate.of(2025, 6, 30), "10");
        ExitScenario fine = atEbitda("Fine", LocalDate.of(2027, 6, 30), "10");
        assertThatThrownBy(() -> with(fine, early)).isInstanceOf(ModelException.class)
                .hasMessageContaining("less than twelve months after financials.start")
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("exits[1].date"));
        // Before asOf (here financials.start) a dated exit is refused as such, before the projection is asked.
        assertThatThrownBy(() -> with(before, early)).isInstanceOf(ModelException.class)
                .hasMessageContaining("is dated 2025-06-30, before asOf (2026-01-01)")
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("exits[0].date"));
        // An exit from elsewhere (the command line) is refused when it is valued.
        assertThatThrownBy(() -> Valuator.DEFAULT.value(VENTURE, before)).isInstanceOf(ModelException.class)
                .hasMessageContaining("before financials.start")
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("exit 'Before'.date"));

        ExitScenario multiple = atEbitda("Sale", LocalDate.of(2027, 12, 31), "12");
        assertThatThrownBy(() -> base().exit(multiple).build()).isInstanceOf(ModelException.class)
                .hasMessageContaining("exit 'Sale' values the MSO at a multiple of its EBITDA").hasMessageContaining("needs a financials: section")
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("exits[0].ebitdaMultiple"));
        Venture bare = base().build();
        assertThatThrownBy(() -> Valuator.DEFAULT.value(bare, multiple)).isInstanceOf(ModelException.class)
                .hasMessageContaining("needs a financials: section")
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("financials"));
    }

    @Test
    void valuesEveryScenarioInFileOrder() {
        ExitScenario a = atEbitda("A", LocalDate.of(2027, 12, 31), "12");
        ExitScenario b = ExitScenario.atValue("B", LocalDate.of(2027, 12, 31), Money.of(1));
        assertThat(Valuator.DEFAULT.valueAll(with(a, b))).extracting(ExitValuation::enterpriseValue)
                .containsExactly(Money.of(936_000), Money.of(1));
    }

    @Test
    void trailingFromAMonthlyProjectionMatchesTheValuator() {
        Projection months = FeeProjector.DEFAULT.projectYears(FeeModel.resolve(VENTURE), 2);
        TrailingTwelveMonths t = Valuator.trailingTwelveMonths(months, LocalDate.of(2027, 12, 1), "exit.date");
        assertThat(t.ebitda()).isEqualTo(Money.of(78_000));
        assertThatThrownBy(() -> Valuator.trailingTwelveMonths(months, LocalDate.of(2028, 1, 1), "exit.date"))
                .isInstanceOf(ModelException.class).hasMessageContaining("after the projection");
        assertThatThrownBy(() -> Valuator.trailingTwelveMonths(months.aggregate(Period.YEAR), LocalDate.of(2027, 1, 1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFastPathOnOneProjectionAgreesWithValuingEachExit() {
        // Project once (three years), then value exits at several dates and multiples from the trailing year alone.
        Projection months = FeeProjector.DEFAULT.projectYears(FeeModel.resolve(VENTURE), 3);
        for (LocalDate date : java.util.List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 7, 4), LocalDate.of(2028, 12, 1))) {
            for (String multiple : java.util.List.of("6", "9.75", "14")) {
                ExitScenario exit = atEbitda("Run", date, multiple);
                ExitValuation fast = Valuator.value(exit, date, Valuator.trailingTwelveMonths(months, date, "exit.date",
                        LocalDate.of(2027, 12, 31)), Money.of(100_000));
                assertThat(fast).isEqualTo(Valuator.DEFAULT.value(with(exit), exit));
            }
        }
    }
}
