package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.ExitScenario;
import org.msocap.model.Financials;
import org.msocap.model.Fixtures;
import org.msocap.model.Holding;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.RecapEvent;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.WaterfallEngine;

class RecapsTest {

    static final LocalDate CLOSE = LocalDate.of(2028, 6, 30);

    /** One owner holding all 1,000,000 common shares of the old company; the buyer holds nothing before. */
    static Venture ownerOperated() {
        return Venture.builder("Owner-operated practice").asOf(LocalDate.of(2026, 1, 1))
                .person(Person.lay("founder", "Founder"))
                .person(Person.entity("pe-fund", "Sponsor Fund LP"))
                .mso(Mso.builder().shareClass(ShareClass.common("common"))
                        .holding(new Holding("founder", "common", 1_000_000, LocalDate.of(2018, 1, 1), Money.of(1_000_000)))
                        .build())
                .build();
    }

    static RecapEvent recap(Money ev, RecapEvent.Cost buyerCosts, RecapEvent.NewDebt debt, RecapEvent.Rollover... rollover) {
        return new RecapEvent("Platform recap", CLOSE, ev, null, null, buyerCosts, debt,
                List.of(ShareClass.common("units")), new RecapEvent.Buyer("pe-fund", "units", BigDecimal.ONE), List.of(rollover),
                List.of());
    }

    static RecapEvent.Rollover amount(String holder, Money amount) {
        return new RecapEvent.Rollover(holder, null, amount, "units", BigDecimal.ONE);
    }

    static RecapEvent.Rollover fraction(String holder, String fraction) {
        return new RecapEvent.Rollover(holder, new BigDecimal(fraction), null, "units", BigDecimal.ONE);
    }

    static long unitsOf(Venture v, String holder) {
        return v.mso().holdings().stream().filter(h -> h.holder().equals(holder)).mapToLong(Holding::shares).sum();
    }

    /**
     * The leveraged buyout: $60M EV funded by $30M senior debt, $16M sponsor equity and a $15M rollover, with $1M
     * of fees; the rollover owns rollover ÷ (rollover + sponsor equity) = 15/31 of the new equity. The rule is the usual
     * LBO sources-and-uses arithmetic (e.g. wallstreetoasis.com, "Lbo sources and uses question": "$125 of total equity,
     * Sponsor cash of $100, seller rollover of $25 (20%)").
     */
    @Test
    void sponsorAndRolloverShareTheNewEquityByWhatEachPutIn() {
        RecapResult r = Recaps.DEFAULT.apply(ownerOperated(), recap(Money.of(60_000_000), RecapEvent.Cost.ofFixed(Money.of(1_000_000)),
                new RecapEvent.NewDebt(Money.of(30_000_000), null, null), amount("founder", Money.of(15_000_000))), "events[0]");

        SourcesAndUses su = r.sourcesAndUses();
        assertThat(su.buyerEquity()).isEqualTo(Money.of(16_000_000));
        assertThat(su.totalSources()).isEqualTo(Money.of(61_000_000)).isEqualTo(su.totalUses());
        assertThat(r.cashAtClose("founder")).isEqualTo(Money.of(45_000_000));
        Venture after = r.after();
        assertThat(new BigFraction(unitsOf(after, "founder"), unitsOf(after, "founder") + unitsOf(after, "pe-fund")))
                .isEqualTo(new BigFraction(15, 31));
        assertThat(after.netDebt()).isEqualTo(Money.ZERO); // no financials: the debt lives in the schedule
        assertThat(r.netDebtAt(CLOSE)).isEqualTo(Money.of(30_000_000));
    }

    /**
     * tgrco.net, "Rolled Equity. Why it is Not Deferred Purchase Price" (McSample Industrial Services): a $12.5M sale
     * funded by $7.5M debt, $3.5M buyer equity and a $1.5M rollover pays the seller $11.0M at close; the rollover is 30% of
     * the $5.0M equity.
     */
    @Test
    void cashAtCloseIsTheProceedsLessTheRollover() {
        RecapResult r = Recaps.DEFAULT.apply(ownerOperated(), recap(Money.of(12_500_000), null,
                new RecapEvent.NewDebt(Money.of(7_500_000), null, null), amount("founder", Money.of(1_500_000))), "events[0]");

        assertThat(r.cashAtClose("founder")).isEqualTo(Money.of(11_000_000));
        assertThat(r.sourcesAndUses().buyerEquity()).isEqualTo(Money.of(3_500_000));
        assertThat(new BigFraction(unitsOf(r.after(), "founder"), 5_000_000L)).isEqualTo(new BigFraction(3, 10));
        assertThat(r.proceedsOf("founder").orElseThrow().rollover()).isEqualTo(Money.of(1_500_000));
    }

