package org.msocap.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import org.msocap.fees.ExitValuation;
import org.msocap.model.Distribution;
import org.msocap.model.Venture;
import org.msocap.model.Shown;

/**
 * Exits valued past the model's projection ({@code financials.years}): the projection is continued at the same
 * growth rates, which the outputs say and stderr warns about, so that no one reads an extrapolated value as projected.
 */
final class ProjectionWindow {

    private ProjectionWindow() {
    }

    /** Warns on {@code err} when the valuation applied a multiple to months past the projection. */
    static void warn(PrintWriter err, ExitValuation v) {
        if (v.extendedBeyondProjection()) {
            err.println("msocap: warning: exit '" + Shown.escape(v.scenario().name()) + "' on " + v.date() + " is valued at " + v.basis()
                    + "; extend financials.years to project it");
            err.flush();
        }
    }

    /**
     * When simulated exit dates can fall after the projection: a sentence saying how those sales are valued. Bounded
     * distributions are judged by their upper end; normal and lognormal dates are unbounded, so they always can.
     */
    static Optional<String> simulationNote(Venture venture) {
        if (venture.financials() == null || venture.simulation() == null || venture.simulation().exitDate() == null) {
            return Optional.empty();
        }
        LocalDate end = venture.financials().start().plusYears(venture.financials().years()).minusDays(1);
        double latest = latestDay(venture.simulation().exitDate());
        if (latest <= end.toEpochDay()) {
            return Optional.empty();
        }
        return Optional.of("simulated exit dates can fall after the projection, which ends " + end + " (financials.years); "
                + "those sales are valued on months projected further at the same growth rates");
    }

    static void warnSimulation(PrintWriter err, Venture venture) {
        simulationNote(venture).ifPresent(note -> {
            err.println("msocap: warning: " + note);
            err.flush();
        });
    }

    private static double latestDay(Distribution d) {
        if (d instanceof Distribution.Constant c) {
            return c.value();
        } else if (d instanceof Distribution.Uniform u) {
            return u.high();
        } else if (d instanceof Distribution.Triangular t) {
            return t.high();
        } else if (d instanceof Distribution.Beta b) {
            return b.high();
        } else if (d instanceof Distribution.Empirical e) {
            return e.points().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NEGATIVE_INFINITY);
        }
        return Double.POSITIVE_INFINITY; // normal, lognormal: unbounded
    }
}
