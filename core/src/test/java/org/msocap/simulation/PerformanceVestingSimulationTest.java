package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.Person;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.money.Money;
import org.msocap.waterfall.ExitBreakpoints;
import org.msocap.waterfall.HolderPayout;
import org.msocap.waterfall.PerformanceVestedCapTable;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

/**
 * {@code simulate} with performance-vested profits interests (PRODUCT.md §7.4): every run, and every jump ± 1 cent on the
 * days simulated, is paid by the breakpoint path exactly as the engine pays it on the table the tests choose.
 */
class PerformanceVestingSimulationTest {

    static Venture venture() {
        ShareClass classA = new ShareClass("class-a", ShareClass.Type.PREFERRED, new BigDecimal("100"), BigDecimal.ONE,
                ShareClass.Participation.FULL, null, 1, BigDecimal.ONE,
                new ShareClass.Dividend(new BigDecimal("0.08"), true, ShareClass.Dividend.Compounding.ANNUAL));
        Mso mso = Mso.builder().form(Mso.Form.LLC).shareClass(classA).shareClass(ShareClass.common("common-units"))
                .shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .shareClass(ShareClass.profitsInterest("promote", ShareClass.CatchUp.FULL))
                .holding(new Holding("fund", "class-a", 40_000, LocalDate.of(2025, 7, 1), null))
                .holding(new Holding("founder", "common-units", 10_000, LocalDate.of(2025, 7, 1), Money.of(5_000_000)))
                .holding(new Holding("other-founder", "common-units", 5_000, LocalDate.of(2025, 7, 1), Money.of(2_500_000)))
                .holding(Holding.profitsInterest("ceo", "incentive", 3_000, new BigDecimal("50"))
                        .withPerformanceVesting(PerformanceVesting.of("class-a", 2.0, 0.5, 3.0, 1.0)))
                .holding(Holding.profitsInterest("cfo", "incentive", 1_000, new BigDecimal("50")))
                .holding(Holding.profitsInterestOverHurdle("coo", "promote", 1_500, Money.of(20_000_000))
                        .withVesting(new Vesting(LocalDate.of(2026, 1, 1), 36, 12), OptionGrant.Acceleration.NONE)
                        .withPerformanceVesting(PerformanceVesting.of("common-units", 1.5, 0.5, 3.0, 1.0)))
                .build();
        Venture.Builder b = Venture.builder("Performance vesting").asOf(LocalDate.of(2026, 1, 1)).mso(mso);
        b.person(Person.entity("fund", "Fund"));
        for (String id : List.of("founder", "other-founder", "ceo", "cfo", "coo")) {
            b.person(Person.lay(id, id));
        }
        return b.build();
    }

    @Test
    void everyRunAndEveryJumpEqualsTheExactEngineToTheCent() {
        Venture venture = venture();
        BreakpointPayoutModel payouts = new BreakpointPayoutModel(venture, false);
        int runs = 150;
        SimulationResult result = SampledExits.overEighteenMonths(payouts, runs);
        Map<Integer, PayoutModel.PayoutEvaluator> evaluators = new HashMap<>();
        Map<LocalDate, PerformanceVestedCapTable> tables = new HashMap<>();
        int compared = 0;
        int jumps = 0;
        for (RunSample run : result.sample()) {
            if (!run.exited()) {
                continue;
            }
            LocalDate date = run.exitDate().orElseThrow();
            PerformanceVestedCapTable table = tables.computeIfAbsent(date, d -> PerformanceVestedCapTable.of(venture, d, false));
            PayoutModel.PayoutEvaluator evaluator = evaluators.computeIfAbsent((int) date.toEpochDay(), payouts::at);
            assertSame(payouts, evaluator, table, run.equityProceeds().cents(), "run " + run.run());
            if (compared++ < 5) {
                for (ExitBreakpoints.Jump jump : table.breakpoints().jumps()) {
                    for (long c = jump.atCents() - 1; c <= jump.atCents() + 1; c++) {
                        assertSame(payouts, evaluator, table, c, date + " at the jump at " + jump.atCents());
                    }
                    jumps++;
                }
            }
        }
        assertThat(compared).isGreaterThan(120);
        assertThat(jumps).isGreaterThan(5);
    }

    private static void assertSame(BreakpointPayoutModel payouts, PayoutModel.PayoutEvaluator evaluator, PerformanceVestedCapTable table,
                                   long cents, String what) {
        WaterfallResult exact = WaterfallEngine.DEFAULT.distribute(table.at(Money.ofCents(cents)), Money.ofCents(cents));
        long[] fast = new long[payouts.positions().size()];
        evaluator.payouts(cents, fast);
        Map<String, Long> byHolder = new HashMap<>();
        for (int p = 0; p < fast.length; p++) {
            byHolder.merge(payouts.positions().get(p).holder(), fast[p], Long::sum);
        }
        for (HolderPayout h : exact.holders()) {
            assertThat(byHolder.getOrDefault(h.id(), 0L)).as("%s, holder %s", what, h.id()).isEqualTo(h.payout().cents());
        }
        assertThat(byHolder.values().stream().mapToLong(Long::longValue).sum()).as(what).isEqualTo(cents);
    }
}