    /**
     * breakwaterma.com, "Private Equity Rollovers: How to Sell Your Company Twice": a $15M sale keeping 30% pays $10.5M in
     * cash; when the company doubles to $30M the 30% pays $9M, $19.5M in all.
     */
    @Test
    void anUnleveredSaleKeepingThirtyPercentThatDoublesPaysNineteenAndAHalfMillion() {
        RecapResult r = Recaps.DEFAULT.apply(ownerOperated(), recap(Money.of(15_000_000), null, null,
                fraction("founder", "0.30")), "events[0]");
        assertThat(r.cashAtClose("founder")).isEqualTo(Money.of(10_500_000));

        Venture later = r.ventureAt(LocalDate.of(2032, 6, 30));
        Money secondBite = WaterfallEngine.DEFAULT.exit(later, ExitScenario.atValue("Sale to a larger sponsor",
                LocalDate.of(2032, 6, 30), Money.of(30_000_000))).waterfall().holder("founder").orElseThrow().payout();
        assertThat(secondBite).isEqualTo(Money.of(9_000_000));
        assertThat(r.cashAtClose("founder").plus(secondBite)).isEqualTo(Money.of(19_500_000));
    }

    @Test
    void optionsAndConvertiblesOfTheOldTableSettleAtCloseAndDoNotCarryOver() {
        Venture before = Fixtures.sunrise().build();
        RecapEvent r = new RecapEvent("Recap", CLOSE, Money.of(40_000_000), null, RecapEvent.Cost.ofFraction(new BigDecimal("0.02")),
                null, null, List.of(ShareClass.preferred("class-a", BigDecimal.ONE, 1), ShareClass.common("class-b")),
                new RecapEvent.Buyer("harbor-fund", "class-a", null),
                List.of(new RecapEvent.Rollover("dr-bob", new BigDecimal("0.30"), null, "class-b", BigDecimal.ONE)), List.of());
        RecapResult result = Recaps.DEFAULT.apply(before, r, "events[0]");

        assertThat(result.sourcesAndUses().sellerCosts()).isEqualTo(Money.of(800_000));
        assertThat(result.proceedsOf("carol").orElseThrow().cashAtClose().isPositive()).isTrue(); // her options were exercised at close
        Mso mso = result.after().mso();
        assertThat(mso.options()).isEmpty();
        assertThat(mso.optionPool()).isZero();
        assertThat(mso.holdings()).extracting(Holding::holder).containsExactly("harbor-fund", "dr-bob");
        Money proceeds = result.holders().stream().map(HolderProceeds::proceeds).reduce(Money.ZERO, Money::plus);
        assertThat(proceeds).isEqualTo(Money.of(39_200_000));
    }

    @Test
    void aProfitsInterestGrantWithoutTermsSharesAboveTheNewEquityValue() {
        Venture before = ownerOperated().toBuilder().person(Person.lay("ceo", "New CEO")).build();
        RecapEvent r = new RecapEvent("Recap", CLOSE, Money.of(20_000_000), null, null, null, null,
                List.of(ShareClass.common("units"), ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE)),
                new RecapEvent.Buyer("pe-fund", "units", BigDecimal.ONE), List.of(fraction("founder", "0.25")),
                List.of(Holding.of("ceo", "incentive", 100_000)));
        RecapResult result = Recaps.DEFAULT.apply(before, r, "events[0]");

