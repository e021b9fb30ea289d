package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msocap.fees.FeeFixtures.financials;
import static org.msocap.fees.FeeFixtures.managed;
import static org.msocap.fees.FeeFixtures.mso;
import static org.msocap.fees.FeeFixtures.terms;
import static org.msocap.fees.FeeFixtures.venture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;
import org.msocap.model.FeeTerms.Basis;
import org.msocap.model.Financials.MsoFinancials;
import org.msocap.model.Financials.PracticeFinancials;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * Hand-checked projections, one per fee basis. Every example uses practice pc-a:
 *
 * <pre>
 *   collections 1,200,000 a year, growth 10%  → year 1: 100,000.00 a month; year 2: 1,320,000 = 110,000.00 a month
 *   clinician compensation 40% of collections → year 1: 40,000.00;          year 2: 44,000.00
 *   practice costs 240,000 a year, flat       → 20,000.00 a month
 *   profit before fee                         → year 1: 40,000.00;          year 2: 46,000.00
 *   MSO operating costs 240,000, growth 5%    → year 1: 20,000.00 a month;  year 2: 252,000 = 21,000.00 a month
 * </pre>
 */
class FeeProjectorTest {

    static final PracticeFinancials PC_A = financials(1_200_000, "0.10", "0.40", 240_000, "0.25");
    static final MsoFinancials MSO = mso(240_000, "0.05", 100_000);

    private static Projection monthly(FeeTerms terms) {
        return FeeProjector.DEFAULT.project(venture(2, MSO, managed("pc-a", PC_A, terms)), Period.MONTH);
    }

    private static void assertMonth(PracticePeriod row, String collections, String compensation, String costs, String fee,
                                    String margin) {
        assertThat(row.collections()).isEqualTo(Money.of(collections));
        assertThat(row.clinicianCompensation()).isEqualTo(Money.of(compensation));
        assertThat(row.practiceCosts()).isEqualTo(Money.of(costs));
        assertThat(row.fee()).isEqualTo(Money.of(fee));
        assertThat(row.practiceMargin()).isEqualTo(Money.of(margin));
    }

    @Test
    void fixedFeeEscalatesOnEachAnniversaryOfTheStart() {
        // monthly 30,000, escalator 3%: year 1 fee 30,000.00 → margin 40,000 − 30,000 = 10,000.00
        //                               year 2 fee 30,000 × 1.03 = 30,900.00 → margin 46,000 − 30,900 = 15,100.00
        Projection p = monthly(terms(Basis.FIXED, 30_000, "0.03", "0", "0"));
        List<PracticePeriod> rows = p.practice("pc-a").orElseThrow().rows();
        assertThat(rows).hasSize(24);
        assertMonth(rows.get(0), "100000", "40000", "20000", "30000", "10000");
        assertMonth(rows.get(11), "100000", "40000", "20000", "30000", "10000");
        assertMonth(rows.get(12), "110000", "44000", "20000", "30900", "15100");
        // MSO: year 1 EBITDA 30,000 − 20,000 = 10,000.00 a month; year 2 30,900 − 21,000 = 9,900.00
        assertThat(p.mso().get(0).ebitda()).isEqualTo(Money.of(10_000));
        assertThat(p.mso().get(23).ebitda()).isEqualTo(Money.of(9_900));
        // Total fee: 12 × 30,000 + 12 × 30,900 = 360,000 + 370,800 = 730,800
        assertThat(p.practice("pc-a").orElseThrow().total().fee()).isEqualTo(Money.of(730_800));
    }

    @Test
    void percentOfCollections() {
        // 25%: year 1 fee 25% × 100,000 = 25,000.00 → margin 15,000.00; year 2 25% × 110,000 = 27,500.00 → margin 18,500.00
        List<PracticePeriod> rows = monthly(terms(Basis.PERCENT_OF_COLLECTIONS, 0, "0", "0.25", "0")).practice("pc-a").orElseThrow().rows();
        assertMonth(rows.get(0), "100000", "40000", "20000", "25000", "15000");
        assertMonth(rows.get(23), "110000", "44000", "20000", "27500", "18500");
    }

