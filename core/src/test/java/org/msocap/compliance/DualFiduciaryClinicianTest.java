package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DualFiduciaryClinicianTest {

    @Test
    void aPracticeOwnerWhoDirectsTheMsoSitsOnBothSides() {
        Scenario s = new Scenario();
        s.msoDirectors.add("dr-a");
        assertThat(s.findings("COI-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).contains("shareholder and director of practice p1 and director of the MSO");
            assertThat(f.confidence()).isEqualTo(Confidence.LOW);
        });
        assertThat(new Scenario().findings("COI-02")).isEmpty();
    }

    @Test
    void itIsCriticalInOregonOnceSb951Applies() {
        Scenario s = Scenario.in("OR");
        s.holding("dr-a", "common", 100, "100");
        s.asOf = LocalDate.of(2026, 1, 1);
        assertThat(s.findings("COI-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("equity holder of the MSO");
        });
        s.asOf = LocalDate.of(2025, 12, 31);
        assertThat(s.findings("COI-02")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }
}
