package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, "Files and processes": every -o follows one set of rules (simulate as export). */
class OutputFilesTest {

    @TempDir
    Path dir;

    private Path copyOfTheModel() throws Exception {
        return Files.copy(CliRun.TELEHEALTH, dir.resolve("model.yaml"));
    }

    @Test
    void simulateNeverWritesOverTheModelFileHoweverItIsNamed() throws Exception {
        Path model = copyOfTheModel();
        byte[] before = Files.readAllBytes(model);
        Path symlink = Files.createSymbolicLink(dir.resolve("link.yaml"), model);
        Path hardLink = Files.createLink(dir.resolve("hard.yaml"), model);
        Path dotted = dir.resolve(".").resolve("sub").resolve("..").resolve("model.yaml");
        for (Path target : List.of(model, dotted, symlink, hardLink)) {
            CliRun run = CliRun.of("simulate", model.toString(), "--runs", "20", "-o", target.toString(), "--force");
            assertThat(run.exitCode()).as(target + ": " + run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(target.toString()).contains("refusing to write over the input model");
        }
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void anEmptyOutputNameIsAUsageErrorThatSaysSo() {
        // It used to read "msocap:  is a directory; give a file name" (the empty path is the working directory).
        for (String[] args : new String[][] {
                {"simulate", CliRun.TELEHEALTH.toString(), "--runs", "20", "-o", ""},
                {"export", CliRun.TELEHEALTH.toString(), "--ocf", "-o", ""},
                {"export", CliRun.TELEHEALTH.toString(), "--runs", "20", "-o", ""}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(String.join(" ", args)).endsWith("msocap: the output file name is empty; give one after -o"
                    + System.lineSeparator()).doesNotContain("is a directory");
        }
    }

    @Test
    void simulateRefusesAnExistingFileWithoutForce() throws Exception {
        Path runs = Files.writeString(dir.resolve("runs.csv"), "keep");
        CliRun refused = CliRun.of("simulate", CliRun.TELEHEALTH.toString(), "--runs", "20", "-o", runs.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains(runs + " already exists; use --force to replace it");
        assertThat(Files.readString(runs)).isEqualTo("keep");
        CliRun forced = CliRun.of("simulate", CliRun.TELEHEALTH.toString(), "--runs", "20", "-o", runs.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(runs)).startsWith("run,exitDate,");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("runs.csv");
        }
    }

    @Test
    void forceReplacesOnlyRegularFiles() throws Exception {
        Path fifo = dir.resolve("runs.csv");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        for (String[] args : new String[][] {
                {"simulate", CliRun.TELEHEALTH.toString(), "--runs", "20", "-o", fifo.toString(), "--force"},
                {"export", CliRun.TELEHEALTH.toString(), "--runs", "20", "-o", fifo.toString(), "--force"},
                {"export", CliRun.TELEHEALTH.toString(), "--runs", "20", "-o", "/dev/null", "--force"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("is not a regular file");
        }
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }
}
