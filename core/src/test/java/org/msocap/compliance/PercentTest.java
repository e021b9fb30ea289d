package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class PercentTest {

    @Test
    void showsOneDecimalAndMoreOnlyToSeparateAValueFromItsLimit() {
        assertThat(Percent.of(new BigFraction(6, 13))).isEqualTo("46.2%");
        assertThat(Percent.of(new BigFraction(1, 2))).isEqualTo("50%");
        BigFraction limit = new BigFraction(2, 5);
        assertThat(Percent.of(new BigFraction(4001, 10000), limit)).isEqualTo("40.01%");
        assertThat(Percent.of(new BigFraction(400001, 1000000), limit)).isEqualTo("40.0001%");
        assertThat(Percent.of(limit, limit)).isEqualTo("40%");
        assertThat(Percent.of(new BigDecimal("0.08"))).isEqualTo("8%");
        assertThat(Percent.of(new BigDecimal("0.065"))).isEqualTo("6.5%");
    }
}
