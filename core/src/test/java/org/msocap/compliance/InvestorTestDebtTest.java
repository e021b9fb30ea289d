package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Person;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/** AKS-01: investment interests include debt; the MSO's convertible notes are a class by principal (item 9). */
class InvestorTestDebtTest {

    private static List<Finding> withNotes(long referringPrincipal, long passivePrincipal) {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true))
                .person(Person.lay("lender", "Lee Lender"));
        Venture v = s.build();
        var mso = v.mso().toBuilder();
        mso.note(new ConvertibleNote("dr-a", Money.of(referringPrincipal), new BigDecimal("0.05"), java.time.LocalDate.of(2025, 1, 1), null, null, null, null));
        if (passivePrincipal > 0) {
            mso.note(new ConvertibleNote("lender", Money.of(passivePrincipal), new BigDecimal("0.05"), java.time.LocalDate.of(2025, 1, 1), null, null, null, null));
        }
        Venture withNotes = v.toBuilder().mso(mso.build()).build();
        return ComplianceChecker.DEFAULT.check(withNotes, s.asOf, FeeMetricsSource.NONE).forRule("AKS-01");
    }

    @Test
    void aReferringPhysiciansConvertibleNoteCounts() {
        assertThat(withNotes(400_001, 599_999)).singleElement().satisfies(f -> {
            assertThat(f.subjectId()).isEqualTo("convertible-notes");
            assertThat(f.message()).contains("(dr-a) hold 400,001.00 of the 1,000,000.00 principal", "40.0001%");
        });
        assertThat(withNotes(400_000, 600_000)).as("exactly 40% passes").isEmpty();
        assertThat(withNotes(250_000, 0)).as("the only note").hasSize(1);
    }
}
