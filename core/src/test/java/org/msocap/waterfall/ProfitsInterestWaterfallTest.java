package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.ShareClass;
import org.msocap.model.Vesting;
import org.msocap.money.Money;

/**
 * Profits interests in the exact waterfall (PRODUCT.md §7): the published worked examples and hand-derived cases with
 * preferred units, a preferred return and incentive units.
 */
class ProfitsInterestWaterfallTest {

    private static final WaterfallEngine ENGINE = WaterfallEngine.DEFAULT;

    private static Map<String, String> holders(Mso mso, String proceeds) {
        WaterfallResult r = ENGINE.distribute(CapTables.resolve(mso), Money.of(proceeds));
        return r.holders().stream().collect(Collectors.toMap(HolderPayout::id, h -> h.payout().toString()));
    }

    private static Mso.Builder llc() {
        return Mso.builder().form(Mso.Form.LLC).shareClass(ShareClass.common("common-units"));
    }

    /**
     * A 10% profits interest over a 1,000,000 hurdle receives 50,000 of a 1,500,000 distribution: 10% of the 500,000
     * of value created after the grant (the standard illustration of a profits interest, e.g. the "liquidation value"
     * test of Rev. Proc. 93-27 as explained in practitioners' guides).
     */
    @Test
    void tenPercentOverAMillionHurdleReceivesFiftyThousandOfOneAndAHalfMillion() {
        Mso mso = llc().shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding("founder", "common-units", 900)
                .holding(Holding.profitsInterestOverHurdle("ceo", "incentive", 100, Money.of(1_000_000)))
                .build();
        assertThat(holders(mso, "1500000")).containsEntry("ceo", "50000.00").containsEntry("founder", "1450000.00");
        assertThat(holders(mso, "1000000")).containsEntry("ceo", "0.00").containsEntry("founder", "1000000.00");
        assertThat(holders(mso, "999999.99")).containsEntry("ceo", "0.00");
    }

    /**
     * The per-unit formula ("Participating Class B Unit"): with V the value per common unit, a unit of threshold T
     * receives max(V − T, 0) and V solves 1000 V + 100 (V − 10)⁺ + 100 (V − 20)⁺ = proceeds.
     */
    @Test
    void perUnitFormulaWithTwoThresholdSeries() {
        Mso mso = llc().shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding("founder", "common-units", 1000)
                .holding(Holding.profitsInterest("early", "incentive", 100, new BigDecimal("10")))
                .holding(Holding.profitsInterest("late", "incentive", 100, new BigDecimal("20")))
                .build();
        // V = 30: 30,000 + 100 × 20 + 100 × 10.
        assertThat(holders(mso, "33000")).containsEntry("founder", "30000.00").containsEntry("early", "2000.00")
                .containsEntry("late", "1000.00");
        // V = 13,000 / 1,100 = 11.8181…: only the first series takes part.
        assertThat(holders(mso, "12000")).containsEntry("founder", "11818.18").containsEntry("early", "181.82")
                .containsEntry("late", "0.00");
        // Nothing for either while V ≤ 10, i.e. proceeds ≤ 10,000.
        assertThat(holders(mso, "10000")).containsEntry("early", "0.00").containsEntry("late", "0.00");
        ResolvedCapTable table = CapTables.resolve(mso);
        assertThat(table.claimants()).extracting(ResolvedCapTable.Claimant::id)
                .containsExactly("common-units", "incentive@10", "incentive@20");
        assertThat(BreakpointTable.resolve(table).breakpoints())
                .containsExactly(new BigFraction(10_000), new BigFraction(21_000));
    }

