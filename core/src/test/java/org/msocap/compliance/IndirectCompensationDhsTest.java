package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;

class IndirectCompensationDhsTest {

    private static Scenario labPractice(FeeTerms fee) {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true));
        s.holding("dr-a", "common", 1000, "1000");
        s.practiceServices.add("lab");
        s.fee = fee;
        return s;
    }

    @Test
    void aRevenueLinkedFeeFromADhsPracticeWithPhysicianInvestorsIsReported() {
        assertThat(labPractice(FeeTerms.percentOfCollections(new BigDecimal("0.06"))).findings("STARK-02")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("(dr-a)", "designated health services (lab)"));
    }

    @Test
    void aFixedFeeOrNoDhsIsNot() {
        assertThat(labPractice(FeeTerms.fixed(org.msocap.money.Money.of(40_000), BigDecimal.ZERO)).findings("STARK-02")).isEmpty();
        Scenario noLab = labPractice(FeeTerms.percentOfCollections(new BigDecimal("0.06")));
        noLab.practiceServices.remove("lab");
        assertThat(noLab.findings("STARK-02")).isEmpty();
    }
}
