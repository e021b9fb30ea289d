package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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

    /**
     * Against the recap's terms alone, not the records' own identities: the old holders' proceeds add up to the old
     * equity (enterprise value − old net debt − seller costs) to the cent; uses are the enterprise value plus the buyer's
     * costs; each rollover is floor(requested ÷ price) units costing units × price, less than one unit short of what was
     * requested (a fraction of the proceeds rounded to the cent, or an amount); the buyer's equity is what is left after
     * the new debt and the rollovers, and the new table holds exactly the units bought and rolled.
     */
    @Test
    void theOldHoldersShareTheOldEquityToTheCentAndTheNewUnitsFollowFromTheTerms() {
        int[] applied = {0};
        qt().withFixedSeed(20261202L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Venture before = oldTable(r);
            RecapEvent recap = randomRecap(r, true);
            Money ev = recap.enterpriseValue();
            Money oldNetDebt = r.nextInt(3) == 0 ? Money.ofCents((long) (ev.cents() * r.nextDouble())) : Money.ZERO;
            Money sellerCosts = cost(recap.sellerCosts(), ev);
            Money buyerCosts = recap.buyerCosts() == null ? Money.ZERO : cost(recap.buyerCosts(), ev);
            RecapResult result;
            try {
                result = Recaps.DEFAULT.apply(before, oldNetDebt, recap, "events[0]");
            } catch (ModelException refused) {
                // A refused recap (a rollover past the proceeds, sources past uses, debt past the value) must say where.
                assertThat(refused.field()).startsWith("events[0].");
                if (ev.compareTo(oldNetDebt.plus(sellerCosts)) < 0) {
                    assertThat(refused.field()).isEqualTo("events[0].enterpriseValue");
                }
                return;
            }
            applied[0]++;
            Money oldEquity = ev.minus(oldNetDebt).minus(sellerCosts);
            Money proceeds = result.holders().stream().map(HolderProceeds::proceeds).reduce(Money.ZERO, Money::plus);
            assertThat(proceeds).isEqualTo(oldEquity);
            SourcesAndUses su = result.sourcesAndUses();
            assertThat(su.oldEquity()).isEqualTo(oldEquity);
            assertThat(su.totalUses()).isEqualTo(ev.plus(buyerCosts));

            Map<String, Money> rolled = rolledByHolder(recap, result);
            Money rolledTotal = rolled.values().stream().reduce(Money.ZERO, Money::plus);
            for (HolderProceeds h : result.holders()) {
                assertThat(h.rollover()).as(h.holder()).isEqualTo(rolled.getOrDefault(h.holder(), Money.ZERO));
                assertThat(h.cashAtClose().isNegative()).isFalse();
            }
            Money newDebt = recap.newDebt() == null ? Money.ZERO : recap.newDebt().amount();
            Money buyerEquity = ev.plus(buyerCosts).minus(newDebt).minus(rolledTotal);
            assertThat(su.buyerEquity()).isEqualTo(buyerEquity);
            long buyerUnits = buyerEquity.isPositive()
                    ? buyerEquity.amount().divide(recap.buyer().price(), 0, RoundingMode.FLOOR).longValueExact() : 0;
            long rolledUnits = recap.rollover().stream().mapToLong(o -> units(requested(o, result), o.price())).sum();
            Mso after = result.after().mso();
            assertThat(unitsOf(after, "class-a")).isEqualTo(buyerUnits);
            assertThat(unitsOf(after, "class-b")).isEqualTo(rolledUnits);
            assertThat(after.options()).isEmpty();
            assertThat(after.safes()).isEmpty();
        });
        assertThat(applied[0]).isGreaterThan(150);
    }

    /**
     * Each person's realized total at an exit after the recap is their cash at close plus the exit's payout, both computed
     * apart from {@link Realized}: the cash as the one-step sale's payout less the units × price they rolled, the payout
     * by the engine on the new table with the loan's balance; the original cost is what they paid into the old table
     * (the buyer: its equity; a rollover is no cost).
     */
    @Test
    void realizedTotalsAreTheCashAtCloseAndTheExitPayoutComputedApart() {
        int[] applied = {0};
        qt().withFixedSeed(4242L).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Venture before = oldTable(r);
            RecapEvent recap = randomRecap(r, true);
            RecapResult result;
            try {
                result = Recaps.DEFAULT.apply(before, recap, "events[0]");
            } catch (ModelException refused) {
                return;
            }
            applied[0]++;
            WaterfallResult oneStep = WaterfallEngine.DEFAULT.exit(before, new ExitScenario("One-step sale", CLOSE,
                    recap.enterpriseValue(), null, null, ExitScenario.TransactionCosts.ofFixed(cost(recap.sellerCosts(),
                    recap.enterpriseValue())), null, null, null, false)).waterfall();
            Map<String, Money> rolled = rolledByHolder(recap, result);
            LocalDate exitDate = CLOSE.plusDays(1 + r.nextInt(3_000));
            Money exitValue = Money.ofCents(50_000_000L + (long) (r.nextDouble() * 20_000_000_000L));
            ExitScenario exit = new ExitScenario("Second exit", exitDate, exitValue, null, null,
                    ExitScenario.TransactionCosts.ofFraction(BigDecimal.valueOf(r.nextInt(400), 4)), null, null, null, false);
            WaterfallResult second = WaterfallEngine.DEFAULT.exit(result.after(), exit, exitValue, result.netDebtAt(exitDate))
                    .waterfall();

            List<RealizedTotal> realized = DealExit.of(result.ventureAt(exitDate), List.of(result), exit).realized();
            Map<String, Money> expectedCost = new TreeMap<>();
            oneStep.holders().forEach(p -> expectedCost.put(p.id(), p.costBasis()));
            result.buyer().ifPresent(b -> expectedCost.merge(b.holder(), b.amount(), Money::plus));
            second.holders().forEach(p -> expectedCost.putIfAbsent(p.id(), Money.ZERO));
            assertThat(realized).extracting(RealizedTotal::id).containsExactlyElementsOf(expectedCost.keySet());
            for (RealizedTotal t : realized) {
                Money cash = oneStep.holder(t.id()).map(HolderPayout::payout).orElse(Money.ZERO)
                        .minus(rolled.getOrDefault(t.id(), Money.ZERO));
                Money payout = second.holder(t.id()).map(HolderPayout::total).orElse(Money.ZERO);
                assertThat(t.earlier()).as(t.id()).isEqualTo(cash);
                assertThat(t.payout()).as(t.id()).isEqualTo(payout);
                assertThat(t.total()).as(t.id()).isEqualTo(cash.plus(payout));
                assertThat(t.cost()).as(t.id()).isEqualTo(expectedCost.get(t.id()));
            }
        });
        assertThat(applied[0]).isGreaterThan(80);
    }

    private static Money cost(RecapEvent.Cost cost, Money enterpriseValue) {
        return cost.fixed() != null ? cost.fixed()
                : new Money(enterpriseValue.amount().multiply(cost.fraction()).setScale(2, RoundingMode.HALF_UP));
    }

    /** What a rollover line asks for: its amount, or its fraction of the holder's proceeds rounded half up to the cent. */
    private static Money requested(RecapEvent.Rollover o, RecapResult result) {
        if (o.amount() != null) {
            return o.amount();
        }
        Money proceeds = result.proceedsOf(o.holder()).orElseThrow().proceeds();
        return new Money(proceeds.amount().multiply(o.fraction()).setScale(2, RoundingMode.HALF_UP));
    }

    private static long units(Money requested, BigDecimal price) {
        return requested.amount().divide(price, 0, RoundingMode.FLOOR).longValueExact();
    }

    /** Each holder's rollover from the terms: whole units at the price, each line's units × price rounded to the cent. */
    private static Map<String, Money> rolledByHolder(RecapEvent recap, RecapResult result) {
        Map<String, Money> rolled = new TreeMap<>();
        for (RecapEvent.Rollover o : recap.rollover()) {
            Money requested = requested(o, result);
            long units = units(requested, o.price());
            Money amount = new Money(o.price().multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_UP));
            // less than one unit's price is left over, paid in cash at close
            assertThat(requested.minus(amount).amount()).isLessThan(o.price()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            rolled.merge(o.holder(), amount, Money::plus);
        }
        return rolled;
    }

    private static long unitsOf(Mso mso, String classId) {
        return mso.holdings().stream().filter(h -> h.shareClass().equals(classId)).mapToLong(Holding::shares).sum();
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