    /** A 5% interest over a 10M hurdle with full catch-up is caught up at 10M / 0.95 = 10,526,315.79, holding 526,315.79. */
    @Test
    void fivePercentOverTenMillionWithFullCatchUp() {
        Mso mso = llc().shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.FULL))
                .holding("sponsor", "common-units", 95)
                .holding(Holding.profitsInterestOverHurdle("ceo", "incentive", 5, Money.of(10_000_000)))
                .build();
        assertThat(holders(mso, "10000000")).containsEntry("ceo", "0.00").containsEntry("sponsor", "10000000.00");
        // In catch-up every further dollar goes to the interest.
        assertThat(holders(mso, "10200000")).containsEntry("ceo", "200000.00").containsEntry("sponsor", "10000000.00");
        assertThat(holders(mso, "10526315.79")).containsEntry("ceo", "526315.79").containsEntry("sponsor", "10000000.00");
        // Then it shares as a threshold-0 unit: 5%.
        assertThat(holders(mso, "20000000")).containsEntry("ceo", "1000000.00").containsEntry("sponsor", "19000000.00");
        assertThat(BreakpointTable.resolve(CapTables.resolve(mso)).breakpoints())
                .containsExactly(new BigFraction(10_000_000), new BigFraction(200_000_000, 19));
    }

    /**
     * Class A preferred units with an 8% preferred return compounding annually for exactly four years (1,460 days
     * ACT/365): 1,000 units at 1,000 are owed 1,000,000 × 1.08⁴ = 1,360,488.96. Founders hold 9,000 common units and
     * the CEO 1,000 incentive units at a threshold of 100.
     */
    @Test
    void preferredUnitsWithPreferredReturnAndIncentiveUnits() {
        ShareClass classA = CapTables.preferred("class-a", "1000", 1, "1", ShareClass.Participation.NONE, null)
                .withDividend(new ShareClass.Dividend(new BigDecimal("0.08"), true, ShareClass.Dividend.Compounding.ANNUAL));
        Mso mso = llc().shareClass(classA).shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding(new Holding("fund", "class-a", 1000, LocalDate.of(2026, 1, 2), null))
                .holding("founder", "common-units", 9000)
                .holding(Holding.profitsInterest("ceo", "incentive", 1000, new BigDecimal("100")))
                .build();
        // 5M: the fund keeps its preference and return; the rest solves 10,000 V − 100,000 = 3,639,511.04.
        WaterfallResult low = ENGINE.distribute(CapTables.resolve(mso), Money.of(5_000_000));
        assertThat(low.classes()).extracting(c -> c.id() + "=" + c.payout() + (c.converted() ? " converted" : ""))
                .containsExactly("class-a=1360488.96", "common-units=3365559.94", "incentive=273951.10");
        // 30M: converting pays the fund more; 11,000 V − 100,000 = 30,000,000, V = 2,736.3636…
        WaterfallResult high = ENGINE.distribute(CapTables.resolve(mso), Money.of(30_000_000));
        assertThat(high.classes()).extracting(c -> c.id() + "=" + c.payout() + (c.converted() ? " converted" : ""))
                .containsExactly("class-a=2736363.64 converted", "common-units=24627272.73", "incentive=2636363.63");
        // The incentive units pay no exercise cash, unlike an option at a strike of 100.
        HolderPayout ceo = high.holders().stream().filter(h -> h.id().equals("ceo")).findFirst().orElseThrow();
        assertThat(ceo.exerciseCash()).isEqualTo(Money.ZERO);
    }

    @Test
    void unvestedUnitsAreForfeitedAndAccelerationVestsThem() {
        Vesting fourYears = new Vesting(LocalDate.of(2028, 1, 1), 48, 12);
        Holding grant = Holding.profitsInterest("ceo", "incentive", 1000, BigDecimal.ZERO)
                .withVesting(fourYears, OptionGrant.Acceleration.DOUBLE);
        Mso mso = llc().shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding("founder", "common-units", 9000).holding(grant).build();
        // Two years of four vested at the exit (2030-01-01): 500 units.
        assertThat(holders(mso, "95000")).containsEntry("ceo", "5000.00").containsEntry("founder", "90000.00");
        ResolvedCapTable fired = ResolvedCapTable.of(CapTables.venture(mso), CapTables.EXIT, true);
        assertThat(ENGINE.distribute(fired, Money.of(100_000)).holders()).extracting(h -> h.id() + "=" + h.payout())
                .containsExactly("ceo=10000.00", "founder=90000.00");
    }

    @Test
    void aHurdleIsPricedWithThePreferredReturnAccruedToTheExit() {
        ShareClass classA = CapTables.preferred("class-a", "1000", 1, "1", ShareClass.Participation.FULL, null)
                .withDividend(new ShareClass.Dividend(new BigDecimal("0.08"), true, ShareClass.Dividend.Compounding.ANNUAL));
        Mso mso = llc().shareClass(classA).shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding(new Holding("fund", "class-a", 1000, LocalDate.of(2026, 1, 2), null))
                .holding("founder", "common-units", 9000)
                .holding(Holding.profitsInterestOverHurdle("ceo", "incentive", 1000, Money.of(3_000_000)))
                .build();
        // Without the CEO, 3M pays 1,360,488.96 and shares 1,639,511.04 over 10,000 participating units: V = 163.951104.
        ResolvedCapTable table = CapTables.resolve(mso);
        ResolvedCapTable.Claimant incentive = table.claimants().stream().filter(c -> c.id().equals("incentive")).findFirst()
                .orElseThrow();
        assertThat(incentive.strike()).isEqualTo(new BigFraction(163_951_104, 1_000_000));
        assertThat(holders(mso, "3000000")).containsEntry("ceo", "0.00");
        assertThat(holders(mso, "3000000.01")).containsEntry("ceo", "0.00"); // 1,000 / 11,000 of a cent
        assertThat(holders(mso, "3110000")).containsEntry("ceo", "10000.00");
    }

    @Test
    void aHurdleWithNothingElseToPriceItOnIsRejected() {
        Mso.Builder mso = Mso.builder().shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .holding(Holding.profitsInterestOverHurdle("ceo", "incentive", 10, Money.of(1000)));
        assertThatThrownBy(mso::build).isInstanceOf(ModelException.class)
                .hasMessageContaining("every holding of the MSO is a profits interest over a hurdle");
    }
}
