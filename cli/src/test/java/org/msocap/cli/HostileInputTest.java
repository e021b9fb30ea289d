package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, "Hostile input" and the missing file: what a file or an argument can do to msocap, and what it may not. */
class HostileInputTest {

    @TempDir
    Path dir;

    private Path model(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static String telehealth() throws IOException {
        return Files.readString(CliRun.TELEHEALTH);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.err()).doesNotContain("\tat ", "Exception", "internal error");
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("msocap: no such file: " + dir.resolve("nope.yaml") + System.lineSeparator());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void devicesAndFifosAreRefusedWithoutReadingThem() throws Exception {
        CliRun zero = CliRun.of("validate", "/dev/zero");
        assertThat(zero.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(zero.err()).contains("/dev/zero is not a regular file");
        Path fifo = dir.resolve("model.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        CliRun run = CliRun.of("validate", fifo.toString());   // would block forever if it were opened
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("is not a regular file");
    }

    @Test
    void anEnormousEnterpriseValueIsRefusedWhereItIsWritten() throws IOException {
        Path file = model("big.yaml", telehealth().replace("enterpriseValue: 60M", "enterpriseValue: 99999999999999999999"));
        for (String command : List.of("validate", "waterfall", "simulate", "breakpoints")) {
            CliRun run = CliRun.of(command, file.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command).startsWith("msocap: invalid model: " + file + ":").contains("enterpriseValue: number out of range");
            assertNoStackTrace(run);
        }
        Path trillion = model("trillion.yaml", telehealth().replace("enterpriseValue: 60M", "enterpriseValue: 1000000000001"));
        CliRun run = CliRun.of("validate", trillion.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).contains("exits[2].enterpriseValue: amount out of range: 1000000000001; amounts are at most 1 trillion");
    }

    @Test
    void theLargestAllowedAmountsComputeWithoutOverflow() throws IOException {
        Path file = model("max.yaml", telehealth().replace("enterpriseValue: 60M", "enterpriseValue: 1000000000000"));
        for (String[] args : new String[][] {{"waterfall", file.toString()}, {"breakpoints", file.toString()},
                {"waterfall", file.toString(), "--exit", "1000000000000"}, {"waterfall", file.toString(), "--exit", "1T"}}) {
            CliRun run = CliRun.of(args);
            if (args.length == 4 && args[3].equals("1T")) {
                assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
                continue;
            }
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(ExitCode.OK);
        }
        CliRun exit = CliRun.of("waterfall", file.toString(), "--exit", "1000000000000", "--format", "json");
        assertThat(exit.out()).contains("\"exitValue\" : \"1000000000000.00\"");
    }

    @Test
    void anEnormousExitArgumentIsAUsageError() {
        CliRun run = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "99999999999999999999");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--exit is out of range: 99999999999999999999; amounts are at most 1 trillion");
        assertNoStackTrace(run);
    }

    @Test
    void anEnormousStandardDeviationIsRefusedAndAWideOneStopsAtTheLimit() throws IOException {
        Path huge = model("sd.yaml", telehealth().replace("sd: 0.08", "sd: 1e30"));
        for (String[] args : new String[][] {{"simulate", huge.toString(), "--runs", "50"},
                {"export", huge.toString(), "-o", dir.resolve("x.xlsx").toString(), "--runs", "50"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).contains("simulation.collectionsGrowth.normal.sd: number out of range: 1e30");
        }
        // Allowed, but some runs project collections past the limit: refused at the simulation, never an overflow.
        Path wide = model("wide.yaml", telehealth().replace("sd: 0.08", "sd: 1000"));
        CliRun run = CliRun.of("simulate", wide.toString(), "--runs", "200");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).contains("msocap: invalid model: " + wide + ":").doesNotContain("\tat ").contains(": simulation: a run drew")
                .contains("past 1 trillion");
        assertNoStackTrace(run);
    }

    @Test
    void growthThatCompoundsPastTheLimitIsRefusedAtTheGrowthRate() throws IOException {
        String yaml = telehealth();
        String line = yaml.lines().filter(l -> l.contains("growth: ") && l.contains("collections")).findFirst().orElseThrow();
        Path file = model("growth.yaml", yaml.replace(line, line.replaceFirst("growth: [0-9.]+", "growth: 9.5")).replace("years: 5", "years: 12"));
        CliRun run = CliRun.of("fees", file.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).containsPattern("growth\\.yaml:\\d+:\\d+: financials\\.practices\\.[a-z-]+\\.growth: at this rate collections");
    }

    @Test
    void aCumulativeDividendCompoundingPastTheLimitIsRefusedAtItsRate() throws IOException {
        // 100% a year, compounding, on shares acquired a century before the exits: each share's preference passes what
        // the cap table may be worth. It was exit 3 at FILE:1:1 (the breakpoint table overflowed long cents).
        String yaml = Files.readString(CliRun.EXAMPLES.resolve("functional-medicine.yaml"))
                .replace("dividend: {rate: 0.08, cumulative: true, compounding: simple}", "dividend: {rate: 1, cumulative: true, compounding: annual}")
                .replace("acquired: 2025-10-01", "acquired: 1925-10-01");
        Path file = model("dividend.yaml", yaml);
        int line = (int) yaml.lines().takeWhile(l -> !l.contains("dividend: {rate: 1,")).count() + 1;
        for (String[] args : new String[][] {{"waterfall", file.toString()}, {"breakpoints", file.toString()},
                {"simulate", file.toString(), "--runs", "50"}, {"report", file.toString(), "-o", dir.resolve("r").toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(args[0] + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            // simulate warns first that its exit dates can fall past the projection.
            assertThat(run.err()).as(args[0]).contains("msocap: invalid model: " + file + ":" + line + ":24: mso.classes[1].dividend.rate: "
                    + "class 'series-a': its cumulative dividend, accrued from 1925-10-01 to the exit on ").contains("worth more than 1 trillion");
            assertNoStackTrace(run);
        }
        // Within the limit the same dividend computes: a decade of it.
        Path decade = model("decade.yaml", yaml.replace("acquired: 1925-10-01", "acquired: 2020-10-01"));
        CliRun run = CliRun.of("breakpoints", decade.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void runningOutOfMemoryIsOneMessageNotAStackTrace() throws Exception {
        // A simulation whose series could outgrow the heap is refused before it starts (4,000,000 runs in 48 MB).
        Path refusal = dir.resolve("refusal.txt");
        Process simulate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "simulate", CliRun.TELEHEALTH.toString(),
                "--runs", "4000000", "--threads", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(refusal.toFile()).start();
        assertThat(simulate.waitFor()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.readString(refusal)).contains("percentiles can take up to").contains("give Java a larger heap");
        // What no limit foresees, such as a workbook in a 16 MB heap: the JVM printed OutOfMemoryError's trace.
        Path err = dir.resolve("err.txt");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "export", CliRun.TELEHEALTH.toString(),
                "-o", dir.resolve("book.xlsx").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(java.waitFor()).isEqualTo(ExitCode.INTERNAL_ERROR);
        String printed = Files.readString(err);
        assertThat(printed).contains("msocap: out of memory: this command needs more than the Java heap's ")
                .contains("run Java with a larger heap (-Xmx").doesNotContain("\tat ", "Exception in thread", "java.lang.OutOfMemoryError");
    }

    @Test
    void aRecapsDividendPastTheLimitIsRefusedWhereTheRecapWritesTheClass() throws IOException {
        // After the recap the cap table in force is the recap's classes; the engine calls its class-a mso.classes[0], but
        // the file writes it under events[0].classes[0] (mso.classes[0] of the file is the old common class).
        Path file = CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml");
        List<String> lines = Files.readAllLines(file);
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("dividend: {rate: 0.08")).findFirst().orElseThrow()) + 1;
        int column = lines.get(line - 1).indexOf("0.08, cumulative") + 1;   // the rate's value
        CliRun run = CliRun.of("waterfall", file.toString(), "--exit", "90M", "--date", "2225-06-30");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).startsWith("msocap: invalid model: " + file + ":" + line + ":" + column
                + ": events[0].classes[0].dividend.rate: class 'class-a': its cumulative dividend, accrued from 2027-06-30");
        assertNoStackTrace(run);
    }

    @Test
    void aDividendPastTheLimitInTheRecapsOwnSaleIsPlacedAtTheOldClassEvenWhenTheRecapReusesItsId() throws IOException {
        // The recap's sale on its date pays the classes before it: the old class-a's dividend, written in mso.classes,
        // not the recap's new class-a of the same id (which was blamed).
        String yaml = Files.readString(CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml"))
                .replace("    - {id: common, type: common}\n", "    - {id: common, type: common}\n"
                        + "    - {id: class-a, type: preferred, issuePrice: 1, dividend: {rate: 1.0, cumulative: true, compounding: annual}}\n")
                .replace("    - {holder: dr-lin, class: common, shares: 200000, acquired: 2020-01-15, cost: 1200000}\n",
                        "    - {holder: dr-lin, class: common, shares: 200000, acquired: 2020-01-15, cost: 1200000}\n"
                                + "    - {holder: dr-lin, class: class-a, shares: 100000, acquired: 2020-01-15, cost: 100000}\n")
                .replace("    date: 2027-06-30\n    ebitdaMultiple: 11 ", "    date: 2225-06-30\n    enterpriseValue: 60M ");
        Path file = Files.writeString(dir.resolve("reused.yaml"), yaml);
        List<String> lines = Files.readAllLines(file);
        int line = lines.indexOf("    - {id: class-a, type: preferred, issuePrice: 1, dividend: {rate: 1.0, cumulative: true, compounding: annual}}") + 1;
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).startsWith("msocap: invalid model: " + file + ":" + line + ":")
                .contains(": mso.classes[1].dividend.rate: class 'class-a': its cumulative dividend");
        assertNoStackTrace(run);
    }

    @Test
    void aNoteWhoseInterestAccruesPastTheLimitIsRefusedAtItsRate() throws IOException {
        // A thousand years of simple interest at 100% on a large principal: the breakpoint table overflowed (FILE:1:1).
        String yaml = Files.readString(CliRun.EXAMPLES.resolve("np-led-clinic.yaml")).replace(
                "{holder: luis, principal: 250000, rate: 0.08, issued: 2025-01-10,", "{holder: luis, principal: 999999999, rate: 1, issued: 1000-01-10,");
        Path file = model("note.yaml", yaml);
        int line = (int) yaml.lines().takeWhile(l -> !l.contains("principal: 999999999,")).count() + 1;
        for (String command : List.of("waterfall", "breakpoints")) {
            CliRun run = CliRun.of(command, file.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command).startsWith("msocap: invalid model: " + file + ":" + line + ":")
                    .contains("mso.notes[0].rate: the note of 'luis', with its interest from 1000-01-10 to the exit on ")
                    .contains("more than 1 trillion");
            assertNoStackTrace(run);
        }
    }

    @Test
    void aLongNumberIsRefusedBeforeItIsParsed() throws IOException {
        Path file = model("long.yaml", telehealth().replace("enterpriseValue: 60M", "enterpriseValue: " + "9".repeat(300_000)));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        CliRun run = CliRun.of("validate", file.toString());
        long cpuMillis = (threads.getCurrentThreadCpuTime() - before) / 1_000_000;
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).contains("exits[2].enterpriseValue: number too long (300000 characters)");
        assertThat(run.err().length()).isLessThan(400);
        assertThat(cpuMillis).as("CPU ms to refuse 300,000 digits").isLessThan(3_000);
    }

    @Test
    void messagesCutLongValuesAndEscapeControlCharacters() throws IOException {
        Path file = model("evil.yaml", telehealth().replace("form: llc", "form: \"llc\\u202Egnp." + "x".repeat(1_000_000) + "\""));
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).contains("mso.form: unknown value 'llc\\u202Egnp.xxx").doesNotContain("\u202E");
        assertThat(run.err().length()).isLessThan(600);
        // YAML keys are at most 1,024 characters long.
        Path keys = model("keys.yaml", telehealth().replace("venture: ", "\"bad\\u001B[2Jkey" + "k".repeat(1000) + "\": 1\nventure: "));
        CliRun key = CliRun.of("validate", keys.toString());
        assertThat(key.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(key.err()).contains("unknown field 'bad\\u001B[2Jkeykkk").doesNotContain("\u001B");
        assertThat(key.err().length()).isLessThan(700); // the key is cut to 80 characters as a value, to 240 in the field's path
    }

    @Test
    void aDateWrittenAsANumberIsRefusedByValidate() throws IOException {
        String yaml = telehealth();
        String exitDate = yaml.lines().filter(l -> l.strip().startsWith("exitDate:")).findFirst().orElseThrow();
        Path file = model("date.yaml", yaml.replace(exitDate, "  exitDate: 20280101"));
        int line = (int) yaml.lines().takeWhile(l -> !l.equals(exitDate)).count() + 1;
        for (String command : List.of("validate", "simulate", "export", "report")) {
            CliRun run = command.equals("export") ? CliRun.of(command, file.toString(), "-o", dir.resolve("d.xlsx").toString())
                    : command.equals("report") ? CliRun.of(command, file.toString(), "-o", dir.resolve("r").toString()) : CliRun.of(command, file.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command).isEqualTo("msocap: invalid model: " + file + ":" + line
                    + ":13: simulation.exitDate: expected a date YYYY-MM-DD but found the number 20280101" + System.lineSeparator());
        }
    }

    @Test
    void csvNeutralizesFormulasInEveryCommand() throws IOException {
        String yaml = telehealth()
                .replace("name: Alice Chen", "name: \"=cmd|' /C calc'!A0\"")
                .replace("name: Ben Okafor", "name: \"+1+2\"")
                .replace("name: Carol Nguyen", "name: \"-2+3\"")
                .replace("name: Dan Patel", "name: \"@SUM(1)\"")
                .replace("name: Priya Raman", "name: \"\\tTab\"")
                .replace("name: Marcus Lee", "name: \"\\rReturn\"")
                .replace("name: Sunrise Medical Group of California, P.C.", "name: \"=HYPERLINK(\\\"http://x\\\")\"")
                .replace("- name: Strategic sale", "- name: \"=SUM(A1)\"");
        Path file = model("inject.yaml", yaml);
        String captable = CliRun.of("captable", file.toString(), "--format", "csv").out();
        assertThat(captable).contains("alice,\"'=cmd|' /C calc'!A0\",lay,").contains("ben,\"'+1+2\",").contains("\"'-2+3\"")
                .contains("\"'@SUM(1)\"").contains("\"'\tTab\"").contains("\"'\rReturn\"");
        // Waterfall rows name holders by id (letters, digits, '-'); the scenario's name is in a "# " title line and a cell.
        String waterfall = CliRun.of("waterfall", file.toString(), "--format", "csv").out();
        assertThat(waterfall).contains("# =SUM(A1) — enterprise value");
        String fees = CliRun.of("fees", file.toString(), "--format", "csv").out();
        assertThat(fees).contains("\"'=SUM(A1)\",2030-12-31,");
        String check = CliRun.of("check", file.toString(), "--format", "csv").out();
        for (String out : List.of(captable, waterfall, fees, check)) {
            for (String line : out.split("\n")) {
                for (String cell : line.split(",")) {
                    assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
                    if (cell.startsWith("-")) {
                        assertThat(cell).as("a negative number stays a number: " + line).matches("-[0-9.]+[%x]?");
                    }
                }
            }
        }
    }

    @Test
    void namesWithLineBreaksOrBidiOverridesCannotBreakOrReverseTheOutput() throws IOException {
        // A line break in a name split a table row (and a CSV "# title" line) in two; a U+202E reversed the rest of the line.
        String yaml = telehealth().replace("venture: Sunrise Telehealth", "venture: \"Sunrise\\nforged line\"")
                .replace("name: Alice Chen", "name: \"Alice\\u202E Chen\\nrow\"")
                .replace("- name: Strategic sale", "- name: \"Strategic\\nforged line\"");
        Path file = model("names.yaml", yaml);
        String[][] commands = {{"captable"}, {"captable", "--format", "csv"}, {"check"}, {"check", "--format", "csv"},
                {"waterfall", "--format", "csv"}, {"report", "--no-workbook", "--runs", "200"}};
        for (String[] command : commands) {
            String[] args = new String[command.length + 1];
            args[0] = command[0];
            args[1] = file.toString();
            System.arraycopy(command, 1, args, 2, command.length - 1);
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isIn(ExitCode.OK, ExitCode.FINDINGS);
            assertThat(run.out()).as(String.join(" ", command)).contains("\\nforged line");
            if (List.of(command).contains("csv")) {
                // A quoted CSV field may hold a line break; a "# title" line may not.
                assertThat(run.out()).as(String.join(" ", command)).doesNotContainPattern("(?m)^forged line (—|as of)");
            } else {
                assertThat(run.out()).as(String.join(" ", command)).doesNotContain("\nforged line").doesNotContain("\u202E");
            }
        }
        String table = CliRun.of("captable", file.toString()).out();
        assertThat(table).contains("Alice\\u202E Chen\\nrow");
        // CSV quotes a field with a line break, so the cell keeps the name exactly as written.
        assertThat(CliRun.of("captable", file.toString(), "--format", "csv").out()).contains("\"Alice\u202E Chen\nrow\"");
    }

    @Test
    void namesThatLookLikeNumbersOrJoinLettersPrintAsWritten() throws IOException {
        // Review: CSV stripped the separators of a name such as "1,250x" (numbers are the right-aligned columns), and
        // a zero-width non-joiner, part of Persian and Indic names, printed as an escape.
        String yaml = telehealth().replace("name: Alice Chen", "name: \"1,250x\"").replace("name: Ben Okafor", "name: \"Ben\u200COkafor\"");
        Path file = model("lookalike.yaml", yaml);
        assertThat(CliRun.of("captable", file.toString(), "--format", "csv").out()).contains("\"1,250x\"");
        assertThat(CliRun.of("captable", file.toString()).out()).contains("1,250x").contains("Ben\u200COkafor");
    }

    @Test
    void multiplesLoseTheirThousandsSeparatorsInCsvLikeEveryOtherNumber() {
        assertThat(Table.plainNumber("4,839.44x")).isEqualTo("4839.44x");
        assertThat(Table.plainNumber("1,250.5%")).isEqualTo("1250.5%");
        assertThat(Table.plainNumber("-0.00%")).isEqualTo("0.00%");
        assertThat(Table.plainNumber("1.78x")).isEqualTo("1.78x");
        assertThat(Table.plainNumber("x1,000")).isEqualTo("x1,000");
    }

    @Test
    void negativeNumbersStayNumbersInCsv() {
        assertThat(Table.csvCell("-181594.50")).isEqualTo("-181594.50");
        assertThat(Table.csvCell("-12.5%")).isEqualTo("-12.5%");
        assertThat(Table.csvCell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(Table.csvCell("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(Table.csvCell("plain")).isEqualTo("plain");
    }
}
