package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.junit.jupiter.api.io.TempDir;

class WorkbookExporterTest {

    @TempDir
    Path dir;

    private final WorkbookContent content = WorkbookContent.of(TestVentures.sunrise());

    @Test
    void writesTheSheetsInOrderWithEveryFormulaEvaluated() throws Exception {
        Path out = dir.resolve("venture.xlsx");
        WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(Stream.iterate(0, i -> i + 1).limit(wb.getNumberOfSheets()).map(wb::getSheetName))
                    .containsExactly("Summary", "Cap Table", "Practices", "Agreements", "Fees", "Fee Projection", "Waterfall", "Breakpoints", "Findings", "Simulation", "Simulation Runs");
            assertThat(wb.getForceFormulaRecalculation()).isTrue();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            assertThat(cell.getCachedFormulaResultType()).as("cached value of %s!%s", sheet.getSheetName(),
                                    cell.getAddress()).isIn(CellType.NUMERIC, CellType.STRING);
                        }
                    }
                }
            }
            assertThat(wb.getSheet("Summary").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("msocap is a modeling tool, not legal advice.");
        }
    }

    @Test
    void leavesNoTemporaryFileBehind() throws Exception {
        WorkbookExporter.DEFAULT.export(content, dir.resolve("venture.xlsx"), ExportOptions.defaults());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("venture.xlsx");
        }
    }

    @Test
    void refusesToReplaceAnExistingFileWithoutForce() throws Exception {
        Path out = dir.resolve("venture.xlsx");
        Files.writeString(out, "keep me");
        assertThatThrownBy(() -> WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults()))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("--force");
        assertThat(Files.readString(out)).isEqualTo("keep me");
    }

    @Test
    void replacesAnExistingFileWithForce() throws Exception {
        Path out = dir.resolve("venture.xlsx");
        Files.writeString(out, "old");
        WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults().withForce(true));
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Cap Table")).isNotNull();
        }
    }

    @Test
    void neverWritesOverTheInputModelEvenWithForce() throws Exception {
        Path model = dir.resolve("venture.yaml");
        Files.writeString(model, "msocap: 1\n");
        Path sameFileOtherSpelling = dir.resolve("sub").resolve("..").resolve("venture.yaml");
        for (Path target : List.of(model, sameFileOtherSpelling)) {
            assertThatThrownBy(() -> WorkbookExporter.DEFAULT.export(content, target,
                    ExportOptions.defaults().withInputModel(model).withForce(true)))
                    .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("input model");
        }
        assertThat(Files.readString(model)).isEqualTo("msocap: 1\n");
    }

    @Test
    void aMinimalModelExportsAndSaysWhatIsMissing() throws Exception {
        Venture minimal = Venture.builder("Tiny MSO")
                .person(Person.lay("solo", "Solo Founder"))
                .mso(Mso.builder().shareClass(ShareClass.common("common")).holding("solo", "common", 1000).build())
                .build();
        WorkbookContent tiny = WorkbookContent.of(minimal);
        assertThat(tiny.feeSection()).isEmpty();
        assertThat(tiny.simulationSection()).isEmpty();
        Path out = dir.resolve("tiny.xlsx");
        WorkbookExporter.DEFAULT.export(tiny, out, ExportOptions.defaults());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Fees")).isNull();
            assertThat(wb.getSheet("Waterfall")).isNotNull();
            String summary = WorkbookDump.of(wb).split("== sheet Cap Table")[0];
            // Each names the missing section, not the command (fees, simulate) that would have needed it.
            assertThat(summary).contains("What this workbook could not do").contains("Fees: the model has no financials: section.")
                    .contains("Simulation: the model has no simulation: section.").doesNotContain("fees needs");
        }
    }

    @Test
    void stylesAreSharedNotMadePerCell() throws Exception {
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            int cells = 0;
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    cells += row.getPhysicalNumberOfCells();
                }
            }
            assertThat(cells).isGreaterThan(2000);
            assertThat(wb.getNumCellStyles()).isLessThan(40);
        }
    }
}
