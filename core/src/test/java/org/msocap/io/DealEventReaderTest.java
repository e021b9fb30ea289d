package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.RecapEvent;
import org.msocap.model.RoundEvent;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/** Reading and writing {@code events:} (PRODUCT.md §8) and a class's name and anti-dilution. */
class DealEventReaderTest {

    /** The base model of {@link VentureReaderTest} (24 lines) with a seed preferred class and two events. */
    static final String EVENTS = VentureReaderTest.BASE.replace("    - {id: common, type: common}\n",
            "    - {id: common, type: common}\n"
                    + "    - {id: seed, type: preferred, issuePrice: 1, name: Seed Preferred, antiDilution: broad-based}\n")
            + """
            events:
              - type: round
                name: Series A
                date: 2027-03-01
                class: {id: series-a, type: preferred, seniority: 2, antiDilution: full-ratchet}
                preMoney: 20M
                priceBasis: without-conversions
                investments: [{holder: fund, amount: 5M}, {holder: alice, amount: 500k}]
                poolTopUp: 0.10
              - type: recap
                name: Platform recapitalisation
                date: 2028-06-30
                enterpriseValue: 60M
                sellerCosts: 0.02
                buyerCosts: {fixed: 1M}
                newDebt: {amount: 30M, amortization: 0.05}
                classes:
                  - {id: class-a, type: preferred, issuePrice: 1, seniority: 1}
                  - {id: class-b, type: common}
                buyer: {holder: fund, class: class-a, price: 1}
                rollover:
                  - {holder: dr-bob, fraction: 0.30, class: class-b, price: 1}
                  - {holder: alice, amount: 1.5M, class: class-b}
                grants:
                  - {holder: alice, class: class-b, shares: 1000}
                form: llc
            """;

