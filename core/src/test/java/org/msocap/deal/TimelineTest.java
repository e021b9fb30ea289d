package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.io.ModelFile;
import org.msocap.io.VentureReader;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;

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

    @Test
    void aRecapIsRefusedAtTheEventUntilRecapsAreApplied() {
        String recap = MODEL + """
                  - type: recap
                    name: Recap
                    date: 2028-06-30
                    enterpriseValue: 60M
                    classes: [{id: class-a, type: common}]
                    buyer: {holder: fund, class: class-a}
                """;
        ModelFile file = VentureReader.load(recap, "t.yaml");

        ModelException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> Timeline.of(file.venture()),
                ModelException.class);
        assertThat(e.field()).isEqualTo("events[1]");
        assertThat(file.locate(e).getMessage()).startsWith("t.yaml:22:5: events[1]: recap 'Recap' is not applied in this build");
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
