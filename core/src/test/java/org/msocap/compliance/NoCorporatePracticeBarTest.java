package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoCorporatePracticeBarTest {

    @Test
    void marylandPhysicalTherapyIsInformational() {
        Scenario pt = Scenario.in("MD").person(Scenario.licensee("dr-a", "physical-therapist", "MD"));
        pt.profession = "physical-therapist";
        assertThat(pt.findings("PROF-03")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(Scenario.in("MD").findings("PROF-03")).isEmpty();
    }
}
