package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.msocap.captable.CapTable;
import org.msocap.compliance.ComplianceChecker;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.FeeMetricsSource;
import org.msocap.fees.BasisComparison;
import org.msocap.fees.FeeModel;
import org.msocap.fees.FeeProjector;
import org.msocap.fees.Period;
import org.msocap.fees.Projection;
import java.time.LocalDate;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.fees.ExitValuation;
import org.msocap.deal.DealExit;
import org.msocap.deal.RealizedTotal;
import org.msocap.deal.Timeline;
import org.msocap.model.ExitScenario;
import org.msocap.model.ModelException;
import org.msocap.money.Money;
import org.msocap.money.Rounding;
import org.msocap.simulation.MonteCarloSimulator;
import org.msocap.simulation.ProgressListener;
import org.msocap.simulation.SimulationOptions;
import org.msocap.simulation.SimulationResult;
import org.msocap.simulation.SimulationSetup;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ExitBreakpoints;
import org.msocap.waterfall.PerformanceVestedCapTable;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.model.Venture;

/**
 * Everything the workbook shows, computed by core's engines before a single cell is written: the
 * spreadsheets module lays results out and adds formulas that re-derive them, it never computes an
 * engine number of its own.
 *
 * @param venture the model, for names, dates, practices, people and agreements
 * @param capTable the MSO's fully diluted cap table and the practices' ownership
 * @param fees the fee projection; may be null when the model cannot be projected (see {@code omitted})
 * @param waterfalls the exit scenarios' waterfalls and the live waterfall's breakpoints
 * @param compliance the compliance findings (with the fee projection's measures when there is one)
 * @param simulation the Monte Carlo result with its sampled runs; may be null (see {@code omitted})
 * @param omitted why a sheet is missing, one line each, shown on the Summary sheet
 */
