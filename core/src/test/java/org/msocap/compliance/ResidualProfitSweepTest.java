package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.fees.PracticeFeeMetrics;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.money.Money;

class ResidualProfitSweepTest {

    /** Collections 1,000,000; clinician pay 40%; other costs 100,000: profit before the fee is 500,000. */
    private static Scenario texas(long monthlyFee) {
        Scenario s = Scenario.in("TX");
        s.fee = FeeTerms.fixed(Money.of(monthlyFee), BigDecimal.ZERO);
        s.financials = new Financials(LocalDate.of(2026, 1, 1), 5, Map.of("p1", new Financials.PracticeFinancials(
                Money.of(1_000_000), BigDecimal.ZERO, new BigDecimal("0.40"), Money.of(100_000), BigDecimal.ZERO)), null);
        return s;
    }

    @Test
    void aResidualBasisIsReported() {
        Scenario s = Scenario.in("TX");
        s.fee = new FeeTerms(FeeTerms.Basis.RESIDUAL, null, null, null, null);
        assertThat(s.findings("FEE-03")).singleElement().satisfies(f -> assertThat(f.message()).contains("residual fee"));
    }

    @Test
    void aFeeReachingAllProfitSweepsIt() {
        // 41,667 a month = 500,004 a year, just over the 500,000 profit.
        assertThat(texas(41_667).findings("FEE-03")).singleElement().satisfies(f ->
                assertThat(f.message()).contains("(500,004.00)", "(500,000.00)", "sweeps all"));
    }

    @Test
    void aLayOwnedMsoKeepingMoreThanHalfIsReportedAndHalfIsNot() {
        // 25,000 a month = 300,000 = 60% of profit; the founder (lay) owns the MSO.
        assertThat(texas(25_000).findings("FEE-03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("is 60% of the practice's profit", "a majority"));
        // 250,000 a year: exactly half is not a majority.
        assertThat(texas(20_833).findings("FEE-03")).isEmpty();
    }

    @Test
    void anLlcMsosOwnershipIsInUnits() {
        Scenario corporation = texas(25_000);
        corporation.msoForm = org.msocap.model.Mso.Form.C_CORP;
        assertThat(corporation.findings("FEE-03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("of the MSO's shares outstanding"));
        Scenario llc = texas(25_000);
        llc.msoForm = org.msocap.model.Mso.Form.LLC;
        assertThat(llc.findings("FEE-03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("of the MSO's units outstanding").doesNotContain("shares"));
    }

    @Test
    void theProjectionsMeasureWinsOverTheEstimate() {
        Scenario s = texas(10_000);
        PracticeFeeMetrics sweeping = new PracticeFeeMetrics("p1", "msa", Money.of(5_000_000), Money.of(2_500_000),
                Money.of(2_500_000), BigDecimal.ONE, new BigDecimal("0.5"), 0, 5, Money.ZERO);
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), s.asOf, FeeMetricsSource.of(List.of(sweeping))).forRule("FEE-03"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("over the 5-period fee projection"));
        assertThat(s.findings("FEE-03")).isEmpty();
    }
}
