package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msocap.model.Person;

class ReferringClinicianInvestorTest {

    @Test
    void aReferringClinicianInvestorIsAskedForADisclosure() {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true));
        s.holding("dr-a", "common", 100, "100");
        assertThat(s.findings("COI-01")).singleElement().satisfies(f -> {
            assertThat(f.subjectId()).isEqualTo("dr-a");
            assertThat(f.message()).contains("no patient disclosure");
        });
    }

    @Test
    void nonReferringClinicianOrLayReferrerIsNot() {
        Scenario clinician = new Scenario();
        clinician.holding("dr-a", "common", 100, "100");
        assertThat(clinician.findings("COI-01")).isEmpty();
        Scenario lay = new Scenario().person(Person.lay("founder", "Fay Founder").withRefersPatients(true));
        assertThat(lay.findings("COI-01")).isEmpty();
    }
}
