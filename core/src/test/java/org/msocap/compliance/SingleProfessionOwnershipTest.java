package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingleProfessionOwnershipTest {

    @Test
    void aCaliforniaPhysicalTherapyCorporationIsOwnedByTherapistsOnly() {
        Scenario s = Scenario.in("CA").person(Scenario.licensee("dr-a", "physical-therapist", "CA"));
        s.profession = "physical-therapist";
        assertThat(s.findings("PROF-02")).isEmpty();
        s.person(Scenario.licensee("dc-b", "chiropractor", "CA")).practiceShares("dc-b", 100);
        assertThat(s.findings("PROF-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("dc-b (chiropractor)", "only physical-therapist licensees");
        });
    }
}
