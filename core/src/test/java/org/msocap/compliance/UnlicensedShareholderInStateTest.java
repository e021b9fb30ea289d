package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnlicensedShareholderInStateTest {

    @Test
    void aStrongStateShareholderLicensedOnlyElsewhereIsCritical() {
        Scenario s = Scenario.in("NY").person(Scenario.physician("dr-b", "NJ")).practiceShares("dr-b", 500);
        assertThat(s.findings("CPOM-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("dr-b holds 33.3% of practice p1", "no active license issued by NY");
            assertThat(f.involves()).containsExactly("dr-b");
        });
        Scenario licensedThere = Scenario.in("NY").person(Scenario.physician("dr-b", "NY")).practiceShares("dr-b", 500);
        assertThat(licensedThere.findings("CPOM-01")).isEmpty();
    }

    @Test
    void aLicenseThatLapsesBeforeTheCheckDateLeavesTheShareholderUnlicensed() {
        Scenario s = Scenario.in("NY").person(org.msocap.model.Person.clinician("dr-b", "Dr B",
                new org.msocap.model.License("physician", "NY", org.msocap.model.LicenseStatus.ACTIVE, java.time.LocalDate.of(2026, 6, 30))));
        s.practiceShares("dr-b", 500);
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), java.time.LocalDate.of(2026, 6, 30), FeeMetricsSource.NONE)
                .forRule("CPOM-01")).isEmpty();
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), java.time.LocalDate.of(2026, 7, 1), FeeMetricsSource.NONE)
                .forRule("CPOM-01")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no license of theirs is active on 2026-07-01"));
    }

    @Test
    void aModerateStateGivesHighUnderCpom02() {
        Scenario s = Scenario.in("PA").person(Scenario.physician("dr-b", "NJ")).practiceShares("dr-b", 500);
        assertThat(s.findings("CPOM-02")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(s.findings("CPOM-01")).isEmpty();
        assertThat(Scenario.in("PA").findings("CPOM-02")).isEmpty();
    }

    @Test
    void tennesseeAcceptsPhysiciansLicensedInAnyState() {
        Scenario s = Scenario.in("TN").person(Scenario.physician("dr-b", "GA")).practiceShares("dr-b", 500);
        assertThat(s.findings("CPOM-01")).isEmpty();
    }

    @Test
    void statesWithoutTheDoctrineAreNotJudged() {
        Scenario s = new Scenario().person(Scenario.physician("dr-b", "GA")).practiceShares("dr-b", 500);
        assertThat(s.findings("CPOM-01")).isEmpty();
        assertThat(s.findings("CPOM-02")).isEmpty();
    }
}
