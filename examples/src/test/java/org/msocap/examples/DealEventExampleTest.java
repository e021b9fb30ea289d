package org.msocap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.deal.Rounds;
import org.msocap.deal.Timeline;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/** The Series A of {@code telehealth-series-a.yaml}, applied through the public API (PRODUCT.md §8). */
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
}
