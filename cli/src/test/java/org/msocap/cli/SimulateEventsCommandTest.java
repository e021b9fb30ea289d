package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate} over a venture with a recap (PRODUCT.md §8, issue 14): every run on the cap table in force at its exit
 * date, categories and holders as realized totals, classes over the runs where they exist; no warning any more.
 */
class SimulateEventsCommandTest {

    private static final Path DERM = CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml");

    @TempDir
    Path dir;

    /** What tom, who sold everything at the recap, took in cash at close: all he realizes, in every run. */
    private static String tomsCashAtClose() throws IOException {
        CliRun proforma = CliRun.of("proforma", DERM.toString(), "--format", "json");
        for (JsonNode p : new ObjectMapper().readTree(proforma.out()).get("events").get(0).get("proceeds")) {
            if (p.get("holder").asText().equals("tom")) {
                return p.get("cashAtClose").asText();
            }
        }
        throw new AssertionError("tom is not among the recap's proceeds");
    }

    @Test
    void theTableShowsRealizedTotalsAndEachClassOverTheRunsWhereItExists() throws IOException {
        CliRun run = CliRun.of("simulate", DERM.toString(), "--runs", "2000", "--seed", "7", "--threads", "2", "--holders", "all");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).doesNotContain("deal event").doesNotContain("as written");
        String cash = String.format(java.util.Locale.US, "%,.2f", new BigDecimal(tomsCashAtClose()));
        assertThat(run.out())
                .contains("by class (each class over the runs whose exit falls while it exists)")
                .containsPattern("class +runs +mean")
                // The old table's common stock was bought out in 2027, before every simulated exit (2029-2030).
                .containsPattern("\\nCommon +0 +")
                .containsPattern("Class A Preferred Units +2,000 +")
                .contains("Cash at close of earlier recaps")
                .contains("By holder category — realized totals (cash at close of earlier recaps + this exit's payout)")
                .containsPattern("category +mean cash at close +mean realized +sd")
                .contains("Holders — realized totals")
                // tom sold at the recap and holds nothing after it: his realized total is that cash, in every run.
                .containsPattern("tom +" + cash.replace(".", "\\.") + " +" + cash.replace(".", "\\.") + " +0\\.00 ");
    }

    @Test
    void jsonAndCsvSayTheTotalsAreRealized() throws IOException {
        CliRun json = CliRun.of("simulate", DERM.toString(), "--runs", "2000", "--seed", "7", "--threads", "2", "--format", "json");

        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCode.OK);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("realizedTotals").asBoolean()).isTrue();
        JsonNode tom = null;
        for (JsonNode h : root.get("holders")) {
            if (h.get("id").asText().equals("tom")) {
                tom = h;
            }
        }
        assertThat(tom).isNotNull();
        assertThat(new BigDecimal(tom.get("meanCashAtClose").asText())).isEqualByComparingTo(tomsCashAtClose());
        assertThat(new BigDecimal(tom.get("p5").asText())).isEqualByComparingTo(tomsCashAtClose());
        for (JsonNode c : root.get("categories")) {
            assertThat(c.has("meanCashAtClose")).isTrue();
        }
        JsonNode common = root.get("classes").get(0);
        assertThat(common.get("id").asText()).isEqualTo("common");
        assertThat(common.get("runs").asLong()).isZero();
        assertThat(common.get("mean").isNull()).isTrue();

        CliRun csv = CliRun.of("simulate", DERM.toString(), "--runs", "2000", "--seed", "7", "--threads", "2", "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out()).contains("realized totals (cash at close of earlier recaps + this exit's payout)")
                .contains("category,mean cash at close,mean realized,sd,");
    }

    @Test
    void theSampledRunsNameTheRealizedCategoryColumns() throws IOException {
        Path runs = dir.resolve("runs.csv");
        CliRun run = CliRun.of("simulate", DERM.toString(), "--runs", "500", "--seed", "7", "--threads", "1", "-o", runs.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        String header = Files.readAllLines(runs).get(0);
        assertThat(header).contains(",class:cash-at-close,").endsWith("realized:category:clinician,realized:category:lay,"
                + "realized:category:entity");
    }

    @Test
    void reportsSimulationSectionSaysTheCategoriesAreRealizedTotals() {
        CliRun run = CliRun.of("report", DERM.toString(), "--no-workbook", "--runs", "500");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("clinician realized total, all runs").doesNotContain("clinician payout, all runs");
        assertThat(CliRun.of("report", CliRun.TELEHEALTH.toString(), "--no-workbook", "--runs", "500").out())
                .contains("clinician payout, all runs");
    }

    @Test
    void aVentureWithoutRecapsKeepsItsTablesAndJson() {
        CliRun json = CliRun.of("simulate", CliRun.TELEHEALTH.toString(), "--runs", "400", "--seed", "7", "--threads", "2",
                "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).doesNotContain("realizedTotals").doesNotContain("meanCashAtClose");
    }
}
