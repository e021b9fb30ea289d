package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.ExitScenario;
import org.msocap.model.Financials;
import org.msocap.money.Money;

class TransactionNoticeTest {

    private static ExitScenario sale(LocalDate date) {
        return new ExitScenario("Strategic sale", date, Money.of(40_000_000), null, null, null, null, null, null, false);
    }

    @Test
    void aSaleOfAnMsoManagingACaliforniaPracticeNeedsOhcaNotice() {
        Scenario s = Scenario.in("CA");
        s.exits.add(sale(LocalDate.of(2026, 6, 30)));
        assertThat(s.findings("TXN-02")).filteredOn(f -> f.subjectKind() == SubjectKind.EXIT).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("file the notice by 2026-04-01 (90 days before closing)",
                    "the research gives no revenue threshold for OHCA notices: verify");
        });
    }

    @Test
    void theMsoEnteringItsAgreementWithACaliforniaPracticeIsATransactionFrom2026() {
        Scenario s = Scenario.in("CA");
        s.asOf = LocalDate.of(2025, 12, 31);
        assertThat(s.findings("TXN-02")).as("the day before AB 1415").isEmpty();
        s.asOf = LocalDate.of(2026, 1, 1);
        assertThat(s.findings("TXN-02")).singleElement().satisfies(f -> {
            assertThat(f.subjectKind()).isEqualTo(SubjectKind.AGREEMENT);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("agreement msa has the MSO managing California practice p1",
                    "no date the agreement was entered, verify it", "verify whether the parties meet OHCA's notice thresholds");
        });
        CheckOptions formed = new CheckOptions(Map.of("p1", LocalDate.of(2026, 1, 1)));
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), s.asOf, FeeMetricsSource.NONE, formed).forRule("TXN-02"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("p1 was formed 2026-01-01, so it was"));
        assertThat(Scenario.in("NV").findings("TXN-02")).isEmpty();
    }

    @Test
    void aSaleClosingBeforeAb1415AppliesDoesNot() {
        Scenario s = Scenario.in("CA");
        s.asOf = LocalDate.of(2025, 11, 1);
        s.exits.add(sale(LocalDate.of(2025, 12, 31)));
        assertThat(s.findings("TXN-02")).isEmpty();
        s.exits.set(0, sale(LocalDate.of(2026, 1, 1)));
        assertThat(s.findings("TXN-02")).filteredOn(f -> f.subjectKind() == SubjectKind.EXIT).hasSize(1);
    }

    @Test
    void massachusettsNoticeDependsOnRevenueAboveTwentyFiveMillion() {
        Scenario over = massachusetts(25_000_001);
        assertThat(over.findings("TXN-01")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("25,000,001.00 (threshold 25,000,000.00)", "by 2026-10-02 (60 days before closing)"));
        assertThat(massachusetts(25_000_000).findings("TXN-01")).isEmpty();
    }

    private static Scenario massachusetts(long collections) {
        Scenario s = Scenario.in("MA");
        s.financials = new Financials(LocalDate.of(2026, 1, 1), 5, Map.of("p1", new Financials.PracticeFinancials(
                Money.of(collections), BigDecimal.ZERO, new BigDecimal("0.4"), Money.ZERO, BigDecimal.ZERO)), null);
        s.exits.add(sale(LocalDate.of(2026, 12, 1)));
        return s;
    }
}
