package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    /** The compliance examples (the lead copies them into examples/ventures). */
    static final Path COMPLIANCE = Path.of("..", "core", "src", "test", "resources", "org", "msocap", "compliance");

    private static String file(String name) {
        return COMPLIANCE.resolve(name).toString();
    }

    /** A physician owns 60% of an LLC until a recap on 2027-06-30, then rolls $1M of $12M into a sponsor's $20M. */
    private static final String RECAP = """
            msocap: 1
            venture: Harbor Clinic
            asOf: 2026-01-01
            people:
              - id: dr-ng
                name: Lee Ng, MD
                licenses: [{profession: physician, state: NC, status: active, expires: 2030-06-30}]
              - {id: founder, name: Pat Founder}
              - {id: sponsor, name: Sponsor Fund, type: entity, privateEquity: true}
            mso:
              name: Harbor Management, LLC
              form: llc
              classes:
                - {id: common-units, type: common}
              holdings:
                - {holder: dr-ng, class: common-units, shares: 6000, acquired: 2025-01-01, cost: 600k}
                - {holder: founder, class: common-units, shares: 4000, acquired: 2025-01-01, cost: 400k}
            practices:
              - {id: harbor-pc, name: "Harbor Medicine, P.C.", state: NC, form: pc,
                 shareholders: [{holder: dr-ng, shares: 100}], directors: [dr-ng]}
            agreements:
              - {id: msa, practice: harbor-pc, fee: {basis: fixed, monthly: 50000}, fmvOpinion: true, termMonths: 60,
                 services: [billing]}
            events:
              - type: recap
                name: Sponsor recap
                date: 2027-06-30
                enterpriseValue: 20M
                classes:
                  - {id: hp-pref, type: preferred, issuePrice: 1, participation: full, seniority: 1}
                buyer: {holder: sponsor, class: hp-pref, price: 1}
                rollover:
                  - {holder: dr-ng, amount: 1M, class: hp-pref}
            """;

    @TempDir
    Path dir;

    @Test
    void ownershipIsTheCapTableInForceOnTheCheckDateAfterARecap() throws IOException {
        Path model = Files.writeString(dir.resolve("harbor.yaml"), RECAP);

        CliRun before = CliRun.of("check", model.toString(), "--as-of", "2027-06-29");
        assertThat(before.exitCode()).as(before.err()).isEqualTo(ExitCode.OK);
        assertThat(before.out()).contains("6,000 common-units (60.00% of class)")
                .doesNotContain("MSO ownership");

        CliRun after = CliRun.of("check", model.toString(), "--as-of", "2028-01-01");
        assertThat(after.exitCode()).as(after.err()).isEqualTo(ExitCode.OK);
        assertThat(after.out())
                .contains("MSO ownership: the cap table in force on 2028-01-01, after Sponsor recap (2027-06-30).")
                .contains("1,000,000 hp-pref (5.00% of class)")
                .doesNotContain("common-units");
        // The practice's findings do not depend on the MSO's cap table.
        assertThat(after.out()).contains("COI-02  person dr-ng");
        CliRun json = CliRun.of("check", model.toString(), "--as-of", "2028-01-01", "--format", "json");
        assertThat(json.out()).contains("\"ownership\" : \"MSO ownership: the cap table in force on 2028-01-01");
    }

    @Test
    void beforeAsOfTheChecksRunAndSayOwnershipIsTheAsOfCapTable() throws IOException {
        Path model = Files.writeString(dir.resolve("harbor.yaml"), RECAP);

        CliRun run = CliRun.of("check", model.toString(), "--as-of", "2025-06-01");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Harbor Clinic — compliance check as of 2025-06-01\n"
                + "msocap is a modeling tool, not legal advice.\n"
                + "MSO ownership: the cap table as written on asOf (2026-01-01); the model does not know it before then.\n");
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
