package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msocap.waterfall.CapTables.preferred;
import static org.msocap.waterfall.CapTables.resolve;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.ShareClass.Participation;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Money;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.msocap.waterfall.ResolvedCapTable.Kind;

class ResolvedCapTableTest {

    private static Claimant claimant(ResolvedCapTable t, String id) {
        return t.claimants().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void postMoneySafeOwnsItsShareOfACapitalizationThatIncludesEveryConvertingSecurity() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", 9_000_000)
                .safe(new Safe("post", Money.parse("1M"), Money.parse("10M"), null, Safe.Kind.POST_MONEY, null, null))
                .safe(new Safe("pre", Money.parse("500k"), Money.parse("9M"), null, Safe.Kind.PRE_MONEY, null, null))
                .build();
        ResolvedCapTable t = resolve(mso);
        // Pre-money: 500k ÷ 9M of the 9M base = 500,000 shares. Post-money: C = (9M + 0.5M) ÷ (1 − 0.1); owns 10% of C.
        BigFraction capitalization = new BigFraction(9_500_000).divide(new BigFraction(9, 10));
        assertThat(claimant(t, "safe:pre").shares()).isEqualTo(new BigFraction(500_000));
        assertThat(claimant(t, "safe:post").shares()).isEqualTo(capitalization.divide(10));
        BigFraction total = t.claimants().stream().map(Claimant::shares).reduce(BigFraction.ZERO, BigFraction::add);
        assertThat(total).isEqualTo(capitalization);
    }

    @Test
    void postMoneySafesClaimingTheWholeCompanyAreRejected() {
        // Refused by the model itself, so that validate refuses it and no exit finds it first.
        Mso.Builder mso = Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", 1_000)
                .safe(new Safe("greedy", Money.parse("10M"), Money.parse("10M"), null, Safe.Kind.POST_MONEY, null, null));
        assertThatThrownBy(mso::build).isInstanceOf(ModelException.class).hasMessageContaining("must claim less than 1")
                .extracting("field").isEqualTo("safes[0].amount");
    }

    @Test
    void simpleDividendsAccrueFromEachHoldingsOwnDate() {
        ShareClass a = preferred("series-a", "2", 1, "1", Participation.NONE, null)
                .withDividend(new ShareClass.Dividend(new BigDecimal("0.08"), true, ShareClass.Dividend.Compounding.SIMPLE));
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).shareClass(a)
                .holding("founder", "common", 1_000_000)
                .holding(CapTables.holding("early", "series-a", 100_000, LocalDate.of(2029, 1, 1)))   // 365 days
                .holding(CapTables.holding("late", "series-a", 100_000, null))                         // unknown: none
                .build();
        Claimant c = claimant(resolve(mso), "series-a");
        // 2 × 200,000 + 8% of 200,000 for one year on the early holding only.
        assertThat(c.preference()).isEqualTo(new BigFraction(416_000));
        assertThat(c.pieces()).extracting(ResolvedCapTable.Piece::preferenceWeight)
                .containsExactly(new BigFraction(216_000), new BigFraction(200_000));
    }

    @Test
    void optionsGroupByStrikeUnvestedLapseAndExpiredWarrantsDrop() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", 1_000_000)
                .optionPool(300_000)
                .option(OptionGrant.of("a", 100_000, new BigDecimal("0.50"), null))
                .option(OptionGrant.of("b", 100_000, new BigDecimal("0.5"), null))
                .option(new OptionGrant("c", 100_000, new BigDecimal("1"), LocalDate.of(2029, 6, 1),
                        new Vesting(LocalDate.of(2029, 6, 1), 48, 12), OptionGrant.Acceleration.DOUBLE))
                .warrant(new Warrant("w", "common", 10_000, BigDecimal.ONE, LocalDate.of(2029, 1, 1)))
                .build();
        ResolvedCapTable t = resolve(mso);
        assertThat(t.claimants()).extracting(Claimant::id).containsExactly("common", "options@0.5");
        assertThat(claimant(t, "options@0.5").shares()).isEqualTo(new BigFraction(200_000));
        assertThat(claimant(t, "options@0.5").kind()).isEqualTo(Kind.OPTIONS);
        // c is 7 months into a 12-month cliff: lapses, unless the sale fires its double trigger.
        ResolvedCapTable fired = ResolvedCapTable.of(CapTables.venture(mso), CapTables.EXIT, true);
        assertThat(fired.claimants()).extracting(Claimant::id).containsExactly("common", "options@0.5", "options@1");
        assertThat(claimant(fired, "options@1").shares()).isEqualTo(new BigFraction(100_000));
    }

    @Test
    void cappedClassHeadroomIsTheCapLessThePreference() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "2", Participation.CAPPED, "3"))
                .holding("founder", "common", 10_000_000).holding("fund", "series-a", 5_000_000).build();
        Claimant c = claimant(resolve(mso), "series-a");
        assertThat(c.preference()).isEqualTo(new BigFraction(10_000_000));
        assertThat(c.headroom()).isEqualTo(new BigFraction(5_000_000));
        assertThat(c.convertible()).isTrue();
        // Converting beats the capped total above $3 a common share.
        assertThat(c.threshold()).isEqualTo(new BigFraction(3));
    }
}
