package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhysicianMajorityAndOfficersTest {

    private static Scenario oregon(long physicianShares, long nurseShares) {
        Scenario s = Scenario.in("OR").person(Scenario.licensee("np-b", "nurse-practitioner", "OR"));
        s.practiceShares("dr-a", physicianShares).practiceShares("np-b", nurseShares);
        return s;
    }

    @Test
    void oregonPhysiciansNeedAMajorityOfShares() {
        assertThat(oregon(500, 500).findings("OWN-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("physicians hold 50% of practice p1's shares");
        });
        assertThat(oregon(501, 500).findings("OWN-02")).isEmpty();
    }

    @Test
    void oregonPhysiciansNeedAMajorityOfDirectors() {
        Scenario s = oregon(900, 100);
        s.practiceDirectors.add("np-b");
        assertThat(s.findings("OWN-02")).singleElement().satisfies(f -> assertThat(f.message()).contains("1 of 2 directors"));
    }

    @Test
    void onlySecretaryAndTreasurerMayBeHeldByOthersInOregon() {
        Scenario treasurer = oregon(900, 100);
        treasurer.practiceOfficers.put("treasurer", "np-b");
        assertThat(treasurer.findings("OWN-02")).isEmpty();
        Scenario vice = oregon(900, 100);
        vice.practiceOfficers.put("vice-president", "np-b");
        // A licensee of another profession as officer is a profession mismatch: OWN-05 (high), not OWN-02.
        assertThat(vice.findings("OWN-02")).isEmpty();
        assertThat(vice.findings("OWN-05")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("np-b is vice-president", "licensed in OR only as nurse-practitioner");
            assertThat(f.citation().text()).isEqualTo("ORS 58.375");
        });
    }

    @Test
    void anOregonOfficerWithNoOregonLicenseIsOwn02WithAnOfficerRemediation() {
        Scenario s = oregon(900, 100).person(Scenario.physician("dr-c", "WA"));
        s.practiceOfficers.put("vice-president", "dr-c");
        assertThat(s.findings("OWN-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("dr-c is vice-president", "holds no Oregon license");
            assertThat(f.remediation()).startsWith("Give the office to an eligible physician").doesNotContain("majorities");
        });
        assertThat(s.findings("OWN-05")).isEmpty();
    }

    @Test
    void tennesseeOfficersOtherThanSecretaryAndTreasurerArePhysicians() {
        Scenario s = Scenario.in("TN").person(Scenario.licensee("rn-b", "registered-nurse", "TN"));
        s.practiceOfficers.put("secretary", "rn-b");
        assertThat(s.findings("OWN-02")).isEmpty();
        s.practiceOfficers.put("president", "rn-b");
        assertThat(s.findings("OWN-02")).isEmpty();
        assertThat(s.findings("OWN-05")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("rn-b is president");
            assertThat(f.citation().text()).isEqualTo("TN R. 0880-02-.20(1)(c)");
        });
    }
}
