package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.msocap.model.ExitScenario;
import org.msocap.model.Holding;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.RecapEvent;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.HolderPayout;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

/**
 * Recaps over random old cap tables (common, preferred with and without participation, options, a SAFE) at random
 * enterprise values, costs, debt and rollovers, each drawn from one seed so QuickTheories' fixed seed fixes them.
 */
class RecapsPropertyTest {

    private static final LocalDate CLOSE = LocalDate.of(2029, 3, 31);
    private static final List<String> HOLDERS = List.of("founder-a", "founder-b", "dr-c", "fund-d", "fund-e", "staff-f");

    @Test
    void sourcesEqualUsesAndEachHoldersCashPlusRolloverIsTheirProceeds() {
        int[] applied = {0};
        qt().withFixedSeed(20261202L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Venture before = oldTable(r);
            RecapEvent recap = randomRecap(r, true);
            RecapResult result;
            try {
                result = Recaps.DEFAULT.apply(before, recap, "events[0]");
            } catch (ModelException refused) {
                // A refused recap (a rollover past the proceeds, sources past uses) must say where.
                assertThat(refused.field()).startsWith("events[0].");
                return;
            }
            applied[0]++;
            SourcesAndUses su = result.sourcesAndUses();
            assertThat(su.newDebt().plus(su.buyerEquity()).plus(su.rollover()))
                    .isEqualTo(su.oldEquity().plus(su.oldNetDebt()).plus(su.sellerCosts()).plus(su.buyerCosts()));
            Money rolled = Money.ZERO;
            for (HolderProceeds h : result.holders()) {
                assertThat(h.cashAtClose().plus(h.rollover())).isEqualTo(h.proceeds());
                assertThat(h.cashAtClose().isNegative()).isFalse();
                rolled = rolled.plus(h.rollover());
            }
            assertThat(rolled).isEqualTo(su.rollover());
            Money newUnitsCost = result.rollover().stream().map(NewUnits::amount).reduce(Money.ZERO, Money::plus);
            assertThat(newUnitsCost).isEqualTo(su.rollover());
            assertThat(result.after().mso().options()).isEmpty();
            assertThat(result.after().mso().safes()).isEmpty();
        });
        assertThat(applied[0]).isGreaterThan(150);
    }

    @Test
    void aRecapWithoutRolloverPaysEveryOldHolderWhatTheSameSaleWould() {
        qt().withFixedSeed(777L).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Venture before = oldTable(r);
            RecapEvent recap = randomRecap(r, false);
            RecapResult result = Recaps.DEFAULT.apply(before, recap, "events[0]");
            ExitScenario sale = new ExitScenario("One-step sale", CLOSE, recap.enterpriseValue(), null, null,
                    recap.sellerCosts().fraction() != null ? ExitScenario.TransactionCosts.ofFraction(recap.sellerCosts().fraction())
                            : ExitScenario.TransactionCosts.ofFixed(recap.sellerCosts().fixed()), null, null, null, false);
            WaterfallResult once = WaterfallEngine.DEFAULT.exit(before, sale).waterfall();
            assertThat(result.holders()).hasSize(once.holders().size());
            for (HolderPayout p : once.holders()) {
                HolderProceeds h = result.proceedsOf(p.id()).orElseThrow();
                assertThat(h.proceeds()).as(p.id()).isEqualTo(p.payout());
                assertThat(h.cashAtClose()).as(p.id()).isEqualTo(p.payout());
            }
        });
    }

    static Venture oldTable(Random r) {
        Venture.Builder v = Venture.builder("Random MSO").asOf(LocalDate.of(2026, 1, 1));
        HOLDERS.forEach(id -> v.person(Person.lay(id, id)));
        v.person(Person.entity("buyer", "Buyer Fund LP"));
        Mso.Builder m = Mso.builder().shareClass(ShareClass.common("common"));
        m.holding(new Holding("founder-a", "common", 100_000L * (1 + r.nextInt(50)), LocalDate.of(2020, 1, 1), null));
        if (r.nextBoolean()) {
            m.holding(new Holding("founder-b", "common", 100_000L * (1 + r.nextInt(30)), LocalDate.of(2021, 1, 1),
                    Money.of(1_000 + r.nextInt(100_000))));
        }
        if (r.nextBoolean()) {
            ShareClass.Participation p = ShareClass.Participation.values()[r.nextInt(2)];
            m.shareClass(ShareClass.preferred("series-a", BigDecimal.valueOf(50 + r.nextInt(300), 2), 1).withParticipation(p, null));
            m.holding(new Holding("fund-d", "series-a", 100_000L * (1 + r.nextInt(40)), LocalDate.of(2024, 6, 1), null));
            if (r.nextBoolean()) {
                m.holding(new Holding("dr-c", "series-a", 10_000L * (1 + r.nextInt(40)), LocalDate.of(2024, 6, 1), null));
            }
        }
        if (r.nextBoolean()) {
            long shares = 10_000L * (1 + r.nextInt(100));
            m.optionPool(shares + 10_000L * r.nextInt(50));
            m.option(new OptionGrant("staff-f", shares, BigDecimal.valueOf(5 + r.nextInt(200), 2), LocalDate.of(2025, 1, 1), null, null));
        }
        if (r.nextBoolean()) {
            m.safe(new Safe("fund-e", Money.of(100_000L * (1 + r.nextInt(20))), Money.of(1_000_000L * (5 + r.nextInt(20))),
                    null, r.nextBoolean() ? Safe.Kind.PRE_MONEY : Safe.Kind.POST_MONEY, LocalDate.of(2025, 3, 1), null));
        }
        return v.mso(m.build()).build();
    }

    static RecapEvent randomRecap(Random r, boolean withRollover) {
        Money ev = Money.ofCents(100_000_000L + (long) (r.nextDouble() * 10_000_000_000L)); // $1M to $101M, odd cents
        RecapEvent.Cost seller = r.nextBoolean() ? RecapEvent.Cost.ofFraction(BigDecimal.valueOf(r.nextInt(500), 4))
                : RecapEvent.Cost.ofFixed(Money.ofCents(r.nextInt(50_000_000)));
        RecapEvent.Cost buyerCosts = r.nextBoolean() ? RecapEvent.Cost.ofFraction(BigDecimal.valueOf(r.nextInt(300), 4)) : null;
        RecapEvent.NewDebt debt = r.nextBoolean() ? null : new RecapEvent.NewDebt(
                Money.ofCents(1 + (long) (ev.cents() * r.nextDouble() * 0.7)), BigDecimal.valueOf(r.nextInt(10), 2), null);
        List<RecapEvent.Rollover> rollover = new ArrayList<>();
        if (withRollover) {
            for (String holder : HOLDERS) {
                if (r.nextInt(holder.equals("founder-a") ? 2 : 5) == 0) {
                    BigDecimal price = BigDecimal.valueOf(1 + r.nextInt(1000), 2);
                    rollover.add(r.nextInt(4) != 0
                            ? new RecapEvent.Rollover(holder, BigDecimal.valueOf(1 + r.nextInt(60), 2), null, "class-b", price)
                            : new RecapEvent.Rollover(holder, null, Money.ofCents(1 + r.nextInt(300_000_000)), "class-b", price));
                }
            }
        }
        return new RecapEvent("Recap", CLOSE, ev, null, seller, buyerCosts, debt,
                List.of(ShareClass.preferred("class-a", BigDecimal.ONE, 1), ShareClass.common("class-b")),
                new RecapEvent.Buyer("buyer", "class-a", BigDecimal.valueOf(1 + r.nextInt(500), 2)), rollover, List.of());
    }
}
