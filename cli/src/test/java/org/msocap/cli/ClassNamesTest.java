package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.captable.CapTable;
import org.msocap.io.VentureReader;
import org.msocap.model.EquityTerms;
import org.msocap.model.ExitScenario;
import org.msocap.model.Mso;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.WaterfallEngine;

/** Tables show a class by its name when the model gives one; JSON keeps the id. */
class ClassNamesTest {

    static Venture named(Venture v) {
        Mso m = v.mso();
        List<ShareClass> classes = m.classes().stream()
                .map(c -> c.id().equals("series-a") ? c.withName("Series A Preferred Stock") : c).toList();
        return v.toBuilder().mso(new Mso(m.name(), m.state(), m.form(), classes, m.holdings(), m.optionPool(), m.options(),
                m.warrants(), m.safes(), m.notes(), m.directors(), m.officers(), m.staff(), m.formed())).build();
    }

    @Test
    void captableWaterfallAndSimulateTablesShowTheClassName() throws Exception {
        Venture venture = named(VentureReader.read(CliRun.TELEHEALTH));
        ClassNames names = new ClassNames(venture);
        assertThat(names.of("series-a")).isEqualTo("Series A Preferred Stock");
        assertThat(names.of("common")).isEqualTo("Common");
        assertThat(names.of("options@0.25")).isEqualTo("Options at $0.25");
        assertThat(names.of("safe:angel")).isEqualTo("SAFE — Priya Raman");
        assertThat(names.group("warrants:series-a")).isEqualTo("warrants (Series A Preferred Stock)");

        assertThat(text(List.of(CaptableCommand.linesTable(CapTable.of(venture), EquityTerms.of(venture.mso()), null, names))))
                .contains("Series A Preferred Stock").doesNotContain(" series-a ");
        var exit = WaterfallEngine.DEFAULT.exit(venture, ExitScenario.atValue("Sale", LocalDate.of(2029, 6, 30), Money.of(30_000_000)));
        assertThat(text(WaterfallCommand.tables(exit, null, EquityTerms.of(venture.mso()), names))).contains("Series A Preferred Stock").doesNotContain("series-a");
        var simulated = org.msocap.simulation.MonteCarloSimulator.DEFAULT.simulate(
                org.msocap.simulation.SimulationSetup.of(venture), org.msocap.simulation.SimulationOptions.of(200, 7));
        assertThat(text(List.of(SimulateCommand.statistics("by class", "class", simulated.classes(), true, names::of))))
                .contains("Series A Preferred Stock").doesNotContain("series-a");
    }

    /**
     * pe-derm-holdco with a second performance-vested series for elena (over a $40M hurdle), so the waterfall has lines
     * {@code series-2-incentive@hurdle-90000000/elena} and {@code series-2-incentive@hurdle-40000000/elena}: every command's
     * table names them as the workbook does, never by id; CSV and JSON keep the ids.
     */
    @Test
    void everyTableNamesSeriesAndClassesAsTheWorkbookDoes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String holdco = java.nio.file.Files.readString(CliRun.EXAMPLES.resolve("pe-derm-holdco.yaml"));
        String elena = "    - {holder: elena, class: series-2-incentive, shares: 1500, hurdle: 90M, acquired: 2027-01-01,";
        assertThat(holdco).contains(elena);
        java.nio.file.Path file = dir.resolve("two-series.yaml");
        java.nio.file.Files.writeString(file, holdco.replace(elena, "    - {holder: elena, class: series-2-incentive, shares: 500, "
                + "hurdle: 40M, acquired: 2027-01-01,\n       performanceVesting: {class: class-a, moic: [{at: 1.5, vests: 1.0}]}}\n"
                + elena));
        String model = file.toString();
        String sale = "Sale to a larger platform";
        List<CliRun> tables = List.of(CliRun.of("waterfall", model), CliRun.of("breakpoints", model, "--scenario", sale),
                CliRun.of("captable", model, "--at", "2030-06-30"), CliRun.of("simulate", model, "--runs", "300"));
        for (CliRun run : tables) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).doesNotContain("@hurdle");
            if (run != tables.get(2)) { // captable's "MSO by class" gives each class's id beside its name, as its holder tables do
                assertThat(run.out()).doesNotContain("class-a ").doesNotContain("series-2-incentive");
            }
        }
        assertThat(tables.get(2).out()).contains("entity     Class A             units").contains("Series 2 Incentive")
                .contains("performance-vested: 100% at Class A MOIC 1.5×");
        assertThat(tables.get(0).out())
                .contains("Series 2 Incentive over a $90,000,000.00 hurdle — Elena Vasquez (performance-vested)")
                .contains("Series 2 Incentive over a $40,000,000.00 hurdle — Elena Vasquez (performance-vested)")
                .contains("Class A  ");
        assertThat(tables.get(1).out()).contains("Class A 100.00%").contains("(Class A MOIC ≥ 1.5×)");
        assertThat(tables.get(3).out()).contains("Series 2 Incentive  ");
        CliRun csv = CliRun.of("waterfall", model, "--format", "csv");
        assertThat(csv.out()).contains("series-2-incentive@hurdle-90000000/elena,").contains("\nclass-a,");
        CliRun bpCsv = CliRun.of("breakpoints", model, "--scenario", sale, "--format", "csv");
        assertThat(bpCsv.out()).contains("class-a 100.00%").contains("class-a MOIC ≥ 1.5×");
        CliRun json = CliRun.of("waterfall", model, "--format", "json");
        assertThat(json.out()).contains("\"id\" : \"series-2-incentive@hurdle-40000000/elena\"");
    }

    private static String text(List<Table> tables) {
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        tables.forEach(t -> t.printText(w));
        w.flush();
        return out.toString();
    }
}
