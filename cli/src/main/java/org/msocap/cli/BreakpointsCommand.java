package org.msocap.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.deal.Timeline;
import org.msocap.model.EquityTerms;
import org.msocap.model.ExitScenario;
import org.msocap.model.Venture;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ExitBreakpoints;
import org.msocap.waterfall.PerformanceVestedCapTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "breakpoints", mixinStandardHelpOptions = true,
        header = "The exit values where any class's share of each further dollar changes.",
        description = {"The exact equity-proceeds values where some class's marginal share changes, and who shares "
                + "each further dollar in every range.", "The cap table in force, vesting, dividends and interest as of --date, else --scenario's date, else asOf.",
                "Where performance-vested units vest, payouts jump: each jump is listed with the payouts one cent below "
                        + "and at it."})
public final class BreakpointsCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    OutputOptions output;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Exit scenario whose date and double trigger apply.")
    String scenario;

    @Option(names = "--date", paramLabel = "DATE", converter = IsoDate.class,
            description = "Sale date: the cap table in force after the deal events up to it, and vesting, dividends and "
                    + "note interest counted to it (default: the --scenario's date, else the model's asOf).")
    LocalDate date;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture venture = input.read();
        IsoDate.notBeforeAsOf("--date", date, venture);
        ExitScenario exit = scenario == null ? null : venture.exit(scenario).orElseThrow(() -> new UserException(
                "no exit scenario named '" + scenario + "'", ExitCode.USAGE));
        LocalDate on = date != null ? date : exit != null && exit.date() != null ? exit.date() : venture.asOf();
        // The cap table in force on that date, after the deal events up to it.
        Venture inForce = Timeline.of(venture).at(on);
        PerformanceVestedCapTable capTable = PerformanceVestedCapTable.of(inForce, on,
                exit != null && exit.doubleTriggerFires());
        ExitBreakpoints exitBreakpoints = capTable.breakpoints();
        BreakpointTable breakpoints = exitBreakpoints.table();
        Table t = new Table(venture.name() + " — waterfall breakpoints (equity proceeds to the "
                + EquityTerms.of(inForce.mso()).owners() + " and other holders) in force on " + on)
                .right("from").right("to").left("who shares each further dollar");
        List<BreakpointTable.Segment> segments = breakpoints.segments();
        ClassNames names = new ClassNames(inForce);
        for (int k = 0; k < segments.size(); k++) {
            String to = k + 1 < segments.size() ? amount(segments.get(k + 1).from()) : "and above";
            List<String> shares = new ArrayList<>();
            List<String> byId = new ArrayList<>();
            breakpoints.marginalShares(k).forEach((id, f) -> {
                shares.add(names.of(id) + " " + Formats.percent(f));
                byId.add(id + " " + Formats.percent(f));
            });
            t.row(amount(segments.get(k).from()), to, new Table.Cell(String.join(", ", shares), String.join(", ", byId)));
        }
        List<Table> tables = new ArrayList<>(List.of(t));
        if (!exitBreakpoints.jumps().isEmpty()) {
            tables.add(PerformanceJumps.table(exitBreakpoints, names));
        }
        Output.print(spec.commandLine().getOut(), output.format(), tables, () -> json(venture, on, exitBreakpoints));
        return ExitCode.OK;
    }

    private static String amount(BigFraction dollars) {
        return Formats.count(dollars);
    }

    private static Object json(Venture venture, LocalDate on, ExitBreakpoints exitBreakpoints) {
        BreakpointTable breakpoints = exitBreakpoints.table();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("venture", venture.name());
        root.put("date", on.toString());
        root.put("currency", venture.currency());
        root.put("breakpoints", breakpoints.breakpoints().stream().map(Formats::decimal).toList());
        List<Object> segments = new ArrayList<>();
        List<BreakpointTable.Segment> all = breakpoints.segments();
        for (int k = 0; k < all.size(); k++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", Formats.decimal(all.get(k).from()));
            m.put("to", k + 1 < all.size() ? Formats.decimal(all.get(k + 1).from()) : null);
            Map<String, Object> marginal = new LinkedHashMap<>();
            breakpoints.marginalShares(k).forEach((id, f) -> marginal.put(id, Formats.decimal(f)));
            m.put("marginalShares", marginal);
            segments.add(m);
        }
        root.put("segments", segments);
        root.put("jumps", PerformanceJumps.json(exitBreakpoints));
        root.put("disclaimer", Output.NOT_LEGAL_ADVICE);
        return root;
    }
}