    @Test
    void percentOfNet() {
        // 50% of (collections − compensation − costs): year 1 50% × 40,000 = 20,000.00 → margin 20,000.00
        //                                              year 2 50% × 46,000 = 23,000.00 → margin 23,000.00
        List<PracticePeriod> rows = monthly(terms(Basis.PERCENT_OF_NET, 0, "0", "0.5", "0")).practice("pc-a").orElseThrow().rows();
        assertMonth(rows.get(0), "100000", "40000", "20000", "20000", "20000");
        assertMonth(rows.get(12), "110000", "44000", "20000", "23000", "23000");
    }

    @Test
    void costPlusMarksUpTheMsoCostAllocatedByShareOfCollections() {
        // Two practices share the MSO's costs by collections. pc-b collects 600,000 a year flat (50,000.00 a month).
        // Year 1: MSO 20,000.00 a month split 100,000 : 50,000 → pc-a 13,333.333…, pc-b 6,666.666…
        //   floors 13,333.33 + 6,666.66 = 19,999.99; the cent left goes to the larger remainder (pc-b, .666… > .333…)
        //   → pc-a 13,333.33, pc-b 6,666.67 in every month of year 1.
        //   Fee pc-a: exactly 13,333.33 × 1.10 = 14,666.663 a month; the year's 175,999.956 rounds once to 175,999.96;
        //   12 × 14,666.66 = 175,999.92 leaves 4 cents for the first four months (equal remainders, earliest first):
        //   January 14,666.67 (margin 40,000 − 14,666.67 = 25,333.33), May 14,666.66 (margin 25,333.34)
        // Year 2: MSO 21,000.00 split 110,000 : 50,000 → pc-a 21,000 × 11/16 = 14,437.50 exactly, pc-b 6,562.50
        //   fee pc-a = 14,437.50 × 1.10 = 15,881.25; margin 46,000 − 15,881.25 = 30,118.75
        Venture v = venture(2, MSO, managed("pc-a", PC_A, terms(Basis.COST_PLUS, 0, "0", "0", "0.10")),
                managed("pc-b", financials(600_000, "0", "0.5", 0, "0"), FeeTerms.fixed(Money.of(10_000), BigDecimal.ZERO)));
        Projection p = FeeProjector.DEFAULT.project(v, Period.MONTH);
        PracticePeriod a1 = p.practice("pc-a").orElseThrow().rows().get(0);
        PracticePeriod b1 = p.practice("pc-b").orElseThrow().rows().get(0);
        assertThat(a1.msoCostAllocated()).isEqualTo(Money.of("13333.33"));
        assertThat(b1.msoCostAllocated()).isEqualTo(Money.of("6666.67"));
        assertMonth(a1, "100000", "40000", "20000", "14666.67", "25333.33");
        assertMonth(p.practice("pc-a").orElseThrow().rows().get(4), "100000", "40000", "20000", "14666.66", "25333.34");
        assertThat(p.aggregate(Period.YEAR).practice("pc-a").orElseThrow().rows().get(0).fee()).isEqualTo(Money.of("175999.96"));
        PracticePeriod a2 = p.practice("pc-a").orElseThrow().rows().get(12);
        assertThat(a2.msoCostAllocated()).isEqualTo(Money.of("14437.50"));
        assertMonth(a2, "110000", "44000", "20000", "15881.25", "30118.75");
        // MSO January: revenue 14,666.67 + 10,000 = 24,666.67; EBITDA 24,666.67 − 20,000 = 4,666.67
        assertThat(p.mso().get(0).revenue()).isEqualTo(Money.of("24666.67"));
        assertThat(p.mso().get(0).ebitda()).isEqualTo(Money.of("4666.67"));
    }

    @Test
    void equalDriverSplitsMsoCostsEvenly() {
        // EQUAL: 20,000.00 / 2 = 10,000.00 each, whatever they collect; fee pc-a = 10,000 × 1.10 = 11,000.00
        Venture v = venture(1, MSO, managed("pc-a", PC_A, terms(Basis.COST_PLUS, 0, "0", "0", "0.10")),
                managed("pc-b", financials(600_000, "0", "0.5", 0, "0"), FeeTerms.fixed(Money.of(10_000), BigDecimal.ZERO)));
        Projection p = new FeeProjector(CostAllocationDriver.EQUAL).project(v, Period.MONTH);
        assertThat(p.practice("pc-a").orElseThrow().rows().get(0).fee()).isEqualTo(Money.of(11_000));
        assertThat(p.practice("pc-b").orElseThrow().rows().get(0).msoCostAllocated()).isEqualTo(Money.of(10_000));
    }

