package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets one line naming file, line, column and field, exit code 3, no stack trace. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private static final String HEAD = "msocap: 1\nventure: Test\npeople:\n  - {id: alice, name: Alice}\n"
            + "  - {id: fund, name: Fund LP, type: entity}\n"
            + "  - id: dr-old\n    name: Old Doc\n    licenses: [{profession: physician, state: CA, status: active, expires: 2025-12-31}]\n"
            + "mso:\n  classes:\n    - {id: common, type: common}\n  holdings:\n";

    @Test
    void aValidFileExitsZero() {
        CliRun run = CliRun.of("validate", CliRun.TELEHEALTH.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid (Sunrise Telehealth, as of 2026-01-01)");
    }

    @Test
    void negativeShares() throws IOException {
        assertInvalid(HEAD + "    - {holder: alice, class: common, shares: -5}\n",
                "m.yaml:13:46: mso.holdings[0].shares: shares must be > 0 but was -5");
    }

    @Test
    void fractionalShares() throws IOException {
        assertInvalid(HEAD + "    - {holder: alice, class: common, shares: 10.5}\n", "m.yaml:13:46: mso.holdings[0].shares: fractional shares are not allowed: 10.5");
    }

    @Test
    void unknownClass() throws IOException {
        assertInvalid(HEAD + "    - {holder: alice, class: comon, shares: 10}\n",
                "m.yaml:13:30: mso.holdings[0].class: unknown class 'comon' (did you mean 'common'?)");
    }

    @Test
    void entityHoldingPracticeShares() throws IOException {
        assertInvalid(HEAD + "    - {holder: alice, class: common, shares: 10}\n"
                + "practices:\n  - id: pc\n    name: PC\n    state: CA\n    shareholders: [{holder: fund, shares: 1}]\n",
                "m.yaml:18:29: practices[0].shareholders[0].holder: practice pc shares may be held only by licensed clinicians, but fund is an entity");
    }

    @Test
    void expiredLicenseHoldingPracticeShares() throws IOException {
        assertInvalid("asOf: 2026-01-01\n" + HEAD + "    - {holder: alice, class: common, shares: 10}\n"
                + "practices:\n  - id: pc\n    name: PC\n    state: CA\n    shareholders: [{holder: dr-old, shares: 1}]\n",
                "dr-old has no clinical license active on 2026-01-01");
    }

    @Test
    void malformedYaml() throws IOException {
        assertInvalid("msocap: 1\nventure: [oops\n", "m.yaml:3:1:");
    }

    @Test
    void missingFileIsAClearError() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Try 'msocap --help'");
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, HEAD + "    - {holder: alice, class: common, shares: -5}\n");
        CliRun run = CliRun.of("validate", "--debug", f.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).contains("org.msocap.io.InvalidModelException: " + f);
    }

    @Test
    void noCommandPrintsTheUsageAndSuggestsForATypo() {
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("Commands:").contains("report").contains("waterfall");
        CliRun typo = CliRun.of("wterfall", "x.yaml");
        assertThat(typo.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).contains("Did you mean: msocap waterfall");
    }

    @Test
    void anEscalatorWrittenAsAWholePercentIsRefused() throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, HEAD + "    - {holder: alice, class: common, shares: 10}\n"
                + "practices:\n  - {id: pc, name: PC, state: CA, shareholders: [{holder: dr-new, shares: 1}]}\n"
                + "agreements:\n  - {id: msa, practice: pc, fee: {basis: fixed, monthly: 1000, escalator: 3}}\n");
        Files.writeString(f, Files.readString(f).replace("  - {id: fund, name: Fund LP, type: entity}\n",
                "  - {id: fund, name: Fund LP, type: entity}\n  - id: dr-new\n    name: New Doc\n"
                        + "    licenses: [{profession: physician, state: CA, status: active}]\n"));
        CliRun run = CliRun.of("validate", f.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).contains("agreements[0].fee.escalator: escalator is a yearly fraction between -1 and 1 "
                + "(write 0.03 for 3%) but was 3");
    }

    @Test
    void checkOnADateAfterTheOwnersLicenseExpiresIsAFindingNotAnInvalidModel() {
        // dr-kim's license expires 2028-01-31: the day of, nothing; the day after, a renewal to confirm (LIC-01, high).
        CliRun onExpiry = CliRun.of("check", CliRun.EXAMPLES.resolve("glow-medical-spa.yaml").toString(), "--as-of", "2028-01-31");
        assertThat(onExpiry.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(onExpiry.out()).doesNotContain("LIC-01");
        CliRun run = CliRun.of("check", CliRun.EXAMPLES.resolve("glow-medical-spa.yaml").toString(), "--as-of", "2028-02-01",
                "--fail-on", "high");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("LIC-01  person dr-kim", "dr-kim's FL physician license expires 2028-01-31, before the as-of "
                + "date 2028-02-01: renewal not recorded");
        CliRun badDate = CliRun.of("check", CliRun.TELEHEALTH.toString(), "--as-of", "2029/06/30");
        assertThat(badDate.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badDate.err()).contains("expected a date as YYYY-MM-DD, e.g. 2026-01-01, but was '2029/06/30'");
    }

    @Test
    void versionAndHelp() {
        assertThat(CliRun.of("--version").out()).startsWith("msocap ");
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("validate").contains("captable").contains("not legal advice");
    }

    private void assertInvalid(String yaml, String expected) throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, yaml);
        CliRun run = CliRun.of("validate", f.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        String firstLine = run.err().lines().findFirst().orElse("");
        assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(firstLine).startsWith("msocap: invalid model: " + f).contains(expected.replace("m.yaml", ""));
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }
}
