package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.fees.PracticeFeeMetrics;
import org.msocap.model.Financials;
import org.msocap.money.Money;

class RevenueTestTest {

    private static Scenario referred(String fraction) {
        Scenario s = new Scenario();
        s.financials = new Financials(LocalDate.of(2026, 1, 1), 5, Map.of("p1", new Financials.PracticeFinancials(
                Money.of(2_000_000), BigDecimal.ZERO, new BigDecimal("0.40"), Money.ZERO, new BigDecimal(fraction))), null);
        return s;
    }

    @Test
    void exactlyFortyPercentOfRevenuePasses() {
        assertThat(referred("0.40").findings("AKS-02")).isEmpty();
    }

    @Test
    void moreThanFortyPercentFails() {
        assertThat(referred("0.4001").findings("AKS-02")).singleElement().satisfies(f -> {
            assertThat(f.subjectKind()).isEqualTo(SubjectKind.MSO);
            assertThat(f.message()).contains("800,200.00 of 2,000,000.00 collections in the first year", "40.01%");
        });
    }

    @Test
    void theFeeProjectionIsPreferredWhenGiven() {
        Scenario s = referred("0.10");
        PracticeFeeMetrics metrics = new PracticeFeeMetrics("p1", "msa", Money.of(10_000_000), Money.of(1_000_000),
                Money.of(5_000_000), new BigDecimal("0.2"), new BigDecimal("0.1"), 0, 5, Money.of(4_500_000));
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), s.asOf, FeeMetricsSource.of(List.of(metrics))).forRule("AKS-02"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("over the fee projection", "45%"));
    }
}
