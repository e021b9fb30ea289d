package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.ExitScenario;
import org.msocap.model.Holding;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

/** A holding's {@code dividendFrom} in model files: read, written back, refused before {@code acquired}, used by the waterfall. */
class DividendStartModelFileTest {

    /** Line numbers in assertions count from here. */
    static final String MODEL = """
            msocap: 1
            venture: Converted SAFE
            asOf: 2026-01-01
            people:
              - {id: founder, name: Founder}
              - {id: angel, name: Angel}
            mso:
              classes:
                - {id: common, type: common}
                - {id: series-a, type: preferred, issuePrice: 1, seniority: 1,
                   dividend: {rate: 0.10, cumulative: true, compounding: simple}}
              holdings:
                - {holder: founder, class: common, shares: 4000000, acquired: 2024-01-01}
                - {holder: angel, class: series-a, shares: 1000000, acquired: 2024-01-01, dividendFrom: 2025-01-01}
            """;

    private static String message(String content) {
        try {
            VentureReader.read(content, "div.yaml");
        } catch (InvalidModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an InvalidModelException for:\n" + content);
    }

    @Test
    void readsItAndWritesItBackWithinTheSchema() {
        Venture v = VentureReader.read(MODEL, "div.yaml");
        Holding angel = v.mso().holdings().get(1);
        assertThat(angel.acquired()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(angel.dividendFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(v.mso().holdings().get(0).dividendStart()).isEqualTo(LocalDate.of(2024, 1, 1));
        String yaml = VentureWriter.toYaml(v);
        assertThat(VentureReader.read(yaml, "again.yaml")).isEqualTo(v);
        assertThat(SchemaTest.validate(yaml, "again.yaml")).isEmpty();
        assertThat(SchemaTest.validate(MODEL, "div.yaml")).isEmpty();
    }

    /**
     * By hand: 1,000,000 shares at $1 with 10% simple from 2025-01-01 to 2026-01-01 (365 days) = $100,000 of dividend, so
     * a $3M sale pays the preferred 1,100,000 (converting, a fifth of 3M, would be less) and the founder 1,900,000. From
     * the acquisition date (731 days) it would have been 1,200,273.97.
     */
    @Test
    void theDividendAccruesFromItNotFromTheAcquisition() {
        Venture v = VentureReader.read(MODEL, "div.yaml");
        WaterfallResult w = WaterfallEngine.DEFAULT.exit(v, ExitScenario.atValue("Sale", LocalDate.of(2026, 1, 1),
                Money.of(3_000_000))).waterfall();
        assertThat(w.holder("angel").orElseThrow().payout()).isEqualTo(Money.of(1_100_000));
        assertThat(w.holder("founder").orElseThrow().payout()).isEqualTo(Money.of(1_900_000));
    }

    @Test
    void aDividendStartBeforeTheAcquisitionIsRefusedAtItsField() {
        assertThat(message(MODEL.replace("dividendFrom: 2025-01-01", "dividendFrom: 2023-06-30")))
                .isEqualTo("div.yaml:14:93: mso.holdings[1].dividendFrom: a dividend cannot accrue before the holding was "
                        + "acquired: angel's dividendFrom 2023-06-30 is before acquired 2024-01-01");
        assertThat(message(MODEL.replace("dividendFrom: 2025-01-01", "dividendFrom: 2025-13-01")))
                .startsWith("div.yaml:14:93: mso.holdings[1].dividendFrom:");
    }
}
