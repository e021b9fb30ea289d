package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClinicianEquityBelowPriceTest {

    @Test
    void clinicianSharesForNothingOrBelowOthersPriceAreReported() {
        assertThat(new Scenario().holding("dr-a", "common", 1000, "0").findings("COI-04")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no price paid"));
        assertThat(new Scenario().holding("dr-a", "common", 1000, "250").findings("COI-04")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("they cost 0.25 a share, below the 1 non-clinicians paid"));
    }

    @Test
    void clinicianSharesAtTheSamePriceAreNot() {
        assertThat(new Scenario().holding("dr-a", "common", 1000, "1000").findings("COI-04")).isEmpty();
    }
}
