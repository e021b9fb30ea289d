package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.HolderCategory;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.RoundEvent;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.money.Money;
import org.msocap.waterfall.ResolvedCapTable;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/** Invariants of a round over random cap tables, SAFEs and terms (PRODUCT.md §8.1–8.2). */
class RoundsPropertyTest {

    private static final long SEED = 14L;

    record Case(Mso mso, RoundEvent round) {
    }

    static Gen<Case> cases() {
        return source -> {
            java.util.function.LongBinaryOperator between = (lo, hi) -> source.next(Constraint.between(lo, hi));
            ShareClass.AntiDilution protection = ShareClass.AntiDilution.values()[(int) between.applyAsLong(0, 3)];
            Mso.Builder b = Mso.builder().shareClass(ShareClass.common("common"))
                    .shareClass(ShareClass.preferred("seed", BigDecimal.valueOf(between.applyAsLong(10, 400), 2), 1)
                            .withAntiDilution(protection))
                    .holding("founder", "common", between.applyAsLong(1_000_000, 10_000_000))
                    .holding("angel", "seed", between.applyAsLong(100_000, 3_000_000))
                    .optionPool(between.applyAsLong(0, 2_000_000));
            for (int i = 0, n = (int) between.applyAsLong(0, 3); i < n; i++) {
                boolean capped = between.applyAsLong(0, 3) > 0;
                boolean discounted = !capped || between.applyAsLong(0, 1) == 1;
                b.safe(new Safe("angel", Money.of(between.applyAsLong(10_000, 500_000)),
                        capped ? Money.of(between.applyAsLong(5_000_000, 40_000_000)) : null,
                        discounted ? BigDecimal.valueOf(between.applyAsLong(0, 30), 2) : null,
                        between.applyAsLong(0, 1) == 1 ? Safe.Kind.POST_MONEY : Safe.Kind.PRE_MONEY, null, null));
            }
            boolean byPreMoney = between.applyAsLong(0, 2) > 0;
            long preMoney = between.applyAsLong(2_000_000, 60_000_000);
            // New money up to the pre-money: with a top-up to at most 25%, q × (1 + new ÷ pre) stays below 1 (solvable).
            RoundEvent round = new RoundEvent("Series A", RoundsTest.DATE, ShareClass.preferred("series-a", BigDecimal.ONE, 2),
                    byPreMoney ? Money.of(preMoney) : null,
                    byPreMoney ? null : BigDecimal.valueOf(between.applyAsLong(5, 500), 2),
                    RoundEvent.PriceBasis.values()[(int) between.applyAsLong(0, 1)],
                    List.of(new RoundEvent.Investment("fund", Money.of(between.applyAsLong(100_000, preMoney)))),
                    between.applyAsLong(0, 1) == 1 ? BigDecimal.valueOf(between.applyAsLong(1, 25), 2) : null);
            return new Case(b.build(), round);
        };
    }

