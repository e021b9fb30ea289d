package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;

class PercentFeeWithoutFmvTest {

    @Test
    void californiaAllowsAPercentageOnlyAtFairMarketValue() {
        Scenario s = Scenario.in("CA");
        s.fee = FeeTerms.percentOfCollections(new BigDecimal("0.10"));
        s.fmvOpinion = false;
        assertThat(s.findings("FEE-04")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        s.fmvOpinion = true;
        assertThat(s.findings("FEE-04")).isEmpty();
    }

    @Test
    void statesThatBarItAreFee01s() {
        Scenario s = Scenario.in("NY");
        s.fee = FeeTerms.percentOfCollections(new BigDecimal("0.10"));
        s.fmvOpinion = false;
        assertThat(s.findings("FEE-04")).isEmpty();
    }
}
