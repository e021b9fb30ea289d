package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.msocap.io.ModelFile;
import org.msocap.io.VentureReader;
import org.msocap.model.ExitScenario;
import org.msocap.model.Holding;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

/** The venture in force at a date after its events (PRODUCT.md §8), and errors placed at the event's fields. */
class TimelineTest {

    static final String MODEL = """
            msocap: 1
            venture: Telehealth
            asOf: 2026-01-01
            people:
              - {id: founder, name: Founder}
              - {id: angel, name: Angel}
              - {id: fund, name: Fund LP, type: entity}
            mso:
              classes:
                - {id: common, type: common}
              holdings:
                - {holder: founder, class: common, shares: 9000000}
              safes:
                - {holder: angel, amount: 1M, cap: 10M, kind: post-money}
            events:
              - type: round
                name: Series A
                date: 2027-03-01
                class: {id: series-a, type: preferred, seniority: 1}
                preMoney: 20M
                investments: [{holder: fund, amount: 5M}]
            """;

    @Test
    void theCapTableInForceChangesOnTheEventsDate() {
        Timeline t = Timeline.of(VentureReader.read(MODEL, "t.yaml"));

        Venture before = t.at(LocalDate.of(2027, 2, 28));
        assertThat(before).isSameAs(t.venture());
        assertThat(before.mso().safes()).hasSize(1);

        Venture after = t.at(LocalDate.of(2027, 3, 1));
        assertThat(after.events()).isEmpty();
        assertThat(after.mso().safes()).isEmpty();
        assertThat(after.mso().requireClass("series-a").issuePrice()).isEqualByComparingTo("2");
        assertThat(after.mso().holdings()).extracting(h -> h.holder() + ":" + h.shareClass() + ":" + h.shares())
                .containsExactly("founder:common:9000000", "angel:series-a-conv-1:1000000", "fund:series-a:2500000");
        assertThat(t.event("series a")).get().extracting(a -> a.round().pricePerShare().intValue()).isEqualTo(2);
        assertThat(t.changesBy(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(t.changesBy(LocalDate.of(2027, 2, 28))).isFalse();
    }

    static final String RECAP = MODEL + """
              - type: recap
                name: Recap
                date: 2028-06-30
                enterpriseValue: 60M
                newDebt: {amount: 20M, amortization: 0.10}
                classes: [{id: class-a, type: common}]
                buyer: {holder: fund, class: class-a, price: 1}
                rollover:
                  - {holder: founder, fraction: 0.30, class: class-a, price: 1}
            """;

    @Test
    void aRecapAfterARoundPaysThePostRoundTableAndLeavesTheBuyersAndTheRollovers() {
        Timeline t = Timeline.of(VentureReader.read(RECAP, "t.yaml"));

        RecapResult recap = t.event("recap").orElseThrow().recap();
        // The SAFE converted in the round, so the angel is paid as a holder of the round's shadow series.
        assertThat(recap.holders()).extracting(HolderProceeds::holder).containsExactly("angel", "founder", "fund");
        // No old debt and no costs: the old holders share the $60M, which is also every use.
        assertThat(recap.holders().stream().map(HolderProceeds::proceeds).reduce(Money.ZERO, Money::plus))
                .isEqualTo(Money.of(60_000_000));
        assertThat(recap.sourcesAndUses().totalUses()).isEqualTo(Money.of(60_000_000));
        Venture after = t.at(LocalDate.of(2028, 7, 1));
        assertThat(after.events()).isEmpty();
        assertThat(after.mso().holdings()).extracting(h -> h.holder()).containsExactly("fund", "founder");
        assertThat(t.recapsBy(LocalDate.of(2028, 6, 29))).isEmpty();
        assertThat(t.recapsBy(LocalDate.of(2029, 6, 30))).containsExactly(recap);
        assertThat(t.netDebtAt(LocalDate.of(2028, 6, 29))).isEqualTo(org.msocap.money.Money.ZERO);
        assertThat(t.netDebtAt(LocalDate.of(2028, 6, 30).plusDays(365))).isEqualTo(org.msocap.money.Money.of(18_000_000));
    }

    /**
     * A SAFE paid on 2025-01-01 converts in a round on 2027-03-01 whose class carries an 8% simple cumulative dividend.
     * The shares exist from the round, so the dividend runs from there, not from the SAFE's date. By hand, at an equity
     * value of $10M exactly 365 days after the round: the price is $20M ÷ 10,000,000 = $2.00 (the SAFE owns 1M ÷ 10M of
     * the pre-money count), the SAFE's 1,000,000 shares are issued at $1.00 and the fund's 2,500,000 at $2.00. Dividends
     * for one year: fund 2,500,000 × 2.00 × 8% = 400,000; SAFE 1,000,000 × 1.00 × 8% = 80,000 (accruing from 2025-01-01
     * it would be 80,000 × 1,154 ÷ 365 = 252,931.51). Converting would pay the fund 2.5 ÷ 12.5 × 10M = 2M and the SAFE
     * 0.8M, both below their preferences, so both take them, pari passu: fund 5,400,000, angel 1,080,000 and the founder
     * the rest, 3,520,000. The angel's IRR still runs from the money paid: 1M on 2025-01-01 to 1.08M on 2028-02-29.
     */
    @Test
    void aConvertedSafeAccruesTheRoundClassDividendFromTheRoundNotFromTheSafe() {
        String model = MODEL.replace("{holder: angel, amount: 1M, cap: 10M, kind: post-money}",
                        "{holder: angel, amount: 1M, cap: 10M, kind: post-money, acquired: 2025-01-01}")
                .replace("class: {id: series-a, type: preferred, seniority: 1}", "class: {id: series-a, type: preferred, "
                        + "seniority: 1, dividend: {rate: 0.08, cumulative: true, compounding: simple}}");
        Timeline t = Timeline.of(VentureReader.read(model, "t.yaml"));
        LocalDate exitDate = LocalDate.of(2027, 3, 1).plusDays(365);
        Venture inForce = t.at(exitDate);

        Holding converted = inForce.mso().holdings().stream().filter(h -> h.holder().equals("angel")).findFirst().orElseThrow();
        assertThat(converted.acquired()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(converted.dividendFrom()).isEqualTo(LocalDate.of(2027, 3, 1));
        WaterfallResult w = WaterfallEngine.DEFAULT.exit(inForce, ExitScenario.atValue("Sale", exitDate, Money.of(10_000_000)))
                .waterfall();
        assertThat(w.holder("fund").orElseThrow().payout()).isEqualTo(Money.of(5_400_000));
        assertThat(w.holder("angel").orElseThrow().payout()).isEqualTo(Money.of(1_080_000));
        assertThat(w.holder("founder").orElseThrow().payout()).isEqualTo(Money.of(3_520_000));
        assertThat(w.holder("angel").orElseThrow().irr().getAsDouble())
                .isCloseTo(Math.pow(1.08, 365.0 / 1154) - 1, Offset.offset(1e-9));
        // The breakpoint table (simulate's evaluator) resolves the same table: the same cents per class.
        ResolvedCapTable table = ResolvedCapTable.of(inForce, exitDate, false);
        long[] cents = BreakpointTable.resolve(table).classPayoutCents(1_000_000_000L);
        List<String> ids = BreakpointTable.resolve(table).ids();
        assertThat(cents[ids.indexOf("series-a-conv-1")]).isEqualTo(108_000_000L);
        assertThat(cents[ids.indexOf("series-a")]).isEqualTo(540_000_000L);
    }

    @Test
    void aRolloverLargerThanTheProceedsIsLocatedAtTheRolloverInTheFile() {
        ModelFile file = VentureReader.load(RECAP.replace("fraction: 0.30", "amount: 70M"), "t.yaml");

        ModelException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> Timeline.of(file.venture()),
                ModelException.class);
        assertThat(e.field()).isEqualTo("events[1].rollover[0].amount");
        assertThat(file.locate(e).getMessage()).matches("t\\.yaml:30:\\d+: events\\[1\\]\\.rollover\\[0\\]\\.amount: recap 'Recap': "
                + "founder rolls over 70,000,000\\.00 but receives only .*");
    }

    @Test
    void aClassIdTakenIsLocatedAtTheRoundsClass() {
        ModelFile file = VentureReader.load(MODEL.replace("{id: series-a, type: preferred", "{id: common, type: preferred"),
                "t.yaml");

        ModelException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> Timeline.of(file.venture()),
                ModelException.class);
        assertThat(file.locate(e).getMessage()).isEqualTo("t.yaml:19:17: events[0].class.id: round 'Series A' creates class "
                + "'common', but the cap table in force on 2027-03-01 already has a class with that id");
        assertThatThrownBy(() -> Timeline.of(file.venture())).isInstanceOf(ModelException.class);
    }
}
