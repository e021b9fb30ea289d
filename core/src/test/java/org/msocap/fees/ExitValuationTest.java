package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.ExitScenario;
import org.msocap.money.Money;

class ExitValuationTest {

    private static final LocalDate DATE = LocalDate.of(2030, 12, 31);
    private static final ExitScenario SALE = new ExitScenario("Sale", DATE, null, BigDecimal.TEN, null, null, null, null, null, false);

    @Test
    void equityValueIsEnterpriseValueLessNetDebt() {
        TrailingTwelveMonths t = new TrailingTwelveMonths(LocalDate.of(2030, 1, 1), DATE, Money.of(500), Money.of(400), Money.of(100), Money.of(2000), DATE);
        ExitValuation v = new ExitValuation(SALE, DATE, ExitValuation.Method.EBITDA_MULTIPLE, Money.of(1_000), Money.of(-50), t);
        assertThat(v.equityValue()).isEqualTo(Money.of(1_050));
        assertThat(v.ttmRevenue()).contains(Money.of(500));
        assertThat(ExitValuation.Method.EBITDA_MULTIPLE.id()).isEqualTo("ebitda-multiple");
    }

    @Test
    void aMultipleNeedsItsTrailingYear() {
        assertThatThrownBy(() -> new ExitValuation(SALE, DATE, ExitValuation.Method.EBITDA_MULTIPLE, Money.of(1), Money.ZERO, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ExitValuation(SALE, DATE, ExitValuation.Method.GIVEN, Money.of(-1), Money.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrailingTwelveMonths(DATE, DATE, Money.of(5), Money.of(4), Money.of(2), Money.of(10), DATE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
