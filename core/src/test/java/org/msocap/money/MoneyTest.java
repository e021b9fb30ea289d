package org.msocap.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void groupedIsForSentencesAndToStringForMachines() {
        Money m = Money.ofCents(2_124_574_800L);
        assertThat(m.grouped()).isEqualTo("21,245,748.00");
        assertThat(m.toString()).isEqualTo("21245748.00");
        assertThat(Money.ofCents(-500).grouped()).isEqualTo("-5.00");
        assertThat(Money.ofCents(7).grouped()).isEqualTo("0.07");
        assertThat(Money.ZERO.grouped()).isEqualTo("0.00");
    }
}
