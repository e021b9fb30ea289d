package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.fees.FeeProjector;
import org.msocap.fees.MsoPeriod;
import org.msocap.fees.Period;
import org.msocap.fees.PracticePeriod;
import org.msocap.fees.Projection;
import org.msocap.model.Agreement;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * The Fee Projection's formulas, recalculated by LibreOffice, equal the fee engine to the cent in every
 * month — as exported, and after a reader types other inputs (another basis, other collections).
 */
class FeeProjectionSheetTest {

    @TempDir
    Path dir;

    @Test
    void everyMonthEqualsTheEngineToTheCent() throws Exception {
        LibreOffice.assumeInstalled();
        Venture venture = TestVentures.sunrise();
        try (Recalculated wb = Recalculated.of(WorkbookContent.of(venture), dir)) {
            assertMatchesEngine(wb, venture);
            Projection engine = FeeProjector.DEFAULT.project(venture, Period.MONTH);
            assertThat(cents(wb.named("TotalManagementFees"))).isEqualTo(engine.msoTotal().revenue().cents());
            assertThat(cents(wb.named("TotalMsoEbitda"))).isEqualTo(engine.msoTotal().ebitda().cents());
        }
    }

    /**
     * A venture with financials but no practices yet (the MSO's costs alone): the yearly summary sums over no
     * practice columns, which is 0, not an empty formula (that made the export fail), and the MSO's months still
     * equal the engine.
     */
    @Test
    void withoutPracticesTheMsoAloneEqualsTheEngine() throws Exception {
        LibreOffice.assumeInstalled();
        Venture venture = org.msocap.io.VentureReader.read("""
                msocap: 1
                venture: No practices
                asOf: 2026-01-15
                people:
                  - {id: a, name: A}
                mso:
                  name: X LLC
                  state: DE
                  classes:
                    - {id: common, type: common}
                  holdings:
                    - {holder: a, class: common, shares: 100}
                financials:
                  start: 2026-01-01
                  years: 3
                  mso:
                    operatingCosts: 100k
                """, "no-practices.yaml");
        try (Recalculated wb = Recalculated.of(WorkbookContent.of(venture), dir)) {
            assertMatchesEngine(wb, venture);
            Projection engine = FeeProjector.DEFAULT.project(venture, Period.MONTH);
            assertThat(engine.practices()).isEmpty();
            assertThat(cents(wb.named("TotalManagementFees"))).isZero();
            assertThat(cents(wb.named("TotalMsoEbitda"))).isEqualTo(engine.msoTotal().ebitda().cents()).isNegative();
        }
    }

    @Test
    void followsInputsTheReaderTypes() throws Exception {
        LibreOffice.assumeInstalled();
        Venture original = TestVentures.sunrise();
        // What the reader types: a percent-of-collections fee of 22.5%, 4.3M first-year collections growing 17%.
        Venture typed = withFeeAndCollections(original, FeeTerms.percentOfCollections(new BigDecimal("0.225")),
                Money.of(4_300_000), new BigDecimal("0.17"));
        try (Recalculated wb = Recalculated.of(WorkbookContent.of(original), dir, edited -> {
            setText(edited, "FeeBasis_sunrise_ca", "percent-of-collections");
            Recalculated.setNamed(edited, "FeePercent_sunrise_ca", 0.225);
            Recalculated.setNamed(edited, "Collections_sunrise_ca", 4_300_000);
            Recalculated.setNamed(edited, "Growth_sunrise_ca", 0.17);
        })) {
            assertMatchesEngine(wb, typed);
        }
    }

    @Test
    void followsEveryOtherBasisTheReaderSelects() throws Exception {
        LibreOffice.assumeInstalled();
        Venture original = TestVentures.sunrise();
        List<FeeTerms> bases = List.of(
                new FeeTerms(FeeTerms.Basis.PERCENT_OF_NET, null, null, new BigDecimal("0.35"), null),
                new FeeTerms(FeeTerms.Basis.COST_PLUS, null, null, null, new BigDecimal("0.125")),
                new FeeTerms(FeeTerms.Basis.HYBRID, Money.of(40_000), new BigDecimal("0.025"), new BigDecimal("0.07"), null),
                new FeeTerms(FeeTerms.Basis.RESIDUAL, null, null, null, null));
        List<Consumer<XSSFWorkbook>> typings = bases.stream().<Consumer<XSSFWorkbook>>map(terms -> edited -> {
            setText(edited, "FeeBasis_sunrise_ca", terms.basis().id());
            Recalculated.setNamed(edited, "FeeMonthly_sunrise_ca", terms.monthly().amount().doubleValue());
            Recalculated.setNamed(edited, "FeeEscalator_sunrise_ca", terms.escalator().doubleValue());
            Recalculated.setNamed(edited, "FeePercent_sunrise_ca", terms.percent().doubleValue());
            Recalculated.setNamed(edited, "FeeMarkup_sunrise_ca", terms.markup().doubleValue());
        }).toList();
        List<Recalculated> recalculated = Recalculated.ofEach(WorkbookContent.of(original), dir, typings);
        for (int i = 0; i < bases.size(); i++) {
            try (Recalculated wb = recalculated.get(i)) {
                assertMatchesEngine(wb, withFeeAndCollections(original, bases.get(i), null, null));
            }
        }
    }

