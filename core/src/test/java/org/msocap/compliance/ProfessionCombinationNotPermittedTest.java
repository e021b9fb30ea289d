package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfessionCombinationNotPermittedTest {

    @Test
    void illinoisPhysicianPracticesMayIncludeOnlyListedProfessions() {
        Scenario podiatrist = Scenario.in("IL").person(Scenario.licensee("dpm-b", "podiatrist", "IL")).practiceShares("dpm-b", 100);
        assertThat(podiatrist.findings("OWN-04")).isEmpty();
        Scenario chiropractor = Scenario.in("IL").person(Scenario.licensee("dc-b", "chiropractor", "IL")).practiceShares("dc-b", 100);
        assertThat(chiropractor.findings("OWN-04")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("dc-b (chiropractor)", "podiatrist");
        });
    }

    @Test
    void washingtonTherapistsOwnOnlyWithinTheirField() {
        Scenario pt = Scenario.in("WA").person(Scenario.licensee("pt-b", "physical-therapist", "WA")).practiceShares("pt-b", 100);
        assertThat(pt.findings("OWN-04")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("may own only entities of their own profession"));
        Scenario np = Scenario.in("WA").person(Scenario.licensee("np-b", "nurse-practitioner", "WA")).practiceShares("np-b", 100);
        assertThat(np.findings("OWN-04")).as("the research gives no Washington list to judge a nurse by").isEmpty();
    }
}
