package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Table numbers group their thousands alike, whichever command prints them. */
class FormatsTest {

    @Test
    void ratesGroupThousands() {
        assertThat(Formats.rate(19_999.0)).isEqualTo("1,999,900.0%");
        assertThat(Formats.rate(0.125)).isEqualTo("12.5%");
        assertThat(Formats.rate(-0.00001)).isEqualTo("0.0%");
    }

    @Test
    void multiplesFromDoublesLookLikeExactOnes() {
        assertThat(Formats.multiple(4026.154)).isEqualTo("4,026.15x").isEqualTo(Formats.multiple(new BigDecimal("4026.154")));
        assertThat(Formats.multiple(2.0)).isEqualTo("2.00x");
    }

    @Test
    void pricesShowTheirMeaningfulDecimals() {
        assertThat(Formats.price(new BigFraction(40_000, 33))).isEqualTo("1,212.1212");
        assertThat(Formats.price(new BigFraction(7, 4))).isEqualTo("1.75");
        assertThat(Formats.price(new BigFraction(1))).isEqualTo("1.00");
        assertThat(Formats.price(new BigDecimal("0.686321"))).isEqualTo("0.6863");
    }
}
