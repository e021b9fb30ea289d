package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.fees.Valuator;
import org.msocap.model.Distribution;
import org.msocap.model.ExitScenario;
import org.msocap.model.HolderCategory;
import org.msocap.model.ModelException;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.ClassPayout;
import org.msocap.waterfall.EquityBridge;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

/** A venture's simulation end to end, against the deterministic engines (Valuator, EquityBridge, WaterfallEngine). */
class SimulationSetupTest {

    private static Map<String, Long> byGroup(WaterfallResult exact) {
        Map<String, Long> m = new HashMap<>();
        for (ClassPayout c : exact.classes()) {
            String group = switch (c.kind()) {
                case COMMON, PREFERRED -> c.id();
                case OPTIONS -> "options";
                case WARRANTS -> "warrants";
                case SAFE -> "safes";
                case NOTE -> "notes";
                case PROFITS_INTEREST -> c.id().contains("@") ? c.id().substring(0, c.id().indexOf('@')) : c.id();
            };
            m.merge(group, c.payout().cents(), Long::sum);
        }
        return m;
    }

    @Test
    void everyRunOfTheExampleEqualsValuatorBridgeAndEngine() {
        Venture sunrise = ProjectedExitValueTest.sunrise();
        ExitScenario template = sunrise.exits().get(0);
        int runs = 60;
        SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(SimulationSetup.of(sunrise), new SimulationOptions(runs, 42, 2, 5, runs, 10));
        List<String> groups = r.classes().stream().map(SeriesStatistics::key).toList();
        assertThat(groups).contains("common", "series-a", "options", "warrants", "safes", "notes", "carve-out");
        int compared = 0;
        for (RunSample run : r.sample()) {
            if (!run.exited()) {
                assertThat(run.classPayouts()).containsOnly(Money.ZERO);
                continue;
            }
            LocalDate date = run.exitDate().orElseThrow();
            Venture withDrivers = ProjectedExitValueTest.withDrivers(sunrise, run.collectionsGrowth(), Double.NaN);
            ExitScenario exit = new ExitScenario(template.name(), date, null, new BigDecimal(run.ebitdaMultiple()), null,
                    template.transactionCosts(), template.escrow(), template.carveOut(), template.earnout(), template.doubleTriggerFires());
            Money ev = Valuator.DEFAULT.value(withDrivers, exit).enterpriseValue();
            assertThat(run.enterpriseValue()).isEqualTo(ev);
            EquityBridge bridge = EquityBridge.of(exit, ev, Money.ZERO);
            Money realized = bridge.equityProceeds().minus(bridge.escrowWithheld())
                    .plus(run.escrowReleased() == 1 ? bridge.escrowWithheld() : Money.ZERO)
                    .plus(run.earnoutPaid() == 1 ? template.earnout().amount() : Money.ZERO);
            assertThat(run.equityProceeds()).isEqualTo(realized);
            WaterfallResult exact = WaterfallEngine.DEFAULT.distribute(ResolvedCapTable.of(sunrise, date, true), realized);
            Map<String, Long> expected = byGroup(exact);
            expected.put("carve-out", bridge.carveOut().cents());
            for (int g = 0; g < groups.size(); g++) {
                assertThat(run.classPayouts().get(g).cents()).as("run %d %s", run.run(), groups.get(g))
                        .isEqualTo(expected.getOrDefault(groups.get(g), 0L));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void zeroVarianceDriversGiveTheDeterministicScenario() {
        Venture sunrise = ProjectedExitValueTest.sunrise();
        ExitScenario template = sunrise.exits().get(0);
        SimulationSpec degenerate = new SimulationSpec(200, 1, new Distribution.Constant(template.date().toEpochDay()),
                new Distribution.LogNormal(template.ebitdaMultiple().doubleValue(), 0), new Distribution.Normal(0.2, 0), null,
                new Distribution.Constant(1), new Distribution.Constant(0), 0, List.of());
        // collectionsGrowth 0.2 for every practice; the scenario's figures under that growth:
        Venture venture = ProjectedExitValueTest.withDrivers(sunrise.toBuilder().simulation(degenerate).build(), 0.2, Double.NaN);
        SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(SimulationSetup.of(venture), new SimulationOptions(200, 1, 2, 3, 5, 10));

        Money ev = Valuator.DEFAULT.value(venture, template).enterpriseValue();
        ExitWaterfall deterministic = WaterfallEngine.DEFAULT.exit(venture, template, ev, Money.ZERO);
        Map<String, Long> expected = byGroup(deterministic.waterfall());
        expected.put("carve-out", deterministic.bridge().carveOut().cents());
        for (SeriesStatistics s : r.classes()) {
            double cents = expected.getOrDefault(s.key(), 0L);
            assertThat(s.mean()).as(s.key()).isEqualTo(cents / 100);
            assertThat(s.p5()).as(s.key()).isEqualTo(cents / 100);
            assertThat(s.p95()).as(s.key()).isEqualTo(cents / 100);
            assertThat(s.standardDeviation()).isZero();
        }
        // One rule (issue 16): the waterfall's categories, like the simulation's, count the carve-out with its recipients.
        for (SeriesStatistics s : r.categories()) {
            HolderCategory category = HolderCategory.valueOf(s.key().toUpperCase());
            assertThat(s.mean()).as(s.key()).isEqualTo(deterministic.waterfall().byCategory().get(category).cents() / 100.0);
        }
        assertThat(r.values().get(0).mean()).isEqualTo(ev.cents() / 100.0);
        assertThat(r.values().get(1).mean()).isEqualTo(deterministic.bridge().equityProceeds().cents() / 100.0);
        assertThat(r.holders()).hasSize(3);
        assertThat(r.holders().get(0).mean()).isGreaterThanOrEqualTo(r.holders().get(1).mean());
    }

    @Test
    void aVentureWithoutASimulationSectionIsRefusedNamingIt() {
        Venture none = ProjectedExitValueTest.sunrise().toBuilder().simulation(null).build();
        assertThatThrownBy(() -> SimulationSetup.of(none)).isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("simulation"));
    }

    @Test
    void exitDatesBeforeTheFirstTrailingYearAreRefused() {
        Venture sunrise = ProjectedExitValueTest.sunrise();
        SimulationSpec early = new SimulationSpec(10, 1, new Distribution.Uniform(LocalDate.of(2026, 3, 1).toEpochDay(),
                LocalDate.of(2029, 1, 1).toEpochDay()), null, null, null, null, null, 0, List.of());
        assertThatThrownBy(() -> SimulationSetup.of(sunrise.toBuilder().simulation(early).build()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("2026-12-01")
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo("simulation.exitDate"));
    }
}
