package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Oregon SB 951 ties the MSO's shareholders to it, not only its directors, officers and staff; a physician's
 * holding that is incidental and without relation to compensation is excepted (issue 15, item 5).
 */
class OregonMsoShareholdersTest {

    /** dr-a owns and presides over the Oregon practice and holds {@code shares} of 10,000 MSO common shares. */
    private static Scenario oregon(long shares, boolean incidental) {
        Scenario s = Scenario.in("OR");
        s.asOf = LocalDate.of(2026, 1, 1);
        s.holdings.clear();
        s.holding("founder", "common", 10_000 - shares, "1000");
        s.holding("dr-a", "common", shares, "1000");
        s.person(Scenario.physician("dr-a", "OR").withIncidentalMsoHolding(incidental));
        return s;
    }

    @Test
    void aPhysicianHolding13PercentOfTheMsoWhoPresidesOverThePracticeIsCtrl03() {
        Scenario s = oregon(1_300, false);
        s.msoForm = org.msocap.model.Mso.Form.C_CORP;
        assertThat(s.findings("CTRL-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("dr-a is shareholder of the MSO and director and president of practice p1",
                    "bars the MSO's shareholders", "unless the holding is incidental");
            assertThat(f.remediation()).contains("sell the MSO holding");
        });
        assertThat(oregon(1_300, true).findings("CTRL-03")).as("incidental holding").isEmpty();
        Scenario llc = oregon(1_300, false);
        llc.msoForm = org.msocap.model.Mso.Form.LLC;
        assertThat(llc.findings("CTRL-03")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("dr-a is member of the MSO and director and president of practice p1", "bars the MSO's members")
                .doesNotContain("shareholder of the MSO"));
        s.asOf = LocalDate.of(2025, 12, 31);
        assertThat(s.findings("CTRL-03")).as("the day before SB 951 applies").isEmpty();
    }

    @Test
    void anIncidentalHoldingDoesNotMakeThePhysicianOwnerAnMsoAffiliate() {
        assertThat(oregon(150, false).findings("CTRL-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("(dr-a) hold 100%", "unless the MSO holding of dr-a is incidental");
        });
        assertThat(oregon(150, true).findings("CTRL-02")).isEmpty();
    }

    @Test
    void coi02IsCriticalInOregonOnlyForAHoldingThatIsNotIncidental() {
        assertThat(oregon(150, false).findings("COI-02")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(oregon(150, true).findings("COI-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).contains("recorded as incidental");
        });
    }

    @Test
    void anIncidentalHoldingDoesNotExcuseAnMsoOffice() {
        Scenario s = oregon(150, true);
        s.msoOfficers.put("cmo", "dr-a");
        assertThat(s.findings("CTRL-03")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(s.findings("COI-02")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void hb3410sNoncompeteTestIsOnePointFivePercentOnBothSides() {
        Scenario below = oregon(149, false);
        below.noncompete = true;
        assertThat(below.findings("CTRL-07")).singleElement().satisfies(f -> assertThat(f.message()).contains("owns 1.49% of the MSO"));
        Scenario at = oregon(150, false);
        at.noncompete = true;
        assertThat(at.findings("CTRL-07")).isEmpty();
    }
}
