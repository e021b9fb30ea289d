package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.RoundEvent;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.money.Money;

/** A round applied to the cap table in force (PRODUCT.md §8.1–8.2), on published worked examples. */
class RoundsTest {

    static final LocalDate DATE = LocalDate.of(2027, 3, 1);

    static Mso.Builder founders(long shares) {
        return Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", shares);
    }

    static RoundEvent atPrice(String price, long investment) {
        return new RoundEvent("Series A", DATE, ShareClass.preferred("series-a", BigDecimal.ONE, 2), null, new BigDecimal(price),
                null, List.of(new RoundEvent.Investment("fund", Money.of(investment))), null);
    }

    static RoundEvent atPreMoney(long preMoney, long investment, BigDecimal poolTopUp) {
        return new RoundEvent("Series A", DATE, ShareClass.preferred("series-a", BigDecimal.ONE, 2), Money.of(preMoney), null,
                null, List.of(new RoundEvent.Investment("fund", Money.of(investment))), poolTopUp);
    }

    static Safe safe(long amount, Long cap, String discount, Safe.Kind kind) {
        return new Safe("angel", Money.of(amount), cap == null ? null : Money.of(cap), discount == null ? null : new BigDecimal(discount),
                kind, null, null);
    }

    static Rounds.Issue conversion(Rounds.Result r) {
        return r.issued().stream().filter(i -> i.source() != Rounds.Source.INVESTMENT).findFirst().orElseThrow();
    }

    /*
     * SAFE conversion at the cap: Conversion Price = Valuation Cap ÷ fully diluted capitalization before the financing,
     * when lower than the round's price (Y Combinator safe; e.g. startuppercolator.com/glossary/safe-valuation-cap).
     * Worked example of msocap issue 14: $100,000 at a $5M cap over 11,000,000 shares converts at 5M/11M into 220,000.
     */
    @Test
    void aSafeAtAFiveMillionCapConvertsAtFiveElevenths() {
        Mso mso = founders(11_000_000).safe(safe(100_000, 5_000_000L, null, Safe.Kind.PRE_MONEY)).build();

        Rounds.Result r = Rounds.apply(mso, atPrice("1.00", 1_000_000), "events[0]");

        Rounds.Issue c = conversion(r);
        assertThat(c.shares()).isEqualTo(220_000);
        assertThat(c.exactShares()).isEqualTo(new BigFraction(220_000));
        assertThat(new BigFraction(100_000).divide(c.exactShares())).isEqualTo(new BigFraction(5, 11));
        assertThat(r.after().safes()).isEmpty();
        assertThat(r.after().requireClass(c.classId()).issuePrice()).isEqualByComparingTo("0.454545454545455");
    }

    /*
     * A cap-only SAFE in a round priced below its cap price converts at the round's price: the YC safe's conversion price
     * is the lower of the cap price and the round's price (PRODUCT.md §8.1 with no discount). $100,000 at a $5M cap over
     * 11,000,000 shares (cap price 0.4545…) in a round at $0.40: 250,000 shares, not the 220,000 at the cap. The same for
     * a capped note without a discount.
     */
    @Test
    void aCapOnlySafeOrNoteInARoundBelowItsCapConvertsAtTheRoundsPrice() {
        Mso safe = founders(11_000_000).safe(safe(100_000, 5_000_000L, null, Safe.Kind.PRE_MONEY)).build();
        assertThat(conversion(Rounds.apply(safe, atPrice("0.40", 1_000_000), "events[0]")).shares()).isEqualTo(250_000);

        Mso note = founders(11_000_000).note(new ConvertibleNote("angel", Money.of(100_000), BigDecimal.ZERO, DATE,
                Money.of(5_000_000), null, null, null)).build();
        assertThat(conversion(Rounds.apply(note, atPrice("0.40", 1_000_000), "events[0]")).shares()).isEqualTo(250_000);
        assertThat(conversion(Rounds.apply(note, atPrice("1.00", 1_000_000), "events[0]")).shares()).isEqualTo(220_000);
    }

