package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DualPositionsOregonTest {

    @Test
    void aFounderDirectingBothSidesIsCriticalFromSb951() {
        Scenario s = Scenario.in("OR");
        s.msoDirectors.add("dr-a");
        s.asOf = LocalDate.of(2026, 1, 1);
        assertThat(s.findings("CTRL-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.subjectId()).isEqualTo("dr-a");
            assertThat(f.message()).contains("director of the MSO and director and president of practice p1", "owns 100%");
        });
        s.asOf = LocalDate.of(2025, 12, 31);
        assertThat(s.findings("CTRL-03")).isEmpty();
    }

    @Test
    void aMinorityPhysicianMayFitTheHb3410ExceptionAndIsReportedAsHighWithTheConditionsToVerify() {
        Scenario s = Scenario.in("OR").person(Scenario.physician("dr-b", "OR"));
        s.practiceShares("dr-a", 800).practiceShares("dr-b", 200);
        s.practiceDirectors.add("dr-b");
        s.msoDirectors.add("dr-b");
        assertThat(s.findings("CTRL-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("Verify: (1) the MSO role is unpaid", "(2) MSO actions affecting minority owners need a supermajority");
            assertThat(f.remediation()).startsWith("Document that the MSO role is unpaid");
        });
        s.practiceShares("dr-a", 750).practiceShares("dr-b", 250);
        assertThat(s.findings("CTRL-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("owns 25% of the practice (limit: under 25%)");
        });
    }

    @Test
    void nobodyOnBothSidesNoFinding() {
        assertThat(Scenario.in("OR").findings("CTRL-03")).isEmpty();
    }
}
