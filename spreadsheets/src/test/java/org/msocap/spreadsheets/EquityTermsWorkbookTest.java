package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.msocap.model.Mso;
import org.msocap.model.Venture;

/** Issue 13: the workbook labels an LLC's equity as units, a corporation's as shares (PRODUCT.md §7). */
class EquityTermsWorkbookTest {

    private static String cell(XSSFWorkbook wb, String sheet, int row, int column) {
        return wb.getSheet(sheet).getRow(row).getCell(column).getStringCellValue();
    }

    private static void assertTerms(Venture venture, String units) throws Exception {
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(venture))) {
            String capitalized = Character.toUpperCase(units.charAt(0)) + units.substring(1);
            assertThat(cell(wb, CapTableSheet.NAME, CapTableSheet.HEADER_ROW, 5)).isEqualTo(capitalized + " held");
            // A holding's security is said the same way (the first line is a holding; the SUMIFS below match it).
            assertThat(cell(wb, CapTableSheet.NAME, CapTableSheet.FIRST_LINE_ROW, CapTableSheet.SECURITY)).isEqualTo(units);
            assertThat(cell(wb, CapTableSheet.NAME, 1, 0)).endsWith("formulas over the " + units.substring(0, units.length() - 1)
                    + " columns.");
            assertThat(cell(wb, SummarySheet.NAME, 9, 0)).isEqualTo("Outstanding " + units + " (as-converted)");
            assertThat(cell(wb, SummarySheet.NAME, 10, 0)).isEqualTo("Fully diluted " + units + " (as-converted)");
        }
    }

    @Test
    void anLlcHasUnitsAndACorporationShares() throws Exception {
        Venture llc = TestVentures.sunrise();
        assertThat(llc.mso().form()).isEqualTo(Mso.Form.LLC);
        assertTerms(llc, "units");
        Mso m = llc.mso();
        Mso corporation = new Mso(m.name(), m.state(), Mso.Form.C_CORP, m.classes(), m.holdings(), m.optionPool(), m.options(),
                m.warrants(), m.safes(), m.notes(), m.directors(), m.officers(), m.staff(), m.formed());
        assertTerms(llc.toBuilder().mso(corporation).build(), "shares");
    }
}
