package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CheckCommandTest {

    /** The compliance examples (the lead copies them into examples/ventures). */
    static final Path COMPLIANCE = Path.of("..", "core", "src", "test", "resources", "org", "msocap", "compliance");

    private static String file(String name) {
        return COMPLIANCE.resolve(name).toString();
    }

    @Test
    void criticalFindingsExitWithCode4AndAreGroupedBySeverity() {
        CliRun run = CliRun.of("check", file("oregon-founder-directs-practice.yaml"));
        assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("Cascade Family Medicine — compliance check as of 2026-03-01\nmsocap is a modeling tool, not legal advice.\n")
                .contains("CRITICAL (4)", "MEDIUM (2)")
                .contains("  CTRL-03  person dr-park  [confidence M]  An MSO shareholder, director, officer or staff member is a director or officer of the Oregon practice")
                .contains("cite: SB 951; HB 3410 <https://www.alston.com/")
                .contains("Clinicians holding MSO equity")
                .contains("Not checked (the model lacks their inputs): CPOM-01, CPOM-02, CPOM-03, OWN-06")
                .contains("Result: 4 critical, 2 medium; 4 at or above critical (exit code 4)");
        assertThat(run.out().indexOf("CRITICAL (4)")).isLessThan(run.out().indexOf("MEDIUM (2)"));
    }

    @Test
    void beforeOregonsLawAppliesTheSameFilePassesTheDefaultThreshold() {
        CliRun run = CliRun.of("check", file("oregon-founder-directs-practice.yaml"), "--as-of", "2025-12-31");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).doesNotContain("CRITICAL").contains("0 at or above critical");
    }

    @Test
    void failOnLowersTheThreshold() {
        assertThat(CliRun.of("check", file("florida-clean.yaml")).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(CliRun.of("check", file("florida-clean.yaml"), "--fail-on", "high").exitCode()).isEqualTo(ExitCode.OK);
        CliRun medium = CliRun.of("check", file("florida-clean.yaml"), "--fail-on", "medium");
        assertThat(medium.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(medium.out()).contains("Result: 2 medium; 2 at or above medium (exit code 4)");
    }

    @Test
    void anUnknownSeverityIsAUsageError() {
        CliRun run = CliRun.of("check", file("florida-clean.yaml"), "--fail-on", "severe");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("severity must be one of info|low|medium|high|critical but was 'severe'");
    }

    @Test
    void jsonCarriesFindingsConflictsAndTheDisclaimer() {
        CliRun run = CliRun.of("check", file("new-york-percentage-fee.yaml"), "--format", "json", "--fail-on", "high");
        assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("\"rule\" : \"FEE-01\"", "\"severity\" : \"high\"", "\"person\" : \"dr-okafor\"",
                "\"rule\" : \"STARK-01\"", "\"disclaimer\" : \"msocap is a modeling tool, not legal advice.\"");
        assertThat(run.out()).contains("\"subject\" : {\n      \"kind\" : \"agreement\",\n      \"id\" : \"msa-empire\"");
    }

    @Test
    void csvTitlesCarryTheDisclaimer() {
        CliRun run = CliRun.of("check", file("california-psychologist-half-owner.yaml"), "--format", "csv");
        assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).startsWith("# Findings — Golden State Behavioral Health as of 2026-03-01 "
                + "(msocap is a modeling tool, not legal advice.)\nseverity,rule,");
        assertThat(run.out()).contains("critical,OWN-03,practice,gsbh-medical,");
    }
}
