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
        Files.writeString(f, """
                msocap: 1
                venture: Early
                asOf: 2026-01-01
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
                  - name: Too early
                    date: 2026-06-30
                    ebitdaMultiple: 8
                """);
        CliRun run = CliRun.of("fees", f.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).startsWith("msocap: invalid model: " + f + ":22:11: exits[0].date: ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }
}
