package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.Person;

class MsoControlOfClinicalDecisionsTest {

    private static Scenario with(String state, String... controls) {
        Scenario s = Scenario.in(state);
        s.msoControls = List.of(controls);
        return s;
    }

    @Test
    void codingControlInACorporatePracticeStateIsHigh() {
        assertThat(with("NY", "coding").findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("coding (diagnostic coding decisions)");
        });
        assertThat(with("NY").findings("CTRL-01")).isEmpty();
        assertThat(with("FL", "coding").findings("CTRL-01")).as("Florida has no corporate-practice doctrine").isEmpty();
        assertThat(with("NY", "catering").findings("CTRL-01")).as("decisions outside the research's lists").isEmpty();
    }

    @Test
    void oregonBecomesCriticalOnTheDaySb951Applies() {
        Scenario before = with("OR", "coding");
        before.asOf = LocalDate.of(2025, 12, 31);
        assertThat(before.findings("CTRL-01")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        Scenario on = with("OR", "coding");
        on.asOf = LocalDate.of(2026, 1, 1);
        assertThat(on.findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("Assumes the MSO and p1 formed after 2025-06-09");
        });
    }

    @Test
    void existingOregonEntitiesGetTheGracePeriodUntil2029() {
        Scenario s = with("OR", "coding");
        s.asOf = LocalDate.of(2028, 12, 31);
        CheckOptions existing = new CheckOptions(Map.of(CheckOptions.MSO, LocalDate.of(2020, 1, 1), "p1", LocalDate.of(2020, 1, 1)));
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), s.asOf, FeeMetricsSource.NONE, existing).forRule("CTRL-01"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        LocalDate graceEnds = LocalDate.of(2029, 1, 1);
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), graceEnds, FeeMetricsSource.NONE, existing).forRule("CTRL-01"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.message()).doesNotContain("Assumes");
                });
    }

    @Test
    void oregonEscalatesOnlyForDecisionsOnTheSb951List() {
        assertThat(with("OR", "equipment").findings("CTRL-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void californiaIsCriticalWhenPrivateEquityInvestsFromSb351() {
        Scenario s = with("CA", "payer-contracting");
        assertThat(s.findings("CTRL-01")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        s.person(Person.entity("pe-fund", "Harbor Capital Partners IV, LP").withPrivateEquity(true));
        s.holding("pe-fund", "common", 4000, "4000");
        assertThat(s.findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("private-equity investors (pe-fund)");
        });
        s.asOf = LocalDate.of(2025, 12, 31);
        assertThat(s.findings("CTRL-01")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }
}
