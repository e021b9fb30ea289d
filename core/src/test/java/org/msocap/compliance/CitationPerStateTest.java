package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;

/** A state finding cites that state's law or federal law only, or says the research names none (item 12). */
class CitationPerStateTest {

    private static Scenario referringInvestor(String state) {
        Scenario s = Scenario.in(state);
        s.person(Scenario.physician("dr-a", state).withRefersPatients(true));
        s.holding("dr-a", "common", 1000, "1000");
        return s;
    }

    @Test
    void coi01CitesCaliforniaLawOnlyForCaliforniaClinicians() {
        for (String state : List.of("GA", "NJ", "TX", "VA")) {
            assertThat(referringInvestor(state).findings("COI-01")).as(state).singleElement().satisfies(f -> {
                assertThat(f.citation().text()).isEqualTo("AMA Op. 8.0321 (9.6.9)");
                assertThat(f.citation().text()).doesNotContain("B&P");
            });
        }
        assertThat(referringInvestor("CA").findings("COI-01")).singleElement()
                .satisfies(f -> assertThat(f.citation().text()).startsWith("CA B&P 650.01/654.2 (verify)"));
    }

    @Test
    void coi02CitesSb951OnlyInOregon() {
        assertThat(referringInvestor("TX").findings("COI-02")).singleElement()
                .satisfies(f -> assertThat(f.citation().text()).isEqualTo("corporate fiduciary duty (general)"));
        assertThat(referringInvestor("OR").findings("COI-02")).singleElement()
                .satisfies(f -> assertThat(f.citation().text()).isEqualTo("SB 951; corporate fiduciary duty (general)"));
    }

    @Test
    void aStateTheRuleNamesWithoutAnAuthorityOfItsOwnIsSaidPlainly() {
        Scenario ca = Scenario.in("CA");
        ca.fee = new FeeTerms(FeeTerms.Basis.RESIDUAL, null, null, null, null);
        assertThat(ca.findings("FEE-03")).singleElement().satisfies(f -> {
            assertThat(f.citation().text()).isEqualTo("the research names no California-specific authority for FEE-03");
            assertThat(f.citation().text()).doesNotContain("650(b)", "state table");
        });
        Scenario nj = Scenario.in("NJ");
        nj.transferRestriction = new org.msocap.model.Practice.TransferRestriction(true, false, null);
        assertThat(nj.findings("CTRL-04")).singleElement().satisfies(f -> assertThat(f.citation().text())
                .isEqualTo("the research names no New Jersey-specific authority for CTRL-04"));
        Scenario il = Scenario.in("IL").person(Scenario.licensee("pt-b", "physical-therapist", "IL")).practiceShares("pt-b", 100);
        assertThat(il.findings("OWN-04")).singleElement().satisfies(f -> assertThat(f.citation().text())
                .isEqualTo("the research names no Illinois-specific authority for OWN-04").doesNotContain("22.2"));
    }

    @Test
    void ctrl01CitesEachStatesOwnAuthorityWhereTheResearchGivesOne() {
        Scenario tx = Scenario.in("TX");
        tx.msoControls = List.of("treatment");
        assertThat(tx.findings("CTRL-01")).singleElement()
                .satisfies(f -> assertThat(f.citation().text()).isEqualTo("Flynn Bros. (Tex. App. 1986)"));
        Scenario oh = Scenario.in("OH");
        oh.msoControls = List.of("treatment");
        assertThat(oh.findings("CTRL-01")).singleElement()
                .satisfies(f -> assertThat(f.citation().text()).isEqualTo("SMBO 2012 position statement"));
        Scenario ks = Scenario.in("KS");
        ks.msoControls = List.of("treatment");
        assertThat(ks.findings("CTRL-01")).singleElement()
                .satisfies(f -> assertThat(f.citation().text()).isEqualTo("the research names no KS-specific authority for CTRL-01"));
    }

    @Test
    void ownershipRulesCiteTheStatesOwnStatute() {
        Scenario nj = Scenario.in("NJ").person(Scenario.physician("dr-b", "NY")).practiceShares("dr-b", 500);
        assertThat(nj.findings("OWN-01")).singleElement().satisfies(f -> assertThat(f.citation().text())
                .isEqualTo("N.J.S.A. 14A:17-5(a); N.J.A.C. 13:35-6.16(f)"));
    }
}
