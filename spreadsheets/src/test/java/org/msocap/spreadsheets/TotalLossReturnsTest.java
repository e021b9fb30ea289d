package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/**
 * A holder who paid in and receives nothing has lost everything: IRR −100.00% (MOIC 0.00x), a rate, not "—". "—" stays
 * for flows with no one rate of return (here a holding without an acquisition date that receives something).
 */
class TotalLossReturnsTest {

    static final String UNDERWATER = """
            msocap: 1
            venture: Underwater
            asOf: 2026-03-01
            people:
              - {id: maya, name: Maya Patel}
              - {id: ana, name: Ana Morales}
              - {id: fund, name: Fund LP, type: entity}
              - id: dr-a
                name: Dr A
                licenses: [{profession: physician, state: FL, status: active}]
            mso:
              form: c-corp
              classes:
                - {id: common, type: common, name: Common Stock}
                - {id: pref, type: preferred, name: Pref, issuePrice: 1.00, preference: 1.0, participation: none, seniority: 1}
              holdings:
                - {holder: maya, class: common, shares: 5000000, acquired: 2025-01-15, cost: 500}
                - {holder: ana, class: common, shares: 1000000, cost: 1000}
                - {holder: fund, class: pref, shares: 2000000, acquired: 2026-01-15, cost: 2000000}
            practices:
              - {id: pc, name: PC, state: FL, shareholders: [{holder: dr-a, shares: 1}]}
            agreements:
              - {id: msa, practice: pc, fee: {basis: fixed, monthly: 10000}}
            financials:
              start: 2026-01-01
              practices:
                pc: {collections: 1M}
              mso: {operatingCosts: 0, netDebt: 5M}
            exits:
              - {name: Distressed, date: 2028-06-30, enterpriseValue: 3M, transactionCosts: 0.02}
              - {name: Sale, date: 2028-06-30, enterpriseValue: 20M}
            """;

    @Test
    void aTotalLossIsMinus100PercentAndAnIllDefinedRateStaysADash() throws Exception {
        Venture venture = VentureReader.read(UNDERWATER, "underwater.yaml");
        WorkbookContent content = WorkbookContent.of(venture, null);
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            Sheet sheet = wb.getSheet(WaterfallSheet.NAME);
            int irrHeader = WaterfallSheetTest.rowOf(sheet, "IRR by holder", WaterfallSheetTest.rowOf(sheet, "MOIC by holder", 0));
            DataFormatter shown = new DataFormatter();
            // Column 1: Distressed (net debt and costs over the value), column 2: Sale.
            Cell fundLoss = sheet.getRow(WaterfallSheetTest.rowOf(sheet, "Fund LP", irrHeader)).getCell(1);
            assertThat(fundLoss.getNumericCellValue()).isEqualTo(-1.0);
            assertThat(shown.formatCellValue(fundLoss)).isEqualTo("-100.00%");
            Cell anaLoss = sheet.getRow(WaterfallSheetTest.rowOf(sheet, "Ana Morales", irrHeader)).getCell(1);
            assertThat(shown.formatCellValue(anaLoss)).as("a total loss needs no dates").isEqualTo("-100.00%");
            Cell anaSale = sheet.getRow(WaterfallSheetTest.rowOf(sheet, "Ana Morales", irrHeader)).getCell(2);
            assertThat(anaSale.getStringCellValue()).as("no acquisition date: no one rate").isEqualTo(WaterfallSheet.NOT_APPLICABLE);
        }
    }
}