    static void assertMatchesEngine(Recalculated wb, Venture venture) {
        Projection engine = FeeProjector.DEFAULT.project(venture, Period.MONTH);
        FeeProjectionSheet.Layout layout = new FeeProjectionSheet.Layout(engine.practices().size(), FeeProjectionSheet.FIRST_ROW,
                FeeProjectionSheet.FIRST_ROW + engine.periods() - 1);
        String sheet = FeeProjectionSheet.NAME;
        for (int i = 0; i < engine.periods(); i++) {
            int row = FeeProjectionSheet.FIRST_ROW + i + 1;
            for (int p = 0; p < engine.practices().size(); p++) {
                PracticePeriod e = engine.practices().get(p).rows().get(i);
                String label = e.period().label() + " " + engine.practices().get(p).practiceId();
                assertCents(wb, sheet, layout.practiceColumn(p, FeeProjectionSheet.COLLECTIONS), row, e.collections(), label + " collections");
                assertCents(wb, sheet, layout.practiceColumn(p, FeeProjectionSheet.COMPENSATION), row, e.clinicianCompensation(), label + " compensation");
                assertCents(wb, sheet, layout.practiceColumn(p, FeeProjectionSheet.PRACTICE_COSTS), row, e.practiceCosts(), label + " practice costs");
                assertCents(wb, sheet, layout.practiceColumn(p, FeeProjectionSheet.MSO_COST_ALLOCATED), row, e.msoCostAllocated(), label + " MSO cost");
                assertCents(wb, sheet, layout.practiceColumn(p, FeeProjectionSheet.FEE), row, e.fee(), label + " fee");
                assertCents(wb, sheet, layout.practiceColumn(p, FeeProjectionSheet.MARGIN), row, e.practiceMargin(), label + " margin");
            }
            MsoPeriod m = engine.mso().get(i);
            assertCents(wb, sheet, layout.msoRevenueColumn(), row, m.revenue(), m.period().label() + " MSO revenue");
            assertCents(wb, sheet, layout.msoCostsColumn(), row, m.costs(), m.period().label() + " MSO costs");
            assertCents(wb, sheet, layout.msoEbitdaColumn(), row, m.ebitda(), m.period().label() + " MSO EBITDA");
        }
    }

    private static void assertCents(Recalculated wb, String sheet, int column, int row, Money expected, String what) {
        double actual = wb.number(sheet, SheetWriter.column(column) + row);
        assertThat(cents(actual)).as(what + " at " + SheetWriter.column(column) + row).isEqualTo(expected.cents());
    }

    static long cents(double value) {
        return Math.round(value * 100);
    }

    private static void setText(XSSFWorkbook wb, String name, String value) {
        var ref = new org.apache.poi.ss.util.AreaReference(wb.getName(name).getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
        wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(value);
    }

    private static Venture withFeeAndCollections(Venture v, FeeTerms terms, Money collections, BigDecimal growth) {
        Agreement a = v.agreements().get(0);
        Agreement msa = new Agreement(a.id(), a.type(), a.practice(), terms, a.fmvOpinion(), a.services(), a.msoControls(),
                a.noncompete(), a.termMonths(), a.signed());
        Financials f = v.financials();
        Financials.PracticeFinancials pf = f.practices().get("sunrise-ca");
        Financials.PracticeFinancials next = new Financials.PracticeFinancials(collections == null ? pf.collections() : collections,
                growth == null ? pf.growth() : growth, pf.clinicianComp(), pf.otherCosts(), pf.referredByInvestors());
        Financials financials = new Financials(f.start(), f.years(), Map.of("sunrise-ca", next), f.mso());
        return new Venture(v.formatVersion(), v.name(), v.currency(), v.asOf(), v.people(), v.mso(), v.practices(), List.of(msa),
                financials, v.exits(), v.simulation());
    }

    @Test
    void printsTheAmountsOnlyWithTheRoundingWorkingsCollapsed() throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(TestVentures.sunrise()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet(FeeProjectionSheet.NAME);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(FeeProjectionSheet.HEADER_ROW);
            int hidden = 0;
            for (org.apache.poi.ss.usermodel.Cell cell : header) {
                boolean working = cell.getStringCellValue().contains("(working)");
                assertThat(sheet.isColumnHidden(cell.getColumnIndex())).as(cell.getStringCellValue()).isEqualTo(working);
                hidden += working ? 1 : 0;
            }
            assertThat(hidden).isEqualTo(10);
            org.apache.poi.ss.usermodel.PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getLandscape()).isTrue();
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).isZero();
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(FeeProjectionSheet.HEADER_ROW);
        }
    }
}
