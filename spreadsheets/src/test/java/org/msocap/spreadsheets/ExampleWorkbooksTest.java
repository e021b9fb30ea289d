package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/**
 * Every example venture's workbook, recalculated by LibreOffice in one run: the Fee Projection equals the fee
 * engine in every month and the live waterfall, opened at the first exit scenario, equals the waterfall
 * engine, to the cent. The simulation is left out to keep the run short (its sheets are values).
 */
class ExampleWorkbooksTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "ventures");

    @TempDir
    Path dir;

    @Test
    void everyExampleRecalculatesToTheEnginesNumbers() throws Exception {
        LibreOffice.assumeInstalled();
        List<Path> models;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            models = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(10);
        List<Venture> ventures = new ArrayList<>();
        List<WorkbookContent> contents = new ArrayList<>();
        List<Path> exported = new ArrayList<>();
        for (Path model : models) {
            Venture venture = VentureReader.read(model);
            WorkbookContent content = WorkbookContent.of(venture, null);
            Path out = dir.resolve(model.getFileName().toString().replace(".yaml", ".xlsx"));
            WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults());
            ventures.add(venture);
            contents.add(content);
            exported.add(out);
        }
        List<Path> recalculated = LibreOffice.recalculateAll(exported, dir);
        int feesChecked = 0;
        int waterfallsChecked = 0;
        int severalPractices = 0;
        for (int i = 0; i < models.size(); i++) {
            try (InputStream in = Files.newInputStream(recalculated.get(i)); XSSFWorkbook wb = new XSSFWorkbook(in);
                 Recalculated r = Recalculated.wrap(wb)) {
                WorkbookContent content = contents.get(i);
                if (content.feeSection().isPresent()) {
                    FeeProjectionSheetTest.assertMatchesEngine(r, ventures.get(i));
                    feesChecked++;
                    severalPractices += content.fees().model().practices().size() > 1 ? 1 : 0;
                }
                if (!content.waterfalls().scenarios().isEmpty()) {
                    WaterfallSheetTest.assertLiveEqualsEngine(r, content.waterfalls().scenarios().get(0).waterfall(), ventures.get(i));
                    waterfallsChecked++;
                }
            } catch (AssertionError e) {
                throw new AssertionError(models.get(i).getFileName() + ": " + e.getMessage(), e);
            }
        }
        // Not vacuous: the examples exercise both sheets, and the several-practice cost allocation.
        assertThat(feesChecked).isGreaterThanOrEqualTo(models.size() / 2);
        assertThat(waterfallsChecked).isGreaterThanOrEqualTo(models.size() / 2);
        System.out.printf("checked fees of %d, live waterfalls of %d examples (%d with several practices)%n", feesChecked,
                waterfallsChecked, severalPractices);
    }
}
