package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a new user makes with the options, found by running every command on the bundled examples. */
class OptionMistakesTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookIsNotWrittenUnderAZipNameNorAPackageUnderAWorkbookName() {
        Path zip = dir.resolve("sunrise.ocf.zip");
        CliRun workbook = CliRun.of("export", CliRun.TELEHEALTH.toString(), "-o", zip.toString());
        assertThat(workbook.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(workbook.err()).isEqualTo("msocap: " + zip + " names a zip, but without --ocf export writes an Excel workbook: "
                + "add --ocf to write the cap table as an OCF package, or name the workbook .xlsx\n");
        Path xlsx = dir.resolve("Sunrise.XLSX");
        CliRun ocf = CliRun.of("export", CliRun.TELEHEALTH.toString(), "--ocf", "-o", xlsx.toString());
        assertThat(ocf.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(ocf.err()).isEqualTo("msocap: " + xlsx + " names a workbook, but --ocf writes an OCF package (a zip): name it "
                + ".ocf.zip, or leave out --ocf to write the workbook\n");
        assertThat(zip).doesNotExist();
        assertThat(xlsx).doesNotExist();
        assertThat(CliRun.of("export", CliRun.TELEHEALTH.toString(), "--ocf", "-o", zip.toString()).exitCode()).isZero();
    }

    @Test
    void aSimulateOptionOutOfRangeIsNamedWithItsValueAndNothingElseIsSaid() {
        for (String[] option : new String[][] {{"--runs", "0"}, {"--threads", "0"}, {"--bins", "0"}, {"--sample", "-1"}}) {
            CliRun run = CliRun.of("simulate", CliRun.TELEHEALTH.toString(), option[0], option[1]);
            assertThat(run.exitCode()).as(option[0]).isEqualTo(ExitCode.USAGE);
            String least = option[0].equals("--sample") ? "0" : "1";
            // Not the model's projection warning first: the mistake is the option.
            assertThat(run.err()).as(option[0]).startsWith("msocap: " + option[0] + " must be >= " + least + " but was " + option[1]
                    + "\nTry 'msocap simulate --help' for usage.");
        }
    }
}
