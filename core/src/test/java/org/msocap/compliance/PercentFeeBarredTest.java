package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;

class PercentFeeBarredTest {

    private static Scenario percent(String state) {
        Scenario s = Scenario.in(state);
        s.fee = FeeTerms.percentOfCollections(new BigDecimal("0.08"));
        return s;
    }

    @Test
    void newYorkBarsAPercentageFee() {
        assertThat(percent("NY").findings("FEE-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("8% of collections fee", "8 NYCRR 29.1(b)(4)");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        });
        assertThat(Scenario.in("NY").findings("FEE-01")).as("fixed fee").isEmpty();
    }

    @Test
    void illinoisAllowsAPercentageForBillingServicesOnly() {
        Scenario billing = percent("IL");
        billing.services = List.of("billing", "collections");
        assertThat(billing.findings("FEE-01")).isEmpty();
        Scenario more = percent("IL");
        more.services = List.of("billing", "marketing");
        assertThat(more.findings("FEE-01")).hasSize(1);
    }

    @Test
    void northCarolinaDentalPercentageFeesAreOneFindingUnderProf01() {
        assertThat(percent("NC").findings("FEE-01")).isEmpty();
        Scenario dental = percent("NC").person(Scenario.licensee("dr-a", "dentist", "NC"));
        dental.profession = "dentist";
        assertThat(dental.findings("FEE-01")).isEmpty();
        assertThat(dental.findings("PROF-01")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void illinoisExemptsBillingAndItsPreparationButNotOtherAdministrativeServices() {
        Scenario billing = percent("IL");
        billing.services = List.of("billing", "billing-preparation", "collections");
        assertThat(billing.findings("FEE-01")).isEmpty();
        Scenario administrative = percent("IL");
        administrative.services = List.of("billing", "administrative");
        assertThat(administrative.findings("FEE-01")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("services: billing, administrative"));
    }

    @Test
    void aHybridWithoutAPercentIsAFixedFee() {
        Scenario s = Scenario.in("NY");
        s.fee = new FeeTerms(FeeTerms.Basis.HYBRID, org.msocap.money.Money.of(40_000), null, BigDecimal.ZERO, null);
        assertThat(s.findings("FEE-01")).isEmpty();
    }
}
