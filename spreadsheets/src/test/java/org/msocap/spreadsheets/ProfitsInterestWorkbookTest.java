package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.io.VentureReader;
import org.msocap.model.ExitScenario;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.ClassPayout;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.WaterfallEngine;

/**
 * The live waterfall of an LLC with profits interests (PRODUCT.md §7), recalculated by LibreOffice after a reader types
 * an enterprise value: below the series-2 hurdle, inside its catch-up and above it, every claimant and holder is paid
 * the engine's cents by formulas.
 */
class ProfitsInterestWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void liveWaterfallFollowsTypedInExitValuesThroughHurdleAndCatchUp() throws Exception {
        LibreOffice.assumeInstalled();
        Venture venture = VentureReader.read(Path.of("..", "examples", "ventures", "pe-derm-holdco.yaml"));
        WorkbookContent content = WorkbookContent.of(venture, null);
        // Equity = EV − 2.5% of EV − 25M net debt: 53M (below the 90M hurdle), 90,382,500 (in the catch-up), 170M.
        List<Money> values = List.of(Money.of(80_000_000), Money.parse("118341025.64"), Money.of(200_000_000));
        List<Consumer<XSSFWorkbook>> typings = values.stream().<Consumer<XSSFWorkbook>>map(
                ev -> edited -> Recalculated.setNamed(edited, WaterfallSheet.EXIT_VALUE, ev.amount().doubleValue())).toList();
        List<Recalculated> recalculated = Recalculated.ofEach(content, dir, typings);
        long[] series2 = new long[values.size()];
        long[] equity = new long[values.size()];
        for (int i = 0; i < values.size(); i++) {
            ExitWaterfall engine = engineAt(venture, content, values.get(i));
            try (Recalculated wb = recalculated.get(i)) {
                WaterfallSheetTest.assertLiveEqualsEngine(wb, engine, venture);
            }
            equity[i] = engine.bridge().equityProceeds().cents();
            series2[i] = engine.waterfall().classes().stream().filter(c -> c.id().equals("series-2-incentive"))
                    .mapToLong(c -> c.payout().cents()).sum();
        }
        // Not vacuous: nothing below the hurdle, the catch-up (every dollar above 90M) inside it, a full share above.
        assertThat(series2[0]).isZero();
        assertThat(equity[1]).isEqualTo(9_038_250_000L);
        assertThat(series2[1]).isEqualTo(equity[1] - 9_000_000_000L);
        assertThat(series2[2]).isPositive();
    }

    /**
     * The COO's series-2 units are performance-vested (half at the fund's 2×, all at 3×): typed one cent below the jump
     * to full vesting and at it, the live waterfall pays the engine's cents on each side, the jump included.
     */
    @Test
    void liveWaterfallFollowsThePerformanceVestingJump() throws Exception {
        LibreOffice.assumeInstalled();
        Venture venture = VentureReader.read(Path.of("..", "examples", "ventures", "pe-derm-holdco.yaml"));
        WorkbookContent content = WorkbookContent.of(venture, null);
        List<org.msocap.waterfall.ExitBreakpoints.Jump> jumps = content.waterfalls().live().jumps();
        assertThat(jumps).hasSize(2);
        long cut = jumps.get(1).atCents();
        // No net debt and no costs: the equity proceeds are the value typed in.
        List<Money> values = List.of(Money.ofCents(cut - 1), Money.ofCents(cut), Money.ofCents(jumps.get(0).atCents()));
        List<Consumer<XSSFWorkbook>> typings = values.stream().<Consumer<XSSFWorkbook>>map(ev -> edited -> {
            Recalculated.setNamed(edited, WaterfallSheet.NET_DEBT, 0);
            Recalculated.setNamed(edited, WaterfallSheet.COST_FRACTION, 0);
            Recalculated.setNamed(edited, WaterfallSheet.EXIT_VALUE, ev.amount().doubleValue());
        }).toList();
        List<Recalculated> recalculated = Recalculated.ofEach(content, dir, typings);
        long[] series2 = new long[values.size()];
        for (int i = 0; i < values.size(); i++) {
            WorkbookContent.Live live = content.waterfalls().live();
            ExitScenario t = live.terms();
            ExitScenario typed = new ExitScenario(t.name(), t.date(), values.get(i), null, null, null, t.escrow(), t.carveOut(),
                    t.earnout(), t.doubleTriggerFires());
            ExitWaterfall engine = WaterfallEngine.DEFAULT.exit(venture, typed, values.get(i), Money.ZERO);
            assertThat(engine.bridge().equityProceeds()).isEqualTo(values.get(i));
            try (Recalculated wb = recalculated.get(i)) {
                WaterfallSheetTest.assertLiveEqualsEngine(wb, engine, venture);
            }
            series2[i] = engine.waterfall().classes().stream().filter(c -> c.id().equals("series-2-incentive"))
                    .mapToLong(c -> c.payout().cents()).sum();
        }
        // Not vacuous: at the cut the series-2 payout jumps up by far more than a cent.
        assertThat(series2[1] - series2[0]).isGreaterThan(100_000_000L);
    }

    private static ExitWaterfall engineAt(Venture venture, WorkbookContent content, Money enterpriseValue) {
        WorkbookContent.Live live = content.waterfalls().live();
        ExitScenario t = live.terms();
        ExitScenario typed = new ExitScenario(t.name(), t.date(), enterpriseValue, null, null, t.transactionCosts(), t.escrow(),
                t.carveOut(), t.earnout(), t.doubleTriggerFires());
        return WaterfallEngine.DEFAULT.exit(venture, typed, enterpriseValue, live.netDebt());
    }
}
