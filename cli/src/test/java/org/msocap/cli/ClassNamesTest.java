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
        assertThat(names.of("common")).isEqualTo("common");
        assertThat(names.of("options@0.25")).isEqualTo("options@0.25");
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

    private static String text(List<Table> tables) {
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        tables.forEach(t -> t.printText(w));
        w.flush();
        return out.toString();
    }
}
