package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PLLC practice's owners are members holding units in every human-facing output; a PC's (and a PA's, PSC's, medical
 * corporation's) shareholders holding shares. JSON and CSV keep their keys.
 */
class PracticeTermsCommandTest {

    /** A Texas PLLC owned by five surgeons, written with members: [{holder, units}]. */
    private static final String PLLC = CliRun.EXAMPLES.resolve("physician-led-llc.yaml").toString();
    /** A Georgia PC. */
    private static final String PC = CliRun.EXAMPLES.resolve("functional-medicine.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void captableCountsAPllcsUnitsAndAPcsShares() {
        assertThat(CliRun.of("captable", PLLC).out()).containsPattern("Practice cascade-pllc .*\nholder +name +licenses +units +%\n");
        assertThat(CliRun.of("captable", PC).out()).containsPattern("Practice rootwell-ga .*\nholder +name +licenses +shares +%\n");
    }

    @Test
    void csvAndJsonKeepTheirKeysForAPllc() {
        assertThat(CliRun.of("captable", PLLC, "--format", "csv").out()).contains("\nholder,name,licenses,shares,%\ndr-nguyen,");
        assertThat(CliRun.of("captable", PLLC, "--format", "json").out()).contains("\"shareholders\"").contains("\"shares\" : 200")
                .doesNotContain("\"members\"").doesNotContain("\"units\"");
    }

    @Test
    void checkSaysAPllcsOwnersAreMembersAndAPcsShareholders() {
        CliRun pllc = CliRun.of("check", PLLC);
        assertThat(pllc.out()).contains("dr-osei is member of practice cascade-pllc and equity holder of the MSO")
                .contains("cascade-pllc member (20%)").doesNotContain("shareholder");
        CliRun pc = CliRun.of("check", PC);
        assertThat(pc.out()).contains("dr-ellis is shareholder and director of practice rootwell-ga")
                .contains("rootwell-ga shareholder (100%)").doesNotContain(" member ");
    }

    @Test
    void reportsWorkbookCallsAPllcsOwnersMembersHoldingUnits() throws Exception {
        CliRun pllc = CliRun.of("report", PLLC, "-o", dir.toString(), "--runs", "100", "--runs-sheet", "0");
        assertThat(pllc.exitCode()).as(pllc.err()).isZero();
        assertThat(practicesSheet(dir.resolve("physician-led-llc.xlsx"))).contains("Members", "Member", "Units", "Total units")
                .doesNotContain("Shareholders", "Shareholder", "Shares", "Total shares");
        CliRun pc = CliRun.of("report", PC, "-o", dir.toString(), "--runs", "100", "--runs-sheet", "0");
        assertThat(pc.exitCode()).as(pc.err()).isZero();
        assertThat(practicesSheet(dir.resolve("functional-medicine.xlsx"))).contains("Shareholders", "Shareholder", "Shares",
                "Total shares").doesNotContain("Members", "Member", "Units", "Total units");
    }

    private static List<String> practicesSheet(Path workbook) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
            for (Row row : wb.getSheet("Practices")) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        out.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return out;
    }
}
