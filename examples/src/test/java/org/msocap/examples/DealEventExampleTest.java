package org.msocap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.deal.DealExit;
import org.msocap.deal.HolderProceeds;
import org.msocap.deal.RecapResult;
import org.msocap.deal.Rounds;
import org.msocap.deal.Timeline;
import org.msocap.io.VentureReader;
import org.msocap.model.ExitScenario;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/** The Series A and the recap of {@code telehealth-series-a.yaml}, applied through the public API (PRODUCT.md §8). */
class DealEventExampleTest {

    private static final Venture LUMEN = VentureReader.read(Path.of("ventures", "telehealth-series-a.yaml"));

    @Test
    void theSafesAndTheNoteConvertAndThePoolIsToppedUp() {
        Timeline timeline = Timeline.of(LUMEN);
        Rounds.Result seriesA = timeline.event("Series A").orElseThrow().round();

        // The post-money SAFE ($750,000 at an $8M cap) owns 9.375% of the capitalization before the new money.
        BigFraction capitalization = new BigFraction(10_000_000);
        for (Rounds.Issue i : seriesA.issued()) {
            if (i.source() != Rounds.Source.INVESTMENT) {
                capitalization = capitalization.add(i.exactShares());
            }
        }
        assertThat(seriesA.issued().get(0).exactShares().divide(capitalization)).isEqualTo(new BigFraction(750_000, 8_000_000));
        // The pre-money SAFE converts at its cap price, $6M over 10,000,000 fully diluted shares: 416,666 shares.
        assertThat(seriesA.issued().get(1).shares()).isEqualTo(416_666);
        assertThat(seriesA.pricePerShare().multiply(seriesA.preMoneyFullyDiluted())).isEqualTo(new BigFraction(24_000_000));
        assertThat(seriesA.after().safes()).isEmpty();
        assertThat(seriesA.after().notes()).isEmpty();
        assertThat(seriesA.poolIncrease()).isPositive();

        Venture before = timeline.at(LocalDate.of(2026, 11, 30));
        Venture after = timeline.at(LocalDate.of(2029, 6, 30));
        assertThat(before.mso().safes()).hasSize(2);
        assertThat(after.mso().holdings().subList(0, 2)).isEqualTo(LUMEN.mso().holdings());
    }

    /**
     * The recap of 2030-01-31 by hand: uses = the $18M enterprise value (old equity 18M − 2% seller costs, no old debt,
     * plus the seller costs) + $600K buyer costs = $18.6M; the founders roll 40% and the venture fund 50% of their
     * proceeds in whole $1 units; the sponsor's equity is 18.6M − the 4.5M PIK notes − the rollover.
     */
    @Test
    void theRecapBalancesOnTheEnterpriseValueAndTheFoundersRollFortyPercent() {
        RecapResult recap = Timeline.of(LUMEN).event("Recapitalisation with Granite Peak").orElseThrow().recap();

        Money proceeds = recap.holders().stream().map(HolderProceeds::proceeds).reduce(Money.ZERO, Money::plus);
        assertThat(proceeds).isEqualTo(Money.of(17_640_000));
        assertThat(recap.sourcesAndUses().totalUses()).isEqualTo(Money.of(18_600_000));
        Map<String, BigDecimal> fractions = Map.of("maya", new BigDecimal("0.40"), "jon", new BigDecimal("0.40"),
                "front-range", new BigDecimal("0.50"));
        Money rolled = Money.ZERO;
        for (Map.Entry<String, BigDecimal> f : fractions.entrySet()) {
            HolderProceeds p = recap.proceedsOf(f.getKey()).orElseThrow();
            BigDecimal units = p.proceeds().amount().multiply(f.getValue()).setScale(2, RoundingMode.HALF_UP)
                    .setScale(0, RoundingMode.FLOOR);
            assertThat(p.rollover()).as(f.getKey()).isEqualTo(Money.of(units.longValueExact()));
            rolled = rolled.plus(p.rollover());
        }
        assertThat(recap.sourcesAndUses().buyerEquity())
                .isEqualTo(Money.of(18_600_000).minus(Money.of(4_500_000)).minus(rolled));
        assertThat(recap.after().mso().holdings()).extracting(h -> h.holder() + ":" + h.shareClass())
                .containsExactly("granite-peak:class-a", "maya:class-b", "jon:class-b", "front-range:class-a");
    }

    /**
     * Two years after the recap, at the recap's own value: the PIK notes have grown to 4.5M × 1.1² = 5.445M and the costs
     * are 2.5% of 18M, leaving 12.105M; the 10,307,508 Class A shares are owed 1.08² = 1.1664 a share (12,022,677.33),
     * more than their 73.10% as converted, so the founders' rolled common takes the remaining 82,322.67.
     */
    @Test
    void aFlatSaleAfterTheRecapPaysThePreferredItsAccruedDividendFirst() {
        Timeline timeline = Timeline.of(LUMEN);
        ExitScenario flat = new ExitScenario("Flat sale two years after the recap", LocalDate.of(2032, 1, 31), Money.of(18_000_000),
                null, null, ExitScenario.TransactionCosts.ofFraction(new BigDecimal("0.025")), null, null, null, false);
        DealExit exit = DealExit.of(timeline.at(flat.date()), timeline.recapsBy(flat.date()), flat);

        assertThat(exit.exit().bridge().netDebt()).isEqualTo(Money.of(5_445_000));
        assertThat(exit.exit().waterfall().equityProceeds()).isEqualTo(Money.of(12_105_000));
        assertThat(exit.exit().waterfall().payoutOf("class-a")).isEqualTo(Money.of("12022677.33"));
        assertThat(exit.exit().waterfall().payoutOf("class-b")).isEqualTo(Money.of("82322.67"));
    }
}
