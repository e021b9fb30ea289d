package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A FILE of {@code -} reads the model from standard input, for every command that reads one; errors name {@code <stdin>}. */
class StdinModelTest {

    @TempDir
    Path dir;

    private static String example(String name) throws IOException {
        return Files.readString(CliRun.EXAMPLES.resolve(name));
    }

    @Test
    void validateReadsStandardInputAndNamesIt() throws IOException {
        CliRun run = CliRun.withInput(example("sunrise-telehealth.yaml"), "validate", "-");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("<stdin>: valid (Sunrise Telehealth, as of 2026-01-01)");
        CliRun json = CliRun.withInput(example("sunrise-telehealth.yaml"), "validate", "-", "--format", "json");
        assertThat(json.out()).contains("\"file\" : \"<stdin>\"");
    }

    @Test
    void aMistakeOnStandardInputIsPlacedAtItsLineAndColumn() {
        CliRun run = CliRun.withInput("msocap: 1\nventure: X\nmso:\n  classes: [{id: common, type: comon}]\n", "validate", "-");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).startsWith("msocap: invalid model: <stdin>:4:32: mso.classes[0].type: unknown value 'comon'");
        CliRun empty = CliRun.withInput("", "waterfall", "-");
        assertThat(empty.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(empty.err()).startsWith("msocap: invalid model: <stdin>:1:1: file is empty");
    }

    @Test
    void jsonOnStandardInputIsReadAsJsonTabsAndAll() {
        String json = "{\n\t\"msocap\": 1,\n\t\"venture\": \"Tabbed\",\n\t\"mso\": {\n\t\t\"classes\": [{\"id\": \"common\", \"type\": \"common\"}],\n"
                + "\t\t\"holdings\": [{\"holder\": \"ann\", \"class\": \"common\", \"shares\": 100}]\n\t},\n"
                + "\t\"people\": [{\"id\": \"ann\", \"name\": \"Ann\"}]\n}\n";
        CliRun run = CliRun.withInput(json, "validate", "-");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun wrong = CliRun.withInput(json.replace("\"venture\"", "\"ventur\""), "validate", "-");
        assertThat(wrong.err()).startsWith("msocap: invalid model: <stdin>:3:2: ventur: unknown field 'ventur'");
    }

    @Test
    void everyCommandThatReadsAModelPrintsTheSameForStandardInputAsForTheFile() throws IOException {
        Path file = CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml");
        String yaml = Files.readString(file);
        for (List<String> args : List.of(List.of("captable"), List.of("fees", "--period", "year"), List.of("waterfall"),
                List.of("breakpoints"), List.of("check"), List.of("proforma"), List.of("simulate", "--runs", "300", "--threads", "1"))) {
            CliRun fromFile = CliRun.of(with(args, file.toString()));
            CliRun fromStdin = CliRun.withInput(yaml, with(args, "-"));
            assertThat(fromStdin.exitCode()).as(args + ": " + fromStdin.err()).isEqualTo(fromFile.exitCode());
            assertThat(fromStdin.out()).as(args.toString()).isEqualTo(fromFile.out()).isNotEmpty();
        }
    }

    private static String[] with(List<String> args, String model) {
        String[] all = new String[args.size() + 1];
        all[0] = args.get(0);
        all[1] = model;
        for (int i = 1; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return all;
    }

    @Test
    void outputsOfAModelFromStandardInputAreWritten() throws IOException {
        String yaml = example("sunrise-telehealth.yaml");
        Path runs = dir.resolve("runs.csv");
        CliRun simulate = CliRun.withInput(yaml, "simulate", "-", "--runs", "200", "-o", runs.toString());
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        assertThat(runs).isNotEmptyFile();
        Path ocf = dir.resolve("sunrise.ocf.zip");
        CliRun export = CliRun.withInput(yaml, "export", "-", "--ocf", "-o", ocf.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(ocf).isNotEmptyFile();
        CliRun workbook = CliRun.withInput(yaml, "export", "-", "-o", dir.resolve("sunrise.xlsx").toString(), "--runs", "100");
        assertThat(workbook.exitCode()).as(workbook.err()).isZero();
        assertThat(dir.resolve("sunrise.xlsx")).isNotEmptyFile();
    }

    @Test
    void reportNamesTheWorkbookOfAModelFromStandardInputAfterTheVenture() throws IOException {
        CliRun run = CliRun.withInput(example("derm-recap-second-bite.yaml"), "report", "-", "-o", dir.toString(), "--runs", "100");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String venture = example("derm-recap-second-bite.yaml").lines().filter(l -> l.startsWith("venture: ")).findFirst().orElseThrow();
        Path workbook = dir.resolve(ReportCommand.fileName(venture.substring("venture: ".length())) + ".xlsx");
        assertThat(workbook).isNotEmptyFile();
        assertThat(run.out()).contains("<stdin>: valid").contains("Workbook   " + workbook);
    }

    @Test
    void aVenturesNameBecomesAPlainFileName() {
        assertThat(ReportCommand.fileName("Bayside Primary Care")).isEqualTo("bayside-primary-care");
        assertThat(ReportCommand.fileName("Clínica São Paulo, P.A. (2026)")).isEqualTo("clinica-sao-paulo-p-a-2026");
        assertThat(ReportCommand.fileName("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(ReportCommand.fileName("診療所")).isEqualTo("venture");
        assertThat(ReportCommand.fileName("a".repeat(79) + " b" + "c".repeat(50))).isEqualTo("a".repeat(79));
    }
}