public record WorkbookContent(Venture venture, CapTable capTable, Fees fees, Waterfalls waterfalls, ComplianceReport compliance,
                              SimulationResult simulation, List<String> omitted) {

    /** Sampled runs written to the streamed sheet by default: every run, up to this many. */
    public static final int DEFAULT_SAMPLE_ROWS = 100_000;

    /** The most sampled runs a sheet can hold: Excel's 1,048,576 rows less the header. */
    public static final int MAX_SAMPLE_ROWS = 1_048_575;

    /**
     * The waterfall engine's results.
     *
     * @param scenarios every exit scenario the model could value, in model order
     * @param live what the live waterfall starts from
     */
    public record Waterfalls(List<Scenario> scenarios, Live live) {
        public Waterfalls {
            scenarios = List.copyOf(scenarios);
            Objects.requireNonNull(live, "live");
        }
    }

    /**
     * One exit scenario: how the MSO was valued, the waterfall at that value, and after a recap each person's realized
     * total over the deal (empty before any recap).
     */
    public record Scenario(ExitValuation valuation, ExitWaterfall waterfall, List<RealizedTotal> realized) {
        public Scenario {
            Objects.requireNonNull(valuation, "valuation");
            Objects.requireNonNull(waterfall, "waterfall");
            realized = realized == null ? List.of() : List.copyOf(realized);
        }
    }

    /**
     * The live waterfall's starting point: the terms of the first exit scenario (bridge, exit date) and its
     * enterprise value, the cap table resolved for that date and its exact breakpoints. With performance-vested units
     * the table is the one where every tranche vests at its top level (every claimant in it), and the breakpoints join
     * the tables of the levels that hold across the exit values ({@code jumps} says where payouts jump).
     */
    public record Live(ExitScenario terms, Money enterpriseValue, Money netDebt, ResolvedCapTable table,
                       BreakpointTable breakpoints, List<ExitBreakpoints.Jump> jumps) {
        public Live {
            Objects.requireNonNull(terms, "terms");
            Objects.requireNonNull(enterpriseValue, "enterpriseValue");
            Objects.requireNonNull(netDebt, "netDebt");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(breakpoints, "breakpoints");
            jumps = List.copyOf(jumps);
        }
    }


    /**
     * The fee engine's results.
     *
     * @param model the resolved inputs (terms and financials per practice) that become input cells
     * @param monthly the monthly projection the formulas must reproduce
     * @param comparisons one fee-basis comparison per managed practice
     */
    public record Fees(FeeModel model, Projection monthly, List<BasisComparison> comparisons) {
        public Fees {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(monthly, "monthly");
            comparisons = List.copyOf(comparisons);
        }
    }

    public WorkbookContent {
        Objects.requireNonNull(venture, "venture");
        Objects.requireNonNull(capTable, "capTable");
        Objects.requireNonNull(waterfalls, "waterfalls");
        Objects.requireNonNull(compliance, "compliance");
        omitted = List.copyOf(omitted);
    }

    public Optional<SimulationResult> simulationSection() {
        return Optional.ofNullable(simulation);
    }

    public Optional<Fees> feeSection() {
        return Optional.ofNullable(fees);
    }


    /**
     * Runs every core engine the workbook needs on {@code venture}; a section the model cannot support is
     * omitted and said so. The simulation runs as its section says, keeping up to {@link #DEFAULT_SAMPLE_ROWS} runs.
     */
    public static WorkbookContent of(Venture venture) {
        SimulationOptions options = null;
        if (venture.simulation() != null) {
            int runs = venture.simulation().runs();
            options = SimulationOptions.of(runs, venture.simulation().seed()).withSampleRuns(Math.min(runs, DEFAULT_SAMPLE_ROWS));
        }
        return of(venture, options);
    }

    /** As {@link #of(Venture)}, simulating with {@code simulationOptions} (null: no simulation sheets). */
    public static WorkbookContent of(Venture venture, SimulationOptions simulationOptions) {
        return of(venture, simulationOptions, ProgressListener.NONE);
    }

    /** As {@link #of(Venture, SimulationOptions)}, reporting the simulation's progress. */
    public static WorkbookContent of(Venture venture, SimulationOptions simulationOptions, ProgressListener progress) {
        List<String> omitted = new ArrayList<>();
        Fees fees = null;
        if (venture.financials() == null) {
            // Said as for the simulation: the fees command's own message would name a command the user did not run.
            omitted.add("Fees: the model has no financials: section.");
        } else {
            try {
                FeeModel model = FeeModel.resolve(venture);
                Projection monthly = FeeProjector.DEFAULT.project(model, Period.MONTH);
                List<BasisComparison> comparisons = FeeProjector.DEFAULT.compareBases(model);
                fees = new Fees(model, monthly, comparisons);
            } catch (ModelException e) {
                omitted.add("Fees: " + e.getMessage());
            }
        }
        FeeMetricsSource feeMetrics = fees == null ? FeeMetricsSource.NONE : FeeMetricsSource.of(fees.monthly().metrics());
        ComplianceReport compliance = ComplianceChecker.DEFAULT.check(venture, venture.asOf(), feeMetrics);
        SimulationResult simulation = null;
        if (venture.simulation() == null) {
            omitted.add("Simulation: the model has no simulation: section.");
        } else if (simulationOptions != null) {
            try {
                simulation = MonteCarloSimulator.DEFAULT.simulate(SimulationSetup.of(venture), simulationOptions, progress);
            } catch (ModelException e) {
                omitted.add("Simulation: " + e.getMessage());
            }
        }
        return new WorkbookContent(venture, CapTable.of(venture), fees, waterfalls(venture, omitted), compliance, simulation,
                omitted);
    }

    private static Waterfalls waterfalls(Venture venture, List<String> omitted) {
        List<Scenario> scenarios = new ArrayList<>();
        // Each exit is paid through the cap table and net debt in force at its date, after the deal events up to it.
        Timeline timeline = Timeline.of(venture);
        for (ExitScenario exit : venture.exits()) {
            try {
                LocalDate when = exit.date() != null ? exit.date() : venture.asOf();
                DealExit paid = DealExit.of(timeline.at(when), timeline.recapsBy(when), exit);
                scenarios.add(new Scenario(paid.valuation(), paid.exit(), paid.realized()));
            } catch (ModelException e) {
                omitted.add("Exit scenario '" + exit.name() + "': " + e.getMessage());
            }
        }
        ExitScenario terms;
        Money enterpriseValue;
        if (!scenarios.isEmpty()) {
            terms = scenarios.get(0).valuation().scenario();
            enterpriseValue = scenarios.get(0).valuation().enterpriseValue();
        } else {
            terms = ExitScenario.atValue("Live waterfall", venture.asOf(), Money.ZERO);
            enterpriseValue = null;
        }
        LocalDate date = terms.date() != null ? terms.date() : venture.asOf();
        Money netDebt = timeline.netDebtAt(date);
        PerformanceVestedCapTable capTable = PerformanceVestedCapTable.of(timeline.at(date), date, terms.doubleTriggerFires());
        ExitBreakpoints exitBreakpoints = capTable.breakpoints();
        ResolvedCapTable table = capTable.top();
        BreakpointTable breakpoints = exitBreakpoints.table();
        if (enterpriseValue == null) {
            // No scenario to start from: open past the last breakpoint, where every claimant takes part.
            List<BigFraction> points = breakpoints.breakpoints();
            BigFraction last = points.isEmpty() ? new BigFraction(1_000_000) : points.get(points.size() - 1);
            enterpriseValue = Rounding.toCents(last.multiply(2)).plus(netDebt.max(Money.ZERO));
        }
        return new Waterfalls(scenarios, new Live(terms, enterpriseValue, netDebt, table, breakpoints,
                exitBreakpoints.jumps()));
    }
}
