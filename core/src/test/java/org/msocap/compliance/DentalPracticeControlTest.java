package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.FeeTerms;

class DentalPracticeControlTest {

    private static Scenario texasDental() {
        Scenario s = Scenario.in("TX").person(Scenario.licensee("dr-a", "dentist", "TX"));
        s.profession = "dentist";
        return s;
    }

    @Test
    void aCleanDentalPracticeHasNoFinding() {
        assertThat(texasDental().findings("PROF-01")).isEmpty();
    }

    @Test
    void msoControlAPercentageFeeOrANonDentistOwnerAreCritical() {
        Scenario control = texasDental();
        control.msoControls = List.of("equipment");
        assertThat(control.findings("PROF-01")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        Scenario percent = texasDental();
        percent.fee = FeeTerms.percentOfCollections(new BigDecimal("0.35"));
        assertThat(percent.findings("PROF-01")).singleElement().satisfies(f -> assertThat(f.message()).contains("35% of collections"));
        Scenario owner = texasDental().person(Scenario.physician("dr-b", "TX")).practiceShares("dr-b", 10);
        assertThat(owner.findings("PROF-01")).singleElement().satisfies(f -> assertThat(f.message()).contains("dr-b", "not a dentist"));
    }
}
