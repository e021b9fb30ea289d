package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.License;
import org.msocap.model.LicenseStatus;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * The findings and the conflict view say a PLLC's owners are members holding units, and every other form's shareholders
 * holding shares (the same scenario, only the practice's form differs). Rule ids, titles and citations stay.
 */
class PracticeOwnerWordsTest {

    /**
     * dr-a owns and directs the practice and holds and directs the MSO; a Texas transfer restriction; dr-a's license expires
     * between the model's date and the check's, so LIC-01 names dr-a's roles.
     */
    private static ComplianceReport check(Practice.Form form) {
        Scenario s = Scenario.in("TX");
        s.practiceForm = form;
        s.msoDirectors.add("dr-a");
        s.holding("dr-a", "common", 100, "100");
        s.transferRestriction = new Practice.TransferRestriction(true, true, null);
        s.person(Person.clinician("dr-a", "Dr dr-a", new License("physician", "TX", LicenseStatus.ACTIVE, LocalDate.of(2026, 6, 30))));
        return ComplianceChecker.DEFAULT.check(s.build(), LocalDate.of(2026, 7, 1), FeeMetricsSource.NONE);
    }

    private static List<String> messages(ComplianceReport report, String ruleId) {
        return report.forRule(ruleId).stream().map(Finding::message).toList();
    }

    @Test
    void aPllcsOwnersAreMembersHoldingUnits() {
        ComplianceReport pllc = check(Practice.Form.PLLC);
        assertThat(messages(pllc, "COI-02")).singleElement().asString().contains("dr-a is member and director of practice p1");
        assertThat(messages(pllc, "CTRL-04")).singleElement().asString().contains("the transfer restriction on practice p1's units "
                + "says the MSO designates who receives the units, the MSO may call the units at will (TX)");
        assertThat(messages(pllc, "LIC-01")).singleElement().asString().contains("dr-a is member of p1");
        assertThat(pllc.conflicts()).singleElement().satisfies(c -> assertThat(c.practiceRoles()).contains("p1 member (100%)"));
    }

    @Test
    void everyOtherFormsOwnersAreShareholdersHoldingShares() {
        for (Practice.Form form : List.of(Practice.Form.PC, Practice.Form.PA, Practice.Form.PSC, Practice.Form.MEDICAL_CORPORATION)) {
            ComplianceReport report = check(form);
            assertThat(messages(report, "COI-02")).as(form.id()).singleElement().asString()
                    .contains("dr-a is shareholder and director of practice p1");
            assertThat(messages(report, "CTRL-04")).as(form.id()).singleElement().asString().contains("the transfer restriction on "
                    + "practice p1's shares says the MSO designates who receives the shares, the MSO may call the shares at will (TX)");
            assertThat(messages(report, "LIC-01")).as(form.id()).singleElement().asString().contains("dr-a is shareholder of p1");
            assertThat(report.conflicts()).as(form.id()).singleElement()
                    .satisfies(c -> assertThat(c.practiceRoles()).contains("p1 shareholder (100%)"));
        }
    }

    @Test
    void theRuleAndItsCitationAreTheSameWhateverTheForm() {
        Finding pllc = check(Practice.Form.PLLC).forRule("CTRL-04").get(0);
        Finding pc = check(Practice.Form.PC).forRule("CTRL-04").get(0);
        assertThat(pllc.ruleId()).isEqualTo(pc.ruleId());
        assertThat(pllc.citation()).isEqualTo(pc.citation());
        assertThat(pllc.severity()).isEqualTo(pc.severity());
    }
}
