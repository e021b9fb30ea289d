package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.License;
import org.msocap.model.LicenseStatus;
import org.msocap.model.Person;

/** Checking after a license's recorded expiry: a finding (renewal not recorded), not a lapse the other rules judge. */
class LicenseRenewalNotRecordedTest {

    private static ComplianceReport checkOn(LocalDate date) {
        Scenario s = Scenario.in("NY").person(Person.clinician("dr-b", "Dr B",
                new License("physician", "NY", LicenseStatus.ACTIVE, LocalDate.of(2026, 6, 30))));
        s.practiceShares("dr-b", 500);
        return ComplianceChecker.DEFAULT.check(s.build(), date, FeeMetricsSource.NONE);
    }

    @Test
    void theDayAfterExpiryAsksForTheRenewalAndTheOwnershipRulesAssumeIt() {
        assertThat(checkOn(LocalDate.of(2026, 6, 30)).forRule("LIC-01")).isEmpty();
        ComplianceReport after = checkOn(LocalDate.of(2026, 7, 1));
        assertThat(after.forRule("LIC-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("dr-b's NY physician license expires 2026-06-30, before the as-of date 2026-07-01: "
                    + "renewal not recorded", "shareholder of p1");
        });
        assertThat(after.forRule("OWN-01")).as("no second finding for the same fact").isEmpty();
    }

    @Test
    void aLicenseAlreadyExpiredOnTheModelsDateIsNotRenewed() {
        Scenario s = Scenario.in("NY").person(Person.clinician("dr-b", "Dr B", License.active("physician", "NY"),
                new License("physician", "NJ", LicenseStatus.ACTIVE, LocalDate.of(2026, 2, 1))));
        s.practiceShares("dr-b", 500);
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), LocalDate.of(2027, 1, 1), FeeMetricsSource.NONE).forRule("LIC-01"))
                .isEmpty();
    }
}
