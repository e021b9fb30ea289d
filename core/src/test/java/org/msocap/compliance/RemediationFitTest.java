package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each finding's remediation fits its case (item 14): an officer or board problem is not told to fix shares. */
class RemediationFitTest {

    @Test
    void oregonBoardAndOfficerFindingsGetTheirOwnRemediation() {
        Scenario board = Scenario.in("OR").person(Scenario.licensee("np-b", "nurse-practitioner", "OR"));
        board.practiceDirectors.add("np-b");
        assertThat(board.findings("OWN-02")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("1 of 2 directors");
            assertThat(f.remediation()).isEqualTo("Give Oregon-licensed physicians a majority of the board seats.");
        });
        Scenario shares = Scenario.in("OR").person(Scenario.licensee("np-b", "nurse-practitioner", "OR")).practiceShares("np-b", 1000);
        assertThat(shares.findings("OWN-02")).singleElement()
                .satisfies(f -> assertThat(f.remediation()).startsWith("Restore an Oregon-licensed physician majority of the shares"));
    }

    @Test
    void aVerifyFindingIsToldToVerify() {
        Scenario nj = Scenario.in("NJ").person(Scenario.licensee("dc-b", "chiropractor", "NJ")).practiceShares("dc-b", 10);
        assertThat(nj.findings("OWN-01")).singleElement()
                .satisfies(f -> assertThat(f.remediation()).startsWith("Confirm with counsel"));
    }
}
