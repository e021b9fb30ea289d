package org.msocap.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableGroup;
import org.msocap.captable.CapTableLine;
import org.msocap.captable.Convertible;
import org.msocap.captable.PracticeOwnership;
import org.msocap.fees.ExitValuation;
import org.msocap.fees.Valuator;
import org.msocap.model.Agreement;
import org.msocap.model.Distribution;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Financials.MsoFinancials;
import org.msocap.model.Financials.PracticeFinancials;
import org.msocap.model.HolderCategory;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.LicenseStatus;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.ShareClass.Dividend;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.money.Money;
import org.msocap.money.Rounding;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ClassPayout;
import org.msocap.waterfall.EquityBridge;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.HolderPayout;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

/**
 * Builds a two-practice MSO venture in code — no model file — and values it: the fully diluted cap
 * table, the exit waterfall at several enterprise values (bridge, payouts by class and by holder
 * category), the breakpoint table that reproduces the engine's cents, and the model refusing to let a
 * lay founder hold shares of a professional corporation.
 *
 * <p>The venture, "Lakeside Health", is a primary-care group in California and Texas: two lay founders
 * and a physician own the MSO's common stock, a seed fund holds a Series A with an 8% cumulative
 * dividend, an angel holds a post-money SAFE, and an option pool covers the operations lead. Each state
 * has its own professional entity owned by one licensed physician, bound to the MSO by a management
 * services agreement (a fixed fee in California, a hybrid fee in Texas). The other example programs
 * reuse {@link #lakesideHealth()}.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=org.msocap.examples.BuildAndValueVenture}
 */
public final class BuildAndValueVenture {

    /** Enterprise values the waterfall is shown at: a distressed sale, a middling one and a strong one. */
    static final List<Money> EXIT_VALUES = List.of(Money.parse("6M"), Money.parse("25M"), Money.parse("60M"));

    /** The exit whose terms (date, costs, escrow) the waterfall at each value uses. */
    static final String STRATEGIC_SALE = "Strategic sale";

