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
    void aWholeNumberOptionOutOfRangeIsNamedWithItsRangeAndValueAndNothingElseIsSaid() {
        // Below the range, past what the option's type holds (was picocli's "'100000000000' is not an int"), not a number,
        // and past the caps that keep a typo from exhausting the machine (--bins 2000000000 ran out of memory).
        String[][] cases = {
                {"simulate", "--runs", "0", "1 to 2,147,483,647"}, {"simulate", "--runs", "100000000000", "1 to 2,147,483,647"},
                {"simulate", "--runs", "1e6", "1 to 2,147,483,647"}, {"simulate", "--threads", "0", "1 to 1,024"},
                {"simulate", "--threads", "100000", "1 to 1,024"}, {"simulate", "--bins", "0", "1 to 10,000"},
                {"simulate", "--bins", "2000000000", "1 to 10,000"}, {"simulate", "--sample", "-1", "0 to 2,147,483,647"},
                {"simulate", "--seed", "99999999999999999999", "-9,223,372,036,854,775,808 to 9,223,372,036,854,775,807"},
                {"report", "--runs", "3000000000", "1 to 2,147,483,647"}, {"report", "--runs-sheet", "many", "0 to 1,048,575"},
                {"export", "--runs", "-3", "1 to 2,147,483,647"}, {"export", "--runs-sheet", "1048576", "0 to 1,048,575"},
                // Long.parseLong's plus sign and other scripts' digits are not whole numbers as written here (review)
                {"simulate", "--runs", "+10", "1 to 2,147,483,647"}, {"simulate", "--runs", "\u0661\u0660", "1 to 2,147,483,647"},
                {"simulate", "--seed", "+7", "-9,223,372,036,854,775,808 to 9,223,372,036,854,775,807"}};
        for (String[] c : cases) {
            CliRun run = CliRun.of(c[0], CliRun.TELEHEALTH.toString(), "-o", dir.resolve("out.xlsx").toString(), c[1], c[2]);
            String as = String.join(" ", c);
            assertThat(run.exitCode()).as(as).isEqualTo(ExitCode.USAGE);
            // Not the model's projection warning first: the mistake is the option.
            assertThat(run.err()).as(as).isEqualTo("msocap: " + c[1] + " must be a whole number from " + c[3] + " but was " + c[2]
                    + "\nTry 'msocap " + c[0] + " --help' for usage.\n");
        }
        assertThat(dir.resolve("out.xlsx")).doesNotExist();
        CliRun seed = CliRun.of("simulate", CliRun.TELEHEALTH.toString(), "--seed", "-9223372036854775808", "--runs", "50",
                "--threads", "3", "--bins", "10000", "--format", "json");
        assertThat(seed.exitCode()).as(seed.err()).isZero();
    }
}
