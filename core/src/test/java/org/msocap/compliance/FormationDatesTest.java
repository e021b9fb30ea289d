package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model's formed dates of the MSO and practices decide Oregon SB 951's grace period (item 10). */
class FormationDatesTest {

    /** dr-a directs the MSO and the Oregon practice: CTRL-03 once SB 951 applies. */
    private static Scenario oregon(LocalDate formed, LocalDate asOf) {
        Scenario s = Scenario.in("OR");
        s.msoDirectors.add("dr-a");
        s.msoFormed = formed;
        s.practiceFormed = formed;
        s.asOf = asOf;
        return s;
    }

    @Test
    void entitiesFormedByEnactmentAreCoveredFrom2029() {
        LocalDate enacted = LocalDate.of(2025, 6, 9);
        assertThat(oregon(enacted, LocalDate.of(2028, 12, 31)).findings("CTRL-03")).isEmpty();
        assertThat(oregon(enacted, LocalDate.of(2029, 1, 1)).findings("CTRL-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).doesNotContain("Assumes");
        });
    }

    @Test
    void entitiesFormedAfterEnactmentAreCoveredFrom2026() {
        LocalDate dayAfter = LocalDate.of(2025, 6, 10);
        assertThat(oregon(dayAfter, LocalDate.of(2025, 12, 31)).findings("CTRL-03")).isEmpty();
        assertThat(oregon(dayAfter, LocalDate.of(2026, 1, 1)).findings("CTRL-03")).hasSize(1);
    }

    @Test
    void oneEntityFormedAfterEnactmentBringsTheEarlierDate() {
        Scenario s = oregon(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1));
        s.practiceFormed = LocalDate.of(2025, 7, 1);
        assertThat(s.findings("CTRL-03")).hasSize(1);
    }

    @Test
    void withoutFormedDatesTheFindingStatesItsAssumptionAndCheckOptionsStillOverride() {
        Scenario s = oregon(null, LocalDate.of(2026, 1, 1));
        assertThat(s.findings("CTRL-03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Assumes the MSO and p1 formed after 2025-06-09", "record formed dates"));
        Scenario modelSaysNew = oregon(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 1));
        CheckOptions existing = new CheckOptions(Map.of(CheckOptions.MSO, LocalDate.of(2020, 1, 1), "p1", LocalDate.of(2020, 1, 1)));
        assertThat(ComplianceChecker.DEFAULT.check(modelSaysNew.build(), modelSaysNew.asOf, FeeMetricsSource.NONE, existing)
                .forRule("CTRL-03")).isEmpty();
    }
}
