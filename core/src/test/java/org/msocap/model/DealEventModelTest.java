package org.msocap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.money.Money;

/** What the model itself checks of deal events (PRODUCT.md §8), before any event is applied. */
class DealEventModelTest {

    private static RoundEvent round(String name, LocalDate date, String investor) {
        return new RoundEvent(name, date, ShareClass.preferred("series-b", new BigDecimal("1.50"), 2), Money.of(20_000_000),
                null, null, List.of(new RoundEvent.Investment(investor, Money.of(5_000_000))), null);
    }

    private static RecapEvent recap(String name, LocalDate date) {
        return new RecapEvent(name, date, Money.of(60_000_000), null, RecapEvent.Cost.ofFraction(new BigDecimal("0.02")),
                RecapEvent.Cost.ofFixed(Money.of(1_000_000)), new RecapEvent.NewDebt(Money.of(30_000_000), new BigDecimal("0.05"), null),
                List.of(ShareClass.preferred("class-a", BigDecimal.ONE, 1), ShareClass.common("class-b")),
                new RecapEvent.Buyer("harbor-fund", "class-a", BigDecimal.ONE),
                List.of(new RecapEvent.Rollover("dr-bob", new BigDecimal("0.30"), null, "class-b", BigDecimal.ONE)), List.of());
    }

    @Test
    void eventsInDateOrderAfterAsOfAreKept() {
        Venture v = Fixtures.sunrise().event(round("Series B", LocalDate.of(2027, 3, 1), "harbor-fund"))
                .event(recap("Recap", LocalDate.of(2028, 6, 30))).build();

        assertThat(v.events()).extracting(DealEvent::type).containsExactly("round", "recap");
        assertThat(v.toBuilder().build().events()).hasSize(2);
    }

    @Test
    void anEventOnOrBeforeAsOfIsRefusedAtItsDate() {
        assertThatThrownBy(() -> Fixtures.sunrise().event(round("Series B", Fixtures.AS_OF, "harbor-fund")).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("not after asOf")
                .extracting("field").isEqualTo("events[0].date");
    }

    @Test
    void eventsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> Fixtures.sunrise().event(recap("Recap", LocalDate.of(2028, 6, 30)))
                .event(round("Series B", LocalDate.of(2027, 3, 1), "harbor-fund")).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("out of order")
                .extracting("field").isEqualTo("events[1].date");
    }

    @Test
    void eventNamesAreUniqueAndPeopleMustExist() {
        assertThatThrownBy(() -> Fixtures.sunrise().event(round("Series B", LocalDate.of(2027, 3, 1), "harbor-fund"))
                .event(round("series b", LocalDate.of(2027, 4, 1), "harbor-fund")).build())
                .extracting("field").isEqualTo("events[1].name");
        assertThatThrownBy(() -> Fixtures.sunrise().event(round("Series B", LocalDate.of(2027, 3, 1), "harbour-fund")).build())
                .hasMessageContaining("did you mean 'harbor-fund'")
                .extracting("field").isEqualTo("events[0].investments[0].holder");
    }

    @Test
    void aRoundNeedsExactlyOneOfPreMoneyAndPrice() {
        ShareClass a = ShareClass.preferred("series-b", BigDecimal.ONE, 2);
        List<RoundEvent.Investment> money = List.of(new RoundEvent.Investment("harbor-fund", Money.of(1)));
        assertThatThrownBy(() -> new RoundEvent("A", LocalDate.of(2027, 1, 1), a, null, null, null, money, null))
                .extracting("field").isEqualTo("preMoney");
        assertThatThrownBy(() -> new RoundEvent("A", LocalDate.of(2027, 1, 1), a, Money.of(1), BigDecimal.ONE, null, money, null))
                .extracting("field").isEqualTo("pricePerShare");
    }

    @Test
    void aRecapRefersOnlyToItsOwnClasses() {
        assertThatThrownBy(() -> new RecapEvent("R", LocalDate.of(2028, 1, 1), Money.of(1), null, null, null, null,
                List.of(ShareClass.common("class-b")), new RecapEvent.Buyer("harbor-fund", "class-c", null), List.of(), List.of()))
                .hasMessageContaining("unknown class 'class-c'").extracting("field").isEqualTo("buyer.class");
    }

    @Test
    void antiDilutionIsForPreferredClassesOnly() {
        assertThat(ShareClass.preferred("a", BigDecimal.ONE, 1).withAntiDilution(ShareClass.AntiDilution.BROAD_BASED)
                .withConversionRatio(new BigDecimal("1.2")).antiDilution()).isEqualTo(ShareClass.AntiDilution.BROAD_BASED);
        assertThatThrownBy(() -> ShareClass.common("c").withAntiDilution(ShareClass.AntiDilution.FULL_RATCHET))
                .extracting("field").isEqualTo("antiDilution");
        assertThat(ShareClass.common("c").withName("Common Stock").displayName()).isEqualTo("Common Stock");
    }
}
