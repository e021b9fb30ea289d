package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.Practice;
import org.msocap.money.Money;

class TransferRestrictionControlTest {

    @Test
    void aCallRightAtWillIsHighAndCriticalInOregon() {
        Scenario ny = Scenario.in("NY");
        ny.transferRestriction = new Practice.TransferRestriction(true, true, Money.of(1000));
        assertThat(ny.findings("CTRL-04")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("may call the shares at will", "nominal price of 1,000.00");
        });
        Scenario or = Scenario.in("OR");
        or.transferRestriction = new Practice.TransferRestriction(true, false, null);
        or.asOf = LocalDate.of(2026, 1, 1);
        assertThat(or.findings("CTRL-04")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void aRestrictionWithoutMsoControlIsNotReported() {
        Scenario s = Scenario.in("NY");
        s.transferRestriction = new Practice.TransferRestriction(false, false, null);
        assertThat(s.findings("CTRL-04")).isEmpty();
        Scenario florida = new Scenario();
        florida.transferRestriction = new Practice.TransferRestriction(true, true, null);
        assertThat(florida.findings("CTRL-04")).isEmpty();
    }
}
