package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/** The fee projection and exit valuation on the example model files, read from YAML. */
class FeeExamplesTest {

    private static Venture example(String name) {
        return VentureReader.read(Path.of("..", "examples", "ventures", name));
    }

    @Test
    void glowIsValuedAtSixTimesIts2030Ebitda() {
        // Glow: one practice on a fixed fee of 55,000 a month escalating 2.5%; MSO costs 420,000 growing 4%; net debt 150,000.
        // 2030 is projection year 5 (y = 4):
        //   fee 55,000 × 1.025⁴ = 55,000 × 1.103812890625 = 60,709.708984375 → 60,709.71 a month → 728,516.52 a year
        //   costs 420,000 × 1.04⁴ = 420,000 × 1.16985856 = 491,340.5952 → 491,340.60
        //   EBITDA 728,516.52 − 491,340.60 = 237,175.92; × 6 = 1,423,055.52
        Venture glow = example("glow-medical-spa.yaml");
        ExitValuation v = Valuator.DEFAULT.value(glow, glow.exits().get(0));
        assertThat(v.ttmRevenue()).contains(Money.of("728516.52"));
        assertThat(v.trailing().costs()).isEqualTo(Money.of("491340.60"));
        assertThat(v.ttmEbitda()).contains(Money.of("237175.92"));
        assertThat(v.enterpriseValue()).isEqualTo(Money.of("1423055.52"));
        assertThat(v.equityValue()).isEqualTo(Money.of("1273055.52"));
        // The owner sale gives its enterprise value; the trailing year to June 2029 is still reported.
        ExitValuation owner = Valuator.DEFAULT.value(glow, glow.exits().get(1));
        assertThat(owner.method()).isEqualTo(ExitValuation.Method.GIVEN);
        assertThat(owner.enterpriseValue()).isEqualTo(Money.parse("4M"));
        assertThat(owner.trailing().from()).hasToString("2028-07-01");
    }

    @Test
    void sunriseProjectsFourPracticesUnderFourAgreements() {
        Venture sunrise = example("sunrise-telehealth.yaml");
        Projection years = FeeProjector.DEFAULT.project(sunrise, Period.YEAR);
        assertThat(years.practices()).extracting(PracticeProjection::practiceId)
                .containsExactly("sunrise-ca", "sunrise-tx", "sunrise-ny", "sunrise-fl");
        assertThat(years.periods()).isEqualTo(5);
        // sunrise-ny pays 35% of collections: year 1 35% × 1,200,000 = 420,000
        assertThat(years.practice("sunrise-ny").orElseThrow().rows().get(0).fee()).isEqualTo(Money.of(420_000));
        // sunrise-ca pays 85,000 a month: year 1 1,020,000
        assertThat(years.practice("sunrise-ca").orElseThrow().rows().get(0).fee()).isEqualTo(Money.of(1_020_000));
        // The strategic sale at the end of 2030 is 12 × the MSO's 2030 EBITDA, the projection's last year.
        ExitValuation v = Valuator.DEFAULT.value(sunrise, sunrise.exit("Strategic sale").orElseThrow());
        MsoPeriod last = years.mso().get(4);
        assertThat(v.ttmEbitda()).contains(last.ebitda());
        assertThat(v.ttmRevenue()).contains(last.revenue());
        assertThat(v.enterpriseValue()).isEqualTo(new Money(last.ebitda().times(BigDecimal.valueOf(12))));
        assertThat(v.enterpriseValue().isPositive()).isTrue();
        assertThat(years.metrics()).hasSize(4);
    }

    @Test
    void everyExampleWithFinancialsProjectsBalancesAndValuesItsExits() throws java.io.IOException {
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(Path.of("..", "examples", "ventures"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Venture venture = VentureReader.read(file);
            if (venture.financials() == null) {
                continue;
            }
            Projection months = FeeProjector.DEFAULT.project(venture, Period.MONTH);
            for (PracticeProjection p : months.practices()) {
                for (PracticePeriod row : p.rows()) {
                    assertThat(row.clinicianCompensation().plus(row.practiceCosts()).plus(row.fee()).plus(row.practiceMargin()))
                            .as("%s %s %s", file.getFileName(), p.practiceId(), row.period().label()).isEqualTo(row.collections());
                }
            }
            assertThat(Valuator.DEFAULT.valueAll(venture)).as(file.getFileName().toString()).hasSize(venture.exits().size());
        }
    }
}
