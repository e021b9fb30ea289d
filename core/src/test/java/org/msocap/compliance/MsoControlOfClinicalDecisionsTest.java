package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.Agreement;
import org.msocap.model.ModelException;
import org.msocap.model.Person;

class MsoControlOfClinicalDecisionsTest {

    private static Scenario with(String state, String... controls) {
        Scenario s = Scenario.in(state);
        s.msoControls = List.of(controls);
        return s;
    }

    @Test
    void severityFollowsTheStatesDoctrineOnBothSidesOfEachLevel() {
        assertThat(with("NY", "coding").findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("strong").isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("coding (diagnostic coding decisions)", "New York, STRONG corporate-practice doctrine");
        });
        assertThat(with("NY").findings("CTRL-01")).isEmpty();
        assertThat(with("PA", "coding").findings("CTRL-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).as("moderate-strong").isEqualTo(Severity.HIGH));
        assertThat(with("WA", "coding").findings("CTRL-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).as("moderate").isEqualTo(Severity.HIGH));
        assertThat(with("KS", "coding").findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("unverified defaults to moderate").isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("UNVERIFIED");
        });
        assertThat(with("GA", "treatment").findings("CTRL-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).as("weak").isEqualTo(Severity.MEDIUM));
        assertThat(with("FL", "diagnosis").findings("CTRL-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).as("none").isEqualTo(Severity.MEDIUM));
    }

    @Test
    void weakAndNoDoctrineStatesJudgeOnlyClinicalJudgment() {
        for (String state : List.of("AZ", "GA", "OH", "FL", "VA")) {
            assertThat(with(state, "pricing", "coding").findings("CTRL-01")).as(state).isEmpty();
            assertThat(with(state, "prescribing").findings("CTRL-01")).as(state).hasSize(1);
        }
    }

    @Test
    void treatmentCompensationAndStaffingCountInTexasAndNewYork() {
        assertThat(with("TX", "treatment").findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.confidence()).isNotEqualTo(Confidence.LOW);
        });
        assertThat(with("NY", "clinician-compensation", "clinical-staffing").findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.confidence()).as("the research names these only under SB 951").isEqualTo(Confidence.LOW);
            assertThat(f.message()).contains("only under Oregon SB 951: verify whether New York keeps them with licensees");
        });
    }

    @Test
    void anUnknownDecisionIsAModelErrorWithASuggestion() {
        assertThatThrownBy(() -> with("NY", "precsribing").build()).isInstanceOf(ModelException.class)
                .hasMessageContaining("unknown decision 'precsribing'").hasMessageContaining("did you mean 'prescribing'");
    }

    @Test
    void theDecisionVocabularyIsTheCatalogs() {
        assertThat(RuleCatalog.DEFAULT.controls().keySet()).containsExactlyElementsOf(Agreement.DECISIONS);
    }

    @Test
    void dentalPracticesInProf01StatesAreProf01s() {
        Scenario s = with("TX", "treatment").person(Scenario.licensee("dr-a", "dentist", "TX"));
        s.profession = "dentist";
        assertThat(s.findings("CTRL-01")).isEmpty();
        assertThat(s.findings("PROF-01")).hasSize(1);
    }

    @Test
    void oregonBecomesCriticalOnTheDaySb951Applies() {
        Scenario before = with("OR", "coding");
        before.asOf = LocalDate.of(2025, 12, 31);
        before.msoControls = List.of("clinician-compensation");
        assertThat(before.findings("CTRL-01")).singleElement().satisfies(f -> assertThat(f.confidence()).isEqualTo(Confidence.LOW));
        Scenario on = with("OR", "clinician-compensation");
        on.asOf = LocalDate.of(2026, 1, 1);
        assertThat(on.findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.confidence()).isNotEqualTo(Confidence.LOW);
            assertThat(f.message()).contains("clinician-compensation (compensation of licensees)", "Assumes the MSO and p1 formed after 2025-06-09");
        });
    }

    @Test
    void existingOregonEntitiesGetTheGracePeriodUntil2029() {
        Scenario s = with("OR", "advertising");
        s.asOf = LocalDate.of(2028, 12, 31);
        CheckOptions existing = new CheckOptions(Map.of(CheckOptions.MSO, LocalDate.of(2020, 1, 1), "p1", LocalDate.of(2020, 1, 1)));
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), s.asOf, FeeMetricsSource.NONE, existing).forRule("CTRL-01"))
                .singleElement().satisfies(f -> assertThat(f.confidence()).isEqualTo(Confidence.LOW));
        LocalDate graceEnds = LocalDate.of(2029, 1, 1);
        assertThat(ComplianceChecker.DEFAULT.check(s.build(), graceEnds, FeeMetricsSource.NONE, existing).forRule("CTRL-01"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.confidence()).isNotEqualTo(Confidence.LOW);
                    assertThat(f.message()).doesNotContain("Assumes");
                });
    }

    @Test
    void californiaAddsSb351sListWhenPrivateEquityInvestsFrom2026() {
        Scenario s = with("CA", "payer-contracting");
        assertThat(s.findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).doesNotContain("SB 351");
        });
        s.person(Person.entity("pe-fund", "Harbor Capital Partners IV, LP").withPrivateEquity(true));
        s.holding("pe-fund", "common", 4000, "4000");
        assertThat(s.findings("CTRL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("private-equity investors (pe-fund)");
        });
        s.asOf = LocalDate.of(2025, 12, 31);
        assertThat(s.findings("CTRL-01")).singleElement().satisfies(f -> assertThat(f.message()).doesNotContain("SB 351"));
    }
}
