package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * A practice listed without its shareholders made the ownership tests divide by zero (Texas, then California): such
     * an entity cannot exist, so the model refuses it on reading, at the field, and no rule ever sees it.
     */
    @Test
    void aPracticeWithoutShareholdersIsRefusedOnReading() {
        String file = """
                msocap: 1
                venture: No owners
                asOf: 2026-01-15
                people:
                  - {id: a, name: A}
                mso:
                  name: X LLC
                  state: DE
                  classes:
                    - {id: common, type: common}
                  holdings:
                    - {holder: a, class: common, shares: 100}
                practices:
                  - {id: pc, name: Doc PLLC, state: %s, form: pllc%s}
                """;
        // A PLLC's owners are its members, whichever list the file writes them in.
        String expected = "no-owners.yaml:14:%d: practices[0]%s: practice pc has no members: a professional entity is owned "
                + "by licensees of its profession, so list at least one (a person with an active license)";
        for (String state : new String[] {"TX", "CA"}) {
            assertThatThrownBy(() -> org.msocap.io.VentureReader.read(file.formatted(state, ", shareholders: []"), "no-owners.yaml"))
                    .isInstanceOf(org.msocap.io.InvalidModelException.class).hasMessage(expected.formatted(67, ".shareholders"));
        }
        assertThatThrownBy(() -> org.msocap.io.VentureReader.read(file.formatted("TX", ""), "no-owners.yaml"))
                .isInstanceOf(org.msocap.io.InvalidModelException.class).hasMessage(expected.formatted(5, ".shareholders"));
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

    @Test
    void aShareholderLicensedOnlyInAnotherStateIsOwn01NotCpom() {
        Scenario s = Scenario.in("NY").person(Scenario.physician("dr-b", "NJ")).practiceShares("dr-b", 500);
        assertThat(s.findings("OWN-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("dr-b holds 33.3% of physician practice p1", "no active license issued by NY",
                    "licensed as physician elsewhere");
            assertThat(f.citation().text()).isEqualTo("BCL 1507");
            assertThat(f.involves()).containsExactly("dr-b");
        });
        assertThat(s.findings("CPOM-01")).isEmpty();
        Scenario licensedThere = Scenario.in("NY").person(Scenario.physician("dr-b", "NY")).practiceShares("dr-b", 500);
        assertThat(licensedThere.findings("OWN-01")).isEmpty();
    }

    @Test
    void cpom01And02AreNotCheckedBecauseTheModelHasNoLayOwnedPractice() {
        assertThat(RuleCatalog.DEFAULT.rule("CPOM-01").isChecked()).isFalse();
        assertThat(RuleCatalog.DEFAULT.rule("CPOM-02").isChecked()).isFalse();
        assertThat(RuleCatalog.DEFAULT.rule("CPOM-01").citation().text()).doesNotContain("state table");
        assertThat(RuleCatalog.DEFAULT.rule("CPOM-02").citation().text()).doesNotContain("state table");
    }

    @Test
    void tennesseeAcceptsPhysiciansLicensedInAnyState() {
        Scenario s = Scenario.in("TN").person(Scenario.physician("dr-b", "GA")).practiceShares("dr-b", 500);
        assertThat(s.findings("OWN-01")).isEmpty();
    }

    @Test
    void statesOutsideTheRuleAreNotJudged() {
        Scenario s = new Scenario().person(Scenario.physician("dr-b", "GA")).practiceShares("dr-b", 500);
        assertThat(s.check().findings()).noneMatch(f -> f.ruleId().startsWith("OWN") || f.ruleId().startsWith("CPOM"));
    }

    @Test
    void coloradoAndNewYorkSingleProfessionMismatchesArePROF02HighNotOwn01() {
        Scenario co = Scenario.in("CO").person(Scenario.licensee("pt-a", "physical-therapist", "CO"))
                .person(Scenario.licensee("dc-b", "chiropractor", "CO"));
        co.profession = "physical-therapist";
        co.practiceShares.clear();
        co.practiceShares("pt-a", 600).practiceShares("dc-b", 400);
        co.practiceDirectors.clear();
        co.practiceOfficers.clear();
        assertThat(co.findings("OWN-01")).isEmpty();
        assertThat(co.findings("PROF-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("dc-b (chiropractor) holds 40%");
            assertThat(f.citation().text()).isEqualTo("C.R.S. 12-285-131, 12-215-124");
        });
        Scenario ny = Scenario.in("NY").person(Scenario.licensee("dc-a", "chiropractor", "NY"))
                .person(Scenario.licensee("pt-b", "physical-therapist", "NY"));
        ny.profession = "chiropractor";
        ny.practiceShares.clear();
        ny.practiceShares("dc-a", 600).practiceShares("pt-b", 400);
        ny.practiceDirectors.clear();
        ny.practiceOfficers.clear();
        assertThat(ny.findings("OWN-01")).isEmpty();
        assertThat(ny.findings("PROF-02")).singleElement()
                .satisfies(f -> assertThat(f.citation().text()).isEqualTo("BCL 1503, 1506"));
        ny.practiceShares.remove("pt-b");
        assertThat(ny.findings("PROF-02")).isEmpty();
    }

    @Test
    void newJerseyMixesAreVerifiedAndPhysiciansKeepTheMajority() {
        Scenario minority = Scenario.in("NJ").person(Scenario.licensee("dc-b", "chiropractor", "NJ")).practiceShares("dc-b", 999);
        assertThat(minority.findings("OWN-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("verify that chiropractor may co-own it");
        });
        Scenario half = Scenario.in("NJ").person(Scenario.licensee("dc-b", "chiropractor", "NJ")).practiceShares("dc-b", 1000);
        assertThat(half.findings("OWN-01")).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("licensees other than physicians", "hold 50%", "must hold a minority");
        });
    }

    @Test
    void aCaliforniaShareholderWithNoCaliforniaLicenseMayNotOwnTheMedicalCorporation() {
        Scenario s = Scenario.in("CA").person(Scenario.physician("dr-b", "NV")).practiceShares("dr-b", 500);
        assertThat(s.findings("OWN-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("dr-b holds 33.3%", "has no active California license", "licensed as physician elsewhere");
        });
        assertThat(Scenario.in("CA").person(Scenario.physician("dr-b", "CA")).practiceShares("dr-b", 500).findings("OWN-03")).isEmpty();
    }
}
