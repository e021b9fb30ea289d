package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.money.Money;

class PracticeFeeMetricsTest {

    @Test
    void sharesAreComputedFromTheTotals() {
        // fee 300,000 of profit 900,000 = 1/3; of collections 2,000,000 = 3/20; referred 500,000 / 2,000,000 = 1/4
        PracticeFeeMetrics m = PracticeFeeMetrics.of("pc-a", "msa-a", Money.of(2_000_000), Money.of(300_000), Money.of(900_000),
                2, 12, Money.of(500_000));
        assertThat(m.feeShareOfProfitExact()).isEqualTo(new BigFraction(1, 3));
        assertThat(m.feeShareOfProfit()).isEqualByComparingTo("0.3333333333");
        assertThat(m.feeShareOfCollections()).isEqualByComparingTo("0.15");
        assertThat(m.feeShareOfCollections().scale()).isEqualTo(2);
        assertThat(m.investorReferredShareExact()).isEqualTo(new BigFraction(1, 4));
        assertThat(m.practiceMargin()).isEqualTo(Money.of(600_000));
    }

    @Test
    void aFeeOnNoProfitTakesEverything() {
        PracticeFeeMetrics losing = PracticeFeeMetrics.of("pc-a", "msa-a", Money.of(100), Money.of(10), Money.of(-50), 1, 1,
                Money.ZERO);
        assertThat(losing.feeShareOfProfit()).isEqualByComparingTo("1");
        PracticeFeeMetrics free = PracticeFeeMetrics.of("pc-a", "msa-a", Money.ZERO, Money.ZERO, Money.ZERO, 0, 1, Money.ZERO);
        assertThat(free.feeShareOfProfit()).isEqualByComparingTo("0");
        assertThat(free.feeShareOfCollections()).isEqualByComparingTo("0");
        assertThat(free.investorReferredShare()).isEqualByComparingTo("0");
    }

    @Test
    void aFeeOverTwiceTheProfitKeepsItsScale() {
        // 2,000 / 100 = 20: written 20, not 2E+1
        PracticeFeeMetrics m = PracticeFeeMetrics.of("pc-a", "msa-a", Money.of(5_000), Money.of(2_000), Money.of(100), 1, 1,
                Money.ZERO);
        assertThat(m.feeShareOfProfit().toString()).isEqualTo("20");
    }
}
