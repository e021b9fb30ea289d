package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalServicesSafeHarborFormTest {

    @Test
    void aTermOfAtLeastTwelveMonthsIsNeeded() {
        Scenario s = new Scenario();
        s.termMonths = 11;
        assertThat(s.findings("FEE-06")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).contains("a term of 11 months");
        });
        s.termMonths = 12;
        assertThat(s.findings("FEE-06")).isEmpty();
    }

    @Test
    void unsignedAndUnspecifiedAreGapsAndReferringInvestorsMakeItHigh() {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true));
        s.holding("dr-a", "common", 100, "100");
        s.signed = false;
        s.services = List.of();
        assertThat(s.findings("FEE-06")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("not signed", "no services specified", "(dr-a)");
        });
    }

    @Test
    void theFormRequirementsApplyBeforeAndAfterThe2021Amendment() {
        Scenario s = new Scenario();
        s.signed = false;
        s.asOf = LocalDate.of(2021, 1, 18);
        assertThat(s.findings("FEE-06")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("not signed", "before 2021-01-19 the safe harbor also required the aggregate compensation"));
        s.asOf = LocalDate.of(2021, 1, 19);
        assertThat(s.findings("FEE-06")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("not signed").doesNotContain("aggregate compensation"));
        s.signed = true;
        s.asOf = LocalDate.of(2021, 1, 18);
        assertThat(s.findings("FEE-06")).isEmpty();
    }
}