    private BuildAndValueVenture() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Venture venture = lakesideHealth();
        out.println("msocap example: build a venture in code and value it");
        out.println(Text.NOT_LEGAL_ADVICE);
        out.println();
        printCapTable(out, CapTable.of(venture));
        printValuation(out, venture);
        printWaterfalls(out, venture);
        printBreakpoints(out, venture);
        showLayOwnerIsRefused(out, venture);
        out.println();
        out.println(Text.NOT_LEGAL_ADVICE);
    }

    // ---- the venture ------------------------------------------------------------------------------

    /** Lakeside Health, built piece by piece; {@link Venture.Builder#build()} checks every invariant. */
    public static Venture lakesideHealth() {
        LocalDate asOf = LocalDate.of(2026, 1, 1);

        Person maya = Person.lay("maya", "Maya Brooks");
        Person jon = Person.lay("jon", "Jonathan Reyes");
        Person lena = Person.lay("lena", "Lena Ortiz");
        Person angel = Person.lay("sam", "Sam Whitaker");
        Person fund = Person.entity("harbor-fund", "Harbor Seed Fund I, LP");
        // Dr. Patel owns the California P.C., holds MSO common and refers patients: the conflict-of-interest case.
        Person patel = Person.clinician("dr-patel", "Anika Patel, MD",
                new License("physician", "CA", LicenseStatus.ACTIVE, LocalDate.of(2027, 6, 30)))
                .withRefersPatients(true);
        Person okafor = Person.clinician("dr-okafor", "Daniel Okafor, MD", License.active("physician", "TX"));

        ShareClass common = ShareClass.common("common");
        ShareClass seriesA = ShareClass.preferred("series-a", new BigDecimal("1.50"), 1)
                .withDividend(new Dividend(new BigDecimal("0.08"), true, Dividend.Compounding.SIMPLE));

        Mso mso = Mso.builder()
                .name("Lakeside Health Management, Inc.").state("DE").form(Mso.Form.C_CORP)
                .shareClass(common).shareClass(seriesA)
                .holding(new Holding("maya", "common", 4_000_000, LocalDate.of(2024, 1, 15), Money.of(400)))
                .holding(new Holding("jon", "common", 3_000_000, LocalDate.of(2024, 1, 15), Money.of(300)))
                .holding(new Holding("dr-patel", "common", 500_000, LocalDate.of(2024, 6, 1), Money.of(50_000)))
                // Cost defaults to shares × issue price: $3,000,000 for the Series A.
                .holding(new Holding("harbor-fund", "series-a", 2_000_000, LocalDate.of(2025, 3, 1), null))
                .optionPool(1_500_000)
                .option(new OptionGrant("lena", 400_000, new BigDecimal("0.30"), LocalDate.of(2025, 1, 1),
                        new Vesting(LocalDate.of(2025, 1, 1), 48, 12), OptionGrant.Acceleration.DOUBLE))
                .option(new OptionGrant("dr-okafor", 100_000, new BigDecimal("0.30"), LocalDate.of(2025, 7, 1),
                        new Vesting(LocalDate.of(2025, 7, 1), 48, 12), OptionGrant.Acceleration.NONE))
                .safe(new Safe("sam", Money.parse("500k"), Money.parse("12M"), new BigDecimal("0.20"), Safe.Kind.POST_MONEY,
                        LocalDate.of(2024, 9, 1), null))
                .director("maya").director("jon").director("dr-patel")
                .officer("ceo", "maya").officer("coo", "jon")
                .staff("lena")
                .build();

        // Each practice is owned by a physician licensed in its state; the MSO may name a successor owner.
        Practice.TransferRestriction continuity = new Practice.TransferRestriction(true, false, Money.of(1000));
        Practice california = Practice.builder("lakeside-ca", "Lakeside Medical Group of California, P.C.", "CA")
                .form(Practice.Form.PC).profession("physician")
                .shareholder("dr-patel", 1000).director("dr-patel")
                .officer("president", "dr-patel").officer("secretary", "dr-patel")
                .transferRestriction(continuity).service("primary-care").patientState("CA")
                .build();
        Practice texas = Practice.builder("lakeside-tx", "Lakeside Medical Associates of Texas, PLLC", "TX")
                .form(Practice.Form.PLLC).profession("physician")
                .shareholder("dr-okafor", 1000).director("dr-okafor")
                .officer("president", "dr-okafor")
                .transferRestriction(continuity).service("primary-care").service("lab").patientState("TX")
                .build();

        List<String> services = List.of("billing", "staffing", "it", "real-estate", "payer-contracting");
        Agreement msaCa = new Agreement("msa-ca", Agreement.Type.MANAGEMENT_SERVICES, "lakeside-ca",
                FeeTerms.fixed(Money.parse("150k"), new BigDecimal("0.03")), true, services, List.of(), false, 60, true);
        Agreement msaTx = new Agreement("msa-tx", Agreement.Type.MANAGEMENT_SERVICES, "lakeside-tx",
                new FeeTerms(FeeTerms.Basis.HYBRID, Money.parse("60k"), new BigDecimal("0.03"), new BigDecimal("0.12"), null),
                true, services, List.of(), false, 60, true);

        Financials financials = new Financials(asOf, 5, Map.of(
                "lakeside-ca", new PracticeFinancials(Money.parse("8M"), new BigDecimal("0.10"), new BigDecimal("0.45"),
                        Money.parse("300k"), new BigDecimal("0.05")),
                "lakeside-tx", new PracticeFinancials(Money.parse("6M"), new BigDecimal("0.20"), new BigDecimal("0.42"),
                        Money.parse("220k"), BigDecimal.ZERO)),
                new MsoFinancials(Money.parse("1.8M"), new BigDecimal("0.05"), Money.parse("500k")));

        ExitScenario strategic = new ExitScenario(STRATEGIC_SALE, LocalDate.of(2030, 12, 31), null, new BigDecimal("12"), null,
                ExitScenario.TransactionCosts.ofFraction(new BigDecimal("0.03")),
                new ExitScenario.Escrow(new BigDecimal("0.10"), 18, new BigDecimal("0.9")), null, null, true);
        ExitScenario distressed = ExitScenario.atValue("Distressed sale", LocalDate.of(2028, 6, 30), Money.parse("6M"));

        SimulationSpec simulation = new SimulationSpec(2000, 42L,
                new Distribution.Uniform(LocalDate.of(2029, 1, 1).toEpochDay(), LocalDate.of(2032, 12, 31).toEpochDay()),
                new Distribution.LogNormal(10, 0.35), new Distribution.Normal(0.12, 0.06), null, null, null, 0.15, List.of());

        return Venture.builder("Lakeside Health").asOf(asOf)
                .person(maya).person(jon).person(lena).person(angel).person(fund).person(patel).person(okafor)
                .mso(mso)
                .practice(california).practice(texas)
                .agreement(msaCa).agreement(msaTx)
                .financials(financials)
                .exit(strategic).exit(distressed)
                .simulation(simulation)
                .build();
    }

    // ---- the cap table ----------------------------------------------------------------------------

    static void printCapTable(PrintStream out, CapTable table) {
        out.println(Text.rule("Fully diluted cap table of " + table.venture()));
        out.printf("%-28s %-9s %-22s %12s %9s%n", "holder", "category", "security", "shares", "FD %");
        for (CapTableLine line : table.lines()) {
            out.printf("%-28s %-9s %-22s %,12d %9s%n", line.holderName(),
                    line.category() == null ? "" : line.category().id(),
                    line.security().id() + ":" + line.shareClass(), line.shares(), Text.percent(line.ofFullyDiluted()));
        }
        out.printf("Fully diluted shares: %,d%n", table.totalFullyDiluted().bigDecimalValue().longValueExact());
        out.println("By category:");
        for (CapTableGroup group : table.byCategory()) {
            out.printf("  %-14s %9s%n", group.label(), Text.percent(group.ofFullyDiluted()));
        }
        for (Convertible c : table.convertibles()) {
            out.printf("Outside the table until it converts: %s, %s of %s (cap %s)%n", c.holderName(), c.kind(),
                    Text.money(c.amount()), c.cap() == null ? "none" : Text.money(c.cap()));
        }
        for (PracticeOwnership practice : table.practices()) {
            practice.owners().forEach(o -> out.printf("%s (%s): %s holds %s%n", practice.practiceName(), practice.state(),
                    o.holderName(), Text.percent(o.fraction())));
        }
        out.println();
    }

    // ---- the exit ---------------------------------------------------------------------------------

    static void printValuation(PrintStream out, Venture venture) {
        ExitValuation valuation = Valuator.DEFAULT.value(venture, venture.exit(STRATEGIC_SALE).orElseThrow());
        out.println(Text.rule("Valuation: " + STRATEGIC_SALE + " on " + valuation.date()));
        out.println("MSO EBITDA, trailing twelve months: " + Text.money(valuation.ttmEbitda().orElseThrow()));
        out.println("Enterprise value (" + valuation.method().id() + " x "
                + valuation.scenario().ebitdaMultiple().toPlainString() + "): " + Text.money(valuation.enterpriseValue()));
        // The engine values a multiple-priced scenario itself, through the same fee projection.
        ExitWaterfall asStated = WaterfallEngine.DEFAULT.exit(venture, valuation.scenario());
        out.println("Equity proceeds at that value: " + Text.money(asStated.bridge().equityProceeds()));
        for (HolderCategory category : HolderCategory.values()) {
            out.printf("  to %-10s %16s%n", category.id(), Text.money(asStated.waterfall().byCategory().get(category)));
        }
        out.println();
    }

    /** The waterfall of the strategic sale's terms at each of {@link #EXIT_VALUES}. */
    static ExitWaterfall waterfallAt(Venture venture, Money enterpriseValue) {
        ExitScenario terms = venture.exit(STRATEGIC_SALE).orElseThrow();
        return WaterfallEngine.DEFAULT.exit(venture, terms, enterpriseValue, venture.financials().mso().netDebt());
    }

    static void printWaterfalls(PrintStream out, Venture venture) {
        ExitScenario terms = venture.exit(STRATEGIC_SALE).orElseThrow();
        out.println("Each exit below uses the terms of the " + STRATEGIC_SALE + ": closing " + terms.date()
                + ", transaction costs " + Text.percent(terms.transactionCosts().fraction()) + " of enterprise value, "
                + Text.percent(terms.escrow().fraction()) + " escrow released with probability "
                + Text.percent(terms.escrow().releaseProbability()) + ", double-trigger acceleration fires.");
        out.println();
        for (Money enterpriseValue : EXIT_VALUES) {
            ExitWaterfall exit = waterfallAt(venture, enterpriseValue);
            EquityBridge bridge = exit.bridge();
            WaterfallResult result = exit.waterfall();
            out.println(Text.rule("Exit at enterprise value " + Text.money(enterpriseValue)));
            out.println("  less net debt          " + Text.money(bridge.netDebt(), 16));
            out.println("  less transaction costs " + Text.money(bridge.transactionCosts(), 16));
            out.println("  equity proceeds        " + Text.money(bridge.equityProceeds(), 16));
            out.println("  escrow withheld        " + Text.money(bridge.escrowWithheld(), 16));
            out.println("  expected total         " + Text.money(bridge.expectedTotal(), 16));
            out.println("Payout by class:");
            for (ClassPayout c : result.classes()) {
                out.printf("  %-22s %16s  %s%n", c.id(), Text.money(c.payout()), decision(c));
            }
            out.println("Payout by holder category:");
            for (HolderCategory category : HolderCategory.values()) {
                out.printf("  %-22s %16s%n", category.id(), Text.money(result.byCategory().get(category)));
            }
            out.println("Payout by holder:");
            for (HolderPayout h : result.holders()) {
                out.printf("  %-22s %16s  MOIC %s%n", h.id(), Text.money(h.payout()),
                        h.moic().map(m -> m.toPlainString() + "x").orElse("n/a"));
            }
            out.println();
        }
    }

    /** What the claimant chose at this exit value, in the words a term sheet would use. */
    private static String decision(ClassPayout c) {
        return switch (c.kind()) {
            case COMMON, PROFITS_INTEREST -> "";
            case OPTIONS, WARRANTS -> c.converted() ? "exercised" : "under water, not exercised";
            case PREFERRED -> c.converted() ? "converts to common" : "takes its preference";
            case SAFE, NOTE -> c.converted() ? "converts to common" : "cashes out";
        };
    }

    /**
     * "Resolve once, evaluate many": the breakpoint table is resolved from the cap table at the exit date and then
     * gives the same cents as the exact engine at any equity proceeds, without running the engine again.
     */
    static void printBreakpoints(PrintStream out, Venture venture) {
        ExitScenario terms = venture.exit(STRATEGIC_SALE).orElseThrow();
        ResolvedCapTable table = ResolvedCapTable.of(venture, terms.date(), terms.doubleTriggerFires());
        BreakpointTable breakpoints = BreakpointTable.resolve(table);
        out.println(Text.rule("Breakpoints (equity proceeds where someone's share of the next dollar changes)"));
        breakpoints.breakpoints().forEach(b -> out.println("  " + Text.money(Rounding.toCents(b))));
        Money proceeds = waterfallAt(venture, EXIT_VALUES.get(1)).bridge().equityProceeds();
        long[] cents = breakpoints.classPayoutCents(proceeds.cents());
        WaterfallResult exact = WaterfallEngine.DEFAULT.distribute(table, proceeds);
        out.println("Class payouts at equity proceeds of " + Text.money(proceeds) + ":");
        out.printf("  %-22s %16s %16s%n", "", "breakpoints", "exact engine");
        boolean agree = true;
        for (int i = 0; i < cents.length; i++) {
            Money fromTable = Money.ofCents(cents[i]);
            Money fromEngine = exact.payoutOf(breakpoints.ids().get(i));
            agree &= fromTable.equals(fromEngine);
            out.printf("  %-22s %16s %16s%n", breakpoints.ids().get(i), Text.money(fromTable), Text.money(fromEngine));
        }
        out.println("Agree to the cent: " + (agree ? "yes" : "NO"));
        out.println();
    }

    // ---- the invariant ----------------------------------------------------------------------------

    /** Practice shares never reach a non-licensee: the API refuses the transfer rather than flagging it. */
    static void showLayOwnerIsRefused(PrintStream out, Venture venture) {
        out.println(Text.rule("Can a lay founder own the California P.C.?"));
        try {
            venture.transferPracticeShares("lakeside-ca", "dr-patel", "maya", 100);
            out.println("  transfer accepted (this would be a bug)");
        } catch (ModelException refused) {
            out.println("  Refused: " + refused.getMessage());
        }
    }
}
