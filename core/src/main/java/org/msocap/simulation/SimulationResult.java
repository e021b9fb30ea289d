package org.msocap.simulation;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of a simulation: statistics per class (and other securities), per holder category and for
 * the selected holders, the distribution of enterprise value and equity proceeds, and the first runs
 * exactly. The same seed and runs give equal results whatever the thread count.
 *
 * @param exitRuns runs that ended in an exit (the others pay nothing)
 * @param classes one per payout group (share class, options, warrants, safes, notes, carve-out), in model order
 * @param categories clinician, lay, entity
 * @param holders the holders with the largest mean payout (or all), largest first
 * @param values enterprise value and equity proceeds over the runs with an exit
 * @param holderCarveOuts each listed holder's mean split into payout from equity and carve-out (the holder's mean
 *                        counts both), in the order of {@code holders}; empty when the exit has no carve-out
 * @param cashAtClose with recaps among the deal events, the categories and holders are realized totals (cash at close of
 *                    the recaps on or before each run's exit date + the run's payout) and this is each one's mean cash
 */
public record SimulationResult(int runs, long seed, long exitRuns, List<SeriesStatistics> classes,
                               List<SeriesStatistics> categories, List<SeriesStatistics> holders,
                               List<SeriesStatistics> values, Histogram enterpriseValue, Histogram equityProceeds,
                               List<RunSample> sample, List<HolderCarveOut> holderCarveOuts, CashAtClose cashAtClose) {

    /** Without deal events' recaps: the statistics are of each run's payouts. */
    public SimulationResult(int runs, long seed, long exitRuns, List<SeriesStatistics> classes, List<SeriesStatistics> categories,
                            List<SeriesStatistics> holders, List<SeriesStatistics> values, Histogram enterpriseValue,
                            Histogram equityProceeds, List<RunSample> sample, List<HolderCarveOut> holderCarveOuts) {
        this(runs, seed, exitRuns, classes, categories, holders, values, enterpriseValue, equityProceeds, sample, holderCarveOuts,
                CashAtClose.NONE);
    }

    public SimulationResult {
        Objects.requireNonNull(cashAtClose, "cashAtClose");
        if (cashAtClose.realized() && (cashAtClose.categories().size() != categories.size()
                || cashAtClose.holders().size() != holders.size())) {
            throw new IllegalArgumentException("one cash-at-close mean per category and listed holder is needed");
        }
        classes = List.copyOf(classes);
        categories = List.copyOf(categories);
        holders = List.copyOf(holders);
        values = List.copyOf(values);
        sample = List.copyOf(sample);
        holderCarveOuts = List.copyOf(holderCarveOuts);
        if (!holderCarveOuts.isEmpty() && holderCarveOuts.size() != holders.size()) {
            throw new IllegalArgumentException("one carve-out mean per listed holder is needed");
        }
    }

    /** Whether the exit pays a carve-out, so each listed holder's mean splits into payout from equity and carve-out. */
    public boolean hasCarveOut() {
        return !holderCarveOuts.isEmpty();
    }

    /** Whether categories and holders are realized totals (the venture has recaps), not only each run's payouts. */
    public boolean realized() {
        return cashAtClose.realized();
    }

    public Table classTable() {
        return statisticsTable("classes", "class", classes);
    }

    public Table categoryTable() {
        return statisticsTable("categories", "category", categories);
    }

    public Table holderTable() {
        return statisticsTable("holders", "holder", holders);
    }

    /** Enterprise value and equity proceeds over the runs with an exit. */
    public Table valueTable() {
        return statisticsTable("values", "value", values);
    }

    public static Table statisticsTable(String name, String keyColumn, List<SeriesStatistics> rows) {
        StringColumn key = StringColumn.create(keyColumn);
        LongColumn runs = LongColumn.create("runs");
        DoubleColumn cost = DoubleColumn.create("cost");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn sd = DoubleColumn.create("sd");
        DoubleColumn p5 = DoubleColumn.create("p5");
        DoubleColumn p25 = DoubleColumn.create("p25");
        DoubleColumn p50 = DoubleColumn.create("p50");
        DoubleColumn p75 = DoubleColumn.create("p75");
        DoubleColumn p95 = DoubleColumn.create("p95");
        DoubleColumn below = DoubleColumn.create("probBelowCost");
        DoubleColumn moic = DoubleColumn.create("expectedMoic");
        DoubleColumn irr = DoubleColumn.create("irr");
        for (SeriesStatistics s : rows) {
            key.append(s.key());
            runs.append(s.runs());
            cost.append(s.cost());
            mean.append(s.mean());
            sd.append(s.standardDeviation());
            p5.append(s.p5());
            p25.append(s.p25());
            p50.append(s.p50());
            p75.append(s.p75());
            p95.append(s.p95());
            appendOrMissing(below, s.probabilityBelowCost());
            appendOrMissing(moic, s.expectedMoic());
            appendOrMissing(irr, s.irr());
        }
        return Table.create(name, key, runs, cost, mean, sd, p5, p25, p50, p75, p95, below, moic, irr);
    }

    private static void appendOrMissing(DoubleColumn c, double v) {
        if (Double.isNaN(v)) {
            c.appendMissing();
        } else {
            c.append(v);
        }
    }

    public static Table histogramTable(Histogram h) {
        DoubleColumn from = DoubleColumn.create("from");
        DoubleColumn to = DoubleColumn.create("to");
        LongColumn count = LongColumn.create("count");
        for (Histogram.Bin b : h.bins()) {
            from.append(b.from());
            to.append(b.to());
            count.append(b.count());
        }
        return Table.create(h.name(), from, to, count);
    }

    /** The sampled runs: drivers, values and each class's and category's payout, exact to the cent. */
    public Table sampleTable() {
        IntColumn run = IntColumn.create("run");
        StringColumn exitDate = StringColumn.create("exitDate");
        DoubleColumn multiple = DoubleColumn.create("ebitdaMultiple");
        DoubleColumn growth = DoubleColumn.create("collectionsGrowth");
        DoubleColumn comp = DoubleColumn.create("clinicianComp");
        DoubleColumn escrow = DoubleColumn.create("escrowReleased");
        DoubleColumn earnout = DoubleColumn.create("earnoutPaid");
        StringColumn ev = StringColumn.create("enterpriseValue");
        StringColumn proceeds = StringColumn.create("equityProceeds");
        List<StringColumn> classColumns = classes.stream().map(c -> StringColumn.create("class:" + c.key())).toList();
        List<StringColumn> categoryColumns = categories.stream().map(c -> StringColumn.create("category:" + c.key())).toList();
        for (RunSample s : sample) {
            run.append(s.run());
            exitDate.append(s.exitDate().map(Object::toString).orElse(""));
            multiple.append(s.ebitdaMultiple());
            growth.append(s.collectionsGrowth());
            comp.append(s.clinicianComp());
            escrow.append(s.escrowReleased());
            earnout.append(s.earnoutPaid());
            ev.append(s.enterpriseValue().toString());
            proceeds.append(s.equityProceeds().toString());
            for (int i = 0; i < classColumns.size(); i++) {
                classColumns.get(i).append(s.classPayouts().get(i).toString());
            }
            for (int i = 0; i < categoryColumns.size(); i++) {
                categoryColumns.get(i).append(s.categoryPayouts().get(i).toString());
            }
        }
        Table t = Table.create("runs", run, exitDate, multiple, growth, comp, escrow, earnout, ev, proceeds);
        classColumns.forEach(t::addColumns);
        categoryColumns.forEach(t::addColumns);
        return t;
    }
}
