package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.money.Money;

/**
 * Performance vesting (PRODUCT.md §7.4), derived by hand. The fund holds 900 common units that cost 9,000,000; the
 * manager's 100 incentive units (threshold 0, so paid like common units when vested) vest half at a 2× MOIC of the
 * common units and all at 3×, each tested with that fraction vested:
 * <ul>
 *   <li>all vested: the fund takes 900/1000 of X, so 3× (27M) needs X ≥ 30M;</li>
 *   <li>half vested (50 units): the fund takes 900/950 of X, so 2× (18M) needs X ≥ 19M;</li>
 *   <li>below 19M nothing vests and the fund takes everything.</li>
 * </ul>
 */
class PerformanceVestingTest {

    private static final LocalDate EXIT = CapTables.EXIT;

    private static Venture ratchet(Holding manager) {
        Mso mso = Mso.builder().form(Mso.Form.LLC).shareClass(ShareClass.common("common-units"))
                .shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding(new Holding("fund", "common-units", 900, null, Money.of(9_000_000)))
                .holding(manager)
                .build();
        return CapTables.venture(mso);
    }

    private static Holding manager(PerformanceVesting p) {
        return Holding.profitsInterest("mgr", "incentive", 100, BigDecimal.ZERO).withPerformanceVesting(p);
    }

    private static final PerformanceVesting TWO_LEVELS = PerformanceVesting.of("common-units", 2.0, 0.5, 3.0, 1.0);

    static Map<String, String> holders(Venture v, String proceeds) {
        PerformanceVestedCapTable table = PerformanceVestedCapTable.of(v, EXIT, false);
        WaterfallResult r = WaterfallEngine.DEFAULT.distribute(table.at(Money.of(proceeds)), Money.of(proceeds));
        return r.holders().stream().collect(Collectors.toMap(HolderPayout::id, h -> h.payout().toString()));
    }

    @Test
    void belowTheLowestLevelNothingVestsAndTheFundTakesAll() {
        Venture v = ratchet(manager(TWO_LEVELS));
        assertThat(holders(v, "18999999.99")).containsEntry("fund", "18999999.99").doesNotContainKey("mgr");
        assertThat(holders(v, "10000000")).containsEntry("fund", "10000000.00");
    }

    @Test
    void atAndAboveTheFirstLevelHalfVests() {
        Venture v = ratchet(manager(TWO_LEVELS));
        // 19M × 50/950 = 1M exactly; the fund's 18M is exactly 2× its cost.
        assertThat(holders(v, "19000000")).containsEntry("fund", "18000000.00").containsEntry("mgr", "1000000.00");
        // 29,999,999.99 × 50/950 = 1,578,947.3678…
        assertThat(holders(v, "29999999.99")).containsEntry("mgr", "1578947.37").containsEntry("fund", "28421052.62");
    }

    @Test
    void atAndAboveTheTopLevelEverythingVests() {
        Venture v = ratchet(manager(TWO_LEVELS));
        assertThat(holders(v, "30000000")).containsEntry("fund", "27000000.00").containsEntry("mgr", "3000000.00");
        assertThat(holders(v, "50000000")).containsEntry("fund", "45000000.00").containsEntry("mgr", "5000000.00");
    }

    /**
     * At 28.5M the fund would have 28.5M ÷ 9M = 3.17× if the tranche did not vest, but with it all vested only
     * 25.65M = 2.85×: the top level fails, and half vests (the fund's 27M is 3× then, but the half level only needs 2×).
     */
    @Test
    void theTestIsTakenWithTheFractionVested() {
        Venture v = ratchet(manager(TWO_LEVELS));
        assertThat(holders(v, "28500000")).containsEntry("fund", "27000000.00").containsEntry("mgr", "1500000.00");
        PerformanceVestedCapTable table = PerformanceVestedCapTable.of(v, EXIT, false);
        assertThat(table.levelsAt(Money.of(28_500_000))).containsExactly(1);
    }

    @Test
    void theJumpsAreBreakpointsWithTheValuesBeforeAndAfter() {
        Venture v = ratchet(manager(TWO_LEVELS));
        ExitBreakpoints b = PerformanceVestedCapTable.of(v, EXIT, false).breakpoints();
        assertThat(b.ids()).containsExactly("common-units", "incentive");
        assertThat(b.jumps()).extracting(ExitBreakpoints.Jump::atCents).containsExactly(1_900_000_000L, 3_000_000_000L);
        ExitBreakpoints.Jump first = b.jumps().get(0);
        assertThat(first.levelsBefore()).containsExactly(0);
        assertThat(first.levelsAfter()).containsExactly(1);
        assertThat(first.payoutBefore()).containsExactly(1_899_999_999L, 0L);
        assertThat(first.payoutAfter()).containsExactly(1_800_000_000L, 100_000_000L);
        ExitBreakpoints.Jump second = b.jumps().get(1);
        assertThat(second.payoutBefore()).containsExactly(2_842_105_262L, 157_894_737L);
        assertThat(second.payoutAfter()).containsExactly(2_700_000_000L, 300_000_000L);
        // The joined table pays the engine's cents on both sides of each jump.
        for (long cents : new long[] {1_899_999_999L, 1_900_000_000L, 2_999_999_999L, 3_000_000_000L, 2_850_000_000L}) {
            assertThat(b.table().classPayoutCents(cents)).containsExactly(engineClassCents(v, cents));
        }
        assertThat(b.table().breakpoints()).contains(new org.apache.commons.math3.fraction.BigFraction(19_000_000),
                new org.apache.commons.math3.fraction.BigFraction(30_000_000));
    }