        Holding grant = result.after().mso().holdings().get(2);
        assertThat(grant.hurdle()).isEqualTo(Money.of(20_000_000));
        assertThat(grant.acquired()).isEqualTo(CLOSE);
        Money atHurdle = WaterfallEngine.DEFAULT.exit(result.after(), ExitScenario.atValue("Flat", CLOSE.plusYears(3),
                Money.of(20_000_000))).waterfall().holder("ceo").orElseThrow().payout();
        assertThat(atHurdle).isEqualTo(Money.ZERO);
    }

    /**
     * A grant at close dated two years before it (its cost and IRR keep that date) holds a class that exists only from the
     * close, so the class's 8% simple cumulative dividend accrues from the close: a year later 1,000,000 × $1 × 8% =
     * 80,000, and a $5M sale pays the preferred 1,080,000 (converting, 1 ÷ 11 of 5M, would be less). From the grant's own
     * date it would have been three years of dividend, 1,240,000.
     */
    @Test
    void aGrantDatedBeforeTheCloseAccruesItsClassDividendFromTheClose() {
        Venture before = ownerOperated().toBuilder().person(Person.lay("ceo", "New CEO")).build();
        ShareClass preferred = ShareClass.preferred("class-a", BigDecimal.ONE, 1)
                .withDividend(new ShareClass.Dividend(new BigDecimal("0.08"), true, ShareClass.Dividend.Compounding.SIMPLE));
        RecapEvent r = new RecapEvent("Recap", CLOSE, Money.of(10_000_000), null, null, null, null,
                List.of(preferred, ShareClass.common("units")), new RecapEvent.Buyer("pe-fund", "units", BigDecimal.ONE), List.of(),
                List.of(new Holding("ceo", "class-a", 1_000_000, CLOSE.minusYears(2), Money.of(1_000_000))));
        RecapResult result = Recaps.DEFAULT.apply(before, r, "events[0]");

        Holding grant = result.after().mso().holdings().get(1);
        assertThat(grant.acquired()).isEqualTo(CLOSE.minusYears(2));
        assertThat(grant.dividendStart()).isEqualTo(CLOSE);
        LocalDate exitDate = CLOSE.plusDays(365);
        Money payout = WaterfallEngine.DEFAULT.exit(result.after(), ExitScenario.atValue("Sale", exitDate, Money.of(5_000_000)))
                .waterfall().holder("ceo").orElseThrow().payout();
        assertThat(payout).isEqualTo(Money.of(1_080_000));
    }

    /** A corporation recapitalised into the sponsor's LLC holding company is an LLC from the close; without a form, as it was. */
    @Test
    void aRecapIntoAnotherFormChangesTheCompanysForm() {
        Venture corporation = ownerOperated().toBuilder().mso(ownerOperated().mso().toBuilder().form(Mso.Form.C_CORP).build()).build();
        RecapEvent same = recap(Money.of(10_000_000), null, null);
        RecapEvent intoLlc = new RecapEvent(same.name(), same.date(), same.enterpriseValue(), null, null, null, null, same.classes(),
                same.buyer(), same.rollover(), same.grants(), Mso.Form.LLC);

        assertThat(Recaps.DEFAULT.apply(corporation, same, "events[0]").after().mso().form()).isEqualTo(Mso.Form.C_CORP);
        assertThat(Recaps.DEFAULT.apply(corporation, intoLlc, "events[0]").after().mso().form()).isEqualTo(Mso.Form.LLC);
    }

    @Test
    void aFractionalUnitIsPaidInCash() {
        RecapEvent r = new RecapEvent("Recap", CLOSE, Money.of(10_000_000), null, null, null, null, List.of(ShareClass.common("units")),
                new RecapEvent.Buyer("pe-fund", "units", new BigDecimal("3")),
                List.of(new RecapEvent.Rollover("founder", null, Money.of(1_000_000), "units", new BigDecimal("3"))), List.of());
        RecapResult result = Recaps.DEFAULT.apply(ownerOperated(), r, "events[0]");

        NewUnits rolled = result.rollover().get(0);
        assertThat(rolled.units()).isEqualTo(333_333);
        assertThat(rolled.amount()).isEqualTo(Money.of(999_999));
        assertThat(result.cashAtClose("founder")).isEqualTo(Money.of(9_000_001));
        // The buyer funds the rest of the $10M: 10,000,000 − 999,999 = 9,000,001, buying 3,000,000 units at $3 (the odd
        // dollar buys no unit).
        assertThat(result.sourcesAndUses().buyerEquity()).isEqualTo(Money.of(9_000_001));
        assertThat(result.buyer().orElseThrow().units()).isEqualTo(3_000_000);
    }

    @Test
    void theNewDebtAmortizesStraightLineOrCompoundsAnnually() {
        DebtSchedule amortizing = new DebtSchedule(CLOSE, Money.of(30_000_000), new BigDecimal("0.05"), null, "events[0].newDebt");
        assertThat(amortizing.at(CLOSE.plusDays(365))).isEqualTo(Money.of(28_500_000));
        // 912 days: 30M × (1 − 0.05 × 912/365) = 26,252,054.794… → .79
        assertThat(amortizing.at(CLOSE.plusDays(912))).isEqualTo(Money.of("26252054.79"));
        assertThat(amortizing.at(CLOSE.plusYears(30))).isEqualTo(Money.ZERO);
        DebtSchedule pik = new DebtSchedule(CLOSE, Money.of(10_000_000), null, new BigDecimal("0.10"), "events[0].newDebt");
        assertThat(pik.at(CLOSE.plusDays(730))).isEqualTo(Money.of(12_100_000));
        assertThat(pik.at(CLOSE.plusDays(730 + 73))).isEqualTo(Money.of(12_342_000)); // 12.1M × (1 + 0.10 × 0.2)
        assertThat(pik.at(CLOSE.minusDays(1))).isEqualTo(Money.of(10_000_000));
    }

    @Test
    void theVentureInForceCarriesTheScheduledNetDebtInItsFinancials() {
        Venture before = Fixtures.sunrise().financials(new Financials(LocalDate.of(2026, 1, 1), 5, java.util.Map.of("sunrise-ca",
                new Financials.PracticeFinancials(Money.of(4_000_000), null, null, null, null)),
                new Financials.MsoFinancials(Money.of(100_000), null, Money.of(2_000_000)))).build();
        RecapEvent r = new RecapEvent("Recap", CLOSE, Money.of(40_000_000), null, null, null,
                new RecapEvent.NewDebt(Money.of(20_000_000), new BigDecimal("0.10"), null), List.of(ShareClass.common("units")),
                new RecapEvent.Buyer("harbor-fund", "units", BigDecimal.ONE), List.of(), List.of());
        RecapResult result = Recaps.DEFAULT.apply(before, r, "events[0]");

        assertThat(result.sourcesAndUses().oldNetDebt()).isEqualTo(Money.of(2_000_000));
        assertThat(result.sourcesAndUses().oldEquity()).isEqualTo(Money.of(38_000_000));
        assertThat(result.after().netDebt()).isEqualTo(Money.of(20_000_000));
        assertThat(result.ventureAt(CLOSE.plusDays(365 * 2)).netDebt()).isEqualTo(Money.of(16_000_000));
    }

    // ---- mistakes only the applied event can show ------------------------------------------------

    @Test
    void aRolloverLargerThanTheProceedsIsRefusedAtItsAmount() {
        assertThatThrownBy(() -> Recaps.DEFAULT.apply(ownerOperated(), recap(Money.of(10_000_000), null, null,
                amount("founder", Money.of(6_000_000)), amount("founder", Money.of(5_000_000))), "events[2]"))
                .isInstanceOf(ModelException.class).hasMessageContaining("rolls over 11,000,000.00 but receives only 10,000,000.00")
                .extracting("field").isEqualTo("events[2].rollover[1].amount");
    }

    @Test
    void aRolloverBySomeoneWhoReceivesNothingIsRefused() {
        assertThatThrownBy(() -> Recaps.DEFAULT.apply(ownerOperated(), recap(Money.of(10_000_000), null, null,
                fraction("pe-fund", "0.5")), "events[0]"))
                .hasMessageContaining("pe-fund rolls over part of their proceeds but receives nothing")
                .extracting("field").isEqualTo("events[0].rollover[0].holder");
    }

    @Test
    void anEnterpriseValueBelowTheOldDebtIsRefused() {
        // Old equity would be floored at zero while uses repaid all 11M of debt: the buyer would fund more than the EV.
        assertThatThrownBy(() -> Recaps.DEFAULT.apply(ownerOperated(), Money.of(11_000_000), recap(Money.of(10_000_000), null, null),
                "events[0]"))
                .hasMessageContaining("does not cover the old net debt 11,000,000.00")
                .extracting("field").isEqualTo("events[0].enterpriseValue");
    }

    @Test
    void sourcesExceedingUsesAreRefused() {
        assertThatThrownBy(() -> Recaps.DEFAULT.apply(ownerOperated(), recap(Money.of(10_000_000), null,
                new RecapEvent.NewDebt(Money.of(9_000_000), null, null), amount("founder", Money.of(2_000_000))), "events[0]"))
                .hasMessageContaining("sources exceed uses by 1,000,000.00")
                .extracting("field").isEqualTo("events[0].newDebt.amount");
    }

    @Test
    void aDebtScheduleThatCompoundsPastTheLimitDoesNotResolve() {
        RecapResult r = Recaps.DEFAULT.apply(ownerOperated(), recap(Money.of(900_000_000_000L), null,
                new RecapEvent.NewDebt(Money.of(500_000_000_000L), null, new BigDecimal("0.5")), fraction("founder", "0.1")), "events[0]");
        assertThatThrownBy(() -> r.netDebtAt(CLOSE.plusYears(3)))
                .hasMessageContaining("compounds past 1 trillion").extracting("field").isEqualTo("events[0].newDebt.pikRate");
    }

    @Test
    void aMultipleWithoutFinancialsIsRefusedAtTheMultiple() {
        RecapEvent r = new RecapEvent("Recap", CLOSE, null, BigDecimal.TEN, null, null, null, List.of(ShareClass.common("units")),
                new RecapEvent.Buyer("pe-fund", "units", BigDecimal.ONE), List.of(), List.of());
        assertThatThrownBy(() -> Recaps.DEFAULT.apply(ownerOperated(), r, "events[1]"))
                .extracting("field").isEqualTo("events[1].ebitdaMultiple");
    }

    @Test
    void aClassWithoutAPriceNeedsOneGiven() {
        RecapEvent r = new RecapEvent("Recap", CLOSE, Money.of(1_000_000), null, null, null, null, List.of(ShareClass.common("units")),
                new RecapEvent.Buyer("pe-fund", "units", null), List.of(), List.of());
        assertThatThrownBy(() -> Recaps.DEFAULT.apply(ownerOperated(), r, "events[0]"))
                .hasMessageContaining("has no issuePrice").extracting("field").isEqualTo("events[0].buyer.price");
    }
}
