package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msocap.model.Person;

class InvestorTestTest {

    /** Referring clinician dr-a holds {@code referring} of 10,000 common shares; the founder holds the rest. */
    private static Scenario common(long referring) {
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true));
        s.holdings.clear();
        s.holding("founder", "common", 10_000 - referring, null).holding("dr-a", "common", referring, null);
        return s;
    }

    @Test
    void exactlyFortyPercentPasses() {
        assertThat(common(4000).findings("AKS-01")).isEmpty();
    }

    @Test
    void fortyPointZeroOnePercentFails() {
        assertThat(common(4001).findings("AKS-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.subjectKind()).isEqualTo(SubjectKind.CLASS);
            assertThat(f.subjectId()).isEqualTo("common");
            assertThat(f.message()).isEqualTo("clinician investors who refer (dr-a) hold 40.01% of class common; "
                    + "the safe-harbor limit is 40%");
            assertThat(f.citation().text()).contains("1001.952(a)(2)(i)");
        });
    }

    @Test
    void theMessageNamesTheShareAsTheIssueDescribes() {
        // 6 of 13 = 46.15...%
        Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true));
        s.holdings.clear();
        s.holding("founder", "common", 7, null).holding("dr-a", "common", 6, null);
        assertThat(s.findings("AKS-01")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("clinician investors who refer (dr-a) hold 46.2% of class common; the safe-harbor limit is 40%"));
    }

    @Test
    void eachClassIsTestedOnItsOwn() {
        Scenario s = common(1000).person(Person.lay("supplier", "Lab Supply Co. owner").withRefersPatients(true));
        s.classes.add(org.msocap.model.ShareClass.preferred("series-a", new java.math.BigDecimal("1.00"), 1));
        s.holding("supplier", "series-a", 500, null).holding("founder", "series-a", 500, null);
        assertThat(s.findings("AKS-01")).singleElement().satisfies(f -> {
            assertThat(f.subjectId()).isEqualTo("series-a");
            assertThat(f.message()).startsWith("investors in a position to refer (supplier) hold 50%");
        });
    }
}
