package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;

class PercentFeeWithMarketingTest {

    @Test
    void aPercentageFeeForMarketingIsReported() {
        Scenario s = new Scenario();
        s.fee = FeeTerms.percentOfCollections(new BigDecimal("0.30"));
        s.services = List.of("billing", "marketing");
        assertThat(s.findings("FEE-02")).singleElement().satisfies(f -> assertThat(f.message()).contains("provides marketing"));
        s.services = List.of("billing", "it");
        assertThat(s.findings("FEE-02")).isEmpty();
    }

    @Test
    void aFixedFeeForMarketingIsNot() {
        Scenario s = new Scenario();
        s.services = List.of("marketing", "payer-contracting");
        assertThat(s.findings("FEE-02")).isEmpty();
    }
}
