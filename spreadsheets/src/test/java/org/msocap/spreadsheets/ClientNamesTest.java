package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.msocap.captable.CapTable;
import org.msocap.io.VentureReader;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;

/**
 * People, practices, agreements and share classes appear by name wherever a client reads them; the model's ids
 * stay only in grouped working columns and in formulas.
 */
class ClientNamesTest {

    /** The sunrise test venture with its classes named as a term sheet names them. */
    static Venture namedClasses() {
        Venture v = TestVentures.sunrise();
        Mso m = v.mso();
        List<ShareClass> named = m.classes().stream()
                .map(c -> c.withName(c.id().equals("common") ? "Class A Common Units" : "Series Seed Preferred Units")).toList();
        Mso mso = new Mso(m.name(), m.state(), m.form(), named, m.holdings(), m.optionPool(), m.options(), m.warrants(), m.safes(),
                m.notes(), m.directors(), m.officers(), m.staff(), m.formed());
        return v.toBuilder().mso(mso).build();
    }

    @Test
    void aClassNameIsShownWhereverTheClassIs() throws Exception {
        Venture venture = namedClasses();
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(venture, null))) {
            Sheet cap = wb.getSheet(CapTableSheet.NAME);
            List<String> classes = column(cap, CapTableSheet.CLASS, CapTableSheet.FIRST_LINE_ROW);
            assertThat(classes).contains("Class A Common Units", "Series Seed Preferred Units").doesNotContain("Common", "Series A");
            assertThat(column(wb.getSheet(WaterfallSheet.NAME), 0, 0)).contains("Class A Common Units", "Series Seed Preferred Units");
            assertThat(column(wb.getSheet(BreakpointsSheet.NAME), 2, 0)).doesNotContain("Series A");
            List<String> visible = ClientDeliverableTest.visibleText(wb);
            assertThat(visible).contains("Series Seed Preferred Units").doesNotContain("Series A", "series-a");
            // The SUMIFS of the class summary key on the same words as the lines, so it still adds up.
            int byClass = WaterfallSheetTest.rowOf(cap, "By class and security", 0) + 2;
            double total = 0;
            for (int r = byClass; cap.getRow(r) != null && cap.getRow(r).getCell(CapTableSheet.FULLY_DILUTED) != null; r++) {
                total += cap.getRow(r).getCell(CapTableSheet.FULLY_DILUTED).getNumericCellValue();
            }
            assertThat(total).isEqualTo(cap.getRow(CapTableSheet.FIRST_LINE_ROW + CapTable.of(venture).lines().size())
                    .getCell(CapTableSheet.FULLY_DILUTED).getNumericCellValue());
        }
    }

    @Test
    void withoutANameAClassReadsAsItsIdInWords() {
        ClientLabels labels = new ClientLabels(TestVentures.sunrise());
        assertThat(labels.className("series-a")).isEqualTo("Series A");
        assertThat(new ClientLabels(namedClasses()).className("series-a")).isEqualTo("Series Seed Preferred Units");
        assertThat(new ClientLabels(namedClasses()).claimant("series-a")).isEqualTo("Series Seed Preferred Units");
    }

    /**
     * No person, practice or agreement id in a column a client reads by name: the Cap Table's holders, the Findings'
     * and Summary's subjects, the Fees inputs and its comparison titles. Called for every example by
     * {@link ClientDeliverableTest}, which builds their workbooks anyway.
     */
    static void assertNamedColumnsShowNames(String model, Venture venture, XSSFWorkbook wb) {
        Set<String> ids = Stream.of(venture.people().stream().map(Person::id), venture.practices().stream().map(Practice::id),
                venture.agreements().stream().map(a -> a.id())).flatMap(s -> s).collect(Collectors.toSet());
        List<String> named = new ArrayList<>(column(wb.getSheet(CapTableSheet.NAME), CapTableSheet.HOLDER,
                CapTableSheet.FIRST_LINE_ROW));
        named.addAll(column(wb.getSheet(FindingsSheet.NAME), 3, FindingsSheet.HEADER_ROW + 1));
        named.addAll(column(wb.getSheet(SummarySheet.NAME), 2, 0));
        Sheet fees = wb.getSheet(FeesSheet.NAME);
        if (fees != null) {
            for (int c = 0; c <= 1; c++) {
                named.addAll(column(fees, c, FeesSheet.INPUT_HEADER_ROW + 1).stream().limit(venture.practices().size()).toList());
            }
            column(fees, 0, 0).stream().filter(t -> t.startsWith("Fee-basis comparison for ")).forEach(named::add);
        }
        Sheet projection = wb.getSheet(FeeProjectionSheet.NAME);
        if (projection != null) {
            // The Fee Projection's headers: "Sunrise Medical Group of California, P.C.: collections", not the practice id.
            for (org.apache.poi.ss.usermodel.Cell cell : projection.getRow(FeeProjectionSheet.HEADER_ROW)) {
                String header = cell.getStringCellValue();
                for (Practice p : venture.practices()) {
                    assertThat(header).as(model + ": Fee Projection header").doesNotStartWith(p.id() + ":");
                }
            }
        }
        Sheet deal = wb.getSheet(DealEventsSheet.NAME);
        if (deal != null) {
            // People and labels in its first column, classes and categories in its third; the ids grouped away.
            named.addAll(column(deal, DealEventsSheet.LABEL, 0));
            named.addAll(column(deal, DealEventsSheet.TEXT, 0));
            assertThat(deal.isColumnHidden(DealEventsSheet.ID)).as(model + ": Deal events model ids").isTrue();
        }
        assertThat(named).as(model + ": named columns").isNotEmpty();
        for (String text : named) {
            assertThat(ids).as(model + ": '" + text + "' is an id").doesNotContain(text);
            assertThat(text).as(model).doesNotStartWith("agreement ").doesNotStartWith("practice ").doesNotStartWith("person ");
            for (String id : ids) {
                assertThat(text).as(model + ": id '" + id + "' in '" + text + "'").doesNotEndWith(" " + id)
                        .doesNotContain(" " + id + " ");
            }
        }
        assertThat(wb.getSheet(CapTableSheet.NAME).isColumnHidden(CapTableSheet.HOLDER_ID)).as(model).isTrue();
        // Finding messages (Findings, Summary, Agreements) name what they are about: no id that cannot be a word is left.
        List<String> messages = new ArrayList<>(column(wb.getSheet(FindingsSheet.NAME), 4, FindingsSheet.HEADER_ROW + 1));
        messages.addAll(column(wb.getSheet(SummarySheet.NAME), 3, 0));
        messages.addAll(column(wb.getSheet(AgreementsSheet.NAME), 2, 0));
        for (String text : messages) {
            for (String id : ids) {
                if (!id.chars().allMatch(Character::isLetter)) {
                    assertThat(java.util.regex.Pattern.compile("(?<![\\w-])" + java.util.regex.Pattern.quote(id) + "(?![\\w]|-\\w)")
                            .matcher(text).find()).as(model + ": id '" + id + "' in '" + text + "'").isFalse();
                }
            }
        }
    }

    @Test
    void theBundledExampleShowsNamesInItsNamedColumns() throws Exception {
        Venture venture = VentureReader.read(ClientDeliverableTest.BUNDLED);
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(venture, null))) {
            assertNamedColumnsShowNames("sunrise-telehealth", venture, wb);
            assertThat(column(wb.getSheet(CapTableSheet.NAME), CapTableSheet.HOLDER, CapTableSheet.FIRST_LINE_ROW))
                    .contains("Alice Chen", "Harbor Seed Fund I, LP", "Unissued option pool", "Priya Raman");
            assertThat(column(wb.getSheet(FeesSheet.NAME), 0, FeesSheet.INPUT_HEADER_ROW + 1))
                    .contains("Sunrise Medical Group of California, P.C.");
            assertThat(column(wb.getSheet(SummarySheet.NAME), 2, 0))
                    .contains("Management services agreement — Sunrise Medical of New York, P.C.");
            assertThat(column(wb.getSheet(SummarySheet.NAME), 3, 0)).contains("the management services agreement with Sunrise Medical "
                    + "of New York, P.C. gives the MSO the final say over pricing (setting prices) at practice Sunrise Medical of New "
                    + "York, P.C. (New York, STRONG corporate-practice doctrine).");
            assertThat(column(wb.getSheet(AgreementsSheet.NAME), 2, 0)).anyMatch(t -> t.contains(": the management services agreement "
                    + "with Sunrise Medical of New York, P.C. pays the MSO a 35% of collections fee of practice Sunrise Medical of New "
                    + "York, P.C."));
        }
    }

    private static List<String> column(Sheet sheet, int c, int from) {
        List<String> out = new ArrayList<>();
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Cell cell = row == null ? null : row.getCell(c);
            if (cell != null && cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()) {
                out.add(cell.getStringCellValue());
            }
        }
        return out;
    }
}