    /** With time vesting too, the lesser vests: 30 of 100 units vested by time caps the half and the full level. */
    @Test
    void withTimeVestingTheLesserVests() {
        Holding h = manager(TWO_LEVELS).withVesting(new Vesting(LocalDate.of(2029, 1, 1), 40, 0), OptionGrant.Acceleration.NONE);
        // On 2030-01-01, 12 of 40 months: 30 units vested by time; either level vests at most those.
        Venture v = ratchet(h);
        // Level 1 needs the fund's 900/930 of X ≥ 18M: X ≥ 18.6M; level 2 the same units, 27M: X ≥ 27.9M.
        assertThat(holders(v, "18599999.99")).doesNotContainKey("mgr");
        assertThat(holders(v, "18600000")).containsEntry("fund", "18000000.00").containsEntry("mgr", "600000.00");
        assertThat(PerformanceVestedCapTable.of(v, EXIT, false).levelsAt(Money.of(27_900_000))).containsExactly(2);
    }

    /**
     * Two tranches competing for the fund's 2× (fund 800 units at cost 8M, each manager 100 units vesting all at 2×):
     * both vested need X ≥ 20M, one alone X ≥ 18M. Between, the first tranche in file order is lowered first, so the
     * second vests.
     */
    @Test
    void competingTranchesLowerTheFirstFailingInFileOrder() {
        PerformanceVesting p = PerformanceVesting.of("common-units", 2.0, 1.0);
        Mso mso = Mso.builder().form(Mso.Form.LLC).shareClass(ShareClass.common("common-units"))
                .shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding(new Holding("fund", "common-units", 800, null, Money.of(8_000_000)))
                .holding(Holding.profitsInterest("mgr-a", "incentive", 100, BigDecimal.ZERO).withPerformanceVesting(p))
                .holding(Holding.profitsInterest("mgr-b", "incentive", 100, BigDecimal.ZERO).withPerformanceVesting(p))
                .build();
        Venture v = CapTables.venture(mso);
        assertThat(holders(v, "17999999.99")).doesNotContainKeys("mgr-a", "mgr-b");
        assertThat(holders(v, "19000000")).containsEntry("fund", "16888888.89").containsEntry("mgr-b", "2111111.11")
                .doesNotContainKey("mgr-a");
        assertThat(holders(v, "20000000")).containsEntry("fund", "16000000.00").containsEntry("mgr-a", "2000000.00")
                .containsEntry("mgr-b", "2000000.00");
        ExitBreakpoints b = PerformanceVestedCapTable.of(v, EXIT, false).breakpoints();
        assertThat(b.ids()).containsExactly("common-units", "incentive@0/mgr-a", "incentive@0/mgr-b");
        assertThat(b.jumps()).extracting(ExitBreakpoints.Jump::atCents).containsExactly(1_800_000_000L, 2_000_000_000L);
    }

    @Test
    void aCapTableWithPerformanceVestingIsResolvedThroughItsLevels() {
        Venture v = ratchet(manager(TWO_LEVELS));
        assertThatThrownBy(() -> ResolvedCapTable.of(v, EXIT, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PerformanceVestedCapTable");
    }

    @Test
    void theModelRefusesBadTerms() {
        assertThatThrownBy(() -> PerformanceVesting.of("common-units", 2.0, 0.5, 2.0, 1.0)).isInstanceOf(ModelException.class)
                .hasMessageContaining("strictly increasing").extracting(e -> ((ModelException) e).field()).isEqualTo("moic[1].at");
        assertThatThrownBy(() -> PerformanceVesting.of("common-units", 2.0, 0.5, 3.0, 0.5)).isInstanceOf(ModelException.class)
                .extracting(e -> ((ModelException) e).field()).isEqualTo("moic[1].vests");
        assertThatThrownBy(() -> PerformanceVesting.of("common-units", 2.0, 1.5)).isInstanceOf(ModelException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> PerformanceVesting.of("common-units", 2.0, 0.0)).isInstanceOf(ModelException.class);
        assertThatThrownBy(() -> ratchet(manager(PerformanceVesting.of("series-z", 2.0, 1.0)))).isInstanceOf(ModelException.class)
                .hasMessageContaining("unknown class 'series-z'");
        assertThatThrownBy(() -> ratchet(manager(PerformanceVesting.of("incentive", 2.0, 1.0)))).isInstanceOf(ModelException.class)
                .hasMessageContaining("profits-interest class");
        assertThatThrownBy(() -> Mso.builder().shareClass(ShareClass.common("common-units"))
                .holding("fund", "common-units", 900)
                .holding(new Holding("ceo", "common-units", 10, null, null).withPerformanceVesting(TWO_LEVELS)).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("performanceVesting applies only");
        // Common units without an issue price or a cost: a multiple of nothing.
        assertThatThrownBy(() -> Mso.builder().shareClass(ShareClass.common("common-units"))
                .shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding("fund", "common-units", 900).holding(manager(TWO_LEVELS)).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("cost nothing");
    }

    static long[] engineClassCents(Venture v, long cents) {
        PerformanceVestedCapTable table = PerformanceVestedCapTable.of(v, EXIT, false);
        ExitBreakpoints b = table.breakpoints();
        WaterfallResult r = WaterfallEngine.DEFAULT.distribute(table.at(Money.ofCents(cents)), Money.ofCents(cents));
        long[] out = new long[b.ids().size()];
        List<String> ids = b.ids();
        for (ClassPayout c : r.classes()) {
            out[ids.indexOf(c.id())] = c.payout().cents();
        }
        return out;
    }
}
