package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.model.ExitScenario;
import org.msocap.model.RecapEvent;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

class RealizedTest {

    /**
     * breakwaterma.com, "Private Equity Rollovers: How to Sell Your Company Twice": $10.5M at close + $9M from the 30% kept
     * when the company sells for twice the price = $19.5M. The buyer paid $10.5M for 70% and takes $21M.
     */
    @Test
    void theSecondBiteAddsTheCashAtCloseToTheExitPayout() {
        RecapResult recap = Recaps.DEFAULT.apply(RecapsTest.ownerOperated(), RecapsTest.recap(Money.of(15_000_000), null, null,
                RecapsTest.fraction("founder", "0.30")), "events[0]");
        LocalDate exitDate = LocalDate.of(2032, 6, 30);
        Venture inForce = recap.ventureAt(exitDate);
        WaterfallResult exit = WaterfallEngine.DEFAULT.exit(inForce, ExitScenario.atValue("Secondary sale", exitDate,
                Money.of(30_000_000))).waterfall();

        List<RealizedTotal> realized = Realized.of(List.of(recap), inForce, exit, exitDate);

        RealizedTotal founder = realized.stream().filter(r -> r.id().equals("founder")).findFirst().orElseThrow();
        assertThat(founder.earlier()).isEqualTo(Money.of(10_500_000));
        assertThat(founder.payout()).isEqualTo(Money.of(9_000_000));
        assertThat(founder.total()).isEqualTo(Money.of(19_500_000));
        assertThat(founder.cost()).isEqualTo(Money.of(1_000_000)); // the rollover is not new cost
        assertThat(founder.moic()).contains(new BigDecimal("19.5000"));
        RealizedTotal buyer = realized.stream().filter(r -> r.id().equals("pe-fund")).findFirst().orElseThrow();
        assertThat(buyer.earlier()).isEqualTo(Money.ZERO);
        assertThat(buyer.cost()).isEqualTo(Money.of(10_500_000));
        assertThat(buyer.total()).isEqualTo(Money.of(21_000_000));
        // 2x over exactly four years (2028-06-30 to 2032-06-30 is 1,461 days): (2)^(365/1461) − 1
        assertThat(buyer.irr().getAsDouble()).isCloseTo(Math.pow(2, 365.0 / 1461) - 1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(founder.irr()).isPresent();
    }

    @Test
    void everyonesRealizedTotalIsTheirRecapCashPlusTheirExitPayout() {
        RecapEvent.NewDebt debt = new RecapEvent.NewDebt(Money.of(7_500_000), new BigDecimal("0.10"), null);
        RecapResult recap = Recaps.DEFAULT.apply(RecapsTest.ownerOperated(), RecapsTest.recap(Money.of(12_500_000), null, debt,
                RecapsTest.amount("founder", Money.of(1_500_000))), "events[0]");
        LocalDate exitDate = LocalDate.of(2031, 6, 30);
        Venture inForce = recap.ventureAt(exitDate);
        WaterfallResult exit = WaterfallEngine.DEFAULT.exit(inForce, ExitScenario.atValue("Secondary sale", exitDate,
                Money.of(20_000_000)), Money.of(20_000_000), recap.netDebtAt(exitDate)).waterfall();

        // 7.5M amortizing 10% a year: 5.25M left after three years (1,095 days), so the equity is 14.75M.
        assertThat(exit.equityProceeds()).isEqualTo(Money.of(14_750_000));
        // By hand: the founder took 12.5M − 1.5M = 11M at close and holds 1.5M of the 5M units (the sponsor's 3.5M = 12.5M
        // − 7.5M debt − 1.5M rollover), so 30% of 14.75M = 4.425M now; the sponsor 70%, 10.325M.
        List<RealizedTotal> realized = Realized.of(List.of(recap), inForce, exit, exitDate);
        assertThat(realized).extracting(RealizedTotal::id, RealizedTotal::earlier, RealizedTotal::payout, RealizedTotal::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("founder", Money.of(11_000_000), Money.of(4_425_000), Money.of(15_425_000)),
                        org.assertj.core.groups.Tuple.tuple("pe-fund", Money.ZERO, Money.of(10_325_000), Money.of(10_325_000)));
    }

    @Test
    void anExitAfterALeveredRecapWithoutFinancialsDeductsTheScheduledDebt() {
        RecapEvent.NewDebt debt = new RecapEvent.NewDebt(Money.of(7_500_000), new BigDecimal("0.10"), null);
        RecapResult recap = Recaps.DEFAULT.apply(RecapsTest.ownerOperated(), RecapsTest.recap(Money.of(12_500_000), null, debt,
                RecapsTest.amount("founder", Money.of(1_500_000))), "events[0]");
        LocalDate exitDate = LocalDate.of(2031, 6, 30);
        ExitScenario sale = ExitScenario.atValue("Secondary sale", exitDate, Money.of(20_000_000));

        DealExit exit = DealExit.of(recap.ventureAt(exitDate), List.of(recap), sale);

        assertThat(exit.exit().bridge().netDebt()).isEqualTo(Money.of(5_250_000));
        assertThat(exit.valuation().netDebt()).isEqualTo(Money.of(5_250_000));
        assertThat(exit.realized()).extracting(RealizedTotal::id).containsExactly("founder", "pe-fund");
    }
}
