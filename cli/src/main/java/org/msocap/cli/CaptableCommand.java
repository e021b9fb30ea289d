package org.msocap.cli;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableGroup;
import org.msocap.captable.CapTableLine;
import org.msocap.captable.Convertible;
import org.msocap.captable.PracticeOwnership;
import org.msocap.deal.Timeline;
import org.msocap.model.EquityTerms;
import org.msocap.model.License;
import org.msocap.model.Holding;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.Venture;
import org.msocap.money.Allocation;
import org.msocap.money.Money;
import org.msocap.waterfall.ProfitsInterestParticipation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "captable", mixinStandardHelpOptions = true,
        header = "The MSO's fully diluted cap table and who owns each practice.",
        description = {"Print the MSO's fully diluted cap table (by holder, class and category) and who owns each practice.",
                "Preferred counts as-converted; fully diluted adds granted options, warrants and the unissued pool."})
public final class CaptableCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    OutputOptions output;

    @Option(names = "--at", paramLabel = "DATE", converter = IsoDate.class,
            description = "Show the cap table in force on DATE, after the deal events (events:) dated on or before it "
                    + "(default: the model's asOf, as written).")
    LocalDate at;

    @Option(names = "--value", paramLabel = "VALUE",
            description = "Equity proceeds, e.g. 25M: shows whether and how much each profits interest takes part at that value "
                    + "(its threshold, a hurdle's as derived, and its payout) in a sale on the model's asOf date (or --at), every granted "
                    + "unit and option counted as vested, as in the fully diluted count.")
    String value;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture written = input.read();
        IsoDate.notBeforeAsOf("--at", at, written);
        Venture venture = at == null ? written : Timeline.of(written).at(at);
        LocalDate saleDate = at == null ? venture.asOf() : at;
        CapTable cap = CapTable.of(venture);
        List<Table> tables = new ArrayList<>();
        ClassNames classNames = new ClassNames(venture);
        tables.add(linesTable(cap, EquityTerms.of(venture.mso()), at, classNames));
        if (cap.lines().stream().anyMatch(CapTableLine::isProfitsInterest)) {
            tables.add(profitsInterestsTable(cap, classNames, venture));
        }
        Money proceeds = value == null ? null : WaterfallCommand.parseAmount("--value", value);
        List<ProfitsInterestParticipation> atValue = proceeds == null ? List.of()
                : ProfitsInterestParticipation.fullyDiluted(venture, saleDate, proceeds);
        if (proceeds != null) {
            tables.add(participationTable(venture, saleDate, proceeds, atValue));
        }
        tables.add(groupTable("MSO by holder", "holder", cap.byHolder()));
        tables.add(groupTable("MSO by class", "class", cap.byClass().stream()
                .map(g -> new CapTableGroup(g.key(), classNames.group(g.key()), g.outstanding(), g.fullyDiluted(), g.ofOutstanding(),
                        g.ofFullyDiluted()))
                .toList()));
        tables.add(groupTable("MSO by category", "category", cap.byCategory()));
        if (!cap.convertibles().isEmpty()) {
            tables.add(convertiblesTable(cap, EquityTerms.of(venture.mso())));
        }
        for (PracticeOwnership p : cap.practices()) {
            tables.add(practiceTable(p));
        }
        Output.print(spec.commandLine().getOut(), output.format(), tables, () -> json(venture, cap, at, saleDate, proceeds, atValue));
        return ExitCode.OK;
    }

    /** A cap-table security in the MSO's words ("units" for an LLC's holdings) as text; its id in CSV, as in JSON. */
    static Table.Cell securityCell(EquityTerms terms, String securityId) {
        return new Table.Cell(terms.security(securityId), securityId);
    }

    static Table linesTable(CapTable cap, EquityTerms terms, LocalDate at, ClassNames classNames) {
        Table t = new Table(cap.venture() + " — MSO fully diluted cap table (" + terms.units() + ")"
                + (at == null ? "" : " in force on " + at))
                .left("holder").left("name").left("category").left("class").left("security")
                .right(terms.units()).right("as-converted").right("% outstanding").right("% fully diluted");
        List<String> out = displayPercents(cap.lines().stream().map(CapTableLine::ofOutstanding).toList());
        List<String> fd = displayPercents(cap.lines().stream().map(CapTableLine::ofFullyDiluted).toList());
        for (int i = 0; i < cap.lines().size(); i++) {
            CapTableLine l = cap.lines().get(i);
            t.row(l.holder(), l.holderName(), l.category() == null ? "" : l.category().id(), classNames.cell(l.shareClass()),
                    securityCell(terms, l.security().id()), Formats.count(l.shares()), Formats.count(l.fullyDiluted()), out.get(i), fd.get(i));
        }
        t.rule().row("total", "", "", "", "", "", Formats.count(cap.totalFullyDiluted()), "100.00%", "100.00%");
        return t;
    }

    /**
     * The profits-interest holdings with their threshold or hurdle. The percentage is the line's fully diluted one, as
     * printed in the cap table: each unit counted as a common unit, which it is worth only once the value per unit is
     * above its threshold.
     */
    private static Table profitsInterestsTable(CapTable cap, ClassNames classNames, Venture venture) {
        // The cap table lists the MSO's holdings first, in file order: line i is holding i.
        List<Holding> holdings = venture.mso().holdings();
        boolean performance = holdings.stream().anyMatch(h -> h.performanceVesting() != null);
        Table t = new Table("Profits interests (% if fully participating: each unit as a common unit, as in % fully diluted)")
                .left("holder").left("name").left("class").right("units").right("threshold per unit").right("hurdle")
                .right("% if fully participating");
        if (performance) {
            t.left("performance vesting");
        }
        List<String> fd = displayPercents(cap.lines().stream().map(CapTableLine::ofFullyDiluted).toList());
        for (int i = 0; i < cap.lines().size(); i++) {
            CapTableLine l = cap.lines().get(i);
            if (l.isProfitsInterest()) {
                List<Object> cells = new ArrayList<>(List.of(l.holder(), l.holderName(), classNames.cell(l.shareClass()),
                        Formats.count(l.shares()), l.threshold() == null ? "" : perUnit(l.threshold()),
                        l.hurdle() == null ? "" : Formats.money(l.hurdle()), fd.get(i)));
                if (performance) {
                    PerformanceVesting p = i < holdings.size() ? holdings.get(i).performanceVesting() : null;
                    cells.add(new Table.Cell(performanceTerms(p, classNames::of), performanceTerms(p, id -> id)));
                }
                t.row(cells.toArray());
            }
        }
        return t;
    }

    /** "performance-vested: 50% at Class A MOIC 2×, 100% at 3×" (the class as {@code names} says it), or "" without. */
    static String performanceTerms(PerformanceVesting p, java.util.function.UnaryOperator<String> names) {
        if (p == null) {
            return "";
        }
        List<String> levels = new ArrayList<>();
        for (int k = 0; k < p.moic().size(); k++) {
            PerformanceVesting.Level level = p.moic().get(k);
            levels.add(level.vests().multiply(java.math.BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "% at "
                    + (k == 0 ? names.apply(p.shareClass()) + " MOIC " : "") + level.at().stripTrailingZeros().toPlainString() + "×");
        }
        return "performance-vested: " + String.join(", ", levels);
    }

    /**
     * Each profits interest at the given equity proceeds: its threshold (a hurdle's as derived on the table at the sale's date),
     * whether the value per common unit is above it, and what it receives.
     */
    private static Table participationTable(Venture venture, LocalDate saleDate, Money proceeds,
                                            List<ProfitsInterestParticipation> lines) {
        String at = "Profits interests at equity proceeds of " + Formats.money(proceeds);
        Table t = new Table(lines.isEmpty() ? at + ": the model has none"
                : at + " (sale on " + saleDate + ", every granted unit vested; value per common unit "
                        + perUnit(lines.get(0).valuePerUnit()) + ")")
                .left("holder").left("name").left("class").right("units").right("threshold per unit")
                .right("hurdle").left("participating").right("payout").right("% of a common unit's value").right("% of proceeds");
        for (ProfitsInterestParticipation l : lines) {
            t.row(l.holder(), venture.requirePerson(l.holder()).name(), l.shareClass(), Formats.count(l.units()),
                    l.threshold() == null ? "" : perUnit(l.threshold()),
                    l.hurdle() == null ? "" : Formats.money(l.hurdle()), l.status().label(), Formats.money(l.payout()),
                    Formats.percent(l.ofCommonUnitValue()), Formats.percent(l.ofEquity()));
        }
        return t;
    }

    /** A derived per-unit amount, rounded half up to six decimals and printed as {@link #perUnit(BigDecimal)}. */
    static String perUnit(BigFraction amount) {
        return perUnit(org.msocap.money.Fractions.toDecimal(amount, 6).stripTrailingZeros());
    }

    /** A per-unit amount grouped, with at least two decimals and every decimal it has: {@code 1,200.125}. */
    static String perUnit(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        f.setMaximumFractionDigits(Math.max(2, amount.stripTrailingZeros().scale()));
        return f.format(amount);
    }

    private static Table groupTable(String title, String keyName, List<CapTableGroup> groups) {
        Table t = new Table(title).left(keyName).left("name").right("outstanding").right("fully diluted")
                .right("% outstanding").right("% fully diluted");
        List<String> out = displayPercents(groups.stream().map(CapTableGroup::ofOutstanding).toList());
        List<String> fd = displayPercents(groups.stream().map(CapTableGroup::ofFullyDiluted).toList());
        for (int i = 0; i < groups.size(); i++) {
            CapTableGroup g = groups.get(i);
            t.row(g.key(), g.label(), Formats.count(g.outstanding()), Formats.count(g.fullyDiluted()), out.get(i), fd.get(i));
        }
        return t;
    }

    private static Table convertiblesTable(CapTable cap, EquityTerms terms) {
        Table t = new Table("SAFEs and notes (convert at a financing or exit; not in the " + terms.unit() + " counts; "
                + "as converted at cap on the fully diluted count, notes with interest to asOf)")
                .left("holder").left("name").left("category").left("kind").right("amount").right("cap").right("discount")
                .right("as converted at cap").right("% as converted at cap");
        for (Convertible c : cap.convertibles()) {
            t.row(c.holder(), c.holderName(), c.category().id(), c.kind(), Formats.money(c.amount()),
                    c.cap() == null ? "" : Formats.money(c.cap()),
                    c.discount() == null ? "" : Formats.percent(org.msocap.money.Fractions.of(c.discount())),
                    c.sharesAtCap().map(Formats::count).orElse(""), c.fractionAtCap().map(Formats::percent).orElse(""));
        }
        return t;
    }

    private static Table practiceTable(PracticeOwnership p) {
        Table t = new Table("Practice " + p.practiceId() + " — " + p.practiceName() + " (" + p.form() + ", " + p.state() + ", "
                + p.profession() + ")").left("holder").left("name").left("licenses")
                .right(new Table.Cell(p.terms().units(), "shares")).right("%");
        List<String> pct = displayPercents(p.owners().stream().map(PracticeOwnership.Owner::fraction).toList());
        for (int i = 0; i < p.owners().size(); i++) {
            PracticeOwnership.Owner o = p.owners().get(i);
            t.row(o.holder(), o.holderName(), licensesIn(p.state(), o.licenses()), Formats.count(o.shares()), pct.get(i));
        }
        return t;
    }

    /** The licenses that matter for this practice's state in full, the others counted: keeps the table narrow. */
    static String licensesIn(String state, List<License> licenses) {
        List<License> here = licenses.stream().filter(l -> l.state().equals(state)).toList();
        long elsewhere = licenses.size() - here.size();
        String shown = here.isEmpty() ? "none in " + state : licenses(here);
        return elsewhere == 0 ? shown : shown + " (+" + elsewhere + " in other states)";
    }

    static String licenses(List<License> licenses) {
        return licenses.stream().map(l -> l.profession() + " " + l.state() + " " + l.status().id()
                + (l.expires() == null ? "" : " to " + l.expires())).collect(Collectors.joining("; "));
    }

    /**
     * Percentages to two decimals that add up to exactly 100.00%: basis points split by largest
     * remainder, so a reader adding the column never finds 99.99%.
     */
    static List<String> displayPercents(List<BigFraction> fractions) {
        if (fractions.stream().allMatch(f -> f.equals(BigFraction.ZERO))) {
            return fractions.stream().map(f -> "0.00%").toList();
        }
        long[] bp = Allocation.largestRemainder(10_000, fractions);
        List<String> out = new ArrayList<>(bp.length);
        for (long b : bp) {
            out.add(String.format("%d.%02d%%", b / 100, b % 100));
        }
        return out;
    }

    private static Object json(Venture venture, CapTable cap, LocalDate at, LocalDate saleDate, Money proceeds,
                               List<ProfitsInterestParticipation> atValue) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("venture", venture.name());
        root.put("asOf", venture.asOf().toString());
        if (at != null) {
            root.put("at", at.toString());
        }
        root.put("currency", venture.currency());
        root.put("totalOutstanding", Formats.decimal(cap.totalOutstanding()));
        root.put("totalFullyDiluted", Formats.decimal(cap.totalFullyDiluted()));
        List<Object> lines = new ArrayList<>();
        for (CapTableLine l : cap.lines()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("holder", l.holder().isEmpty() ? null : l.holder());
            m.put("name", l.holderName());
            m.put("category", l.category() == null ? null : l.category().id());
            m.put("class", l.shareClass());
            m.put("security", l.security().id());
            m.put("shares", l.shares());
            m.put("asConverted", Formats.decimal(l.fullyDiluted()));
            m.put("ofOutstanding", Formats.decimal(l.ofOutstanding()));
            m.put("ofFullyDiluted", Formats.decimal(l.ofFullyDiluted()));
            if (l.isProfitsInterest()) {
                m.put("threshold", l.threshold() == null ? null : Formats.decimal(l.threshold()));
                m.put("hurdle", l.hurdle() == null ? null : l.hurdle().toString());
                m.put("ofFullyDilutedIfFullyParticipating", Formats.decimal(l.ofFullyDiluted()));
                int index = lines.size();
                PerformanceVesting p = index < venture.mso().holdings().size() ? venture.mso().holdings().get(index).performanceVesting()
                        : null;
                if (p != null) {
                    Map<String, Object> pv = new LinkedHashMap<>();
                    pv.put("class", p.shareClass());
                    pv.put("moic", p.moic().stream().map(level -> Map.of("at", level.at().toPlainString(),
                            "vests", level.vests().toPlainString())).toList());
                    m.put("performanceVesting", pv);
                }
            }
            lines.add(m);
        }
        root.put("lines", lines);
        root.put("byHolder", groups(cap.byHolder()));
        root.put("byClass", groups(cap.byClass()));
        root.put("byCategory", groups(cap.byCategory()));
        List<Object> convertibles = new ArrayList<>();
        for (Convertible c : cap.convertibles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("holder", c.holder());
            m.put("category", c.category().id());
            m.put("kind", c.kind());
            m.put("amount", c.amount().toString());
            m.put("cap", c.cap() == null ? null : c.cap().toString());
            m.put("discount", c.discount() == null ? null : Formats.decimal(c.discount()));
            m.put("asConvertedAtCap", c.sharesAtCap().map(Formats::decimal).orElse(null));
            m.put("ofAsConvertedAtCap", c.fractionAtCap().map(Formats::decimal).orElse(null));
            convertibles.add(m);
        }
        root.put("convertibles", convertibles);
        List<Object> practices = new ArrayList<>();
        for (PracticeOwnership p : cap.practices()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.practiceId());
            m.put("name", p.practiceName());
            m.put("state", p.state());
            m.put("form", p.form());
            m.put("profession", p.profession());
            m.put("totalShares", p.totalShares());
            List<Object> owners = new ArrayList<>();
            for (PracticeOwnership.Owner o : p.owners()) {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("holder", o.holder());
                om.put("name", o.holderName());
                om.put("shares", o.shares());
                om.put("fraction", Formats.decimal(o.fraction()));
                om.put("licenses", licenses(o.licenses()));
                owners.add(om);
            }
            m.put("shareholders", owners);
            practices.add(m);
        }
        root.put("practices", practices);
        if (proceeds != null) {
            Map<String, Object> valueAt = new LinkedHashMap<>();
            valueAt.put("equityProceeds", proceeds.toString());
            valueAt.put("date", saleDate.toString());
            valueAt.put("everyGrantedUnitVested", true);
            valueAt.put("valuePerUnit", atValue.isEmpty() ? null : Formats.decimal(atValue.get(0).valuePerUnit()));
            List<Object> pis = new ArrayList<>();
            for (ProfitsInterestParticipation l : atValue) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("holder", l.holder());
                m.put("class", l.shareClass());
                m.put("units", l.units());
                m.put("threshold", l.threshold() == null ? null : Formats.decimal(l.threshold()));
                m.put("hurdle", l.hurdle() == null ? null : l.hurdle().toString());
                m.put("participating", l.status().label());
                m.put("payout", l.payout().toString());
                m.put("ofCommonUnitValue", Formats.decimal(l.ofCommonUnitValue()));
                m.put("ofEquityProceeds", Formats.decimal(l.ofEquity()));
                pis.add(m);
            }
            valueAt.put("profitsInterests", pis);
            root.put("atValue", valueAt);
        }
        root.put("disclaimer", Output.NOT_LEGAL_ADVICE);
        return root;
    }

    private static List<Object> groups(List<CapTableGroup> groups) {
        List<Object> out = new ArrayList<>();
        for (CapTableGroup g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", g.key());
            m.put("name", g.label());
            m.put("outstanding", Formats.decimal(g.outstanding()));
            m.put("fullyDiluted", Formats.decimal(g.fullyDiluted()));
            m.put("ofOutstanding", Formats.decimal(g.ofOutstanding()));
            m.put("ofFullyDiluted", Formats.decimal(g.ofFullyDiluted()));
            out.add(m);
        }
        return out;
    }
}
