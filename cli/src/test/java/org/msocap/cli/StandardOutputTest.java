package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o -} writes to standard output, as a model FILE of {@code -} reads standard input (it wrote a file named
 * {@code -}); and an output in a directory that does not exist is refused, not made (it was made silently).
 */
class StandardOutputTest {

    private static final String MODEL = CliRun.TELEHEALTH.toString();

    @TempDir
    Path dir;

    @Test
    void simulateWritesTheRunsToStandardOutputInPlaceOfTheStatistics() {
        CliRun run = CliRun.of("simulate", MODEL, "--runs", "30", "--seed", "7", "-o", "-");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("run,exitDate,").doesNotContain("by class").hasLineCount(31);
        assertThat(run.err()).doesNotContain("wrote");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void exportWritesTheWorkbookAndThePackageToStandardOutputWhenItIsNoTerminal() throws Exception {
        CliRun.Bytes workbook = CliRun.bytes(false, "export", MODEL, "--runs", "20", "-o", "-");
        assertThat(workbook.exitCode()).as(workbook.err()).isEqualTo(ExitCode.OK);
        assertThat(entries(workbook.out())).contains("xl/workbook.xml");
        assertThat(workbook.err()).doesNotContain("wrote -");

        CliRun.Bytes ocf = CliRun.bytes(false, "export", MODEL, "--ocf", "-o", "-");
        assertThat(ocf.exitCode()).as(ocf.err()).isEqualTo(ExitCode.OK);
        assertThat(entries(ocf.out())).anyMatch(name -> name.toLowerCase().contains("manifest"));
        assertThat(ocf.err()).contains("not exported:");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void aBinaryOutputToATerminalIsAUsageErrorBeforeAnyWork() {
        for (String[] args : new String[][] {{"export", MODEL, "-o", "-"}, {"export", MODEL, "--ocf", "-o", "-"}}) {
            CliRun.Bytes run = CliRun.bytes(true, args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("standard output, which is a terminal here");
        }
    }

    @Test
    void importWritesTheModelToStandardOutputAndWhatItDidToStandardError() throws Exception {
        Path pkg = dir.resolve("pkg.ocf.zip");
        assertThat(CliRun.of("export", MODEL, "--ocf", "-o", pkg.toString()).exitCode()).isEqualTo(ExitCode.OK);
        CliRun run = CliRun.of("import", pkg.toString(), "-o", "-");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("# Imported by msocap").contains("venture: Sunrise Telehealth").doesNotContain("imported ");
        assertThat(run.err()).contains("imported Sunrise Telehealth").doesNotContain("wrote");
        // What was written is a model file every command reads.
        assertThat(CliRun.withInput(run.out(), "validate", "-").exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void reportRefusesStandardOutputForItsDirectory() {
        CliRun run = CliRun.of("report", MODEL, "-o", "-", "--runs", "20");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("use msocap export FILE -o -");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void everyOutputInAMissingDirectoryIsRefusedAndNothingIsMade() throws Exception {
        Path missing = dir.resolve("no").resolve("such");
        Path pkg = dir.resolve("pkg.ocf.zip");
        assertThat(CliRun.of("export", MODEL, "--ocf", "-o", pkg.toString()).exitCode()).isEqualTo(ExitCode.OK);
        for (String[] args : new String[][] {
                {"simulate", MODEL, "--runs", "20", "-o", missing.resolve("runs.csv").toString()},
                {"export", MODEL, "--runs", "20", "-o", missing.resolve("book.xlsx").toString()},
                {"export", MODEL, "--ocf", "-o", missing.resolve("pkg.ocf.zip").toString()},
                {"import", pkg.toString(), "-o", missing.resolve("venture.yaml").toString()},
                {"report", MODEL, "--runs", "20", "-o", missing.resolve("report").toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(args[0]).contains("no such directory: " + missing);
        }
        assertThat(dir.resolve("no")).doesNotExist();
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliRun run = CliRun.of("simulate", MODEL, "--runs", "20", "-o", file.resolve("runs.csv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("not a directory: " + file);
    }

    @Test
    void reportMakesItsOwnDirectoryInOneThatExists() {
        Path report = dir.resolve("report");
        CliRun run = CliRun.of("report", MODEL, "--runs", "20", "-o", report.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(report.resolve("sunrise-telehealth.xlsx")).isRegularFile();
    }

    /** The names in a zip (read from a file: a workbook's entries carry their sizes after the data, as a stream cannot read). */
    private java.util.List<String> entries(byte[] zip) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "out", ".zip"), zip);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
            return z.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }
}
