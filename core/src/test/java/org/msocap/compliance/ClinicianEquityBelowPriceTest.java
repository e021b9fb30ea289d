package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msocap.model.Mso;
import org.msocap.model.Person;

class ClinicianEquityBelowPriceTest {

    /** Two passive lay investors paid 5,000 for 4,000 shares (1.25 a share on average); dr-a pays {@code cost}. */
    private static Scenario clinicianPays(long shares, String cost) {
        Scenario s = new Scenario().person(Person.lay("angel-1", "Ann Angel")).person(Person.lay("angel-2", "Bo Angel"));
        s.holding("angel-1", "common", 1000, "2000").holding("angel-2", "common", 3000, "3000");
        return s.holding("dr-a", "common", shares, cost);
    }

    @Test
    void clinicianSharesForNothingOrBelowThePassiveWeightedPriceAreReported() {
        assertThat(clinicianPays(2_500_000, "0").findings("COI-04")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("holds 2,500,000 units of class common", "no price paid"));
        assertThat(clinicianPays(1000, "1249").findings("COI-04")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("they cost 1.249 a unit", "paid 1.25 a unit on average, weighted by units (angel-1, angel-2; 4,000 units)"));
        // A corporation's findings speak of shares (PRODUCT.md §7: an LLC has units, a corporation shares).
        Scenario corporation = clinicianPays(1000, "1249");
        corporation.msoForm = Mso.Form.C_CORP;
        assertThat(corporation.findings("COI-04")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("holds 1,000 shares of class common", "paid 1.25 a share on average, weighted by shares"));
    }

    @Test
    void clinicianSharesAtThePassivePriceAreNot() {
        assertThat(clinicianPays(1000, "1250").findings("COI-04")).isEmpty();
    }
}
