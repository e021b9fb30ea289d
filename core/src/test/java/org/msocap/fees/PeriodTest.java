package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesCommandLineNames() {
        assertThat(Period.parse("Quarter")).isEqualTo(Period.QUARTER);
        assertThat(Period.parse(" year ")).isEqualTo(Period.YEAR);
        assertThat(Period.MONTH.id()).isEqualTo("month");
        assertThat(Period.YEAR.months()).isEqualTo(12);
        assertThatThrownBy(() -> Period.parse("week")).hasMessageContaining("month, quarter or year");
    }
}
