package org.msocap.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.msocap.deal.DealExit;
import org.msocap.deal.RealizedTotal;
import org.msocap.deal.Timeline;
import org.msocap.fees.ExitValuation;
import org.msocap.model.EquityTerms;
import org.msocap.model.ExitScenario;
import org.msocap.model.HolderCategory;
import org.msocap.model.Limits;
import org.msocap.model.Shown;
import org.msocap.model.Venture;
import org.msocap.money.Amounts;
import org.msocap.money.Money;
import org.msocap.waterfall.ClassPayout;
import org.msocap.waterfall.EquityBridge;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.HolderPayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "waterfall", mixinStandardHelpOptions = true,
        header = "What each class and holder receives when the MSO is sold, exact to the cent.",
        description = {"Distribute the sale of the MSO: what each class and each holder receives, exact to the cent.",
                "Without --exit, the file's exit scenarios (a multiple is applied to the projected trailing EBITDA or revenue); "
                + "with --exit, each value is an enterprise value sold on the terms of --scenario (or on no terms: no costs, "
                + "escrow or carve-out)."})
public final class WaterfallCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    OutputOptions output;

    @Option(names = "--exit", paramLabel = "VALUE", description = "Enterprise value, e.g. 25M (repeatable).")
    List<String> exits = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "NAME", description = "Exit scenario whose terms and date apply.")
    String scenario;

    @Option(names = "--date", paramLabel = "DATE", converter = IsoDate.class,
            description = "Sale date for --exit values: vesting, dividends, note interest and IRR are counted to it "
                    + "(default: the --scenario's date, else the model's asOf).")
    LocalDate date;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture venture = input.read();
        IsoDate.notBeforeAsOf("--date", date, venture);
        // Each exit is paid through the cap table in force at its date, after the deal events up to it.
        Timeline timeline = Timeline.of(venture);
        List<ExitWaterfall> results = new ArrayList<>();
        // How each of the file's scenarios was valued (an --exit value is given): shown with its waterfall.
        Map<String, ExitValuation> valuations = new LinkedHashMap<>();
        // After a recap, each person's realized total over the deal (cash at close + this exit), by exit name.
        Map<String, List<RealizedTotal>> realized = new LinkedHashMap<>();
        // The venture in force at each exit: its classes (a recap replaces them) name the rows.
        Map<String, Venture> inForce = new LinkedHashMap<>();
        // Performance-vested units: the level each tranche's test reached at each exit, by exit name.
        Map<String, List<PerformanceJumps.Vested>> vested = new LinkedHashMap<>();
        ExitScenario terms = scenario == null ? null : venture.exit(scenario).orElseThrow(() -> new UserException(
                "no exit scenario named '" + scenario + "'; the file has: " + names(venture), ExitCode.USAGE));
        if (!exits.isEmpty()) {
            for (String text : exits) {
                Money ev = parse(text);
                LocalDate when = date != null ? date : terms != null && terms.date() != null ? terms.date() : venture.asOf();
                String name = (terms != null ? terms.name() + " terms" : "Exit") + " at " + Formats.money(ev) + " on " + when;
                ExitScenario sale = terms == null ? ExitScenario.atValue(name, when, ev)
                        : new ExitScenario(name, when, terms.enterpriseValue(), terms.ebitdaMultiple(), terms.revenueMultiple(),
                                terms.transactionCosts(), terms.escrow(), terms.carveOut(), terms.earnout(), terms.doubleTriggerFires(),
                                terms.revenueBasis());
                Venture atDate = timeline.at(when);
                DealExit paid = DealExit.at(atDate, timeline.recapsBy(when), sale, ev);
                results.add(paid.exit());
                realized.put(name, paid.realized());
                inForce.put(name, atDate);
                vested.put(name, PerformanceJumps.vested(atDate, when, sale.doubleTriggerFires(), paid.exit()));
            }
        } else {
            List<ExitScenario> candidates = terms != null ? List.of(terms) : venture.exits();
            if (candidates.isEmpty()) {
                throw new UserException("nothing to distribute: the file has no exits: section; give --exit VALUE", ExitCode.USAGE);
            }
            for (ExitScenario e : candidates) {
                LocalDate when = e.date() != null ? e.date() : venture.asOf();
                Venture atDate = timeline.at(when);
                DealExit paid = DealExit.of(atDate, timeline.recapsBy(when), e);
                ProjectionWindow.warn(spec.commandLine().getErr(), paid.valuation());
                valuations.put(e.name(), paid.valuation());
                results.add(paid.exit());
                realized.put(e.name(), paid.realized());
                inForce.put(e.name(), atDate);
                vested.put(e.name(), PerformanceJumps.vested(atDate, when, e.doubleTriggerFires(), paid.exit()));
            }
        }
        List<Table> tables = new ArrayList<>();
        for (ExitWaterfall r : results) {
            Venture at = inForce.getOrDefault(r.scenario(), venture);
            ClassNames names = new ClassNames(at);
            tables.addAll(tables(r, valuations.get(r.scenario()), EquityTerms.of(at.mso()), names));
            List<PerformanceJumps.Vested> levels = vested.getOrDefault(r.scenario(), List.of());
            if (!levels.isEmpty()) {
                tables.add(PerformanceJumps.vestedTable(levels, names));
            }
            List<RealizedTotal> deal = realized.getOrDefault(r.scenario(), List.of());
            if (!deal.isEmpty()) {
                tables.add(RealizedOutput.table(r.scenario(), deal));
            }
        }
        Output.print(spec.commandLine().getOut(), output.format(), tables, () -> json(venture, results, valuations, realized, vested));
        return ExitCode.OK;
    }

    private static Money parse(String text) {
        return parseAmount("--exit", text);
    }

    /**
     * An amount option's value (25M, 750k, 2500000), non-negative, in range and in cents, else a usage error naming the
     * option: the rules of an amount in the model file, so that {@code --exit 1.234} is not silently 1.23.
     */
    static Money parseAmount(String option, String text) {
        BigDecimal amount;
        try {
            if (text.length() > Limits.MAX_NUMBER_CHARS) {
                throw new IllegalArgumentException("too long"); // refused unread: parsing long digit strings is slow
            }
            amount = Amounts.parse(text);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("negative");
            }
        } catch (IllegalArgumentException e) {
            throw new UserException(option + " expects an amount such as 25M, 750k or 2500000 but was '" + Shown.value(text) + "'",
                    ExitCode.USAGE);
        }
        if (!Limits.isAmount(amount)) {
            throw new UserException(option + " is out of range: " + Shown.value(text) + "; amounts are at most " + Limits.MAX_AMOUNT_WORDS,
                    ExitCode.USAGE);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new UserException(option + " has at most two decimals (cents) but was '" + Shown.value(text) + "'", ExitCode.USAGE);
        }
        return new Money(amount);
    }

    private static String names(Venture v) {
        return v.exits().isEmpty() ? "(none)" : String.join(", ", v.exits().stream().map(ExitScenario::name).toList());
    }

    static List<Table> tables(ExitWaterfall r, ExitValuation valuation, EquityTerms terms, ClassNames classNames) {
        EquityBridge b = r.bridge();
        String title = r.scenario() + " — enterprise value " + Formats.money(b.enterpriseValue())
                + (valuation == null || valuation.method() == ExitValuation.Method.GIVEN ? "" : " (" + valuation.basis() + ")");
        Table bridge = new Table(title).left("step").right("amount");
        bridge.row("enterprise value", Formats.money(b.enterpriseValue()))
                .row("net debt", Formats.deduction(b.netDebt()))
                .row("transaction costs", Formats.deduction(b.transactionCosts()))
                .row("management carve-out", Formats.deduction(b.carveOut()))
                .rule()
                .row("equity proceeds", Formats.money(b.equityProceeds()));
        if (b.shortfall().isPositive()) {
            // The bridge floors the equity at zero; say why it is zero and by how much.
            bridge.row("shortfall (debt and costs over the value)", Formats.money(b.shortfall()))
                    .note("Net debt and transaction costs (" + Formats.money(b.netDebt().plus(b.transactionCosts()))
                            + ") exceed the enterprise value by " + Formats.money(b.shortfall()) + ": the equity receives nothing.");
        }
        bridge.row("escrow withheld at close", Formats.money(b.escrowWithheld()))
                .row("paid at close", Formats.money(b.atClose()))
                .row("expected total (escrow release, earnout)", Formats.money(b.expectedTotal()));
        Table classes = new Table(EquityTerms.capitalized(terms.classes())).left("class").left("kind").right("payout").left("converted");
        for (ClassPayout c : r.waterfall().classes()) {
            classes.row(classNames.cell(c.id()), c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), Formats.money(c.payout()), c.converted() ? "yes" : "no");
        }
        // With a carve-out, each holder's part of it and the total (payout + carve-out, what MOIC and IRR measure).
        boolean carveOut = !b.carveOutPayments().isEmpty();
        String holdersTitle = EquityTerms.capitalized(terms.owners()) + " and other holders";
        Table holders = new Table(carveOut ? holdersTitle + " (total = payout from equity + carve-out)" : holdersTitle).left("holder")
                .left("category").right("payout");
        if (carveOut) {
            holders.right("carve-out").right("total");
        }
        holders.right("% of proceeds").right("cost").right("MOIC").right("IRR");
        for (HolderPayout h : r.waterfall().holders()) {
            List<String> cells = new ArrayList<>(List.of(h.id(), h.category().id(), Formats.money(h.payout())));
            if (carveOut) {
                cells.add(Formats.money(h.carveOut()));
                cells.add(Formats.money(h.total()));
            }
            cells.addAll(List.of(h.shareOfProceeds().movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%",
                    Formats.money(h.costBasis()), h.moic().map(Formats::multiple).orElse(""),
                    Formats.irr(h.irr(), h.costBasis().isPositive(), holders)));
            holders.row(cells.toArray(String[]::new));
        }
        Table categories = new Table("By category").left("category").right(carveOut ? "total (payout + carve-out)" : "payout");
        for (Map.Entry<HolderCategory, Money> e : r.waterfall().byCategory().entrySet()) {
            categories.row(e.getKey().id(), Formats.money(e.getValue()));
        }
        return List.of(bridge, classes, holders, categories);
    }

    private static Object json(Venture venture, List<ExitWaterfall> results, Map<String, ExitValuation> valuations,
                               Map<String, List<RealizedTotal>> realized, Map<String, List<PerformanceJumps.Vested>> vested) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("venture", venture.name());
        root.put("currency", venture.currency());
        List<Object> exits = new ArrayList<>();
        for (ExitWaterfall r : results) {
            EquityBridge b = r.bridge();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", r.scenario());
            m.put("exitValue", r.waterfall().exitValue().toString());
            ExitValuation valuation = valuations.get(r.scenario());
            if (valuation != null) {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("method", valuation.method().id());
                if (valuation.scenario().revenueBasis() != null) {
                    vm.put("revenueBasis", valuation.scenario().revenueBasis().id());
                }
                vm.put("basis", valuation.basis());
                vm.put("extendedBeyondProjection", valuation.extendedBeyondProjection());
                m.put("valuation", vm);
            }
            m.put("netDebt", b.netDebt().toString());
            m.put("transactionCosts", b.transactionCosts().toString());
            m.put("carveOut", b.carveOut().toString());
            Map<String, Object> carve = new LinkedHashMap<>();
            b.carveOutPayments().forEach((k, v) -> carve.put(k, v.toString()));
            m.put("carveOutPayments", carve);
            m.put("equityProceeds", b.equityProceeds().toString());
            m.put("shortfall", b.shortfall().toString());
            m.put("escrowWithheld", b.escrowWithheld().toString());
            m.put("atClose", b.atClose().toString());
            m.put("expectedTotal", b.expectedTotal().toString());
            List<Object> classes = new ArrayList<>();
            for (ClassPayout c : r.waterfall().classes()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("id", c.id());
                cm.put("kind", c.kind().name().toLowerCase().replace('_', '-'));
                cm.put("payout", c.payout().toString());
                cm.put("converted", c.converted());
                classes.add(cm);
            }
            m.put("classes", classes);
            List<Object> holders = new ArrayList<>();
            for (HolderPayout h : r.waterfall().holders()) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("id", h.id());
                hm.put("category", h.category().id());
                hm.put("payout", h.payout().toString());
                hm.put("carveOut", h.carveOut().toString());
                hm.put("total", h.total().toString());
                hm.put("shareOfProceeds", Formats.decimal(h.shareOfProceeds()));
                hm.put("costBasis", h.costBasis().toString());
                hm.put("moic", h.moic().map(Formats::decimal).orElse(null));
                hm.put("irr", h.irr().isPresent() ? h.irr().getAsDouble() : null);
                holders.add(hm);
            }
            m.put("holders", holders);
            Map<String, Object> cats = new LinkedHashMap<>();
            r.waterfall().byCategory().forEach((k, v) -> cats.put(k.id(), v.toString()));
            m.put("byCategory", cats);
            List<PerformanceJumps.Vested> levels = vested.getOrDefault(r.scenario(), List.of());
            if (!levels.isEmpty()) {
                m.put("performanceVesting", PerformanceJumps.vestedJson(levels));
            }
            List<RealizedTotal> deal = realized.getOrDefault(r.scenario(), List.of());
            if (!deal.isEmpty()) {
                m.put("realized", RealizedOutput.json(deal));
            }
            exits.add(m);
        }
        root.put("exits", exits);
        root.put("disclaimer", Output.NOT_LEGAL_ADVICE);
        return root;
    }
}
