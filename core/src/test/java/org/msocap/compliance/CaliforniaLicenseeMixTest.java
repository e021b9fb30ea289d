package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaliforniaLicenseeMixTest {

    private static Scenario psychologistHolding(long physician, long psychologist) {
        Scenario s = Scenario.in("CA").person(Scenario.licensee("psy-b", "psychologist", "CA"));
        return s.practiceShares("dr-a", physician).practiceShares("psy-b", psychologist);
    }

    @Test
    void listedLicenseesMayHoldAtMost49Percent() {
        assertThat(psychologistHolding(5100, 4900).findings("OWN-03")).isEmpty();
        assertThat(psychologistHolding(5099, 4901).findings("OWN-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("psy-b (psychologist)", "hold 49.01%", "the limit is 49%");
        });
    }

    @Test
    void listedLicenseesMayNotOutnumberPhysicians() {
        Scenario s = psychologistHolding(8000, 1000).person(Scenario.licensee("lcsw-c", "lcsw", "CA")).practiceShares("lcsw-c", 1000);
        assertThat(s.findings("OWN-03")).singleElement().satisfies(f -> assertThat(f.message()).contains("may not outnumber"));
    }

    @Test
    void unlistedProfessionsMayHoldNone() {
        Scenario s = Scenario.in("CA").person(Scenario.licensee("dds-b", "dentist", "CA")).practiceShares("dds-b", 10);
        assertThat(s.findings("OWN-03")).singleElement().satisfies(f -> assertThat(f.message()).contains("only as dentist"));
    }

    @Test
    void aPsychologyCorporationAppliesTheSameMixToPsychologists() {
        Scenario s = Scenario.in("CA").person(Scenario.licensee("psy-b", "psychologist", "CA"));
        s.profession = "psychologist";
        s.practiceShares.clear();
        s.practiceShares("psy-b", 5000).practiceShares("dr-a", 5000);
        assertThat(s.findings("OWN-03")).singleElement().satisfies(f -> assertThat(f.message()).contains("other than psychologists", "50%"));
        s.practiceShares("psy-b", 5100).practiceShares("dr-a", 4900);
        assertThat(s.findings("OWN-03")).isEmpty();
    }
}
