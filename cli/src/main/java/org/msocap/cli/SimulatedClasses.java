package org.msocap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.msocap.model.Venture;
import org.msocap.simulation.HolderCarveOut;
import org.msocap.simulation.SeriesStatistics;

/**
 * The tables {@code simulate} adds when deal events change the cap table (PRODUCT.md §8): classes over the runs where
 * they exist, and categories and holders as realized totals (cash at close of earlier recaps + the run's payout).
 */
final class SimulatedClasses {

    /** What the realized tables measure, in their titles. */
    static final String REALIZED = "realized totals (cash at close of earlier recaps + this exit's payout)";

    private SimulatedClasses() {
    }

    /** Class ids by the workbook's names (the classes of every event included), the cash at close by what it is. */
    static UnaryOperator<String> names(Venture venture) {
        return new ClassNames(venture)::simulated;
    }

    /** The classes with the runs each one's statistics cover. */
    static Table classStatistics(String title, List<SeriesStatistics> rows, UnaryOperator<String> label) {
        Table t = new Table(title).left("class").right("runs").right("mean").right("sd").right("p5").right("p25").right("p50")
                .right("p75").right("p95").right("cost").right("P(< cost)").right("MOIC").right("IRR");
        for (SeriesStatistics s : rows) {
            t.row(new Table.Cell(label.apply(s.key()), s.key()), String.format(Locale.US, "%,d", s.runs()), SimulateCommand.money(s.mean()),
                    SimulateCommand.money(s.standardDeviation()), SimulateCommand.money(s.p5()), SimulateCommand.money(s.p25()),
                    SimulateCommand.money(s.p50()), SimulateCommand.money(s.p75()), SimulateCommand.money(s.p95()),
                    s.cost() == 0 ? "" : SimulateCommand.money(s.cost()), SimulateCommand.percent(s.probabilityBelowCost()),
                    moic(s), SimulateCommand.irr(s, t));
        }
        return t;
    }

    /**
     * Categories or holders as realized totals: the mean cash at close, with a carve-out the mean payout from equity and
     * carve-out, then the mean total and the statistics of the total.
     *
     * @param carveOuts one per row, or empty (no carve-out)
     */
    static Table realizedStatistics(String title, String key, List<SeriesStatistics> rows, List<Double> cashAtClose,
                                    List<HolderCarveOut> carveOuts) {
        Table t = new Table(title).left(key).right("mean cash at close");
        if (!carveOuts.isEmpty()) {
            t.right("mean payout").right("mean carve-out");
        }
        t.right("mean realized").right("sd").right("p5").right("p25").right("p50").right("p75").right("p95").right("cost")
                .right("P(< cost)").right("MOIC").right("IRR");
        for (int i = 0; i < rows.size(); i++) {
            SeriesStatistics s = rows.get(i);
            List<Object> cells = new ArrayList<>();
            cells.add(s.key());
            cells.add(SimulateCommand.money(cashAtClose.get(i)));
            if (!carveOuts.isEmpty()) {
                cells.add(SimulateCommand.money(carveOuts.get(i).payout()));
                cells.add(SimulateCommand.money(carveOuts.get(i).carveOut()));
            }
            cells.addAll(List.of(SimulateCommand.money(s.mean()), SimulateCommand.money(s.standardDeviation()),
                    SimulateCommand.money(s.p5()), SimulateCommand.money(s.p25()), SimulateCommand.money(s.p50()),
                    SimulateCommand.money(s.p75()), SimulateCommand.money(s.p95()), s.cost() == 0 ? "" : SimulateCommand.money(s.cost()),
                    SimulateCommand.percent(s.probabilityBelowCost()), moic(s), SimulateCommand.irr(s, t)));
            t.row(cells.toArray());
        }
        return t;
    }

    private static String moic(SeriesStatistics s) {
        return Double.isNaN(s.expectedMoic()) ? "" : Formats.multiple(s.expectedMoic());
    }
}