    @Test
    void aRoundNeverChangesThePreMoneyHoldings() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(cases()).checkAssert(c -> {
            Rounds.Result r = Rounds.apply(c.mso(), c.round(), "events[0]");
            assertThat(r.after().holdings().subList(0, c.mso().holdings().size())).isEqualTo(c.mso().holdings());
            assertThat(r.after().optionPool()).isGreaterThanOrEqualTo(c.mso().optionPool());
        });
    }

    @Test
    void aPostMoneySafeAtItsCapOwnsExactlyItsAmountOverTheCapBeforeTheNewMoney() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(cases()).checkAssert(c -> {
            Rounds.Result r = Rounds.apply(c.mso(), c.round(), "events[0]");
            BigFraction capitalization = Rounds.fullyDiluted(c.mso());
            List<Rounds.Issue> conversions = new ArrayList<>();
            for (Rounds.Issue i : r.issued()) {
                if (i.source() != Rounds.Source.INVESTMENT) {
                    capitalization = capitalization.add(i.exactShares());
                    conversions.add(i);
                }
            }
            for (int k = 0; k < c.mso().safes().size(); k++) {
                Safe s = c.mso().safes().get(k);
                BigFraction owned = conversions.get(k).exactShares().divide(capitalization);
                BigFraction amountOverCap = s.cap() == null ? null
                        : new BigFraction(s.amount().amount().toBigInteger()).divide(new BigFraction(s.cap().amount().toBigInteger()));
                BigFraction conversionPrice = new BigFraction(s.amount().amount().toBigInteger()).divide(conversions.get(k).exactShares());
                if (s.kind() == Safe.Kind.POST_MONEY && s.cap() != null
                        && conversionPrice.equals(new BigFraction(s.cap().amount().toBigInteger()).divide(capitalization))) {
                    assertThat(owned).isEqualTo(amountOverCap);
                }
                // whatever price applies, it is the lower of the two, and the whole shares are the exact ones rounded down
                assertThat(conversions.get(k).shares()).isEqualTo(conversions.get(k).exactShares().getNumerator()
                        .divide(conversions.get(k).exactShares().getDenominator()).longValueExact());
                if (s.kind() == Safe.Kind.POST_MONEY && s.cap() != null) {
                    assertThat(owned.compareTo(amountOverCap)).isGreaterThanOrEqualTo(0);
                }
            }
        });
    }

    /**
     * With a cumulative dividend on the round's class, every share the round issues (bought or converted) accrues it from
     * the round's date: at an exit d days later each holding's preference is shares × issue price × (1 + the dividend
     * for d days), computed here from the terms alone; a converted SAFE keeps its own date as {@code acquired}.
     */
    @Test
    void theRoundClassDividendAccruesFromTheRoundOnEveryShareItIssues() {
        Gen<Integer> days = source -> (int) source.next(Constraint.between(1, 3_000));
        Gen<Integer> rateBasisPoints = source -> (int) source.next(Constraint.between(1, 2_000));
        qt().withFixedSeed(SEED).withExamples(200).forAll(cases(), days, rateBasisPoints, days).checkAssert((c, d, bp, safeAge) -> {
            boolean annual = (d + bp) % 2 == 0;
            BigDecimal rate = BigDecimal.valueOf(bp, 4);
            ShareClass.Dividend dividend = new ShareClass.Dividend(rate, true,
                    annual ? ShareClass.Dividend.Compounding.ANNUAL : ShareClass.Dividend.Compounding.SIMPLE);
            RoundEvent r = c.round();
            RoundEvent round = new RoundEvent(r.name(), r.date(), r.shareClass().withDividend(dividend), r.preMoney(),
                    r.pricePerShare(), r.priceBasis(), r.investments(), r.poolTopUp());
            LocalDate paid = r.date().minusDays(safeAge);
            Mso m = c.mso();
            Mso dated = new Mso(m.name(), m.state(), m.form(), m.classes(), m.holdings(), m.optionPool(), m.options(), m.warrants(),
                    m.safes().stream().map(s -> new Safe(s.holder(), s.amount(), s.cap(), s.discount(), s.kind(), paid, s.seniority()))
                            .toList(), m.notes(), m.directors(), m.officers(), m.staff());

            Rounds.Result result = Rounds.apply(dated, round, "events[0]");
            List<Holding> issued = result.after().holdings().subList(m.holdings().size(), result.after().holdings().size());
            assertThat(issued).hasSize(result.issued().size());
            for (int k = 0; k < issued.size(); k++) {
                boolean converted = result.issued().get(k).source() != Rounds.Source.INVESTMENT;
                assertThat(issued.get(k).acquired()).isEqualTo(converted ? paid : r.date());
                assertThat(issued.get(k).dividendStart()).isEqualTo(r.date());
            }
            LocalDate exit = r.date().plusDays(d);
            BigFraction years = new BigFraction(d, 365);
            long whole = d / 365;
            BigFraction accrued = annual
                    ? fraction(BigDecimal.ONE.add(rate).pow((int) whole)).multiply(BigFraction.ONE.add(fraction(rate)
                            .multiply(years.subtract(whole)))).subtract(BigFraction.ONE)
                    : fraction(rate).multiply(years);
            ResolvedCapTable table = ResolvedCapTable.of(result.after(), exit, false,
                    Map.of("founder", HolderCategory.LAY, "angel", HolderCategory.LAY, "fund", HolderCategory.ENTITY));
            int checked = 0;
            for (ResolvedCapTable.Claimant claimant : table.claimants()) {
                if (!claimant.id().startsWith("series-a")) {
                    continue;
                }
                BigFraction issuePrice = fraction(result.after().requireClass(claimant.id()).issuePrice());
                for (ResolvedCapTable.Piece p : claimant.pieces()) {
                    // the round's classes convert one for one, so the share weight is the holding's shares
                    assertThat(p.preferenceWeight()).isEqualTo(p.shareWeight().multiply(issuePrice).multiply(BigFraction.ONE.add(accrued)));
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(issued.size());
        });
    }

    private static BigFraction fraction(BigDecimal d) {
        return new BigFraction(d.unscaledValue(), java.math.BigInteger.TEN.pow(Math.max(0, d.scale())))
                .multiply(new BigFraction(java.math.BigInteger.TEN.pow(Math.max(0, -d.scale()))));
    }

    @Test
    void antiDilutionNeverLowersAConversionRatio() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(cases()).checkAssert(c -> {
            Rounds.Result r = Rounds.apply(c.mso(), c.round(), "events[0]");
            assertThat(r.ratios()).allSatisfy(ratio -> assertThat(ratio.after()).isGreaterThanOrEqualTo(ratio.before()));
            ShareClass seed = c.mso().requireClass("seed");
            boolean below = r.pricePerShare().compareTo(new BigFraction(seed.issuePrice().unscaledValue(),
                    java.math.BigInteger.TEN.pow(seed.issuePrice().scale()))) < 0;
            if (!below || seed.antiDilution() == ShareClass.AntiDilution.NONE) {
                assertThat(r.after().requireClass("seed").conversionRatio()).isEqualTo(seed.conversionRatio());
            }
        });
    }

    @Test
    void thePriceIsThePreMoneyOverItsCountAndThePoolReachesItsFraction() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(cases()).checkAssert(c -> {
            Rounds.Result r = Rounds.apply(c.mso(), c.round(), "events[0]");
            if (c.round().preMoney() != null) {
                assertThat(r.pricePerShare().multiply(r.preMoneyFullyDiluted()))
                        .isEqualTo(new BigFraction(c.round().preMoney().amount().toBigInteger()));
            }
            if (c.round().poolTopUp() != null && r.poolIncrease() > 0) {
                // the post-money count as the round sees it: before anti-dilution adjusts earlier classes
                BigFraction post = Rounds.fullyDiluted(c.mso()).add(r.poolIncrease());
                for (Rounds.Issue i : r.issued()) {
                    post = post.add(i.shares());
                }
                BigFraction pool = new BigFraction(r.after().unissuedPool());
                BigFraction q = new BigFraction(c.round().poolTopUp().unscaledValue(),
                        java.math.BigInteger.TEN.pow(c.round().poolTopUp().scale()));
                assertThat(pool.divide(post).compareTo(q)).isGreaterThanOrEqualTo(0);
                // rounded up: one share fewer would fall short
                assertThat(pool.subtract(1).divide(post.subtract(1)).compareTo(q)).isLessThan(0);
            }
        });
    }
}
