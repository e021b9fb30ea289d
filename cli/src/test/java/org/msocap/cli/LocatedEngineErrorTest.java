package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule an engine enforces after loading is still reported at the file, line and column of its field. */
class LocatedEngineErrorTest {

    @TempDir
    Path dir;

    @Test
    void anExitTooEarlyForTheProjectionPointsAtItsDate() throws IOException {
        Path f = dir.resolve("early.yaml");
        Files.writeString(f, BEFORE_START.formatted("2026-06-30", "2027-01-01"));
        CliRun run = CliRun.of("fees", f.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).startsWith("msocap: invalid model: " + f + ":22:11: exits[0].date: ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    private static final String BEFORE_START = """
            msocap: 1
            venture: Early
            asOf: 2025-01-01
            people:
              - {id: alice, name: Alice}
              - id: dr-a
                name: Dr A
                licenses: [{profession: physician, state: FL, status: active}]
            mso:
              classes: [{id: common, type: common}]
              holdings: [{holder: alice, class: common, shares: 100}]
            practices:
              - {id: pc, name: PC, state: FL, shareholders: [{holder: dr-a, shares: 1}]}
            agreements:
              - {id: msa, practice: pc, fee: {basis: fixed, monthly: 10000}}
            financials:
              start: 2026-01-01
              practices:
                pc: {collections: 1M}
            exits:
              - name: Before the start
                date: %s
                ebitdaMultiple: 8
            simulation:
              runs: 10
              exitDate: {uniform: [%s, 2030-06-30]}
            """;

    @Test
    void everyCommandRefusesAnExitBeforeTheProjectionStarts() throws IOException {
        Path f = dir.resolve("before.yaml");
        Files.writeString(f, BEFORE_START.formatted("2025-06-01", "2027-01-01"));
        for (String command : new String[] {"validate", "waterfall", "captable", "report", "simulate"}) {
            CliRun run = CliRun.of(command, f.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command).isEqualTo("msocap: invalid model: " + f + ":22:11: exits[0].date: exit date "
                    + "2025-06-01 is before financials.start 2026-01-01; the projection cannot value an exit before it begins\n");
        }
    }

    @Test
    void validateRefusesSimulatedExitDatesBeforeTheProjectionCanValueThem() throws IOException {
        Path f = dir.resolve("sim.yaml");
        Files.writeString(f, BEFORE_START.formatted("2027-06-30", "2025-03-01"));
        for (String command : new String[] {"validate", "simulate"}) {
            CliRun run = CliRun.of(command, f.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command).startsWith("msocap: invalid model: " + f + ":26:13: simulation.exitDate: exit dates "
                    + "from 2025-03-01 cannot be valued: the first exit date with a trailing twelve months of projection is 2026-12-01");
        }
    }

    @Test
    void everyCommandRefusesAnExitBeforeAsOfAtItsDate() throws IOException {
        Path f = dir.resolve("past.yaml");
        Files.writeString(f, BEFORE_START.formatted("2024-06-30", "2027-01-01"));
        for (String command : new String[] {"validate", "check", "waterfall", "breakpoints", "captable", "report", "simulate"}) {
            CliRun run = CliRun.of(command, f.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command).isEqualTo("msocap: invalid model: " + f + ":22:11: exits[0].date: exit 'Before the "
                    + "start' is dated 2024-06-30, before asOf (2025-01-01): the model knows the cap table only from asOf on; date "
                    + "the sale on or after asOf, or leave the date out to sell on asOf\n");
        }
    }

    @Test
    void validateRefusesSimulatedExitDatesBeforeAsOf() throws IOException {
        Path f = dir.resolve("sim-past.yaml");
        Files.writeString(f, BEFORE_START.formatted("2027-06-30", "2024-07-01"));
        for (String command : new String[] {"validate", "simulate"}) {
            CliRun run = CliRun.of(command, f.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command).isEqualTo("msocap: invalid model: " + f + ":26:13: simulation.exitDate: exit dates "
                    + "from 2024-07-01 are before asOf (2025-01-01): the model knows the cap table only from asOf on; start the "
                    + "exitDate distribution on or after asOf\n");
        }
    }

    @Test
    void everyCommandRefusesASimulatedMultipleWithoutFinancialsAtTheDistribution() throws IOException {
        Path f = dir.resolve("no-financials.yaml");
        Files.writeString(f, """
                msocap: 1
                venture: No projection
                asOf: 2026-01-01
                people:
                  - {id: alice, name: Alice}
                mso:
                  classes: [{id: common, type: common}]
                  holdings: [{holder: alice, class: common, shares: 100}]
                exits:
                  - {name: Sale, date: 2028-06-30, enterpriseValue: 10M}
                simulation:
                  runs: 10
                  ebitdaMultiple: {uniform: [8, 12]}
                """);
        for (String command : new String[] {"validate", "check", "waterfall", "simulate", "report"}) {
            CliRun run = CliRun.of(command, f.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command).isEqualTo("msocap: invalid model: " + f + ":13:19: simulation.ebitdaMultiple: the "
                    + "simulation values the MSO at a multiple of its EBITDA, which needs a financials: section (start, years, "
                    + "practices, mso) to project it\n");
        }
    }
}
