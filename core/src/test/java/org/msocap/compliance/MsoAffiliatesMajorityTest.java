package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MsoAffiliatesMajorityTest {

    private static Scenario oregon(long directorShares, LocalDate asOf) {
        Scenario s = Scenario.in("OR").person(Scenario.physician("dr-b", "OR"));
        s.msoDirectors.add("dr-b");
        s.practiceShares("dr-a", 1000 - directorShares).practiceShares("dr-b", directorShares);
        s.asOf = asOf;
        return s;
    }

    @Test
    void msoAffiliatesMayNotHoldAMajorityOnceSb951Applies() {
        assertThat(oregon(600, LocalDate.of(2026, 1, 1)).findings("CTRL-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("(dr-b) hold 60% of practice p1");
        });
        assertThat(oregon(600, LocalDate.of(2025, 12, 31)).findings("CTRL-02")).isEmpty();
        assertThat(oregon(500, LocalDate.of(2026, 1, 1)).findings("CTRL-02")).as("exactly half is not a majority").isEmpty();
    }
}
