package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;

class FairMarketValueSupportTest {

    @Test
    void anMsaWithoutAnFmvOpinionIsReported() {
        Scenario s = new Scenario();
        s.fmvOpinion = false;
        assertThat(s.findings("FEE-05")).singleElement().satisfies(f -> assertThat(f.message()).contains("no independent fair-market-value"));
        assertThat(new Scenario().findings("FEE-05")).isEmpty();
    }

    @Test
    void anAtCostFeeIsReportedWhenInvestorsRefer() {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true));
        s.holding("dr-a", "common", 1000, "1000");
        s.fee = new FeeTerms(FeeTerms.Basis.COST_PLUS, null, null, null, BigDecimal.ZERO);
        assertThat(s.findings("FEE-05")).singleElement().satisfies(f -> assertThat(f.message()).contains("at cost", "dr-a"));
        s.fee = new FeeTerms(FeeTerms.Basis.COST_PLUS, null, null, null, new BigDecimal("0.10"));
        assertThat(s.findings("FEE-05")).isEmpty();
    }
}
