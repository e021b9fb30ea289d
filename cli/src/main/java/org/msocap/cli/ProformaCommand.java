package org.msocap.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableLine;
import org.msocap.deal.Rounds;
import org.msocap.deal.Timeline;
import org.msocap.model.EquityTerms;
import org.msocap.model.Mso;
import org.msocap.model.Venture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "proforma", mixinStandardHelpOptions = true,
        header = "What each deal event does to the cap table: price, shares (an LLC's units) issued, ratios, before and after.",
        description = {"For each deal event (events:, in date order) print the price per share (per unit in an LLC), the shares issued "
                + "(investments and SAFE and note conversions), the pool increase, every preferred class's conversion ratio "
                + "after anti-dilution, and the cap table before and after it."})
public final class ProformaCommand implements Callable<Integer> {

    /** Significant digits of prices and ratios in JSON and CSV (at least 10, PRODUCT.md §8.5). */
    private static final MathContext DIGITS = new MathContext(15, RoundingMode.HALF_UP);

    @Mixin
    ModelInput input;

    @Mixin
    OutputOptions output;

    @Option(names = "--event", paramLabel = "NAME", description = "Only the event with this name (default: every event).")
    String event;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture venture = input.read();
        Timeline timeline = Timeline.of(venture);
        List<Timeline.Applied> events = timeline.applied();
        if (event != null) {
            events = List.of(timeline.event(event).orElseThrow(() -> new UserException("no event named '" + event + "'; the file has: "
                    + (venture.events().isEmpty() ? "none" : String.join(", ", venture.events().stream().map(e -> e.name()).toList())),
                    ExitCode.USAGE)));
        } else if (events.isEmpty()) {
            throw new UserException("nothing to show: the file has no events: section", ExitCode.USAGE);
        }
        List<Table> tables = new ArrayList<>();
        for (Timeline.Applied a : events) {
            tables.addAll(tables(venture, a));
        }
        List<Timeline.Applied> shown = events;
        Output.print(spec.commandLine().getOut(), output.format(), tables, () -> json(venture, shown));
        return ExitCode.OK;
    }

    private static List<Table> tables(Venture venture, Timeline.Applied a) {
        String title = a.event().name() + " (" + a.event().type() + ", " + a.event().date() + ")";
        Rounds.Result r = a.round();
        List<Table> tables = new ArrayList<>();
        ClassNames names = new ClassNames(venture);
        if (a.recap() != null) {
            tables.addAll(RecapProforma.tables(a.recap(), names));
            tables.add(capTable(title + " — cap table before", venture, a.before()));
            tables.add(capTable(title + " — cap table after", venture, a.after()));
            return tables;
        }
        EquityTerms terms = EquityTerms.of(a.before());
        Table summary = new Table(title).left("item").right("value")
                .row("price per " + terms.unit(), new Table.Cell(Formats.price(r.pricePerShare()), price(r.pricePerShare())));
        if (r.preMoneyFullyDiluted() != null) {
            summary.row("pre-money fully diluted count", Formats.count(r.preMoneyFullyDiluted()));
        }
        summary.row("new money", Formats.money(a.event() instanceof org.msocap.model.RoundEvent round ? round.totalInvestment()
                : org.msocap.money.Money.ZERO));
        summary.row("pool increase", Formats.count(r.poolIncrease()));
        tables.add(summary);
        Table issued = new Table(title + " — " + terms.units() + " issued").left("holder").left("class").left("for").right(terms.units());
        for (Rounds.Issue i : r.issued()) {
            issued.row(i.holder(), names.cell(i.classId()), i.source().id(), Formats.count(i.shares()));
        }
        if (r.poolIncrease() > 0) {
            issued.row("", "", "pool increase", Formats.count(r.poolIncrease()));
        }
        tables.add(issued);
        Table ratios = new Table(title + " — conversion ratios").left("class").right("before").right("after").left("adjusted");
        for (Rounds.Ratio ratio : r.ratios()) {
            ratios.row(names.cell(ratio.classId()), ratio.before().toPlainString(), ratio.after().toPlainString(), ratio.adjusted() ? "yes" : "");
        }
        tables.add(ratios);
        tables.add(capTable(title + " — cap table before", venture, a.before()));
        tables.add(capTable(title + " — cap table after", venture, a.after()));
        return tables;
    }

    private static Table capTable(String title, Venture venture, Mso mso) {
        ClassNames names = new ClassNames(venture);
        CapTable cap = CapTable.of(venture.toBuilder().mso(mso).events(List.of()).build());
        EquityTerms terms = EquityTerms.of(mso);
        Table t = new Table(title).left("holder").left("class").left("security").right(terms.units()).right("as-converted")
                .right("% fully diluted");
        List<String> fd = CaptableCommand.displayPercents(cap.lines().stream().map(CapTableLine::ofFullyDiluted).toList());
        for (int i = 0; i < cap.lines().size(); i++) {
            CapTableLine l = cap.lines().get(i);
            t.row(l.holder(), names.cell(l.shareClass()), CaptableCommand.securityCell(terms, l.security().id()), Formats.count(l.shares()),
                    Formats.count(l.fullyDiluted()), fd.get(i));
        }
        t.rule().row("total", "", "", "", Formats.count(cap.totalFullyDiluted()), "100.00%");
        return t;
    }

    /** An exact price or ratio as a decimal string: exact when short, else 15 significant digits. */
    static String price(BigFraction value) {
        BigDecimal d = new BigDecimal(value.getNumerator()).divide(new BigDecimal(value.getDenominator()), DIGITS).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static Object json(Venture venture, List<Timeline.Applied> events) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("venture", venture.name());
        root.put("currency", venture.currency());
        List<Object> out = new ArrayList<>();
        for (Timeline.Applied a : events) {
            if (a.recap() != null) {
                Map<String, Object> m = RecapProforma.json(a.recap());
                m.put("before", lines(venture, a.before()));
                m.put("after", lines(venture, a.after()));
                out.add(m);
                continue;
            }
            Rounds.Result r = a.round();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.event().name());
            m.put("type", a.event().type());
            m.put("date", a.event().date().toString());
            m.put("pricePerShare", price(r.pricePerShare()));
            List<Object> issued = new ArrayList<>();
            for (Rounds.Issue i : r.issued()) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("holder", i.holder());
                im.put("class", i.classId());
                im.put("shares", i.shares());
                im.put("for", i.source().id());
                issued.add(im);
            }
            m.put("issued", issued);
            m.put("poolIncrease", r.poolIncrease());
            List<Object> classes = new ArrayList<>();
            for (Rounds.Ratio ratio : r.ratios()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("id", ratio.classId());
                cm.put("conversionRatio", Formats.decimal(ratio.after()));
                classes.add(cm);
            }
            m.put("classes", classes);
            // A round pays no one and takes no rollover: the recap keys stay, empty, so every event has the same shape.
            m.put("cash", List.of());
            m.put("rollover", List.of());
            m.put("sources", Map.of());
            m.put("uses", Map.of());
            m.put("before", lines(venture, a.before()));
            m.put("after", lines(venture, a.after()));
            out.add(m);
        }
        root.put("events", out);
        root.put("disclaimer", Output.NOT_LEGAL_ADVICE);
        return root;
    }

    private static List<Object> lines(Venture venture, Mso mso) {
        CapTable cap = CapTable.of(venture.toBuilder().mso(mso).events(List.of()).build());
        List<Object> lines = new ArrayList<>();
        for (CapTableLine l : cap.lines()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("holder", l.holder().isEmpty() ? null : l.holder());
            m.put("class", l.shareClass());
            m.put("security", l.security().id());
            m.put("shares", l.shares());
            m.put("asConverted", Formats.decimal(l.fullyDiluted()));
            m.put("ofFullyDiluted", Formats.decimal(l.ofFullyDiluted()));
            lines.add(m);
        }
        return lines;
    }
}
