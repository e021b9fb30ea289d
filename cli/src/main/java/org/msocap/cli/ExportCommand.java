package org.msocap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.msocap.io.AtomicFiles;
import org.msocap.io.ocf.OcfExporter;
import org.msocap.model.Venture;
import org.msocap.simulation.SimulationOptions;
import org.msocap.spreadsheets.ExportOptions;
import org.msocap.spreadsheets.WorkbookContent;
import org.msocap.spreadsheets.WorkbookExporter;
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
            description = "The workbook to write (.xlsx), or with --ocf the OCF package (.ocf.zip).")
    Path output;

    @Option(names = "--ocf", description = "Write the cap table as an Open Cap Format package instead of the workbook.")
    boolean ocf;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Option(names = "--runs", paramLabel = "N",
            description = "Simulation runs (default: the model's simulation.runs); each run becomes a row of 'Simulation Runs'.")
    Integer runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture venture = input.read();
        if (ocf) {
            return exportOcf(venture);
        }
        if (runs != null && runs < 1) {
            throw new UserException("--runs must be >= 1 but was " + runs, ExitCode.USAGE);
        }
        SimulationOptions simulation = null;
        if (venture.simulation() != null) {
            int n = runs != null ? runs : venture.simulation().runs();
            simulation = SimulationOptions.of(n, venture.simulation().seed())
                    .withSampleRuns(Math.min(n, WorkbookContent.DEFAULT_SAMPLE_ROWS));
        }
        WorkbookContent content = WorkbookContent.of(venture, simulation);
        try {
            WorkbookExporter.DEFAULT.export(content, output, ExportOptions.defaults().withInputModel(input.file()).withForce(force));
        } catch (FileAlreadyExistsException e) {
            if (e.getReason() == null) {
                throw new UncheckedIOException("cannot write " + output + ": " + AtomicFiles.reason(e), e);
            }
            throw new UserException(e.getFile() + " " + e.getReason(), ExitCode.USAGE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + AtomicFiles.reason(e), e);
        }
        var out = spec.commandLine().getOut();
        out.println("wrote " + output);
        content.omitted().forEach(why -> out.println("not in the workbook: " + why));
        return ExitCode.OK;
    }

    private int exportOcf(Venture venture) {
        if (Files.exists(output) && Files.exists(input.file()) && isSameFile(output, input.file())) {
            throw new UserException("the output would overwrite the model file " + input.file(), ExitCode.USAGE);
        }
        OcfExporter.Result result;
        try {
            result = OcfExporter.write(venture, output, force);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(e.getFile() + " " + e.getReason(), ExitCode.USAGE);
        }
        var out = spec.commandLine().getOut();
        out.println("wrote " + output);
        result.notExported().forEach(why -> out.println("not exported: " + why));
        return ExitCode.OK;
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
