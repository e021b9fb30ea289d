package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msocap.fees.FeeFixtures.financials;
import static org.msocap.fees.FeeFixtures.managed;
import static org.msocap.fees.FeeFixtures.mso;
import static org.msocap.fees.FeeFixtures.venture;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;
import org.msocap.money.Money;

class ProjectionTest {

    private static final Projection MONTHS = FeeProjector.DEFAULT.project(venture(1, mso(120_000, "0", 0),
            managed("pc-a", financials(1_200_000, "0", "0.5", 0, "0"), FeeTerms.fixed(Money.of(15_000), BigDecimal.ZERO))), Period.MONTH);

    @Test
    void totalsAndLookups() {
        // fee 12 × 15,000 = 180,000; MSO EBITDA 180,000 − 120,000 = 60,000
        assertThat(MONTHS.msoTotal().ebitda()).isEqualTo(Money.of(60_000));
        assertThat(MONTHS.practice("pc-a").orElseThrow().total().fee()).isEqualTo(Money.of(180_000));
        assertThat(MONTHS.practice("pc-z")).isEmpty();
        assertThat(MONTHS.periodIndexOf(LocalDate.of(2026, 3, 31))).contains(2);
        assertThat(MONTHS.periodIndexOf(LocalDate.of(2027, 1, 1))).isEmpty();
        assertThat(MONTHS.aggregate(Period.MONTH)).isSameAs(MONTHS);
    }

    @Test
    void aggregationOnlyCoarsens() {
        Projection years = MONTHS.aggregate(Period.YEAR);
        assertThatThrownBy(() -> years.aggregate(Period.QUARTER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MONTHS.aggregate(Period.QUARTER).aggregate(Period.YEAR)).isEqualTo(years);
    }
}
