package org.msocap.captable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.io.VentureReader;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

class CapTableTest {

    /**
     * Issue 16: a SAFE's ownership read 0% in the cap table. As converted at cap on the fully diluted count (9M common
     * + 1M unissued pool = 10M): a note of 100,000 at 6% for 365 days owes 106,000 at a 2.12M cap, 5% of 10M = 500,000
     * shares; the post-money SAFE owns 1M ÷ 10M = 10% of (10M + 500,000) ÷ 0.9 = 11,666,666.67 shares.
     */
    @Test
    void safesAndNotesShowWhatTheyConvertIntoAtTheirCap() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", 9_000_000)
                .optionPool(1_000_000)
                .safe(new Safe("angel", Money.parse("1M"), Money.parse("10M"), null, Safe.Kind.POST_MONEY, null, null))
                .safe(new Safe("friend", Money.parse("50000"), null, new BigDecimal("0.2"), Safe.Kind.POST_MONEY, null, null))
                .note(new ConvertibleNote("lender", Money.parse("100000"), new BigDecimal("0.06"), LocalDate.of(2025, 1, 1),
                        Money.parse("2.12M"), null, BigDecimal.ONE, null))
                .build();
        Venture venture = Venture.builder("Test").asOf(LocalDate.of(2026, 1, 1)).mso(mso)
                .person(Person.lay("founder", "Founder")).person(Person.lay("angel", "Angel"))
                .person(Person.lay("friend", "Friend")).person(Person.lay("lender", "Lender")).build();
        CapTable table = CapTable.of(venture);
        BigFraction capitalization = new BigFraction(10_500_000).divide(new BigFraction(9, 10));
        Convertible angel = table.convertibles().stream().filter(c -> c.holder().equals("angel")).findFirst().orElseThrow();
        assertThat(angel.asConvertedShares()).isEqualTo(capitalization.divide(10));
        assertThat(angel.ofAsConverted()).isEqualTo(new BigFraction(1, 10));
        Convertible lender = table.convertibles().stream().filter(c -> c.holder().equals("lender")).findFirst().orElseThrow();
        assertThat(lender.asConvertedShares()).isEqualTo(new BigFraction(500_000));
        assertThat(lender.ofAsConverted()).isEqualTo(new BigFraction(500_000).divide(capitalization));
        // A SAFE without a cap converts only in a priced round: nothing at cap.
        Convertible friend = table.convertibles().stream().filter(c -> c.holder().equals("friend")).findFirst().orElseThrow();
        assertThat(friend.sharesAtCap()).isEmpty();
        assertThat(friend.fractionAtCap()).isEmpty();
    }

    /**
     * Issue 13: a profits-interest line carries its threshold or hurdle, and its fully diluted fraction is the one "if
     * fully participating" (every unit counted as a common unit). Sunshine: 40,000 class A + 10,000 common + 3,000 +
     * 1,000 + 1,500 incentive units = 55,500; Cascade: 50,000 common + 5,556 incentive units = 55,556.
     */
    @Test
    void profitsInterestsCarryTheirTermsAndCountAsFullyParticipatingUnits() throws Exception {
        CapTable sunshine = CapTable.of(VentureReader.read(Path.of("..", "examples", "ventures", "pe-derm-holdco.yaml")));
        assertThat(sunshine.totalFullyDiluted()).isEqualTo(new BigFraction(55_500));
        CapTableLine jordan = line(sunshine, "jordan");
        assertThat(jordan.isProfitsInterest()).isTrue();
        assertThat(jordan.threshold()).isEqualByComparingTo("200");
        assertThat(jordan.hurdle()).isNull();
        assertThat(jordan.ofFullyDiluted()).isEqualTo(new BigFraction(3_000, 55_500));
        CapTableLine elena = line(sunshine, "elena");
        assertThat(elena.threshold()).isNull();
        assertThat(elena.hurdle()).isEqualTo(Money.parse("90M"));
        assertThat(elena.ofFullyDiluted()).isEqualTo(new BigFraction(1_500, 55_500));
        CapTableLine fund = line(sunshine, "coral-fund");
        assertThat(fund.isProfitsInterest()).isFalse();
        assertThat(fund.threshold()).isNull();
        assertThat(fund.hurdle()).isNull();

        CapTable cascade = CapTable.of(VentureReader.read(Path.of("..", "examples", "ventures", "physician-led-llc.yaml")));
        CapTableLine rachel = line(cascade, "rachel");
        assertThat(rachel.hurdle()).isEqualTo(Money.parse("24M"));
        assertThat(rachel.threshold()).isNull();
        assertThat(rachel.ofFullyDiluted()).isEqualTo(new BigFraction(5_556, 55_556));
        assertThat(cascade.lines().stream().filter(CapTableLine::isProfitsInterest).count()).isEqualTo(1);
    }

    private static CapTableLine line(CapTable table, String holder) {
        return table.lines().stream().filter(l -> l.holder().equals(holder)).findFirst().orElseThrow();
    }
}
