package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Date options: a date before the model's asOf is a usage error in every command that sells or shows the cap table. */
class IsoDateTest {

    private static final String DERM = CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml").toString(); // asOf 2026-01-01

    @Test
    void captableAtBeforeAsOfIsAUsageErrorNamingTheOptionAndAsOf() {
        assertRefused(CliRun.of("captable", DERM, "--at", "2025-06-01"), "--at");
    }

    @Test
    void waterfallDateBeforeAsOfIsAUsageError() {
        assertRefused(CliRun.of("waterfall", DERM, "--exit", "10M", "--date", "2025-06-01"), "--date");
    }

    @Test
    void breakpointsDateBeforeAsOfIsAUsageError() {
        assertRefused(CliRun.of("breakpoints", DERM, "--date", "2025-06-01"), "--date");
    }

    @Test
    void asOfItselfIsAccepted() {
        assertThat(CliRun.of("captable", DERM, "--at", "2026-01-01").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(CliRun.of("waterfall", DERM, "--exit", "10M", "--date", "2026-01-01").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(CliRun.of("breakpoints", DERM, "--date", "2026-01-01").exitCode()).isEqualTo(ExitCode.OK);
    }

    private static void assertRefused(CliRun run, String option) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("msocap: " + option + " 2025-06-01 is before the model's asOf (2026-01-01): "
                + "the model knows the cap table only from asOf on" + System.lineSeparator());
    }
}
