package org.msocap.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.msocap.model.HolderCategory;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.simulation.Histogram;
import org.msocap.simulation.HolderCarveOut;
import org.msocap.simulation.MonteCarloSimulator;
import org.msocap.simulation.ProgressListener;
import org.msocap.simulation.RunSample;
import org.msocap.simulation.SeriesStatistics;
import org.msocap.simulation.SimulationOptions;
import org.msocap.simulation.SimulationResult;
import org.msocap.simulation.SimulationSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        header = "Monte Carlo exits: payout distributions by class, category and largest holders.",
        description = {"Monte Carlo simulation of exits from the model's simulation: section: what each class, each holder category "
                + "and the largest holders receive across the runs (mean, standard deviation, percentiles, chance of less than cost, "
                + "expected MOIC and IRR), and the distribution of enterprise value and equity proceeds.",
                "The first exit scenario supplies what is not simulated. Sales close at the end of their month. The same seed gives the "
                        + "same numbers whatever the thread count."})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    OutputOptions output;

    @Option(names = "--runs", paramLabel = "N", converter = WholeNumber.Runs.class,
            description = "Number of runs (default: simulation.runs in the model).")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", converter = WholeNumber.Seed.class,
            description = "Random seed (default: simulation.seed in the model).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", converter = WholeNumber.Threads.class,
            description = "Worker threads, 1 to " + WholeNumber.Threads.MOST + " (default: the number of processors).")
    Integer threads;

    @Option(names = "--holders", paramLabel = "top:N|all", defaultValue = "top:20",
            description = "Holders to report: the N with the largest mean payout, or all (default: ${DEFAULT-VALUE}).")
    String holders = "top:20";

    /** Runs -o writes by default: every run up to this many (a CSV a spreadsheet can still open). */
    static final int DEFAULT_SAMPLE_CAP = 100_000;

    @Option(names = "--sample", paramLabel = "K", converter = WholeNumber.Sample.class,
            description = "Runs written with -o: the first K, exact to the cent (default: every run, up to 100,000).")
    Integer sample;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the sampled runs as CSV to FILE; - writes "
            + "them to standard output, in place of the statistics.")
    Path runsFile;

    @Option(names = "--force", description = "Replace the -o file if it exists (never the model file).")
    boolean force;

    @Option(names = "--bins", paramLabel = "B", defaultValue = "20", converter = WholeNumber.Bins.class,
            description = "Bins of the enterprise value and equity proceeds histograms, 1 to " + WholeNumber.Bins.MOST
                    + " (default: ${DEFAULT-VALUE}).")
    int bins = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture venture = input.read();
        if (venture.simulation() == null) {
            // A valid model (every section but the MSO's is optional): this command just has nothing to work on.
            throw new UserException("nothing to simulate: the file has no simulation: section (runs, seed and the drivers' "
                    + "distributions)", ExitCode.USAGE);
        }
        int n = runs != null ? runs : venture.simulation().runs();
        long s = seed != null ? seed : venture.simulation().seed();
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        int k = sample != null ? sample : Math.min(n, DEFAULT_SAMPLE_CAP);
        SimulationSetup setup = SimulationSetup.of(venture);
        ProjectionWindow.warnSimulation(spec.commandLine().getErr(), venture);
        if (runsFile != null) {
            OutputFiles.check(runsFile, input.protectedFile(), force);
        }
        SimulationOptions options = new SimulationOptions(n, s, t, topHolders(), runsFile == null ? 0 : k, bins);
        ProgressBar bar = ProgressBar.forStderr(spec.commandLine().getErr());
        SimulationResult result;
        try {
            result = refusedAsUsage(() -> MonteCarloSimulator.DEFAULT.simulate(setup, options, bar));
        } finally {
            bar.finish();
        }
        if (runsFile != null) {
            String csv = runsCsv(result);
            OutputFiles.write(runsFile, input.protectedFile(), force, out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
            if (OutputFiles.isStdout(runsFile)) {
                // Standard output holds the runs, a CSV a program reads: statistics after them would be rows it cannot parse.
                return ExitCode.OK;
            }
            // On stderr, so the statistics on stdout stay clean JSON or CSV when piped.
            spec.commandLine().getErr().println("wrote " + runsFile + " (" + String.format(Locale.US, "%,d", result.sample().size())
                    + " runs)");
            spec.commandLine().getErr().flush();
        }
        List<Table> tables = new ArrayList<>();
        String title = venture.name() + " — " + String.format(Locale.US, "%,d", n) + " runs, seed " + s + ", "
                + String.format(Locale.US, "%,d", result.exitRuns()) + " with an exit (" + venture.currency() + ")";
        tables.add(classStatistics(title + " — by class", result, SimulatedClasses.names(venture)));
        if (result.realized()) {
            tables.add(SimulatedClasses.realizedStatistics("By holder category — " + SimulatedClasses.REALIZED, "category",
                    result.categories(), result.cashAtClose().categories(), List.of()));
            tables.add(SimulatedClasses.realizedStatistics((holders.equals("all") ? "Holders" : "Largest holders")
                    + " — " + SimulatedClasses.REALIZED, "holder", result.holders(), result.cashAtClose().holders(),
                    result.holderCarveOuts()));
        } else {
            tables.add(statistics("By holder category", "category", result.categories(), true));
            tables.add(holderStatistics(holders.equals("all") ? "Holders" : "Largest holders by mean payout", result));
        }
        tables.add(statistics("Enterprise value and equity proceeds (runs with an exit)", "value", result.values(), false));
        tables.add(histogram("Enterprise value distribution", result.enterpriseValue()));
        tables.add(histogram("Equity proceeds distribution", result.equityProceeds()));
        Output.print(spec.commandLine().getOut(), output.format(), tables, () -> json(venture, result));
        return ExitCode.OK;
    }

    /**
     * Runs work that simulates, turning the simulator's refusal of options it cannot honour (runs × series whose exact
     * percentiles would need more memory than it allows, with how much and what to lower) into a usage error: the
     * options, not the model or msocap, are at fault. For {@code report} and {@code export} as for {@code simulate}.
     */
    static <T> T refusedAsUsage(java.util.function.Supplier<T> simulating) {
        try {
            return simulating.get();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), ExitCode.USAGE);
        }
    }

    private int topHolders() {
        if (holders.equals("all")) {
            return SimulationOptions.ALL_HOLDERS;
        }
        if (holders.matches("top:[0-9]{1,6}")) {
            return Integer.parseInt(holders.substring(4));
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--holders expects top:N or all, N a whole number from 0 to "
                + "999,999, but was '" + holders + "'");
    }

    static String money(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.US, "%,.2f", v);
    }

    private static String plainMoney(double v) {
        return Double.isNaN(v) ? null : String.format(Locale.US, "%.2f", v);
    }

    /** A series' IRR: as a percent, "—" (with the table's note) when it cost something and no rate is given. */
    static String irr(SeriesStatistics s, Table t) {
        return Double.isFinite(s.irr()) ? percent(s.irr()) : Formats.irr(Double.NaN, s.cost() > 0 && s.runs() > 0, t);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.US, "%.2f%%", v * 100);
    }

    private static Table statistics(String title, String key, List<SeriesStatistics> rows, boolean payouts) {
        return statistics(title, key, rows, payouts, k -> k);
    }

    /** Statistics per series, each named by {@code label} (a class by its display name). */
    static Table statistics(String title, String key, List<SeriesStatistics> rows, boolean payouts,
                            java.util.function.UnaryOperator<String> label) {
        Table t = new Table(title).left(key).right("mean").right("sd").right("p5").right("p25").right("p50").right("p75").right("p95");
        if (payouts) {
            t.right("cost").right("P(< cost)").right("MOIC").right("IRR");
        }
        for (SeriesStatistics s : rows) {
            List<Object> cells = new ArrayList<>(List.of(new Table.Cell(label.apply(s.key()), s.key()), money(s.mean()), money(s.standardDeviation()), money(s.p5()),
                    money(s.p25()), money(s.p50()), money(s.p75()), money(s.p95())));
            if (payouts) {
                cells.add(s.cost() == 0 ? "" : money(s.cost()));
                cells.add(percent(s.probabilityBelowCost()));
                cells.add(Double.isNaN(s.expectedMoic()) ? "" : Formats.multiple(s.expectedMoic()));
                cells.add(irr(s, t));
            }
            t.row(cells.toArray());
        }
        return t;
    }

    /**
     * The classes' statistics; when deal events change the cap table, a class's statistics are over the runs where it
     * exists, so their number is shown.
     */
    private static Table classStatistics(String title, SimulationResult result, java.util.function.UnaryOperator<String> label) {
        if (result.classes().stream().allMatch(c -> c.runs() == result.runs())) {
            return statistics(title, "class", result.classes(), true, label);
        }
        return SimulatedClasses.classStatistics(title + " (each class over the runs whose exit falls while it exists)",
                result.classes(), label);
    }

    /**
     * The holders' statistics; with a carve-out, each holder's mean split into payout from equity and carve-out
     * beside the mean total (what the percentiles, MOIC and IRR measure), as {@code waterfall} shows them.
     */
    private static Table holderStatistics(String title, SimulationResult result) {
        if (!result.hasCarveOut()) {
            return statistics(title, "holder", result.holders(), true);
        }
        Table t = new Table(title + " (total = payout from equity + carve-out)").left("holder").right("mean payout")
                .right("mean carve-out").right("mean total").right("sd").right("p5").right("p25").right("p50").right("p75")
                .right("p95").right("cost").right("P(< cost)").right("MOIC").right("IRR");
        for (int h = 0; h < result.holders().size(); h++) {
            SeriesStatistics s = result.holders().get(h);
            HolderCarveOut parts = result.holderCarveOuts().get(h);
            t.row(s.key(), money(parts.payout()), money(parts.carveOut()), money(s.mean()), money(s.standardDeviation()), money(s.p5()),
                    money(s.p25()), money(s.p50()), money(s.p75()), money(s.p95()), s.cost() == 0 ? "" : money(s.cost()),
                    percent(s.probabilityBelowCost()),
                    Double.isNaN(s.expectedMoic()) ? "" : Formats.multiple(s.expectedMoic()), irr(s, t));
        }
        return t;
    }

    private static Table histogram(String title, Histogram h) {
        Table t = new Table(title).right("from").right("to").right("runs");
        for (Histogram.Bin b : h.bins()) {
            t.row(money(b.from()), money(b.to()), String.format(Locale.US, "%,d", b.count()));
        }
        return t;
    }

    /** The sampled runs as CSV: drivers, values and each class's and category's payout, exact decimals. */
    static String runsCsv(SimulationResult result) {
        StringBuilder sb = new StringBuilder("run,exitDate,ebitdaMultiple,collectionsGrowth,clinicianComp,escrowReleased,earnoutPaid,"
                + "enterpriseValue,equityProceeds");
        result.classes().forEach(c -> sb.append(',').append(Table.csvCell("class:" + c.key())));
        for (HolderCategory c : HolderCategory.values()) {
            // With recaps a category's column is its realized total in the run (cash at close + the run's payout).
            sb.append(result.realized() ? ",realized:category:" : ",category:").append(c.id());
        }
        sb.append('\n');
        for (RunSample r : result.sample()) {
            sb.append(r.run()).append(',').append(r.exitDate().map(Object::toString).orElse("")).append(',')
                    .append(number(r.ebitdaMultiple())).append(',').append(number(r.collectionsGrowth())).append(',')
                    .append(number(r.clinicianComp())).append(',').append(number(r.escrowReleased())).append(',')
                    .append(number(r.earnoutPaid())).append(',').append(r.enterpriseValue()).append(',').append(r.equityProceeds());
            for (Money m : r.classPayouts()) {
                sb.append(',').append(m);
            }
            for (Money m : r.categoryPayouts()) {
                sb.append(',').append(m);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static Object json(Venture venture, SimulationResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("venture", venture.name());
        root.put("currency", venture.currency());
        root.put("runs", r.runs());
        root.put("seed", r.seed());
        root.put("exitRuns", r.exitRuns());
        root.put("projectionNote", ProjectionWindow.simulationNote(venture).orElse(null));
        if (r.realized()) {
            root.put("realizedTotals", true);
        }
        root.put("classes", series(r.classes()));
        root.put("categories", series(r.categories(), List.of(), r.cashAtClose().categories()));
        root.put("holders", series(r.holders(), r.holderCarveOuts(), r.cashAtClose().holders()));
        root.put("values", series(r.values()));
        root.put("enterpriseValueHistogram", bins(r.enterpriseValue()));
        root.put("equityProceedsHistogram", bins(r.equityProceeds()));
        root.put("disclaimer", Output.NOT_LEGAL_ADVICE);
        return root;
    }

    private static List<Object> series(List<SeriesStatistics> rows) {
        return series(rows, List.of(), List.of());
    }

    /**
     * With {@code carveOuts} (one per row), "mean" stays the total and its parts come before it, "meanPayout" from
     * equity and "meanCarveOut", as waterfall's payout, carveOut and total.
     */
    private static List<Object> series(List<SeriesStatistics> rows, List<HolderCarveOut> carveOuts, List<Double> cashAtClose) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SeriesStatistics s = rows.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.key());
            m.put("runs", s.runs());
            m.put("cost", plainMoney(s.cost()));
            if (!cashAtClose.isEmpty()) {
                // "mean" (and every statistic) is then of the realized total: this part of it is cash at earlier recaps.
                m.put("meanCashAtClose", plainMoney(cashAtClose.get(i)));
            }
            if (!carveOuts.isEmpty()) {
                m.put("meanPayout", plainMoney(carveOuts.get(i).payout()));
                m.put("meanCarveOut", plainMoney(carveOuts.get(i).carveOut()));
            }
            m.put("mean", plainMoney(s.mean()));
            m.put("sd", plainMoney(s.standardDeviation()));
            m.put("p5", plainMoney(s.p5()));
            m.put("p25", plainMoney(s.p25()));
            m.put("p50", plainMoney(s.p50()));
            m.put("p75", plainMoney(s.p75()));
            m.put("p95", plainMoney(s.p95()));
            m.put("probabilityBelowCost", Double.isNaN(s.probabilityBelowCost()) ? null : s.probabilityBelowCost());
            m.put("expectedMoic", Double.isNaN(s.expectedMoic()) ? null : s.expectedMoic());
            m.put("irr", Double.isNaN(s.irr()) ? null : s.irr());
            out.add(m);
        }
        return out;
    }

    private static List<Object> bins(Histogram h) {
        List<Object> out = new ArrayList<>();
        for (Histogram.Bin b : h.bins()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", plainMoney(b.from()));
            m.put("to", plainMoney(b.to()));
            m.put("runs", b.count());
            out.add(m);
        }
        return out;
    }

}
