package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.Person;

class PrivateEquityNoncompeteTest {

    private static Scenario california(boolean privateEquity, LocalDate asOf) {
        Scenario s = Scenario.in("CA");
        s.noncompete = true;
        s.asOf = asOf;
        s.person(Person.entity("fund", "Harbor Capital IV, LP").withPrivateEquity(privateEquity));
        s.holding("fund", "common", 2000, "2000");
        return s;
    }

    @Test
    void aPrivateEquityBackedNoncompeteIsReportedFrom2026() {
        assertThat(california(true, LocalDate.of(2026, 1, 1)).findings("CTRL-06")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("has a noncompete", "(fund)"));
        assertThat(california(true, LocalDate.of(2025, 12, 31)).findings("CTRL-06")).isEmpty();
        assertThat(california(false, LocalDate.of(2026, 1, 1)).findings("CTRL-06")).isEmpty();
    }
}
