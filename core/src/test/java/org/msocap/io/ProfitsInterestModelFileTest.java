package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.OptionGrant;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/** LLC units and profits interests in model files (PRODUCT.md §7): reading, writing back, and one message per mistake. */
class ProfitsInterestModelFileTest {

    /** Line numbers in assertions count from here. */
    static final String LLC = """
            msocap: 1
            venture: Harbor Derm
            asOf: 2026-01-01
            people:
              - {id: fund, name: Fund LP, type: entity}
              - {id: founder, name: Founder}
              - {id: ceo, name: CEO}
              - {id: cfo, name: CFO}
            mso:
              form: llc
              classes:
                - {id: class-a, type: preferred, issuePrice: 1000, dividend: {rate: 0.08, cumulative: true, compounding: annual}}
                - {id: common-units, type: common}
                - {id: incentive, type: profits-interest, catchUp: full}
              holdings:
                - {holder: fund, class: class-a, shares: 1000, acquired: 2026-01-01}
                - {holder: founder, class: common-units, shares: 9000}
                - {holder: ceo, class: incentive, shares: 500, threshold: 12.50, acquired: 2026-01-01, vesting: {start: 2026-01-01, months: 48, cliffMonths: 12}, acceleration: single}
                - {holder: cfo, class: incentive, shares: 200, hurdle: 40M, acquired: 2027-01-01}
            """;

    private static String message(String content) {
        try {
            VentureReader.read(content, "llc.yaml");
        } catch (InvalidModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an InvalidModelException for:\n" + content);
    }

    @Test
    void readsClassesAndHoldingsOfProfitsInterests() {
        Venture v = VentureReader.read(LLC, "llc.yaml");
        ShareClass incentive = v.mso().requireClass("incentive");
        assertThat(incentive.type()).isEqualTo(ShareClass.Type.PROFITS_INTEREST);
        assertThat(incentive.catchUp()).isEqualTo(ShareClass.CatchUp.FULL);
        Holding ceo = v.mso().holdings().get(2);
        assertThat(ceo.threshold()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(ceo.vesting().months()).isEqualTo(48);
        assertThat(ceo.acceleration()).isEqualTo(OptionGrant.Acceleration.SINGLE);
        assertThat(v.mso().holdings().get(3).hurdle()).isEqualTo(Money.of(40_000_000));
    }

    @Test
    void writesThemBackIdentically() {
        Venture v = VentureReader.read(LLC, "llc.yaml");
        assertThat(VentureReader.read(VentureWriter.toYaml(v), "again.yaml")).isEqualTo(v);
    }

    @Test
    void aNegativeThresholdOrHurdleIsRejected() {
        assertThat(message(LLC.replace("threshold: 12.50", "threshold: -1")))
                .isEqualTo("llc.yaml:18:63: mso.holdings[2].threshold: threshold must be >= 0 but was -1");
        assertThat(message(LLC.replace("hurdle: 40M", "hurdle: -5")))
                .isEqualTo("llc.yaml:19:60: mso.holdings[3].hurdle: hurdle must be >= 0 but was -5.00");
    }

    @Test
    void aProfitsInterestHoldingNeedsAThresholdOrAHurdle() {
        assertThat(message(LLC.replace(" hurdle: 40M,", "")))
                .isEqualTo("llc.yaml:19:7: mso.holdings[3].threshold: holding of profits-interest class incentive by cfo needs a "
                        + "threshold (value per unit it shares above) or a hurdle (equity proceeds it shares above)");
    }

    @Test
    void bothAThresholdAndAHurdleAreRejected() {
        assertThat(message(LLC.replace("hurdle: 40M", "hurdle: 40M, threshold: 2")))
                .isEqualTo("llc.yaml:19:60: mso.holdings[3].hurdle: a profits-interest holding has a threshold (per unit) or a "
                        + "hurdle (aggregate), not both; cfo gives threshold 2 and hurdle 40000000.00");
    }

    @Test
    void catchUpOnAnotherClassIsRejected() {
        assertThat(message(LLC.replace("{id: common-units, type: common}", "{id: common-units, type: common, catchUp: full}")))
                .isEqualTo("llc.yaml:13:49: mso.classes[1].catchUp: catchUp applies only to profits-interest classes, but class "
                        + "common-units is common");
    }

    @Test
    void profitsInterestTermsOnAnotherClassAreRejected() {
        assertThat(message(LLC.replace("shares: 9000}", "shares: 9000, threshold: 1}")))
                .isEqualTo("llc.yaml:17:71: mso.holdings[1].threshold: threshold applies only to holdings of profits-interest "
                        + "classes, but class common-units is common");
    }

    @Test
    void aProfitsInterestClassCarriesNoPreference() {
        assertThat(message(LLC.replace("type: profits-interest,", "type: profits-interest, seniority: 2,")))
                .startsWith("llc.yaml:14:").contains("mso.classes[2].type: class incentive is a profits interest and cannot carry");
    }
    /**
     * A hurdle is priced on the table without its holding; with only profits interests there is none (and no one to
     * receive the proceeds below it), so the file is refused at the first holding, not at the first exit.
     */
    @Test
    void hurdleSeriesAloneAreRejectedAndThresholdSeriesPriceThem() {
        String interestsOnly = LLC.replace("    - {holder: fund, class: class-a, shares: 1000, acquired: 2026-01-01}\n", "")
                .replace("    - {holder: founder, class: common-units, shares: 9000}\n", "");
        // Hurdles alone: the lowest has nothing to be priced on.
        assertThat(message(interestsOnly.replace("threshold: 12.50", "hurdle: 10M"))).isEqualTo("llc.yaml:16:60: "
                + "mso.holdings[0].hurdle: every holding of the MSO is a profits interest over a hurdle (class incentive held by "
                + "ceo), so no hurdle has units to be priced on: a hurdle is the equity value the rest of the table takes first; "
                + "add the members' common or preferred units, or give the founders' series a threshold");
        // A threshold series needs no pricing, and the hurdle is priced on it; options would do as well.
        assertThat(VentureReader.read(interestsOnly, "llc.yaml").mso().holdings()).hasSize(2);
        assertThat(VentureReader.read(interestsOnly.replace("threshold: 12.50", "threshold: 0"), "llc.yaml").mso().holdings())
                .hasSize(2);
    }
}