    /*
     * Cap and discount: the SAFE converts at the lower of the cap price and (1 − discount) × the round's price
     * (startuppercolator.com/glossary/safe-conversion-price). Issue 14: $100,000 at an $8M cap with a 15% discount,
     * 11,000,000 shares, round at $1.00: cap price 8/11 < 0.85, so 137,500 shares.
     */
    @Test
    void aSafeWithCapAndDiscountTakesTheLowerPrice() {
        Mso mso = founders(11_000_000).safe(safe(100_000, 8_000_000L, "0.15", Safe.Kind.PRE_MONEY)).build();

        assertThat(conversion(Rounds.apply(mso, atPrice("1.00", 1_000_000), "events[0]")).shares()).isEqualTo(137_500);
        // At $0.80 the discount price (0.68) is the lower: 100,000 ÷ 0.68 = 147,058.82 → 147,058.
        assertThat(conversion(Rounds.apply(mso, atPrice("0.80", 1_000_000), "events[0]")).shares()).isEqualTo(147_058);
    }

    /*
     * Post-money SAFE: owns amount ÷ post-money cap of the company capitalization including every converting security,
     * before the new money (Y Combinator, "Post-Money Safe User Guide"). $1M at a $10M cap over 9,000,000 shares: 10%, so
     * 1,000,000 shares; pre-money $20M with conversions gives $2.00 a share.
     */
    @Test
    void aPostMoneySafeOwnsExactlyItsAmountOverTheCap() {
        Mso mso = founders(9_000_000).safe(safe(1_000_000, 10_000_000L, null, Safe.Kind.POST_MONEY)).build();

        Rounds.Result r = Rounds.apply(mso, atPreMoney(20_000_000, 5_000_000, null), "events[0]");

        assertThat(conversion(r).shares()).isEqualTo(1_000_000);
        assertThat(r.pricePerShare()).isEqualTo(new BigFraction(2));
        assertThat(r.preMoneyFullyDiluted()).isEqualTo(new BigFraction(10_000_000));
        assertThat(r.issued()).filteredOn(i -> i.source() == Rounds.Source.INVESTMENT).extracting(Rounds.Issue::shares)
                .containsExactly(2_500_000L);
    }

    @Test
    void thePoolIsToppedUpToItsPostMoneyFractionRoundingUp() {
        Mso mso = founders(9_000_000).build();

        Rounds.Result r = Rounds.apply(mso, new RoundEvent("Series A", DATE, ShareClass.preferred("series-a", BigDecimal.ONE, 2),
                null, BigDecimal.ONE, null, List.of(new RoundEvent.Investment("fund", Money.of(1_000_000))), new BigDecimal("0.10")),
                "events[0]");

        // 10% of (9,000,000 + 1,000,000 + pool): pool = 10,000,000 ÷ 9 = 1,111,111.1 → 1,111,112.
        assertThat(r.poolIncrease()).isEqualTo(1_111_112);
        assertThat(r.after().optionPool()).isEqualTo(1_111_112);
    }

