package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.msocap.model.ExitScenario;
import org.msocap.model.ExitScenario.CarveOut;
import org.msocap.model.ExitScenario.Earnout;
import org.msocap.model.ExitScenario.Escrow;
import org.msocap.model.ExitScenario.TransactionCosts;
import org.msocap.money.Money;

class EquityBridgeTest {

    private static ExitScenario sale(TransactionCosts costs) {
        return new ExitScenario("Strategic sale", LocalDate.of(2030, 12, 31), Money.parse("60M"), null, null, costs,
                new Escrow(new BigDecimal("0.10"), 18, new BigDecimal("0.9")),
                new CarveOut(new BigDecimal("0.05"), Map.of("alice", new BigDecimal("0.5"), "carol", new BigDecimal("0.5"))),
                new Earnout(Money.parse("5M"), new BigDecimal("0.4")), true);
    }

    @Test
    void bridgesEnterpriseValueToEquityProceedsAndExpectedTotal() {
        EquityBridge b = EquityBridge.of(sale(TransactionCosts.ofFraction(new BigDecimal("0.03"))), Money.parse("60M"),
                Money.parse("2M"));
        // 60M − 2M net debt − 1.8M costs = 56.2M; carve-out 5% = 2.81M; equity 53.39M.
        assertThat(b.transactionCosts()).isEqualTo(Money.parse("1.8M"));
        assertThat(b.carveOut()).isEqualTo(Money.parse("2.81M"));
        assertThat(b.carveOutPayments()).containsEntry("alice", Money.parse("1.405M")).containsEntry("carol", Money.parse("1.405M"));
        assertThat(b.equityProceeds()).isEqualTo(Money.parse("53.39M"));
        // Escrow 10% = 5.339M withheld; expected release 90% = 4,805,100; earnout 40% × 5M = 2M.
        assertThat(b.escrowWithheld()).isEqualTo(Money.parse("5339000"));
        assertThat(b.atClose()).isEqualTo(Money.parse("48051000"));
        assertThat(b.expectedEscrowRelease()).isEqualTo(Money.parse("4805100"));
        assertThat(b.expectedEarnout()).isEqualTo(Money.parse("2M"));
        assertThat(b.expectedTotal()).isEqualTo(Money.parse("54856100"));
    }

    @Test
    void fixedCostsAndNothingBelowZero() {
        EquityBridge b = EquityBridge.of(sale(TransactionCosts.ofFixed(Money.parse("500k"))), Money.parse("1M"),
                Money.parse("3M"));
        assertThat(b.transactionCosts()).isEqualTo(Money.parse("500k"));
        assertThat(b.equityProceeds()).isEqualTo(Money.ZERO);
        assertThat(b.carveOut()).isEqualTo(Money.ZERO);
    }

    @Test
    void carveOutSplitAddsUpToTheCent() {
        ExitScenario exit = new ExitScenario("Sale", null, Money.parse("1000000.01"), null, null, null, null,
                new CarveOut(new BigDecimal("0.1"), Map.of("a", new BigDecimal("0.3333"), "b", new BigDecimal("0.3333"),
                        "c", new BigDecimal("0.3334"))), null, false);
        EquityBridge b = EquityBridge.of(exit, Money.parse("1000000.01"), Money.ZERO);
        Money sum = b.carveOutPayments().values().stream().reduce(Money.ZERO, Money::plus);
        assertThat(sum).isEqualTo(b.carveOut());
        assertThat(b.equityProceeds().plus(b.carveOut())).isEqualTo(Money.parse("1000000.01"));
    }
}
