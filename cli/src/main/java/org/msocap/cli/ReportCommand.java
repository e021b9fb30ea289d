package org.msocap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.msocap.captable.CapTableGroup;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.Finding;
import org.msocap.compliance.Severity;
import org.msocap.fees.Projection;
import org.msocap.io.ModelFile;
import org.msocap.io.VentureReader;
import org.msocap.model.EquityTerms;
import org.msocap.model.HolderCategory;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.simulation.SeriesStatistics;
import org.msocap.simulation.SimulationOptions;
import org.msocap.simulation.SimulationResult;
import org.msocap.spreadsheets.ExportOptions;
import org.msocap.spreadsheets.SummaryLines;
import org.msocap.spreadsheets.WorkbookContent;
import org.msocap.spreadsheets.WorkbookExporter;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.model.Shown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The main job: validate, check, run the exit scenarios and the simulation, print a one-screen summary
 * and write the workbook. Every number comes from the same {@link WorkbookContent} the workbook is
 * built from, so the screen and the workbook cannot disagree.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "The main job: validate, check, run exits and simulation, print a summary, write the workbook.",
        description = {"Validate, check, run the exit scenarios and the simulation, print a summary and write the workbook.",
                "Without FILE, reports on the bundled example (a multi-state telemedicine venture).",
                "The workbook goes to DIR/<model name>.xlsx (for a model read from standard input, FILE -, DIR/<venture name>.xlsx, "
                        + "e.g. bayside-primary-care.xlsx), replacing an earlier report there; the model file is never overwritten."})
public final class ReportCommand implements Callable<Integer> {

