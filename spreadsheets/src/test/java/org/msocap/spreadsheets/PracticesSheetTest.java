package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.msocap.io.VentureReader;

/** The Practices sheet calls a PLLC's owners members holding units, every other form's shareholders holding shares. */
class PracticesSheetTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "ventures");

    /** Every text cell of the Practices sheet, row by row. */
    private static List<String> texts(String example) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(VentureReader.read(EXAMPLES.resolve(example)), null))) {
            for (Row row : wb.getSheet(PracticesSheet.NAME)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        out.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aPllcsOwnersAreMembersHoldingUnits() throws Exception {
        List<String> pllc = texts("physician-led-llc.yaml");
        assertThat(pllc).contains("Total units", "Members", "Member", "Units")
                .doesNotContain("Total shares", "Shareholders", "Shareholder", "Shares");
    }

    @Test
    void aPcsOwnersAreShareholdersHoldingShares() throws Exception {
        List<String> pc = texts("functional-medicine.yaml");
        assertThat(pc).contains("Total shares", "Shareholders", "Shareholder", "Shares")
                .doesNotContain("Total units", "Members", "Member", "Units");
    }

    @Test
    void aPllcsTransferRestrictionCallsItsUnits() throws Exception {
        assertThat(texts("regenerative-medicine.yaml")).anyMatch(t -> t.contains("MSO may call the units at will"))
                .noneMatch(t -> t.contains("the shares"));
    }

    @Test
    void aPllcBesideAPcIsNamedWithBothWordsAndItsOwnTransferRestrictionSaysUnits() throws Exception {
        List<String> mixed = texts("sunrise-telehealth.yaml");
        assertThat(mixed).contains("Total shares / units", "Shareholders / members", "Shareholder / member", "Shares / units");
        // The Texas PLLC's restriction lets the MSO designate, not call; the California PC's lets it call its shares.
        assertThat(mixed).anyMatch(t -> t.contains("MSO may call the shares at will"));
    }
}
