package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IneligibleDirectorOrOfficerTest {

    @Test
    void aLayDirectorOfANewYorkPracticeIsReported() {
        Scenario s = Scenario.in("NY");
        s.practiceDirectors.add("founder");
        assertThat(s.findings("OWN-05")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("founder is director", "holds no NY license");
        });
        assertThat(Scenario.in("NY").findings("OWN-05")).isEmpty();
    }

    @Test
    void californiaExemptsOnlyTheAssistantOffices() {
        Scenario assistant = Scenario.in("CA");
        assistant.practiceOfficers.put("assistant-secretary", "founder");
        assertThat(assistant.findings("OWN-05")).isEmpty();
        Scenario secretary = Scenario.in("CA");
        secretary.practiceOfficers.put("secretary", "founder");
        assertThat(secretary.findings("OWN-05")).singleElement().satisfies(f -> assertThat(f.message()).contains("secretary"));
    }

    @Test
    void theEligibleProfessionsAreListedInAlphabeticalOrder() {
        // They came from Set.copyOf, whose order changes from one run of the JVM to the next: the same model gave
        // different check output.
        Scenario secretary = Scenario.in("CA");
        secretary.practiceOfficers.put("secretary", "founder");
        assertThat(secretary.findings("OWN-05")).singleElement().satisfies(f -> assertThat(f.message()).endsWith(
                "eligible: acupuncturist, chiropractor, lcsw, lpcc, mft, naturopathic-doctor, nurse-practitioner, optometrist, "
                        + "physician, physician-assistant, podiatrist, psychologist, registered-nurse"));
    }
}