    static final String BUNDLED = "sunrise-telehealth.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Venture model file (YAML or JSON), or - to read it from standard input; default: the bundled example "
                    + BUNDLED + ".")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "msocap-report",
            description = "Directory for the workbook, made if it is missing (its parent must exist; default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--runs", paramLabel = "N", converter = WholeNumber.Runs.class, description = "Simulation runs (default: simulation.runs in the model).")
    Integer runs;

    @Option(names = "--runs-sheet", paramLabel = "N", converter = WholeNumber.SheetRows.class,
            description = "Sampled runs written to the 'Simulation Runs' sheet (default: every run, up to 100,000; "
                    + "0: no such sheet). Only the first 40 print; the rest are data.")
    Integer runsSheet;

    @Option(names = "--no-workbook", description = "Print the summary only.")
    boolean noWorkbook;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!noWorkbook) {
            checkDirectory();
        }
        String source = file != null ? ModelInput.name(file) : BUNDLED + " (bundled example)";
        Venture venture = file != null ? ModelInput.read(file) : bundled();
        SimulationOptions simulation = simulationOptions(venture.simulation(), runs, runsSheet);
        ProgressBar bar = ProgressBar.forStderr(spec.commandLine().getErr());
        WorkbookContent content;
        try {
            content = SimulateCommand.refusedAsUsage(() -> WorkbookContent.of(venture, simulation, bar));
        } finally {
            bar.finish();
        }
        content.waterfalls().scenarios().forEach(sc -> ProjectionWindow.warn(spec.commandLine().getErr(), sc.valuation()));
        if (simulation != null) {
            ProjectionWindow.warnSimulation(spec.commandLine().getErr(), venture);
        }
        Path workbook = null;
        if (!noWorkbook) {
            String stem = file == null ? stem(BUNDLED) : ModelInput.isStdin(file) ? fileName(venture.name()) : stem(file.getFileName().toString());
            workbook = directory.resolve(stem + ".xlsx");
            write(content, workbook);
        }
        print(spec.commandLine().getOut(), source, content, workbook);
        return ExitCode.OK;
    }

    /**
     * The workbook's simulation (report and export): the model's runs unless {@code runs} is given, sampling every run
     * up to {@code runsSheet} (default {@link WorkbookContent#DEFAULT_SAMPLE_ROWS}) for the runs sheet; null without a
     * simulation section.
     */
    static SimulationOptions simulationOptions(SimulationSpec spec, Integer runs, Integer runsSheet) {
        if (spec == null) {
            return null;
        }
        int n = runs != null ? runs : spec.runs();
        return SimulationOptions.of(n, spec.seed()).withSampleRuns(Math.min(n, runsSheet != null ? runsSheet : WorkbookContent.DEFAULT_SAMPLE_ROWS));
    }

    private Venture bundled() {
        try (InputStream in = ReportCommand.class.getResourceAsStream("examples/" + BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled example is missing from the jar");
            }
            ModelFile loaded = VentureReader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
            return loaded.venture();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses, before the work, a DIR the workbook cannot go to: {@code -} (the workbook to standard output is
     * {@code export}'s), a file, or a directory whose parent is missing (a mistyped path is not created).
     */
    private void checkDirectory() {
        if (OutputFiles.isStdout(directory)) {
            throw new UserException("report -o names the directory for the workbook, and - is none: to write the workbook to "
                    + "standard output, use msocap export FILE -o -", ExitCode.USAGE);
        }
        // Said as every other output says it (AtomicFiles.checkTarget): "cannot write DIR: no such directory: PARENT".
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UserException("cannot write " + directory + ": not a directory", ExitCode.USAGE);
        }
        Path parent = directory.toAbsolutePath().normalize().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserException("cannot write " + directory + ": " + (Files.exists(parent) ? "not a directory: " : "no such directory: ")
                    + (directory.getParent() != null ? directory.getParent() : parent), ExitCode.USAGE);
        }
    }

    private void write(WorkbookContent content, Path workbook) {
        // A report directory holds generated files only, so a new report replaces the last one.
        OutputFiles.run(workbook, () -> {
            // Its parent was there when the command started (checkDirectory); a report running beside may make DIR too.
            Files.createDirectories(directory);
            WorkbookExporter.DEFAULT.export(content, workbook,
                    ExportOptions.defaults().withInputModel(ModelInput.isStdin(file) ? null : file).withForce(true));
        });
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * A model read from standard input has no file name to give the workbook: the venture's name as a file name, in
     * lowercase letters and digits joined by hyphens ("Clínica São Paulo" → clinica-sao-paulo), at most 80 characters;
     * "venture" when nothing of it is left.
     */
    static String fileName(String ventureName) {
        String letters = Normalizer.normalize(ventureName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String name = letters.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (name.length() > 80) {
            name = name.substring(0, 80).replaceAll("-$", "");
        }
        return name.isEmpty() ? "venture" : name;
    }

    // ---- the summary ------------------------------------------------------------------------------

    /** For each exit, what each performance-vested holding vested (the level its test reached). */
    private static void printPerformanceVesting(PrintWriter out, Venture venture, List<WorkbookContent.Scenario> scenarios) {
        org.msocap.deal.Timeline timeline = org.msocap.deal.Timeline.of(venture);
        for (WorkbookContent.Scenario s : scenarios) {
            java.time.LocalDate date = s.valuation().date();
            List<PerformanceJumps.Vested> vested = PerformanceJumps.vested(timeline.at(date), date,
                    s.valuation().scenario().doubleTriggerFires(), s.waterfall());
            if (vested.isEmpty()) {
                continue;
            }
            List<String> parts = new java.util.ArrayList<>();
            for (PerformanceJumps.Vested pv : vested) {
                parts.add(PerformanceJumps.summary(pv, id -> personName(venture, id), id -> SummaryLines.className(venture, id)));
            }
            out.println(Shown.escape(label("Vesting") + s.waterfall().scenario() + ": " + String.join("; ", parts)));
        }
    }

    /** A person by name; the summary is read by people, and the workbook names them so too. */
    private static String personName(Venture venture, String id) {
        return venture.person(id).map(org.msocap.model.Person::name).orElse(id);
    }

    /** For each exit after a recap: every person's realized total over the deal (cash at close + this exit). */
    private static void printRealized(PrintWriter out, Venture venture, List<WorkbookContent.Scenario> scenarios) {
        for (WorkbookContent.Scenario s : scenarios) {
            if (!s.realized().isEmpty()) {
                out.println();
                RealizedOutput.table(s.waterfall().scenario(), s.realized(), id -> personName(venture, id)).printText(out);
            }
        }
    }

    static void print(PrintWriter out, String source, WorkbookContent content, Path workbook) {
        Venture v = content.venture();
        out.println(Shown.escape(v.name()) + " — msocap report as of " + v.asOf() + " (" + v.currency() + ")");
        out.println(Output.NOT_LEGAL_ADVICE);
        out.println();
        EquityTerms terms = EquityTerms.of(v.mso());
        out.println(label("Model") + source + ": valid; " + v.people().size() + " people, " + v.mso().classes().size()
                + " MSO class" + (v.mso().classes().size() == 1 ? "" : "es") + " of " + (terms == EquityTerms.LLC ? "units" : "stock") + ", " + v.practices().size() + " practice" + (v.practices().size() == 1 ? "" : "s")
                + states(v) + ", " + v.agreements().size() + " agreement" + (v.agreements().size() == 1 ? "" : "s"));
        out.println(Shown.escape(label("Ownership") + "MSO " + terms.units() + " fully diluted: " + ownership(content)));
        content.feeSection().ifPresent(f -> out.println(label("Fees") + fees(f.monthly())));
        out.println(label("Findings") + findings(content.compliance()));
        for (Finding f : SummaryLines.topFindings(content.compliance())) {
            // Named as the workbook names them, so the summary a client reads shows no model ids.
            out.println(label("") + "  " + f.severity().name().toLowerCase(Locale.ROOT) + " " + f.ruleId() + " "
                    + Shown.escape(SummaryLines.subject(v, f)) + ": " + f.title());
        }
        SummaryLines.moreFindings(content.compliance()).ifPresent(more -> out.println(label("") + "  " + more));
        List<WorkbookContent.Scenario> scenarios = content.waterfalls().scenarios();
        if (!scenarios.isEmpty()) {
            out.println();
            Table exits = new Table("Exit scenarios (equity proceeds include escrow; the categories share them and the carve-out; "
                    + "paid at close = equity − escrow; expected total adds escrow release and earnout by probability)")
                    .left("scenario").left("date").right("enterprise value").right("equity proceeds").right("paid at close")
                    .right("expected total").right("clinician").right("lay").right("entity");
            for (WorkbookContent.Scenario s : scenarios) {
                ExitWaterfall w = s.waterfall();
                Map<HolderCategory, Money> byCategory = w.waterfall().byCategory();
                exits.row(w.scenario(), s.valuation().date(), Formats.money(s.valuation().enterpriseValue()),
                        Formats.money(w.bridge().equityProceeds()), Formats.money(w.bridge().atClose()),
                        Formats.money(w.bridge().expectedTotal()),
                        Formats.money(byCategory.getOrDefault(HolderCategory.CLINICIAN, Money.ZERO)),
                        Formats.money(byCategory.getOrDefault(HolderCategory.LAY, Money.ZERO)),
                        Formats.money(byCategory.getOrDefault(HolderCategory.ENTITY, Money.ZERO)));
            }
            exits.printText(out);
            printPerformanceVesting(out, v, scenarios);
            printRealized(out, v, scenarios);
        }
        content.simulationSection().ifPresent(sim -> {
            out.println();
            printSimulation(out, sim);
        });
        List<String> couldNot = new java.util.ArrayList<>(SummaryLines.couldNot(content));
        if (content.simulationSection().isPresent()) {
            // Also on stderr, but a summary read on its own must say it too.
            ProjectionWindow.simulationNote(v).ifPresent(note -> couldNot.add("Simulation: " + note + "."));
        }
        if (!couldNot.isEmpty()) {
            out.println();
            couldNot.forEach(why -> out.println("Could not: " + Shown.escape(why)));
        }
        out.println();
        out.println(label("Workbook") + (workbook == null ? "not written (--no-workbook)" : workbook.toString()));
        out.println(label("Next") + "msocap check FILE (all findings with citations), msocap waterfall FILE --exit 25M, "
                + "msocap simulate FILE");
        out.flush();
    }

    private static void printSimulation(PrintWriter out, SimulationResult sim) {
        double exitShare = sim.runs() == 0 ? 0 : (double) sim.exitRuns() / sim.runs();
        out.println("Simulation: " + String.format(Locale.US, "%,d", sim.runs()) + " runs, seed " + sim.seed() + "; an exit in "
                + String.format(Locale.US, "%.1f%%", exitShare * 100) + " of runs (analytic estimates, not exact money)");
        Table t = new Table(null).left("").right("mean").right("P5").right("P50").right("P95").right("P(< cost)");
        for (SeriesStatistics s : sim.values()) {
            // Realized equity adds the escrow released and the earnout paid in that run to what was paid at close.
            String name = s.key().equals("equityProceeds") ? "equity realized, runs with an exit"
                    : s.key().equals("enterpriseValue") ? "enterprise value, runs with an exit" : s.key();
            t.row(name, whole(s.mean()), whole(s.p5()), whole(s.p50()), whole(s.p95()), "");
        }
        for (SeriesStatistics s : sim.categories()) {
            // With recaps a category's total in a run is realized: cash at close of earlier recaps + the run's payout.
            t.row(s.key() + (sim.realized() ? " realized total, all runs" : " payout, all runs"), whole(s.mean()), whole(s.p5()), whole(s.p50()), whole(s.p95()),
                    s.cost() > 0 ? String.format(Locale.US, "%.1f%%", s.probabilityBelowCost() * 100) : "");
        }
        t.printText(out);
    }

    private static String whole(double amount) {
        return String.format(Locale.US, "%,.0f", amount);
    }

    private static String label(String name) {
        return String.format("%-11s", name);
    }

    private static String states(Venture v) {
        if (v.practices().isEmpty()) {
            return "";
        }
        return " (" + v.practices().stream().map(p -> p.state()).distinct().collect(Collectors.joining(", ")) + ")";
    }

    private static String ownership(WorkbookContent content) {
        List<CapTableGroup> groups = content.capTable().byCategory();
        List<String> parts = new ArrayList<>();
        List<String> percents = CaptableCommand.displayPercents(groups.stream().map(CapTableGroup::ofFullyDiluted).toList());
        for (int i = 0; i < groups.size(); i++) {
            parts.add(groups.get(i).label() + " " + percents.get(i));
        }
        return String.join(", ", parts);
    }

    private static String fees(Projection monthly) {
        Money fees = Money.ZERO;
        Money collections = Money.ZERO;
        for (var m : monthly.metrics()) {
            fees = fees.plus(m.fee());
            collections = collections.plus(m.collections());
        }
        return "management fees " + Formats.money(fees) + " on collections of " + Formats.money(collections) + " over "
                + monthly.metrics().stream().mapToInt(m -> m.periods()).max().orElse(0) + " months";
    }

    private static String findings(ComplianceReport report) {
        if (report.findings().isEmpty()) {
            return "none (" + report.notChecked().size() + " rules need facts the model lacks; see msocap check)";
        }
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        report.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        Severity[] mostSevereFirst = Severity.values();
        for (int i = mostSevereFirst.length - 1; i >= 0; i--) {
            Long n = counts.get(mostSevereFirst[i]);
            if (n != null) {
                parts.add(n + " " + mostSevereFirst[i].id());
            }
        }
        return String.join(", ", parts);
    }

}