    private static String message(String yaml) {
        try {
            VentureReader.read(yaml, "deal.yaml");
        } catch (InvalidModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an InvalidModelException for:\n" + yaml);
    }

    @Test
    void readsRoundsAndRecapsWithEveryField() {
        Venture v = VentureReader.read(EVENTS, "deal.yaml");

        ShareClass seed = v.mso().requireClass("seed");
        assertThat(seed.displayName()).isEqualTo("Seed Preferred");
        assertThat(seed.antiDilution()).isEqualTo(ShareClass.AntiDilution.BROAD_BASED);
        assertThat(v.events()).hasSize(2);
        RoundEvent round = (RoundEvent) v.events().get(0);
        assertThat(round.name()).isEqualTo("Series A");
        assertThat(round.date()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(round.shareClass().antiDilution()).isEqualTo(ShareClass.AntiDilution.FULL_RATCHET);
        assertThat(round.preMoney()).isEqualTo(Money.of(20_000_000));
        assertThat(round.priceBasis()).isEqualTo(RoundEvent.PriceBasis.WITHOUT_CONVERSIONS);
        assertThat(round.totalInvestment()).isEqualTo(Money.of(5_500_000));
        assertThat(round.poolTopUp()).isEqualByComparingTo("0.10");
        RecapEvent recap = (RecapEvent) v.events().get(1);
        assertThat(recap.sellerCosts().fraction()).isEqualByComparingTo("0.02");
        assertThat(recap.buyerCosts().fixed()).isEqualTo(Money.of(1_000_000));
        assertThat(recap.newDebt().amortization()).isEqualByComparingTo("0.05");
        assertThat(recap.buyer().classId()).isEqualTo("class-a");
        assertThat(recap.rollover()).extracting(RecapEvent.Rollover::holder).containsExactly("dr-bob", "alice");
        assertThat(recap.rollover().get(1).amount()).isEqualTo(Money.of(1_500_000));
        assertThat(recap.grants()).hasSize(1);
        assertThat(recap.form()).isEqualTo(org.msocap.model.Mso.Form.LLC);
    }

    /** A recap into a holding company of another legal form names it; a form that is not one is refused at its field. */
    @Test
    void aRecapsFormIsOneOfTheMsoForms() {
        assertThat(message(EVENTS.replace("    form: llc\n", "    form: partnership\n")))
                .isEqualTo("deal.yaml:53:11: events[1].form: unknown value 'partnership'; allowed values are llc, c-corp, s-corp");
        RecapEvent unchanged = (RecapEvent) VentureReader.read(EVENTS.replace("    form: llc\n", ""), "deal.yaml").events().get(1);
        assertThat(unchanged.form()).as("not given: the company keeps its form").isNull();
    }

    @Test
    void writesEventsBackExactlyAndWithinTheSchema() {
        Venture v = VentureReader.read(EVENTS, "deal.yaml");

        assertThat(VentureReader.read(VentureWriter.toYaml(v), "out.yaml")).isEqualTo(v);
        assertThat(VentureReader.read(VentureWriter.toJson(v), "out.json")).isEqualTo(v);
        assertThat(SchemaTest.validate(EVENTS, "deal.yaml")).isEmpty();
        assertThat(SchemaTest.validate(VentureWriter.toJson(v), "out.json")).isEmpty();
    }

    @Test
    void aRoundNeedsExactlyOneOfPreMoneyAndPrice() {
        assertThat(message(EVENTS.replace("    preMoney: 20M\n", "")))
                .isEqualTo("deal.yaml:29:5: events[0].preMoney: round 'Series A' needs exactly one of preMoney and pricePerShare");
        assertThat(message(EVENTS.replace("    preMoney: 20M\n", "    preMoney: 20M\n    pricePerShare: 1.25\n")))
                .startsWith("deal.yaml:34:20: events[0].pricePerShare: round 'Series A' needs exactly one");
    }

    @Test
    void amountsAndPricesKeepTheirRanges() {
        assertThat(message(EVENTS.replace("{holder: fund, amount: 5M}", "{holder: fund, amount: 5000B}")))
                .startsWith("deal.yaml:35:42: events[0].investments[0].amount: amount out of range");
        assertThat(message(EVENTS.replace("    preMoney: 20M\n", "    pricePerShare: 2000000\n")))
                .startsWith("deal.yaml:33:20: events[0].pricePerShare: price out of range");
        assertThat(message(EVENTS.replace("poolTopUp: 0.10", "poolTopUp: 1.5")))
                .startsWith("deal.yaml:36:16: events[0].poolTopUp: poolTopUp is a fraction and must be <= 1");
    }

    @Test
    void errorsInsideAnEventNameTheEventsField() {
        assertThat(message(EVENTS.replace("- type: recap", "- type: recapitalisation")))
                .isEqualTo("deal.yaml:37:11: events[1].type: unknown value 'recapitalisation'; allowed values are round, recap");
        assertThat(message(EVENTS.replace("buyer: {holder: fund, class: class-a", "buyer: {holder: fund, class: class-c")))
                .startsWith("deal.yaml:47:34: events[1].buyer.class: unknown class 'class-c'");
        assertThat(message(EVENTS.replace("{holder: dr-bob, fraction: 0.30,", "{holder: dr-bobby, fraction: 0.30,")))
                .startsWith("deal.yaml:49:18: events[1].rollover[0].holder: unknown person 'dr-bobby' (did you mean 'dr-bob'?)");
        assertThat(message(EVENTS.replace("investments: [{holder: fund, amount: 5M}, ", "investments: [{holder: fund, amout: 5M}, ")))
                .startsWith("deal.yaml:35:34: events[0].investments[0].amout: unknown field 'amout' (did you mean 'amount'?)");
        assertThat(message(EVENTS.replace("antiDilution: full-ratchet}", "antiDilution: ratchet}")))
                .startsWith("deal.yaml:32:72: events[0].class.antiDilution: unknown value 'ratchet'");
    }

    @Test
    void aRoundsClassTakesTheRoundsPrice() {
        assertThat(message(EVENTS.replace("{id: series-a, type: preferred,", "{id: series-a, type: preferred, issuePrice: 2,")))
                .isEqualTo("deal.yaml:32:56: events[0].class.issuePrice: a round's class is issued at the round's price: leave "
                        + "out issuePrice (give the round's pricePerShare to set the price)");
        assertThat(((RoundEvent) VentureReader.read(EVENTS, "deal.yaml").events().get(0)).shareClass().issuePrice())
                .isEqualByComparingTo("0");
    }

    @Test
    void anEventBeforeAsOfOrOutOfOrderIsLocatedAtItsDate() {
        assertThat(message(EVENTS.replace("date: 2027-03-01", "date: 2025-03-01")))
                .startsWith("deal.yaml:31:11: events[0].date: event 'Series A' is dated 2025-03-01, not after asOf");
        assertThat(message(EVENTS.replace("date: 2028-06-30", "date: 2027-01-01")))
                .startsWith("deal.yaml:39:11: events[1].date: event 'Platform recapitalisation' (2027-01-01) is out of order");
    }

    @Test
    void antiDilutionIsForPreferredClassesOnly() {
        assertThat(message(VentureReaderTest.BASE.replace("{id: common, type: common}",
                "{id: common, type: common, antiDilution: broad-based}")))
                .startsWith("deal.yaml:17:48: mso.classes[0].antiDilution: antiDilution applies only to preferred");
        assertThatThrownBy(() -> VentureReader.read(EVENTS.replace("name: Seed Preferred", "name: ''"), "deal.yaml"))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("mso.classes[1].name");
    }
}
