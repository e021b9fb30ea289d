package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msocap.model.Person;

class ReferralInvestorTermsTest {

    /** The lay founder runs the MSO (CEO, director); angels invest passively, one at 2.00 and one at 1.00 a share. */
    private static Scenario referrerPays(String cost) {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true))
                .person(Person.lay("angel-1", "Ann Angel")).person(Person.lay("angel-2", "Bo Angel"));
        s.holding("angel-1", "common", 1000, "2000").holding("angel-2", "common", 3000, "3000");
        return s.holding("dr-a", "common", 1000, cost);
    }

    @Test
    void aReferrerBuyingBelowThePassiveInvestorsWeightedPriceIsOnDifferentTerms() {
        // Passive investors paid 5,000 for 4,000 shares: 1.25 a share on average (the cheapest paid 1.00).
        assertThat(referrerPays("1249").findings("AKS-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("dr-a, who refers patients, paid 1.249 a unit for 1,000 units",
                    "investors with no role in the MSO who do not refer paid 1.25 a unit on average, weighted by units "
                            + "(angel-1, angel-2; 4,000 units)");
        });
        assertThat(referrerPays("1250").findings("AKS-03")).isEmpty();
    }

    @Test
    void aLayFounderWhoRunsTheMsoIsNotAPassiveInvestor() {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true));
        s.holding("dr-a", "common", 1000, "500");
        // The founder (CEO and director) paid 1.00 a share, but is not passive: nobody to compare with, no finding.
        assertThat(s.findings("AKS-03")).isEmpty();
        assertThat(referrerPays("500").findings("AKS-03")).singleElement()
                .satisfies(f -> assertThat(f.message()).doesNotContain("founder"));
    }
}
