package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferralInvestorTermsTest {

    private static Scenario referrerPays(String cost) {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true));
        return s.holding("dr-a", "common", 1000, cost);
    }

    @Test
    void aReferrerBuyingCheaperThanPassiveInvestorsIsOnDifferentTerms() {
        assertThat(referrerPays("500").findings("AKS-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("paid 0.5 a share", "paid at least 1");
        });
        assertThat(referrerPays("1000").findings("AKS-03")).isEmpty();
    }
}
