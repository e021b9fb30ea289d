package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/** Issue 16: names that look like formulas stay text in the workbook, and SXSSF's row files leave nothing behind. */
class HostileWorkbookTest {

    private static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(1)", "=HYPERLINK(\"http://x\")");

    @TempDir
    Path dir;

    private static Venture withFormulaNames() throws Exception {
        String yaml = Files.readString(Path.of("..", "examples", "ventures", "sunrise-telehealth.yaml"))
                .replace("name: Alice Chen", "name: \"=cmd|' /C calc'!A0\"")
                .replace("name: Ben Okafor", "name: \"+1+2\"")
                .replace("name: Carol Nguyen", "name: \"-2+3\"")
                .replace("name: Dan Patel", "name: \"@SUM(1)\"")
                .replace("name: Sunrise Medical Group of California, P.C.", "name: \"=HYPERLINK(\\\"http://x\\\")\"");
        return VentureReader.read(yaml, "inject.yaml");
    }

    @Test
    void namesThatLookLikeFormulasAreTextCells() throws Exception {
        Path out = dir.resolve("inject.xlsx");
        WorkbookExporter.DEFAULT.export(WorkbookContent.of(withFormulaNames()), out, ExportOptions.defaults());
        List<String> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            assertThat(FORMULAS.stream().anyMatch(f -> cell.getCellFormula().contains(f.substring(1))))
                                    .as("%s!%s runs a name as a formula: %s", sheet.getSheetName(), cell.getAddress(), cell.getCellFormula())
                                    .isFalse();
                        } else if (cell.getCellType() == CellType.STRING && FORMULAS.contains(cell.getStringCellValue())) {
                            found.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(found).contains("=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(1)", "=HYPERLINK(\"http://x\")");
    }

    @Test
    void streamedRowFilesGoToADirectoryThatIsRemoved() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectory(tmp.resolve("msocap-sxssf-" + gone.pid() + "-1"));
        Files.writeString(stale.resolve("poi-sxssf-sheet1.xml"), "left by a killed export");
        WorkbookExporter.DEFAULT.export(WorkbookContent.of(TestVentures.sunrise()), dir.resolve("v.xlsx"), ExportOptions.defaults());
        assertThat(stale).doesNotExist();
        String ours = "msocap-sxssf-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(ours));
        }
    }
}
