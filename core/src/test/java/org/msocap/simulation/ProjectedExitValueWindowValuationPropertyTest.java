package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.fees.FeeModel;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/**
 * A month's flat valuation ({@link ProjectedExitValue.WindowValuation}) gives the general path's cents, or throws what it
 * throws, for every draw: growth drawn or not, ordinary and round (half-cent) rates, floored, steep enough to pass the
 * limit; multiples ordinary, round, huge, zero, negative, NaN; exit months over the projection and decades past it.
 * QuickTheories with a fixed seed.
 */
class ProjectedExitValueWindowValuationPropertyTest {

    @Test
    void aMonthsFlatValuationIsTheGeneralPaths() {
        for (Venture v : List.of(ProjectedExitValueTest.windowBases(), VentureReader.read(Path.of("../benchmarks/ten-class.yaml")),
                VentureReader.read(Path.of("../examples/ventures/chiro-md-integrated.yaml")))) {
            ProjectedExitValue model = ProjectedExitValue.of(FeeModel.resolve(v));
            LocalDate first = LocalDate.ofEpochDay(model.earliestExitDay());
            assertThat(model.onDay((int) first.plusYears(3).toEpochDay())).isInstanceOf(ProjectedExitValue.WindowValuation.class);
            qt().withFixedSeed(29L).withExamples(60_000)
                    .forAll(integers().between(0, 365 * 60), longs().between(0, Long.MAX_VALUE), integers().between(0, 5),
                            integers().between(0, 4))
                    .checkAssert((days, seed, growthShape, multipleShape) -> {
                        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                        // Mostly the draws' years (2 to 7 after the start), sometimes decades on (second years past 16).
                        int day = (int) first.plusDays(days % 10 == 0 ? days : days % (365 * 7)).toEpochDay();
                        double growth = switch (growthShape) {
                            case 0 -> Double.NaN;
                            case 1 -> random.nextDouble(-0.5, 0.8);
                            case 2 -> random.nextInt(-20, 60) / 100.0;        // round rates: grown amounts on half cents
                            case 3 -> random.nextInt(8) == 0 ? Double.NEGATIVE_INFINITY    // floored at -0.99:
                                    : random.nextDouble(-1.5, -0.9);          // fees of zero cents
                            case 4 -> random.nextInt(8) == 0 ? Double.POSITIVE_INFINITY    // 1 + ∞ × 0 is NaN
                                    : random.nextDouble(1, 4);                // past the limit within years
                            default -> 0.15 + 0.08 * random.nextGaussian();
                        };
                        double multiple = switch (multipleShape) {
                            case 0 -> random.nextDouble(2, 30);
                            case 1 -> random.nextInt(1, 80) / 4.0;            // round multiples: values on half cents
                            case 2 -> random.nextDouble(1e3, 1e7);            // past the limit
                            case 3 -> random.nextInt(3) == 0 ? Double.NaN : random.nextInt(2) == 0 ? 0.0 : -random.nextDouble(1, 10);
                            default -> 11 * Math.exp(0.4 * random.nextGaussian());
                        };
                        double comp = random.nextInt(3) == 0 ? Double.NaN : random.nextDouble(0, 1);
                        String expected = outcome(() -> model.enterpriseValueCents(day, multiple, growth, comp));
                        String flat = outcome(() -> model.onDay(day).enterpriseValueCents(multiple, growth, comp));
                        assertThat(flat).as("%s growth %s multiple %s comp %s", LocalDate.ofEpochDay(day), growth, multiple, comp)
                                .isEqualTo(expected);
                    });
        }
    }

    /**
     * Every exit month from the first to seventeen years on: the growth's power with its first four factors chosen by
     * mask and the rest by the loop (years 0 to 16, the second year's power up to 17) gives the general path's cents, for
     * ordinary and round growth rates (round ones put grown amounts on half cents, where an ulp of the power shows).
     */
    @Test
    void everyYearsPowerIsTheGeneralPaths() {
        ProjectedExitValue model = ProjectedExitValue.of(FeeModel.resolve(VentureReader.read(Path.of("../benchmarks/ten-class.yaml"))));
        LocalDate first = LocalDate.ofEpochDay(model.earliestExitDay());
        java.util.SplittableRandom random = new java.util.SplittableRandom(19);
        for (int month = 0; month < 17 * 12; month++) {
            int day = (int) first.plusMonths(month).toEpochDay();
            ExitValueModel.OnDay flat = model.onDay(day);
            for (int i = 0; i < 400; i++) {
                double growth = i % 2 == 0 ? random.nextInt(-20, 40) / 100.0 : 0.15 + 0.08 * random.nextGaussian();
                double multiple = 11 * Math.exp(0.4 * random.nextGaussian());
                String expected = outcome(() -> model.enterpriseValueCents(day, multiple, growth, Double.NaN));
                assertThat(outcome(() -> flat.enterpriseValueCents(multiple, growth, Double.NaN)))
                        .as("%s growth %s multiple %s", LocalDate.ofEpochDay(day), growth, multiple).isEqualTo(expected);
            }
        }
    }

    /** The cents, or the exception's class and message. */
    private static String outcome(java.util.function.LongSupplier value) {
        try {
            return Long.toString(value.getAsLong());
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
