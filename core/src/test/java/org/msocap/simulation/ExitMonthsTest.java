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

    /** A drawn date's day is Math.round's: QuickTheories over the doubles' bits, and the edges of the short path. */
    @Test
    void aDrawnDateRoundsAsMathRound() {
        org.quicktheories.QuickTheory.qt().withFixedSeed(31L).withExamples(300_000)
                .forAll(org.quicktheories.generators.SourceDSL.longs().all(), org.quicktheories.generators.SourceDSL.integers().between(0, 2))
                .checkAssert((bits, shape) -> {
                    // Any double; an epoch day with any fraction; a half or just below one.
                    double date = switch (shape) {
                        case 0 -> Double.longBitsToDouble(bits);
                        case 1 -> (bits % 3_000_000) + (bits >>> 11) * 0x1.0p-53;
                        default -> Math.floorMod(bits, 1L << 40) + (bits % 2 == 0 ? 0.5 : Math.nextDown(0.5));
                    };
                    assertThat(ExitMonths.nearestDay(date)).as("%s", date).isEqualTo(Math.round(date));
                });
        for (double date : new double[] {0.49999999999999994, 0.5, Math.nextDown(1.0), 1.0, 1.5, 2.5, -0.5, -1.5, 20_000.5,
                Math.nextDown(20_000.5), 0x1.0p52 - 0.5, 0x1.0p52, 0x1.0p52 + 1, 0x1.0p51 - 0.25, 0x1.0p51 - 0.5, 0x1.0p63,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThat(ExitMonths.nearestDay(date)).as("%s", date).isEqualTo(Math.round(date));
        }
        for (int k = 0; k < 52; k++) {
            double belowPower = Math.scalb(1.0, k) - 0.5;
            assertThat(ExitMonths.nearestDay(Math.nextDown(belowPower))).isEqualTo(Math.round(Math.nextDown(belowPower)));
            assertThat(ExitMonths.nearestDay(belowPower)).isEqualTo(Math.round(belowPower));
            assertThat(ExitMonths.nearestDay(Math.nextUp(belowPower))).isEqualTo(Math.round(Math.nextUp(belowPower)));
        }
    }

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
