package org.msocap.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void readsTheWaysFoundersWriteAmounts() {
        assertThat(Amounts.parse("2500000")).isEqualByComparingTo("2500000");
        assertThat(Amounts.parse("2500000.00")).isEqualByComparingTo("2500000");
        assertThat(Amounts.parse("2.5M")).isEqualByComparingTo("2500000");
        assertThat(Amounts.parse("750k")).isEqualByComparingTo("750000");
        assertThat(Amounts.parse("1.2B")).isEqualByComparingTo("1200000000");
        assertThat(Amounts.parse("$2,500,000")).isEqualByComparingTo("2500000");
        assertThat(Amounts.parse("0.25")).isEqualByComparingTo("0.25");
    }

    @Test
    void suffixedAmountsAreExact() {
        assertThat(Amounts.parse("1.23456M")).isEqualTo(new BigDecimal("1234560"));
    }

    @Test
    void rejectsWhatIsNotAnAmount() {
        assertThatThrownBy(() -> Amounts.parse("two million")).hasMessageContaining("expected an amount");
        assertThatThrownBy(() -> Amounts.parse("2.5X")).hasMessageContaining("expected an amount");
        assertThatThrownBy(() -> Amounts.parse("25,00")).hasMessageContaining("thousands separator");
    }

    @Test
    void moneyRefusesFractionsOfACentUnlessRoundedExplicitly() {
        assertThatThrownBy(() -> Money.of("1.005")).hasMessageContaining("at most 2 decimals");
        assertThat(Rounding.toCents(new BigDecimal("1.005"))).isEqualTo(Money.of("1.01"));
        assertThat(Money.parse("2.5M").toString()).isEqualTo("2500000.00");
    }
}