    @Test
    void hybridIsFixedPlusPercentOfCollections() {
        // 10,000 a month escalating 3% + 10% of collections:
        //   year 1: 10,000 + 10% × 100,000 = 20,000.00 → margin 20,000.00
        //   year 2: 10,000 × 1.03 + 10% × 110,000 = 10,300 + 11,000 = 21,300.00 → margin 46,000 − 21,300 = 24,700.00
        List<PracticePeriod> rows = monthly(terms(Basis.HYBRID, 10_000, "0.03", "0.10", "0")).practice("pc-a").orElseThrow().rows();
        assertMonth(rows.get(0), "100000", "40000", "20000", "20000", "20000");
        assertMonth(rows.get(12), "110000", "44000", "20000", "21300", "24700");
    }

    @Test
    void residualSweepsEverythingAndNeverGoesNegative() {
        // The MSO takes what is left: year 1 fee 40,000.00, margin 0; year 2 fee 46,000.00, margin 0.
        List<PracticePeriod> rows = monthly(new FeeTerms(Basis.RESIDUAL, null, null, null, null)).practice("pc-a").orElseThrow().rows();
        assertMonth(rows.get(0), "100000", "40000", "20000", "40000", "0");
        assertMonth(rows.get(12), "110000", "44000", "20000", "46000", "0");
        // A practice whose costs exceed its net (collections 100,000, comp 90% = 90,000, costs 240,000 → net −10,000 a month)
        // pays no residual fee: the MSO does not fund its losses, so the margin is −10,000.00.
        Venture losing = venture(1, MSO, managed("pc-a", financials(1_200_000, "0", "0.9", 240_000, "0"),
                new FeeTerms(Basis.RESIDUAL, null, null, null, null)));
        PracticePeriod row = FeeProjector.DEFAULT.project(losing, Period.MONTH).practices().get(0).rows().get(0);
        assertMonth(row, "100000", "90000", "20000", "0", "-10000");
        assertThat(row.lossWithFee()).isFalse();
    }

    @Test
    void annualAmountsSpreadToMonthsThatAddUpWithOddCentsFirst() {
        // 100.00 / 12 = 8.333…: floors 8.33 × 12 = 99.96, the 4 cents left go to the first four months.
        List<Money> months = FeeProjector.spread(Money.of(100));
        assertThat(months.subList(0, 4)).containsOnly(Money.of("8.34"));
        assertThat(months.subList(4, 12)).containsOnly(Money.of("8.33"));
        assertThat(months.stream().reduce(Money.ZERO, Money::plus)).isEqualTo(Money.of(100));
    }

    @Test
    void ratesApplyToTheYearThenSpreadOverItsMonths() {
        // Collections 3,906,250.00 a year: 3,906,250 / 12 = 325,520.8333… → January–April 325,520.84, May–December 325,520.83.
        // Compensation 45%: the year is exactly 45% × 3,906,250 = 1,757,812.50 (rounding each month would give 1,757,812.48).
        //   Exact months: 146,484.378 (Jan–Apr) and 146,484.3735 (May–Dec); floors 12 × 146,484.37 = 1,757,812.44;
        //   the 6 cents left go to the largest remainders: Jan–Apr (.8 of a cent), then May and June (.35, earliest first).
        Venture v = venture(1, mso(0, "0", 0), managed("pc-a", financials(3_906_250, "0", "0.45", 0, "0.1"),
                FeeTerms.percentOfCollections(new BigDecimal("0.35"))));
        Projection p = FeeProjector.DEFAULT.project(v, Period.MONTH);
        List<PracticePeriod> rows = p.practices().get(0).rows();
        assertThat(rows.get(0).collections()).isEqualTo(Money.of("325520.84"));
        assertThat(rows.get(4).collections()).isEqualTo(Money.of("325520.83"));
        assertThat(rows.subList(0, 6)).extracting(PracticePeriod::clinicianCompensation).containsOnly(Money.of("146484.38"));
        assertThat(rows.subList(6, 12)).extracting(PracticePeriod::clinicianCompensation).containsOnly(Money.of("146484.37"));
        PracticePeriod year = p.aggregate(Period.YEAR).practices().get(0).rows().get(0);
        assertThat(year.clinicianCompensation()).isEqualTo(Money.of("1757812.50"));
        // The fee (35%) and investor-referred revenue (10%) are exact for the year too: 1,367,187.50 and 390,625.00.
        assertThat(year.fee()).isEqualTo(Money.of("1367187.50"));
        assertThat(year.investorReferredRevenue()).isEqualTo(Money.of("390625.00"));
    }

