package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;
import org.msocap.model.Person;

/** Findings cite the law of the state they are about; findings under federal law alone cite as the rule does. */
class CheckContextTest {

    private static final String MBC_PAGE = "https://www.mbc.ca.gov/licensees/corporate_practice.aspx";

    @Test
    void anOfficerFindingInNewYorkCitesBcl1508AndTheNewYorkPageFirst() {
        Scenario s = Scenario.in("NY");
        s.person(Person.lay("dana", "Dana Admin"));
        s.practiceOfficers.put("secretary", "dana");
        assertThat(s.findings("OWN-05")).singleElement().satisfies(f -> {
            assertThat(f.citation().text()).isEqualTo("BCL 1508(a)");
            assertThat(f.citation().urls()).first().isEqualTo("https://jtnylaw.com/2017/04/carothers/");
        });
    }

    @Test
    void theSameFindingInCaliforniaCitesCaliforniasRegulation() {
        Scenario s = Scenario.in("CA");
        s.person(Person.lay("dana", "Dana Admin"));
        s.practiceOfficers.put("secretary", "dana");
        assertThat(s.findings("OWN-05")).singleElement().satisfies(f -> {
            assertThat(f.citation().text()).isEqualTo("16 CCR 1343(b)");
            assertThat(f.citation().urls()).first().isEqualTo("https://www.law.cornell.edu/regulations/california/16-CCR-1343");
        });
    }

    @Test
    void msoControlInNewYorkDoesNotLeadWithTheMedicalBoardOfCalifornia() {
        Scenario s = Scenario.in("NY");
        s.msoControls = List.of("coding");
        assertThat(s.findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.citation().urls()).doesNotContain(MBC_PAGE);
            assertThat(f.citation().text()).doesNotContain("MBC", "SB 351", "SB 951", "NC AG")
                    .isEqualTo("Carothers (NY 2019) & Mallela (2005)");
            assertThat(f.citation().urls()).first().isEqualTo("https://jtnylaw.com/2017/04/carothers/");
        });
        Scenario ca = Scenario.in("CA");
        ca.msoControls = List.of("coding");
        assertThat(ca.findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.citation().text()).isEqualTo("MBC CPOM guidance; H&S Code (SB 351)");
            assertThat(f.citation().urls()).first().isEqualTo(MBC_PAGE);
        });
    }

    @Test
    void aFederalRuleCitesAsTheRuleDoesWhateverTheState() {
        for (String state : List.of("NY", "CA", "FL")) {
            Scenario s = Scenario.in(state);
            s.fmvOpinion = false;
            assertThat(s.findings("FEE-05")).as(state).singleElement()
                    .satisfies(f -> assertThat(f.citation()).isEqualTo(RuleCatalog.DEFAULT.rule("FEE-05").citation()));
        }
    }

    @Test
    void aFederalAndFloridaRuleCitesFloridaLawOnlyInFlorida() {
        Scenario ny = Scenario.in("NY");
        ny.fee = percentFee();
        ny.services = List.of("billing", "marketing");
        assertThat(ny.findings("FEE-02")).singleElement().satisfies(f -> {
            assertThat(f.citation().text()).isEqualTo("OIG AO 98-4");
            assertThat(f.citation().urls()).first().isEqualTo("http://www.complianceland.com/ao/html/ao98_4.html");
        });
        Scenario fl = Scenario.in("FL");
        fl.fee = percentFee();
        fl.services = List.of("billing", "marketing");
        assertThat(fl.findings("FEE-02")).singleElement().satisfies(f ->
                assertThat(f.citation().text()).startsWith("Bakarania (Fla. 1st DCA 1999); Fla. Stat. 458.331(1)(i)"));
    }

    private static FeeTerms percentFee() {
        return FeeTerms.percentOfCollections(new BigDecimal("0.30"));
    }
}