    @Test
    void thePriceOnThePreMoneyCountIncludesTopUpAndConversionsAtTheirFixedPoint() {
        // Pre-money $10M, 8,000,000 founders, a pre-money SAFE $500k at a 20% discount only, top-up to 10%:
        // every quantity depends on the price and the price on them; the exact solution satisfies each equation.
        Mso mso = founders(8_000_000).safe(safe(500_000, null, "0.20", Safe.Kind.PRE_MONEY)).build();

        Rounds.Result r = Rounds.apply(mso, atPreMoney(10_000_000, 3_000_000, new BigDecimal("0.10")), "events[0]");

        BigFraction price = r.pricePerShare();
        BigFraction conversion = conversion(r).exactShares();
        assertThat(conversion).isEqualTo(new BigFraction(500_000).divide(price.multiply(new BigFraction(4, 5))));
        BigFraction investors = new BigFraction(3_000_000).divide(price);
        BigFraction pool = r.preMoneyFullyDiluted().subtract(8_000_000).subtract(conversion);
        // pool = 10% of the post-money count, exactly, before rounding
        assertThat(pool).isEqualTo(new BigFraction(1, 10).multiply(new BigFraction(8_000_000).add(pool).add(conversion).add(investors)));
        assertThat(price.multiply(r.preMoneyFullyDiluted())).isEqualTo(new BigFraction(10_000_000));
        long post = 8_000_000 + conversion(r).shares() + r.issued().get(1).shares() + r.poolIncrease();
        assertThat(new BigFraction(r.poolIncrease(), post).compareTo(new BigFraction(1, 10))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aNoteConvertsItsPrincipalAndInterestToTheRoundDate() {
        // $100,000 at 8% simple from 2026-03-01 to 2027-03-01 (365 days): $108,000 at a 20% discount on $1.00.
        Mso mso = founders(1_000_000).note(new ConvertibleNote("angel", Money.of(100_000), new BigDecimal("0.08"),
                LocalDate.of(2026, 3, 1), null, new BigDecimal("0.20"), null, null)).build();

        Rounds.Result r = Rounds.apply(mso, atPrice("1.00", 1_000_000), "events[0]");

        assertThat(conversion(r).shares()).isEqualTo(135_000);
        assertThat(r.after().notes()).isEmpty();
        assertThat(r.after().holdings()).extracting(Holding::holder).contains("angel");
    }

    /*
     * Weighted-average anti-dilution, CP2 = CP1 × (A + B) ÷ (A + C) (NVCA model certificate of incorporation, §4.4.4;
     * e.g. cooleygo.com/glossary/broad-based-weighted-average-anti-dilution-protection). Issue 14's example: 1,000,000
     * common and 1,000,000 Series A at $2.00, then 1,000,000 Series B at $1.00: broad-based CP2 = 1.6667, ratio 1.2;
     * narrow-based 1.50; full ratchet 1.00.
     */
    @Test
    void antiDilutionWeightedAverageAndFullRatchet() {
        assertThat(ratioAfterSeriesB(ShareClass.AntiDilution.BROAD_BASED)).isEqualByComparingTo("1.2");
        // narrow: CP2 = 2 × 1.5M ÷ 2M = 1.50, ratio 2 ÷ 1.5 = 1.3333…, rounded up at the 12th decimal
        assertThat(ratioAfterSeriesB(ShareClass.AntiDilution.NARROW_BASED)).isEqualByComparingTo("1.333333333334");
        assertThat(ratioAfterSeriesB(ShareClass.AntiDilution.FULL_RATCHET)).isEqualByComparingTo("2");
        assertThat(ratioAfterSeriesB(ShareClass.AntiDilution.NONE)).isEqualByComparingTo("1");
    }

    private static BigDecimal ratioAfterSeriesB(ShareClass.AntiDilution protection) {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(ShareClass.preferred("series-a", new BigDecimal("2.00"), 1).withAntiDilution(protection))
                .holding("founder", "common", 1_000_000).holding("angel", "series-a", 1_000_000).build();
        RoundEvent seriesB = new RoundEvent("Series B", DATE, ShareClass.preferred("series-b", BigDecimal.ONE, 2), null,
                new BigDecimal("1.00"), null, List.of(new RoundEvent.Investment("fund", Money.of(1_000_000))), null);
        Rounds.Result r = Rounds.apply(mso, seriesB, "events[0]");
        assertThat(r.issued()).extracting(Rounds.Issue::shares).containsExactly(1_000_000L);
        return r.after().requireClass("series-a").conversionRatio();
    }

    @Test
    void noAdjustmentInARoundAboveTheConversionPrice() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(ShareClass.preferred("seed", new BigDecimal("2.00"), 1).withAntiDilution(ShareClass.AntiDilution.FULL_RATCHET))
                .holding("founder", "common", 1_000_000).holding("angel", "seed", 1_000_000).build();

        Rounds.Result r = Rounds.apply(mso, atPrice("2.50", 1_000_000), "events[0]");

        assertThat(r.ratios()).allMatch(ratio -> !ratio.adjusted());
    }

    @Test
    void dynamicErrorsNameTheEventsField() {
        Mso mso = founders(1_000_000).build();
        assertThatThrownBy(() -> Rounds.apply(mso, new RoundEvent("Seed", DATE, ShareClass.common("common"), null, BigDecimal.ONE,
                null, List.of(new RoundEvent.Investment("fund", Money.of(1))), null), "events[1]"))
                .isInstanceOf(ModelException.class).hasMessageContaining("already has a class with that id")
                .extracting("field").isEqualTo("events[1].class.id");
        assertThatThrownBy(() -> Rounds.apply(mso, atPrice("2.00", 1), "events[0]"))
                .isInstanceOf(ModelException.class).hasMessageContaining("buys no whole share")
                .extracting("field").isEqualTo("events[0].investments[0].amount");
        // Post-money SAFEs taking all of the company: the model refuses them at the SAFE, before any round converts them.
        assertThatThrownBy(() -> founders(1_000_000).safe(safe(10_000_000, 10_000_000L, null, Safe.Kind.POST_MONEY)).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("must claim less than 1")
                .extracting("field").isEqualTo("safes[0].amount");
    }
}
