package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProjectionPeriodTest {

    @Test
    void periodsAreCountedFromTheProjectionStart() {
        LocalDate start = LocalDate.of(2026, 1, 31);
        ProjectionPeriod feb = ProjectionPeriod.of(Period.MONTH, start, 1);
        // 2026-01-31 + 1 month = 2026-02-28 (end of February), through the day before 2026-03-31
        assertThat(feb.start()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(feb.end()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(feb.label()).isEqualTo("2026-02");
        assertThat(feb.contains(LocalDate.of(2026, 3, 30))).isTrue();
        assertThat(feb.contains(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(ProjectionPeriod.of(Period.QUARTER, LocalDate.of(2026, 2, 1), 0).label()).isEqualTo("2026-02..2026-04");
        assertThat(ProjectionPeriod.of(Period.QUARTER, LocalDate.of(2026, 1, 1), 5).label()).isEqualTo("2027-Q2");
        assertThat(ProjectionPeriod.of(Period.YEAR, LocalDate.of(2026, 1, 1), 2).label()).isEqualTo("2028");
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> new ProjectionPeriod(0, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
