package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The integer calendar of a run's exit day agrees with {@link LocalDate}. */
class CivilDaysTest {

    @Test
    void everyDayOfFourCenturiesAndAroundTheEpoch() {
        LocalDate start = LocalDate.of(2026, 1, 31);
        for (long day = LocalDate.of(1800, 1, 1).toEpochDay(); day <= LocalDate.of(2200, 12, 31).toEpochDay(); day++) {
            check(day, start);
        }
    }

    @Test
    void wideRandomDaysAndStarts() {
        long first = LocalDate.of(-9999, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 1).toEpochDay();
        qt().withFixedSeed(42L).withExamples(20_000)
                .forAll(longs().between(first, last), longs().between(first, last))
                .checkAssert((day, startDay) -> check(day, LocalDate.ofEpochDay(startDay)));
    }

    private static void check(long day, LocalDate start) {
        LocalDate date = LocalDate.ofEpochDay(day);
        assertThat(CivilDays.monthEnd(day)).as("month end of %s", date).isEqualTo(date.withDayOfMonth(date.lengthOfMonth()).toEpochDay());
        assertThat(CivilDays.dayOfMonth(day)).as("day of %s", date).isEqualTo(date.getDayOfMonth());
        assertThat(CivilDays.monthsBetween(start, day)).as("months from %s to %s", start, date)
                .isEqualTo(ChronoUnit.MONTHS.between(start, date));
    }
}
