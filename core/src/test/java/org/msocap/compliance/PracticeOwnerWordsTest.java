package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /** A New York practice a nurse practitioner co-owns: OWN-01, whose title and remediation name the owners and equity. */
    private static Finding nurseCoOwner(Practice.Form form) {
        Scenario s = Scenario.in("NY").person(Scenario.licensee("np-b", "nurse-practitioner", "NY")).practiceShares("np-b", 1000);
        s.practiceForm = form;
        return s.check().forRule("OWN-01").get(0);
    }

    @Test
    void aPllcsFindingsTitleAndRemediationSayMembersAndUnits() {
        Finding own = nurseCoOwner(Practice.Form.PLLC);
        assertThat(own.title()).isEqualTo("Practice member not actively licensed in the practice's profession in its state "
                + "(licensee-only state)");
        assertThat(own.remediation()).isEqualTo("Transfer the units to licensees of the practice's profession (or a permitted "
                + "co-owner profession) in the practice's state.");
        Finding restriction = check(Practice.Form.PLLC).forRule("CTRL-04").get(0);
        assertThat(restriction.title()).isEqualTo("Stock transfer restriction lets the MSO direct or restrict transfers of practice units");
        for (Practice.Form form : List.of(Practice.Form.PC, Practice.Form.PA, Practice.Form.PSC, Practice.Form.MEDICAL_CORPORATION)) {
            Finding corporate = nurseCoOwner(form);
            assertThat(corporate.title()).as(form.id()).startsWith("Practice shareholder not actively licensed");
            assertThat(corporate.remediation()).as(form.id()).startsWith("Transfer the shares to licensees");
            assertThat(check(form).forRule("CTRL-04").get(0).title()).as(form.id()).endsWith("transfers of practice shares");
        }
    }

    /** The catalog itself, and findings about anything but a practice, keep a professional corporation's words. */
    @Test
    void theCatalogSaysShareholdersAndShares() {
        Rule own = RuleCatalog.DEFAULT.rule("OWN-01");
        assertThat(own.title()).startsWith("Practice shareholder not actively licensed").doesNotContain("{");
        assertThat(own.remediationFor("minority")).isEqualTo("Bring the co-owner professions' shares together below half (the "
                + "practice's own profession keeps the majority).");
        assertThat(own.titleFor(org.msocap.model.EquityTerms.LLC)).startsWith("Practice member not actively licensed");
        assertThat(check(Practice.Form.PLLC).forRule("LIC-01").get(0).remediation()).doesNotContain("{", "shares", "units");
    }

    @Test
    void aCatalogPlaceholderThatNamesNoWordIsRefused() {
        Rule own = RuleCatalog.DEFAULT.rule("OWN-01");
        assertThatThrownBy(() -> new Rule("X-01", "The {owner} holds too much", own.severity(), own.jurisdictions(), null, null,
                null, "", List.of(), own.citation(), Map.of(), own.confidence(), "Fix it.", Map.of(), Map.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{owner}");
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
