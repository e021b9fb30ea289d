package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.msocap.fees.FeeModel;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/** The table of exit months answers as the calendar and the per-run valuation do, day by day. */
class ExitMonthsTest {

    @Test
    void everyDayOfTheTableEndsItsMonthAsTheCalendarDoes() {
        long from = LocalDate.of(1999, 12, 17).toEpochDay();
        long to = from + ExitMonths.MAX_DAYS - 1;
        ExitMonths months = new ExitMonths(ExitValueModel.fixed(1), from, to);
        for (long day = from - 40; day <= to + 40; day++) {
            int month = months.month(day);
            if (day < from || day > to) {
                assertThat(month).as("day %s", LocalDate.ofEpochDay(day)).isEqualTo(-1);
            } else {
                assertThat(months.monthEnd(month)).as("month end of %s", LocalDate.ofEpochDay(day)).isEqualTo(CivilDays.monthEnd(day));
            }
        }
        assertThat(months.size()).isEqualTo(1078);   // December 1999 to the month of the last day, 2089-09
        assertThat(new ExitMonths(ExitValueModel.fixed(1), 10, 9).month(10)).isEqualTo(-1);
    }

    /**
     * Each month's valuation gives the cents of {@link ProjectedExitValue#enterpriseValueCents} on its last day, and the
     * same errors: for window and month-by-month fee bases, growth drawn or not, months past the projection's reach.
     */
    @Test
    void aMonthsValuationEqualsTheModelsOnItsLastDay() {
        for (Venture v : List.of(VentureReader.read(Path.of("../benchmarks/ten-class.yaml")), ProjectedExitValueTest.windowBases(),
                ProjectedExitValueTest.sunrise())) {
            ProjectedExitValue model = ProjectedExitValue.of(FeeModel.resolve(v));
            long from = model.earliestExitDay();
            ExitMonths months = new ExitMonths(model, from, from + 365L * 55);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 30_000; i++) {
                long day = from + random.nextLong(i % 20 == 0 ? 365L * 55 : 365L * 6);
                int month = months.month(day);
                int end = months.monthEnd(month);
                double multiple = random.nextDouble(2, 30);
                double growth = i % 4 == 0 ? Double.NaN : i % 4 == 1 ? random.nextInt(-20, 60) / 100.0 : random.nextDouble(-0.5, 0.9);
                double comp = i % 3 == 0 ? Double.NaN : random.nextDouble(0, 1);
                long expected;
                try {
                    expected = model.enterpriseValueCents(end, multiple, growth, comp);
                } catch (RuntimeException e) {
                    Throwable thrown = catchThrowable(() -> months.valuation(month).enterpriseValueCents(multiple, growth, comp));
                    assertThat(thrown).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
                    continue;
                }
                assertThat(months.valuation(month).enterpriseValueCents(multiple, growth, comp))
                        .as("%s × %s growth %s comp %s", LocalDate.ofEpochDay(end), multiple, growth, comp).isEqualTo(expected);
            }
        }
    }
}
