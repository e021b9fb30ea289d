package org.msocap.spreadsheets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.msocap.io.TempFiles;
import org.msocap.model.EquityTerms;

/**
 * Lays a {@link WorkbookContent} out as an xlsx workbook and writes it safely.
 *
 * <p>Every formula is evaluated by POI before saving, so readers that do not recalculate (previewers,
 * pandas) see the right numbers, and the workbook is flagged to recalculate fully on open, so Excel and
 * LibreOffice derive every number again from the inputs. Stateless; use {@link #DEFAULT}.
 */
public final class WorkbookExporter {

    public static final WorkbookExporter DEFAULT = new WorkbookExporter();

    private WorkbookExporter() {
    }

    /**
     * Writes the workbook to {@code out} atomically (temporary file, then an atomic move), refusing to
     * write over {@code options.inputModel()} and over an existing file unless {@code options.force()}.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the target exists without force, or is the input model
     */
    public void export(WorkbookContent content, Path out, ExportOptions options) throws IOException {
        AtomicFile.write(out, options, stream -> write(content, stream));
    }

    /**
     * Writes the workbook to a stream, which the caller closes. With a simulation, the sampled runs go to a
     * sheet streamed through SXSSF after every ordinary sheet is built and evaluated, so their rows never
     * sit in memory as cells.
     */
    public void write(WorkbookContent content, OutputStream out) throws IOException {
        Built built = assemble(content);
        try (XSSFWorkbook wb = built.workbook()) {
            if (content.simulationSection().isEmpty() || content.simulation().sample().isEmpty()) {
                wb.write(out);
                return;
            }
            // SXSSF spills rows to temporary files through POI's TempFile; they go to a directory of this run's own,
            // removed when the export ends, at SIGTERM/SIGINT, or (after SIGKILL) by the next export.
            Path rowFiles = TempFiles.createDirectory("sxssf");
            TempFile.setThreadLocalTempFileCreationStrategy(new DefaultTempFileCreationStrategy(rowFiles.toFile()));
            try (SXSSFWorkbook streaming = new SXSSFWorkbook(wb, STREAM_WINDOW_ROWS)) {
                var runs = streaming.createSheet(SimulationSheet.RUNS_NAME);
                int columns = SimulationSheet.writeRuns(runs, built.styles(), content.simulation(), new ClientLabels(content.venture()));
                PageSetup.runsSheet(streaming, runs, content.venture().name(), content.simulation().sample().size(), columns);
                streaming.write(out);
            } finally {
                TempFile.setThreadLocalTempFileCreationStrategy(null);
                TempFiles.delete(rowFiles);
            }
        }
    }

    /** Rows of the streamed sheet kept in memory before they are flushed to a temporary file. */
    static final int STREAM_WINDOW_ROWS = 200;

    /** An assembled workbook and the styles built for it (the streamed sheet reuses them). */
    private record Built(XSSFWorkbook workbook, Styles styles) {
    }

    /** Builds the ordinary sheets in memory with every formula evaluated; the caller closes the workbook. */
    XSSFWorkbook build(WorkbookContent content) {
        return assemble(content).workbook();
    }

    private Built assemble(WorkbookContent content) {
        XSSFWorkbook wb = new XSSFWorkbook();
        // Every formula is parsed when it is evaluated below (an invalid one fails there); parsing each as it is set
        // too doubled the work.
        wb.setCellFormulaValidation(false);
        Styles styles = new Styles(wb);
        // Summary first so it opens first, though its formulas refer to the Cap Table written after it.
        SheetWriter summary = new SheetWriter(wb.createSheet(SummarySheet.NAME), styles);
        SheetWriter capTable = new SheetWriter(wb.createSheet(CapTableSheet.NAME), styles);
        if (DealEventsSheet.applies(content)) {
            // Beside the cap table it changes; its formulas refer only to its own cells.
            DealEventsSheet.write(new SheetWriter(wb.createSheet(DealEventsSheet.NAME), styles), content);
        }
        SheetWriter practices = new SheetWriter(wb.createSheet(PracticesSheet.NAME), styles);
        SheetWriter agreements = new SheetWriter(wb.createSheet(AgreementsSheet.NAME), styles);

        CapTableSheet.Layout capLayout = CapTableSheet.write(capTable, content.capTable(), EquityTerms.of(content.venture().mso()),
                new ClientLabels(content.venture()));
        PracticesSheet.write(practices, content.venture(), content.capTable().practices());
        AgreementsSheet.write(agreements, content.venture(), content.compliance());
        content.feeSection().ifPresent(fees -> {
            // Both sheets exist before any formula is set: POI resolves sheet names and defined names as it parses.
            SheetWriter inputs = new SheetWriter(wb.createSheet(FeesSheet.NAME), styles);
            SheetWriter projection = new SheetWriter(wb.createSheet(FeeProjectionSheet.NAME), styles);
            ClientLabels labels = new ClientLabels(content.venture());
            int next = FeesSheet.writeInputs(inputs, fees.model(), labels);
            FeeProjectionSheet.Layout layout = FeeProjectionSheet.write(projection, fees.model(), fees.monthly(), labels);
            FeesSheet.writeSummary(inputs, next, fees.model(), layout, fees.comparisons(), labels);
        });
        WorkbookContent.Waterfalls waterfalls = content.waterfalls();
        SheetWriter waterfall = new SheetWriter(wb.createSheet(WaterfallSheet.NAME), styles);
        SheetWriter breakpoints = new SheetWriter(wb.createSheet(BreakpointsSheet.NAME), styles);
        double chartEnd = waterfalls.scenarios().stream()
                .mapToDouble(sc -> sc.waterfall().bridge().equityProceeds().amount().doubleValue()).max().orElse(0);
        BreakpointsSheet.Layout breakpointLayout = BreakpointsSheet.write(breakpoints, waterfalls.live().breakpoints(), chartEnd,
                new ClientLabels(content.venture()));
        WaterfallSheet.write(waterfall, content.venture(), waterfalls, breakpointLayout);
        FindingsSheet.write(new SheetWriter(wb.createSheet(FindingsSheet.NAME), styles), content.compliance(),
                new ClientLabels(content.venture()));
        content.simulationSection().ifPresent(result ->
                SimulationSheet.write(new SheetWriter(wb.createSheet(SimulationSheet.NAME), styles), result,
                        new ClientLabels(content.venture())));
        SummarySheet.write(summary, content, capLayout);

        PageSetup.headersAndFooters(wb, content.venture().name());
        FormulaEvaluation.evaluator(wb).evaluateAll();
        FormulaEvaluation.refreshChartCaches(wb);
        wb.setForceFormulaRecalculation(true);
        wb.setActiveSheet(0);
        return new Built(wb, styles);
    }
}
