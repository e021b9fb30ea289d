package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.OptionGrant;
import org.msocap.model.Safe;
import org.msocap.money.Money;

class ConflictViewTest {

    @Test
    void everyClinicianInvestorIsListedWithHoldingsRolesAndFindings() {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true))
                .person(Scenario.physician("dr-c", "FL"));
        s.holdings.clear();
        s.holding("founder", "common", 5000, "5000").holding("dr-a", "common", 5000, "5000");
        s.msoDirectors.add("dr-a");
        Scenario withOptions = s;
        var venture = withOptions.build().toBuilder().mso(withOptions.build().mso().toBuilder().optionPool(2000)
                .option(OptionGrant.of("dr-c", 1000, new BigDecimal("1.00"), null))
                .safe(new Safe("dr-c", Money.of(50_000), Money.of(5_000_000), null, null, LocalDate.of(2025, 1, 1), null))
                .build()).build();
        ComplianceReport report = ComplianceChecker.DEFAULT.check(venture, s.asOf, FeeMetricsSource.NONE);

        assertThat(report.conflicts()).extracting(ClinicianConflict::personId).containsExactly("dr-a", "dr-c");
        ClinicianConflict a = report.conflicts().get(0);
        assertThat(a.refersPatients()).isTrue();
        assertThat(a.professions()).containsExactly("physician");
        assertThat(a.positions()).singleElement().satisfies(p -> {
            assertThat(p.security()).isEqualTo("shares");
            assertThat(p.ofClass()).isEqualTo(BigFraction.ONE_HALF);
        });
        // 5,000 of 12,000 fully diluted (10,000 issued + 1,000 granted + 1,000 unissued pool).
        assertThat(a.fullyDiluted()).isEqualTo(new BigFraction(5, 12));
        assertThat(a.msoRoles()).containsExactly("director");
        assertThat(a.practiceRoles()).containsExactly("p1 shareholder (100%)", "p1 director", "p1 president");
        assertThat(a.onBothSides()).isTrue();
        assertThat(a.findings()).contains("AKS-01 medium: class common", "COI-01 medium: person dr-a", "COI-02 medium: person dr-a");

        ClinicianConflict c = report.conflicts().get(1);
        assertThat(c.refersPatients()).isFalse();
        assertThat(c.positions()).extracting(ClinicianConflict.Position::security).containsExactly("options", "safe");
        assertThat(c.positions().get(1).amount()).isEqualTo(Money.of(50_000));
        assertThat(c.practiceRoles()).isEmpty();
        assertThat(c.onBothSides()).isFalse();
    }

    @Test
    void layInvestorsAreNotInTheView() {
        assertThat(new Scenario().check().conflicts()).isEmpty();
    }
}
