package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWorkbookWithEverySheet() throws Exception {
        Path out = dir.resolve("sunrise.xlsx");
        CliRun run = CliRun.of("export", CliRun.TELEHEALTH.toString(), "-o", out.toString(), "--runs", "300");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("wrote " + out);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Summary");
            assertThat(wb.getSheet("Waterfall")).isNotNull();
            assertThat(wb.getSheet("Simulation Runs").getLastRowNum()).isEqualTo(300);
        }
    }

    @Test
    void refusesAnExistingFileWithoutForceAndReplacesItWithForce() throws Exception {
        Path out = dir.resolve("sunrise.xlsx");
        Files.writeString(out, "keep");
        CliRun refused = CliRun.of("export", CliRun.TELEHEALTH.toString(), "-o", out.toString(), "--runs", "50");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("already exists; use --force to replace it");
        assertThat(Files.readString(out)).isEqualTo("keep");
        CliRun forced = CliRun.of("export", CliRun.TELEHEALTH.toString(), "-o", out.toString(), "--runs", "50", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCode.OK);
    }

    /** An output that cannot be written is the user's to fix, not a bug: one line naming the file, exit 2. */
    @Test
    void anOutputThatCannotBeWrittenIsAUsageError() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        for (String[] args : new String[][] {
                {"export", CliRun.TELEHEALTH.toString(), "-o", blocker.resolve("sunrise.xlsx").toString(), "--runs", "50"},
                {"report", CliRun.TELEHEALTH.toString(), "-o", blocker.resolve("report").toString(), "--runs", "50"},
                {"simulate", CliRun.TELEHEALTH.toString(), "--runs", "50", "-o", blocker.resolve("runs.csv").toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(args[0] + ": " + run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(args[0]).contains("msocap: cannot write " + blocker).doesNotContain("internal error", "\tat ");
        }
        assertThat(Files.readString(blocker)).isEqualTo("a file, not a directory");
    }

    @Test
    void neverWritesOverTheModelFile() throws Exception {
        Path model = dir.resolve("model.yaml");
        Files.copy(CliRun.TELEHEALTH, model);
        byte[] before = Files.readAllBytes(model);
        CliRun run = CliRun.of("export", model.toString(), "-o", model.toString(), "--force", "--runs", "50");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("input model");
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }
}
