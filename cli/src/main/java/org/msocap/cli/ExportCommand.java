package org.msocap.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.msocap.io.ocf.OcfExporter;
import org.msocap.model.Venture;
import org.msocap.simulation.SimulationOptions;
import org.msocap.spreadsheets.ExportOptions;
import org.msocap.spreadsheets.WorkbookContent;
import org.msocap.spreadsheets.WorkbookExporter;
import org.msocap.model.Shown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write the venture's Excel workbook (live formulas, charts), or its cap table as OCF (--ocf).",
        description = {"Write the venture's Excel workbook: summary, cap table, practices, fees, live waterfall, breakpoints, "
                + "findings and simulation.",
                "With --ocf, write the MSO's cap table as an Open Cap Format package (.ocf.zip) that validates against the "
                + "official OCF schemas and that 'msocap import' reads back to the same cap table; it lists what OCF cannot hold.",
                "The file is written to a temporary file and moved into place; the model file is never overwritten."})
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The workbook to write (.xlsx), or with --ocf the OCF package (.ocf.zip); - writes it to standard "
                    + "output (not a terminal).")
    Path output;

    @Option(names = "--ocf", description = "Write the cap table as an Open Cap Format package instead of the workbook.")
    boolean ocf;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Option(names = "--runs", paramLabel = "N", converter = WholeNumber.Runs.class,
            description = "Simulation runs (default: the model's simulation.runs); each run becomes a row of 'Simulation Runs'.")
    Integer runs;

    @Option(names = "--runs-sheet", paramLabel = "N", converter = WholeNumber.SheetRows.class,
            description = "Sampled runs written to the 'Simulation Runs' sheet (default: every run, up to 100,000; "
                    + "0: no such sheet). Only the first 40 print; the rest are data.")
    Integer runsSheet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        requireOutputMatchesFormat();
        Venture venture = input.read();
        if (ocf) {
            return exportOcf(venture);
        }
        OutputFiles.checkBinary(output, input.protectedFile(), force, "a workbook");
        SimulationOptions simulation = ReportCommand.simulationOptions(venture.simulation(), runs, runsSheet);
        WorkbookContent content = SimulateCommand.refusedAsUsage(() -> WorkbookContent.of(venture, simulation));
        content.waterfalls().scenarios().forEach(sc -> ProjectionWindow.warn(spec.commandLine().getErr(), sc.valuation()));
        if (simulation != null) {
            ProjectionWindow.warnSimulation(spec.commandLine().getErr(), venture);
        }
        if (OutputFiles.isStdout(output)) {
            OutputFiles.toStandardOutput(stream -> WorkbookExporter.DEFAULT.write(content, stream));
        } else {
            OutputFiles.run(output, () -> WorkbookExporter.DEFAULT.export(content, output,
                    ExportOptions.defaults().withInputModel(input.protectedFile()).withForce(force)));
        }
        var out = notes();
        content.omitted().forEach(why -> out.println("not in the workbook: " + Shown.escape(why)));
        out.flush();
        return ExitCode.OK;
    }

    /**
     * Where the notes on what was written go: after the file's name on standard output, or on standard error when
     * standard output carries the workbook or the package itself.
     */
    private java.io.PrintWriter notes() {
        if (OutputFiles.isStdout(output)) {
            return spec.commandLine().getErr();
        }
        spec.commandLine().getOut().println("wrote " + output);
        return spec.commandLine().getOut();
    }

    /**
     * An output named for the other format is a forgotten or a stray {@code --ocf}: writing a workbook into
     * {@code cap-table.ocf.zip} (or a zip into {@code book.xlsx}) would succeed and leave a file no program opens.
     */
    private void requireOutputMatchesFormat() {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!ocf && name.endsWith(".zip")) {
            throw new UserException(output + " names a zip, but without --ocf export writes an Excel workbook: add --ocf to "
                    + "write the cap table as an OCF package, or name the workbook .xlsx", ExitCode.USAGE);
        }
        if (ocf && (name.endsWith(".xlsx") || name.endsWith(".xls"))) {
            throw new UserException(output + " names a workbook, but --ocf writes an OCF package (a zip): name it .ocf.zip, "
                    + "or leave out --ocf to write the workbook", ExitCode.USAGE);
        }
    }

    private int exportOcf(Venture venture) {
        // The same rules as the workbook: never the model file, an existing file only with --force, written atomically.
        OutputFiles.checkBinary(output, input.protectedFile(), force, "an OCF package (a zip)");
        OcfExporter.Result result = OcfExporter.export(venture, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        OutputFiles.write(output, input.protectedFile(), force, OcfExporter.zip(result));
        var out = notes();
        result.notExported().forEach(why -> out.println("not exported: " + Shown.escape(why)));
        out.flush();
        return ExitCode.OK;
    }
}