    @Test
    void quartersAndYearsAreSumsOfMonths() {
        Projection months = monthly(terms(Basis.FIXED, 30_000, "0.03", "0", "0"));
        Projection quarters = months.aggregate(Period.QUARTER);
        Projection years = months.aggregate(Period.YEAR);
        assertThat(quarters.periods()).isEqualTo(8);
        assertThat(quarters.mso().get(0).period().label()).isEqualTo("2026-Q1");
        assertThat(quarters.mso().get(7).period().label()).isEqualTo("2027-Q4");
        assertThat(years.mso().get(1).period().label()).isEqualTo("2027");
        // Q1 2026 fee 3 × 30,000 = 90,000; year 2027 fee 12 × 30,900 = 370,800; collections 2027 = 1,320,000
        assertThat(quarters.practices().get(0).rows().get(0).fee()).isEqualTo(Money.of(90_000));
        assertThat(years.practices().get(0).rows().get(1).fee()).isEqualTo(Money.of(370_800));
        assertThat(years.practices().get(0).rows().get(1).collections()).isEqualTo(Money.of(1_320_000));
        assertThat(FeeProjector.DEFAULT.project(venture(2, MSO, managed("pc-a", PC_A, terms(Basis.FIXED, 30_000, "0.03", "0", "0"))),
                Period.YEAR)).isEqualTo(years);
    }

    @Test
    void labelsFollowTheProjectionWhenItStartsMidYear() {
        Venture v = venture(LocalDate.of(2026, 7, 1), 1, MSO, List.of(managed("pc-a", PC_A, FeeTerms.fixed(Money.of(1), BigDecimal.ZERO))));
        Projection years = FeeProjector.DEFAULT.project(v, Period.YEAR);
        assertThat(years.mso().get(0).period().label()).isEqualTo("2026-07..2027-06");
        assertThat(years.mso().get(0).period().end()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(FeeProjector.DEFAULT.project(v, Period.QUARTER).mso().get(0).period().label()).isEqualTo("2026-Q3");
    }

    @Test
    void metricsMeasureWhatTheFeeTakes() {
        // Fixed 45,000 a month against a profit before fee of 40,000 (year 1) and 46,000 (year 2):
        //   year 1 margin −5,000 each month (12 loss months); year 2 margin +1,000.
        //   fee 24 × 45,000 = 1,080,000; profit before fee 12 × 40,000 + 12 × 46,000 = 1,032,000
        //   fee share of profit 1,080,000 / 1,032,000 = 45/43 = 1.0465116279…
        //   collections 1,200,000 + 1,320,000 = 2,520,000; fee share 1,080,000 / 2,520,000 = 3/7 = 0.4285714286
        //   investor-referred revenue 25% × 2,520,000 = 630,000
        PracticeFeeMetrics m = monthly(FeeTerms.fixed(Money.of(45_000), BigDecimal.ZERO)).metrics().get(0);
        assertThat(m.practiceId()).isEqualTo("pc-a");
        assertThat(m.agreementId()).isEqualTo("msa-pc-a");
        assertThat(m.fee()).isEqualTo(Money.of(1_080_000));
        assertThat(m.profitBeforeFee()).isEqualTo(Money.of(1_032_000));
        assertThat(m.lossPeriods()).isEqualTo(12);
        assertThat(m.periods()).isEqualTo(24);
        assertThat(m.feeShareOfProfit()).isEqualByComparingTo("1.0465116279");
        assertThat(m.feeShareOfCollections()).isEqualByComparingTo("0.4285714286");
        assertThat(m.feeShareOfCollectionsExact()).isEqualTo(new org.apache.commons.math3.fraction.BigFraction(3, 7));
        assertThat(m.investorReferredRevenue()).isEqualTo(Money.of(630_000));
        assertThat(m.investorReferredShare()).isEqualByComparingTo("0.25");
        // By year the loss is counted once: year 1 margin 12 × −5,000 = −60,000
        PracticeFeeMetrics yearly = monthly(FeeTerms.fixed(Money.of(45_000), BigDecimal.ZERO)).aggregate(Period.YEAR).metrics().get(0);
        assertThat(yearly.lossPeriods()).isEqualTo(1);
        assertThat(yearly.periods()).isEqualTo(2);
    }
}
