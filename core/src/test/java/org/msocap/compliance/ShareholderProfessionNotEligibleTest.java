package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShareholderProfessionNotEligibleTest {

    @Test
    void aNurseHoldingNewYorkMedicalPracticeSharesIsCritical() {
        Scenario s = Scenario.in("NY").person(Scenario.licensee("np-b", "nurse-practitioner", "NY")).practiceShares("np-b", 1000);
        assertThat(s.findings("OWN-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("np-b holds 50%", "only as nurse-practitioner", "eligible owners there: physician");
        });
        Scenario physician = Scenario.in("NY").person(Scenario.physician("dr-b", "NY")).practiceShares("dr-b", 1000);
        assertThat(physician.findings("OWN-01")).isEmpty();
    }

    @Test
    void texasPermitsPodiatristCoOwners() {
        Scenario s = Scenario.in("TX").person(Scenario.licensee("dpm-b", "podiatrist", "TX")).practiceShares("dpm-b", 1000);
        assertThat(s.findings("OWN-01")).isEmpty();
        Scenario dentist = Scenario.in("TX").person(Scenario.licensee("dds-b", "dentist", "TX")).practiceShares("dds-b", 1000);
        assertThat(dentist.findings("OWN-01")).hasSize(1);
    }

    @Test
    void texasPhysicianAssistantsMustStayAMinority() {
        Scenario half = Scenario.in("TX").person(Scenario.licensee("pa-b", "physician-assistant", "TX")).practiceShares("pa-b", 1000);
        assertThat(half.findings("OWN-01"))
                .anySatisfy(f -> assertThat(f.message()).contains("hold 50%", "must hold a minority"));
        Scenario below = Scenario.in("TX").person(Scenario.licensee("pa-b", "physician-assistant", "TX")).practiceShares("pa-b", 999);
        assertThat(below.findings("OWN-01")).isEmpty();
    }

    @Test
    void eachTexasPhysicianAssistantOwnsLessThanEveryPhysician() {
        Scenario equal = Scenario.in("TX").person(Scenario.physician("dr-b", "TX"))
                .person(Scenario.licensee("pa-c", "physician-assistant", "TX"));
        equal.practiceShares("dr-b", 300).practiceShares("pa-c", 300);
        assertThat(equal.findings("OWN-01")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("pa-c (physician-assistant) holds 300 shares", "not less than the 300"));
        equal.practiceShares("pa-c", 299);
        assertThat(equal.findings("OWN-01")).isEmpty();
    }
}
