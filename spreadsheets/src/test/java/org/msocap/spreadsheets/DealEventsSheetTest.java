package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableLine;
import org.msocap.deal.HolderProceeds;
import org.msocap.deal.RealizedTotal;
import org.msocap.deal.RecapResult;
import org.msocap.deal.Rounds;
import org.msocap.deal.SourcesAndUses;
import org.msocap.deal.Timeline;
import org.msocap.io.VentureReader;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * The Deal events sheet: present only when the venture has events; what {@code msocap proforma} shows, by name; and,
 * recalculated by LibreOffice, its formulas (sources and uses, the buyer's equity that balances them, each holder's cash
 * at close, each person's realized total) give exactly what the engine computed. Numbers are read from the engine, not
 * written here, so the examples may change.
 */
class DealEventsSheetTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "ventures");
    static final Path RECAP = EXAMPLES.resolve("derm-recap-second-bite.yaml");
    static final Path ROUND = EXAMPLES.resolve("telehealth-series-a.yaml");
    /** A round, then a recap with PIK debt, two rollovers by one holder and cash in lieu of a fractional unit. */
    static final Path ROUND_THEN_RECAP = Path.of("src", "test", "resources", "deal", "round-then-recap.yaml");
    /** Printed pages the sheet may take per event (a recap's tables fill about two). */
    private static final int PAGES_PER_EVENT = 3;

    @TempDir
    Path dir;

    @Test
    void aVentureWithoutEventsHasNoDealEventsSheet() throws Exception {
        for (Venture venture : List.of(TestVentures.sunrise(), VentureReader.read(ClientDeliverableTest.BUNDLED))) {
            assertThat(venture.events()).isEmpty();
            try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(venture, null))) {
                assertThat(wb.getSheet(DealEventsSheet.NAME)).isNull();
            }
        }
    }

    @Test
    void followsTheCapTableWithNamesNotIdsAndPrintsLikeTheOtherSheets() throws Exception {
        for (Path model : List.of(RECAP, ROUND, ROUND_THEN_RECAP)) {
            Venture venture = VentureReader.read(model);
            try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(venture, null))) {
                Sheet sheet = wb.getSheet(DealEventsSheet.NAME);
                assertThat(sheet).as(model.toString()).isNotNull();
                assertThat(wb.getSheetIndex(sheet)).isEqualTo(wb.getSheetIndex(CapTableSheet.NAME) + 1);
                assertThat(sheet.isColumnHidden(DealEventsSheet.ID)).isTrue();
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                assertThat(sheet.getRepeatingRows()).isNotNull();
                assertThat(sheet.getHeader().getLeft()).isEqualTo(venture.name());
                assertThat(sheet.getFooter().getLeft()).contains("not legal advice");
                assertThat(sheet.getFooter().getRight()).isEqualTo("Page &P of &N");
                // Each event after the first starts a page.
                assertThat(sheet.getRowBreaks().length).isGreaterThanOrEqualTo(venture.events().size() - 1);
                // A recap's cap tables start a page: after its sources and uses, proceeds and units they ran over a page.
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    org.apache.poi.ss.usermodel.Cell first = row.getCell(DealEventsSheet.LABEL);
                    if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && first.getStringCellValue().endsWith(": cap table before")
                            && Timeline.of(venture).applied().stream().anyMatch(a -> a.recap() != null
                                    && first.getStringCellValue().equals(a.event().name() + ": cap table before"))) {
                        assertThat(sheet.isRowBroken(row.getRowNum() - 1)).as(first.getStringCellValue()).isTrue();
                    }
                }

                Set<String> ids = new HashSet<>();
                venture.people().stream().map(Person::id).forEach(ids::add);
                for (Timeline.Applied a : Timeline.of(venture).applied()) {
                    for (Mso mso : List.of(a.before(), a.after())) {
                        mso.classes().stream().map(ShareClass::id).forEach(ids::add);
                    }
                }
                List<String> visible = visibleText(sheet);
                // A converted SAFE's series reads with its conversion price as a price, not 15 digits.
                visible.stream().filter(t -> t.contains("converted at")).forEach(t -> assertThat(t).matches(".*\\(converted at \\$\\d+\\.\\d{4}\\)"));
                for (String text : visible) {
                    assertThat(ids).as(model.getFileName() + ": '" + text + "' is a model id").doesNotContain(text);
                    for (String id : ids) {
                        assertThat(text).as(model.getFileName() + ": id in '" + text + "'").doesNotContain("(" + id + ")")
                                .doesNotEndWith(" " + id);
                    }
                }
                for (Timeline.Applied a : Timeline.of(venture).applied()) {
                    for (Rounds.Issue i : a.round() == null ? List.<Rounds.Issue>of() : a.round().issued()) {
                        assertThat(visible).contains(venture.requirePerson(i.holder()).name());
                        if (!a.after().requireClass(i.classId()).displayName().equals(a.after().requireClass(i.classId()).id())
                                && a.after().requireClass(i.classId()).displayName().contains("(converted at ")) {
                            assertThat(visible).anyMatch(t -> t.endsWith("(converted at $" + a.after().requireClass(i.classId())
                                    .issuePrice().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString() + ")"));
                        }
                    }
                    if (a.recap() != null) {
                        a.recap().holders().forEach(h -> assertThat(visible).contains(venture.requirePerson(h.holder()).name()));
                        a.recap().event().classes().forEach(c -> assertThat(visible).contains(new ClientLabels(
                                venture.toBuilder().mso(a.after()).events(List.of()).build()).className(c.id())));
                    }
                }
            }
        }
    }

    @Test
    void theMultipleReadsAsBankersWriteIt() throws Exception {
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(VentureReader.read(RECAP), null))) {
            Sheet sheet = wb.getSheet(DealEventsSheet.NAME);
            int header = rowWith(sheet, DealEventsSheet.MOIC, "MOIC", 0);
            int row = rowWith(sheet, DealEventsSheet.ID, "dr-hale", header);
            Cell moic = sheet.getRow(row).getCell(DealEventsSheet.MOIC);
            assertThat(moic.getCellStyle().getDataFormatString()).isEqualTo(Styles.MULTIPLE_FORMAT);
            assertThat(sheet.getRow(row).getCell(DealEventsSheet.IRR).getCellStyle().getDataFormatString())
                    .isEqualTo(Styles.PERCENT_FORMAT);
        }
    }

    @Test
    void recalculatedByLibreOfficeTheFormulasGiveTheEnginesNumbers() throws Exception {
        LibreOffice.assumeInstalled();
        List<Venture> ventures = List.of(VentureReader.read(RECAP), VentureReader.read(ROUND), VentureReader.read(ROUND_THEN_RECAP));
        List<WorkbookContent> contents = new ArrayList<>();
        List<Path> exported = new ArrayList<>();
        for (int i = 0; i < ventures.size(); i++) {
            WorkbookContent content = WorkbookContent.of(ventures.get(i), null);
            Path out = dir.resolve("deal-" + i + ".xlsx");
            WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults());
            contents.add(content);
            exported.add(out);
        }
        List<Path> recalculated = LibreOffice.recalculateAll(exported, dir);
        int recaps = 0;
        int rounds = 0;
        int realized = 0;
        for (int i = 0; i < ventures.size(); i++) {
            try (InputStream in = Files.newInputStream(recalculated.get(i)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet sheet = wb.getSheet(DealEventsSheet.NAME);
                for (Timeline.Applied a : Timeline.of(ventures.get(i)).applied()) {
                    if (a.recap() != null) {
                        assertRecap(sheet, a.recap());
                        recaps++;
                    } else {
                        assertRound(sheet, ventures.get(i), a);
                        rounds++;
                    }
                    assertCapTable(sheet, ventures.get(i), a.event().name() + ": cap table before", a.before());
                    assertCapTable(sheet, ventures.get(i), a.event().name() + ": cap table after", a.after());
                }
                realized += assertRealized(sheet, contents.get(i));
            }
        }
        // Not vacuous: a recap, a round and realized totals were each checked.
        assertThat(recaps).isPositive();
        assertThat(rounds).isPositive();
        assertThat(realized).isPositive();
    }

    /**
     * The sheet alone, printed, for the recap and the round example: a few landscape pages with the page furniture, names,
     * and no column too narrow for its number.
     */
    @Test
    void printsInAFewPagesPerEvent() throws Exception {
        LibreOffice.assumeInstalled();
        assumeTrue(Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "pdftotext"))), "pdftotext (poppler-utils) is not installed");
        for (Path model : List.of(RECAP, ROUND)) {
            Venture venture = VentureReader.read(model);
            String name = model.getFileName().toString().replace(".yaml", "");
            Path full = dir.resolve(name + "-full.xlsx");
            WorkbookExporter.DEFAULT.export(WorkbookContent.of(venture, null), full, ExportOptions.defaults());
            Path only = dir.resolve(name + ".xlsx");
            try (InputStream in = Files.newInputStream(full); XSSFWorkbook wb = new XSSFWorkbook(in);
                 OutputStream out = Files.newOutputStream(only)) {
                int index = wb.getSheetIndex(DealEventsSheet.NAME);
                wb.setActiveSheet(index);
                wb.setFirstVisibleTab(index);
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    if (i != index) {
                        wb.setSheetVisibility(i, SheetVisibility.HIDDEN);
                    }
                }
                wb.write(out);
            }
            Path pdf = LibreOffice.toPdf(only, Files.createTempDirectory(dir, name));
            if (Boolean.getBoolean("msocap.render")) {
                Files.copy(pdf, Files.createDirectories(Path.of("target", "rendered")).resolve(name + "-deal-events.pdf"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> pages = ClientDeliverableTest.pages(pdf);
            assertThat(pages.size()).as(name + " pages").isBetween(1, PAGES_PER_EVENT * venture.events().size() + 1);
            String all = String.join("\n", pages);
            assertThat(all).as(name).doesNotContain("###");
            for (Pattern engine : ClientDeliverableTest.ENGINE_LABELS) {
                assertThat(engine.matcher(all).find()).as(name + ": engine label " + engine + " on a printed page").isFalse();
            }
            for (int i = 0; i < pages.size(); i++) {
                assertThat(pages.get(i)).as(name + " page " + (i + 1)).contains(venture.name(), "not legal advice", "Deal events",
                        "Page " + (i + 1) + " of " + pages.size());
            }
            if (model == RECAP) {
                assertThat(all).contains("Margaret Hale, MD", "Magnolia Health Partners III, LP", "Class A Preferred Units",
                        "Sources − uses").containsPattern("\\b\\d+\\.\\d\\dx\\b").containsPattern("\\d+\\.\\d\\d%");
            } else {
                assertThat(all).contains("Front Range Ventures III, LP", "Series A Preferred", "SAFE conversion", "Pool increase");
            }
        }
    }

    private static void assertRecap(Sheet sheet, RecapResult recap) {
        String name = recap.event().name();
        int top = rowWith(sheet, 0, name + " — recapitalisation on " + recap.date(), 0);
        SourcesAndUses su = recap.sourcesAndUses();
        assertMoney(sheet, rowStarting(sheet, "New debt", top), su.newDebt());
        int buyer = rowStarting(sheet, DealEventsSheet.BUYER_EQUITY, top);
        assertThat(sheet.getRow(buyer).getCell(DealEventsSheet.AMOUNT).getCellType()).isEqualTo(CellType.FORMULA);
        assertMoney(sheet, buyer, su.buyerEquity());
        assertMoney(sheet, rowStarting(sheet, "Rollover by the old holders", top), su.rollover());
        assertMoney(sheet, rowStarting(sheet, DealEventsSheet.TOTAL_SOURCES, top), su.totalSources());
        assertMoney(sheet, rowStarting(sheet, "Old equity paid", top), su.oldEquity());
        assertMoney(sheet, rowStarting(sheet, "Old net debt repaid", top), su.oldNetDebt());
        assertMoney(sheet, rowStarting(sheet, "Seller costs", top), su.sellerCosts());
        assertMoney(sheet, rowStarting(sheet, "Buyer costs", top), su.buyerCosts());
        assertMoney(sheet, rowStarting(sheet, DealEventsSheet.TOTAL_USES, top), su.totalUses());
        assertMoney(sheet, rowStarting(sheet, DealEventsSheet.SOURCES_LESS_USES, top), Money.ZERO);
        int holders = rowWith(sheet, 0, name + ": each old holder's proceeds in the old cap table's waterfall", top);
        for (HolderProceeds h : recap.holders()) {
            int row = rowWith(sheet, DealEventsSheet.ID, h.holder(), holders);
            assertThat(cents(sheet, row, DealEventsSheet.PROCEEDS)).as(h.holder() + " proceeds").isEqualTo(cents(h.proceeds()));
            assertThat(cents(sheet, row, DealEventsSheet.ROLLOVER)).as(h.holder() + " rollover").isEqualTo(cents(h.rollover()));
            assertThat(sheet.getRow(row).getCell(DealEventsSheet.CASH).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(cents(sheet, row, DealEventsSheet.CASH)).as(h.holder() + " cash at close").isEqualTo(cents(h.cashAtClose()));
        }
    }

    private static void assertRound(Sheet sheet, Venture venture, Timeline.Applied a) {
        Rounds.Result round = a.round();
        int top = rowWith(sheet, 0, a.event().name() + " — financing round on " + a.event().date(), 0);
        // In the MSO's words: a unit of an LLC, a share of a corporation.
        org.msocap.model.EquityTerms terms = org.msocap.model.EquityTerms.of(a.before());
        int price = rowStarting(sheet, "Price per " + terms.unit(), top);
        assertThat(number(sheet, price, DealEventsSheet.AMOUNT)).isCloseTo(round.pricePerShare().doubleValue(), within(1e-12));
        int issued = rowWith(sheet, 0, a.event().name() + ": " + terms.units() + " issued", top);
        long total = round.poolIncrease();
        for (Rounds.Issue i : round.issued()) {
            int row = rowWith(sheet, DealEventsSheet.ID, i.holder(), issued);
            // A holder may receive shares twice (a SAFE and an investment): find the line of this class.
            while (!sheet.getRow(row).getCell(DealEventsSheet.TEXT).getStringCellValue()
                    .equals(labelsAfter(venture, a).className(i.classId()))) {
                row = rowWith(sheet, DealEventsSheet.ID, i.holder(), row + 1);
            }
            assertThat((long) number(sheet, row, 4)).as(i.holder() + " " + i.classId()).isEqualTo(i.shares());
            total += i.shares();
        }
        assertThat((long) number(sheet, rowStarting(sheet, "Total", issued), 4)).isEqualTo(total);
        if (!round.ratios().isEmpty()) {
            int ratios = rowWith(sheet, 0, a.event().name() + ": conversion ratios of the preferred classes after anti-dilution", top);
            for (Rounds.Ratio ratio : round.ratios()) {
                int row = rowWith(sheet, DealEventsSheet.ID, ratio.classId(), ratios);
                assertThat(number(sheet, row, 4)).isCloseTo(ratio.after().doubleValue(), within(1e-12));
            }
        }
    }

    private static ClientLabels labelsAfter(Venture venture, Timeline.Applied a) {
        return new ClientLabels(venture.toBuilder().mso(a.after()).events(List.of()).build());
    }

    private static void assertCapTable(Sheet sheet, Venture venture, String title, Mso mso) {
        int top = rowWith(sheet, 0, title, 0);
        CapTable table = CapTable.of(venture.toBuilder().mso(mso).events(List.of()).build());
        List<CapTableLine> lines = table.lines();
        for (int i = 0; i < lines.size(); i++) {
            int row = top + 2 + i;
            assertThat(text(sheet, row, 0)).isEqualTo(lines.get(i).holderName());
            assertThat(number(sheet, row, DealEventsSheet.AS_CONVERTED)).isCloseTo(lines.get(i).fullyDiluted().doubleValue(), within(1e-6));
            assertThat(number(sheet, row, DealEventsSheet.PCT_FULLY_DILUTED)).as(title + " line " + i)
                    .isCloseTo(lines.get(i).ofFullyDiluted().doubleValue(), within(1e-12));
        }
        assertThat(number(sheet, top + 2 + lines.size(), DealEventsSheet.AS_CONVERTED))
                .isCloseTo(table.totalFullyDiluted().doubleValue(), within(1e-6));
    }

    /** Every exit scenario after a recap: each person's realized total to the cent, MOIC and IRR as the engine's. */
    private static int assertRealized(Sheet sheet, WorkbookContent content) {
        int checked = 0;
        for (WorkbookContent.Scenario sc : content.waterfalls().scenarios()) {
            if (sc.realized().isEmpty()) {
                continue;
            }
            int top = rowWith(sheet, 0, sc.waterfall().scenario() + " — exit on " + sc.valuation().date(), 0);
            Money total = Money.ZERO;
            for (RealizedTotal t : sc.realized()) {
                int row = rowWith(sheet, DealEventsSheet.ID, t.id(), top);
                assertThat(cents(sheet, row, DealEventsSheet.EARLIER)).as(t.id() + " earlier").isEqualTo(cents(t.earlier()));
                assertThat(cents(sheet, row, DealEventsSheet.PAYOUT)).as(t.id() + " payout").isEqualTo(cents(t.payout()));
                assertThat(cents(sheet, row, DealEventsSheet.TOTAL)).as(t.id() + " total").isEqualTo(cents(t.total()));
                assertThat(cents(sheet, row, DealEventsSheet.COST)).as(t.id() + " cost").isEqualTo(cents(t.cost()));
                Cell moic = sheet.getRow(row).getCell(DealEventsSheet.MOIC);
                if (t.moic().isPresent()) {
                    assertThat(moic.getNumericCellValue()).as(t.id() + " MOIC").isCloseTo(t.moic().get().doubleValue(), within(1e-9));
                } else {
                    assertThat(moic.getStringCellValue()).isEmpty();
                }
                Cell irr = sheet.getRow(row).getCell(DealEventsSheet.IRR);
                if (t.irr().isPresent()) {
                    assertThat(irr.getNumericCellValue()).as(t.id() + " IRR").isCloseTo(t.irr().getAsDouble(), within(1e-12));
                }
                total = total.plus(t.total());
                checked++;
            }
            int totalRow = rowStarting(sheet, "Total", top + 2);
            assertThat(cents(sheet, totalRow, DealEventsSheet.TOTAL)).isEqualTo(cents(total));
        }
        return checked;
    }

    private static void assertMoney(Sheet sheet, int row, Money expected) {
        assertThat(cents(sheet, row, DealEventsSheet.AMOUNT)).as(text(sheet, row, 0)).isEqualTo(cents(expected));
    }

    private static long cents(Money m) {
        return m.amount().movePointRight(2).longValueExact();
    }

    private static long cents(Sheet sheet, int row, int column) {
        return FeeProjectionSheetTest.cents(number(sheet, row, column));
    }

    private static double number(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        if (cell == null) {
            throw new AssertionError(sheet.getSheetName() + " row " + (row + 1) + " column " + column + " is empty");
        }
        if (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() != CellType.NUMERIC) {
            throw new AssertionError(sheet.getSheetName() + "!" + cell.getAddress() + " = " + cell.getCellFormula() + " is not a number");
        }
        return cell.getNumericCellValue();
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    /** The first row at or after {@code from} whose cell in {@code column} reads {@code value}. */
    static int rowWith(Sheet sheet, int column, String value, int from) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null && text(sheet, r, column).equals(value)) {
                return r;
            }
        }
        throw new AssertionError("no row with '" + value + "' in column " + column + " of " + sheet.getSheetName() + " from row "
                + (from + 1));
    }

    /** The first row at or after {@code from} whose label starts with {@code prefix}. */
    private static int rowStarting(Sheet sheet, String prefix, int from) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null && text(sheet, r, 0).startsWith(prefix)) {
                return r;
            }
        }
        throw new AssertionError("no row starting '" + prefix + "' in " + sheet.getSheetName() + " from row " + (from + 1));
    }

    private static List<String> visibleText(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (!sheet.isColumnHidden(cell.getColumnIndex()) && cell.getCellType() == CellType.STRING) {
                    out.add(cell.getStringCellValue());
                }
            }
        }
        return out;
    }
}
