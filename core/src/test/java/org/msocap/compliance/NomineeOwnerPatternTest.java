package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;
import org.msocap.model.Practice;

class NomineeOwnerPatternTest {

    private static Scenario nominee() {
        Scenario s = Scenario.in("NY");
        s.transferRestriction = new Practice.TransferRestriction(true, true, null);
        s.fee = new FeeTerms(FeeTerms.Basis.RESIDUAL, null, null, null, null);
        return s;
    }

    @Test
    void soleOwnerCallRightAndResidualFeeIsTheNomineePattern() {
        assertThat(nominee().findings("CTRL-05")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("one owner (dr-a)", "a residual fee");
        });
    }

    @Test
    void aSecondOwnerBreaksThePattern() {
        Scenario s = nominee().person(Scenario.physician("dr-b", "NY")).practiceShares("dr-b", 100);
        assertThat(s.findings("CTRL-05")).isEmpty();
    }
}
