package org.msocap.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.msocap.model.Venture;
import org.msocap.simulation.Histogram;
import org.msocap.simulation.MonteCarloSimulator;
import org.msocap.simulation.SeriesStatistics;
import org.msocap.simulation.SimulationOptions;
import org.msocap.simulation.SimulationResult;
import org.msocap.simulation.SimulationSetup;

/**
 * A Monte Carlo simulation of the exit through the public API: the venture's {@code simulation} section
 * (exit date uniform over 2029–2032, EBITDA multiple lognormal around 10x, collections growth normal around
 * 12%, a 15% chance of no exit) is resolved once into a {@link SimulationSetup}; each run values the MSO
 * from the fee projection, bridges to equity proceeds with the first exit scenario's terms and distributes
 * them through the breakpoint waterfall. Prints what each class, each holder category and the largest
 * holders receive across the runs, and the spread of enterprise values.
 *
 * <p>Statistics are analytic doubles (means, percentiles), not money; each run's payouts are exact cents.
 * The same seed gives the same numbers whatever the thread count, which the program shows by running twice.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=org.msocap.examples.SimulateExit}
 */
public final class SimulateExit {

    /** Small enough to finish in a second or two; the CLI's {@code msocap simulate} defaults to the model's runs. */
    static final int RUNS = 2000;

    private SimulateExit() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Venture venture = BuildAndValueVenture.lakesideHealth();
        out.println("msocap example: Monte Carlo simulation of the exit");
        out.println(Text.NOT_LEGAL_ADVICE);
        out.println();
        SimulationResult result = simulate(venture, 2);
        out.println(Text.rule(result.runs() + " runs, seed " + result.seed() + ": " + result.exitRuns() + " end in a sale"));
        printStatistics(out, "Per class (runs without a sale pay nothing)", result.classes());
        printStatistics(out, "Per holder category", result.categories());
        printStatistics(out, "Largest holders", result.holders());
        printStatistics(out, "Values over the runs with a sale", result.values());
        printHistogram(out, result.enterpriseValue());

        SimulationResult again = simulate(venture, 1);
        out.println("Same seed on 1 thread instead of 2 gives the same statistics: "
                + (again.classes().equals(result.classes()) && again.holders().equals(result.holders()) ? "yes" : "NO"));
        out.println();
        out.println(Text.NOT_LEGAL_ADVICE);
    }

    /** The venture's simulation with {@link #RUNS} runs, its own seed, the five largest holders, 10 histogram bins. */
    static SimulationResult simulate(Venture venture, int threads) {
        SimulationSetup setup = SimulationSetup.of(venture);
        SimulationOptions options = new SimulationOptions(RUNS, venture.simulation().seed(), threads, 5, 0, 10);
        return MonteCarloSimulator.DEFAULT.simulate(setup, options);
    }

    static void printStatistics(PrintStream out, String heading, List<SeriesStatistics> rows) {
        out.println(heading + ":");
        out.printf("  %-16s %15s %15s %15s %15s %12s %8s%n", "", "mean", "p5", "median", "p95", "P(< cost)", "MOIC");
        for (SeriesStatistics s : rows) {
            out.printf("  %-16s %15s %15s %15s %15s %12s %8s%n", s.key(), Text.amount(s.mean()), Text.amount(s.p5()),
                    Text.amount(s.p50()), Text.amount(s.p95()),
                    Double.isNaN(s.probabilityBelowCost()) ? "" : String.format(Locale.US, "%.1f%%", 100 * s.probabilityBelowCost()),
                    Double.isNaN(s.expectedMoic()) ? "" : String.format(Locale.US, "%.2fx", s.expectedMoic()));
        }
        out.println();
    }

    static void printHistogram(PrintStream out, Histogram histogram) {
        long most = histogram.bins().stream().mapToLong(Histogram.Bin::count).max().orElse(1);
        out.println("Enterprise value, runs with a sale:");
        for (Histogram.Bin bin : histogram.bins()) {
            int width = (int) Math.round(40.0 * bin.count() / Math.max(most, 1));
            out.printf("  %15s - %15s %5d %s%n", Text.amount(bin.from()), Text.amount(bin.to()), bin.count(), "#".repeat(width));
        }
        out.println();
    }
}
