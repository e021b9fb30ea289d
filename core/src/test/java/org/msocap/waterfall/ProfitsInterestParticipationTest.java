package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.money.Money;
import org.msocap.waterfall.ProfitsInterestParticipation.Status;

/** "% participating at a given value" (captable --value): status, threshold and cents as the exact waterfall pays them. */
class ProfitsInterestParticipationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    private static Venture venture(ShareClass.CatchUp catchUp, Holding... grants) {
        Mso.Builder m = Mso.builder().form(Mso.Form.LLC).shareClass(ShareClass.common("common-units"))
                .shareClass(ShareClass.profitsInterest("incentive", catchUp)).holding("founder", "common-units", 1000);
        Venture.Builder v = Venture.builder("Test").asOf(AS_OF).person(Person.lay("founder", "Founder"));
        java.util.Set<String> people = new java.util.HashSet<>();
        for (Holding g : grants) {
            m.holding(g);
            if (people.add(g.holder())) {
                v.person(Person.lay(g.holder(), g.holder()));
            }
        }
        return v.mso(m.build()).build();
    }

    private static ProfitsInterestParticipation of(List<ProfitsInterestParticipation> lines, String holder) {
        return lines.stream().filter(l -> l.holder().equals(holder)).findFirst().orElseThrow();
    }

    /** The two-series example of {@link ProfitsInterestWaterfallTest}: at 12,000 only the threshold-10 series takes part. */
    @Test
    void twoSeriesAtAValueBetweenTheirThresholds() {
        Venture v = venture(ShareClass.CatchUp.NONE, Holding.profitsInterest("early", "incentive", 100, new BigDecimal("10")),
                Holding.profitsInterest("late", "incentive", 100, new BigDecimal("20")));
        List<ProfitsInterestParticipation> lines = ProfitsInterestParticipation.at(v, AS_OF, false, Money.of(12_000));
        ProfitsInterestParticipation early = of(lines, "early");
        // V = 13,000 / 1,100; early receives 100 × (V − 10) = 181.82 of 12,000.
        assertThat(early.valuePerUnit()).isEqualTo(new BigFraction(13_000, 1_100));
        assertThat(early.status()).isEqualTo(Status.PARTICIPATING);
        assertThat(early.payout()).isEqualTo(Money.parse("181.82"));
        assertThat(early.threshold()).isEqualTo(new BigFraction(10));
        assertThat(early.ofCommonUnitValue()).isEqualTo(new BigFraction(13_000 - 11_000, 13_000));
        assertThat(early.ofEquity()).isEqualTo(new BigFraction(18_182, 1_200_000));
        ProfitsInterestParticipation late = of(lines, "late");
        assertThat(late.status()).isEqualTo(Status.BELOW_THRESHOLD);
        assertThat(late.payout()).isEqualTo(Money.ZERO);
        assertThat(late.ofCommonUnitValue()).isEqualTo(BigFraction.ZERO);
        // Cents are the exact waterfall's.
        WaterfallResult r = WaterfallEngine.DEFAULT.distribute(ResolvedCapTable.of(v, AS_OF, false), Money.of(12_000));
        assertThat(r.holder("early").orElseThrow().payout()).isEqualTo(early.payout());
    }

    /** A hurdle shows the threshold it becomes; with catch-up, the holding is catching up between 10M and 10M / 0.95. */
    @Test
    void hurdleShowsItsDerivedThresholdAndTheCatchUp() {
        Venture v = venture(ShareClass.CatchUp.FULL, Holding.profitsInterestOverHurdle("ceo", "incentive", 50, Money.of(10_000_000)));
        // 1,000 common units: a 10M hurdle is a threshold of 10,000 per unit.
        ProfitsInterestParticipation below = of(ProfitsInterestParticipation.at(v, AS_OF, false, Money.of(10_000_000)), "ceo");
        assertThat(below.threshold()).isEqualTo(new BigFraction(10_000));
        assertThat(below.hurdle()).isEqualTo(Money.of(10_000_000));
        assertThat(below.status()).isEqualTo(Status.BELOW_THRESHOLD);
        ProfitsInterestParticipation catching = of(ProfitsInterestParticipation.at(v, AS_OF, false, Money.of(10_200_000)), "ceo");
        assertThat(catching.status()).isEqualTo(Status.CATCHING_UP);
        assertThat(catching.payout()).isEqualTo(Money.of(200_000));
        assertThat(catching.ofCommonUnitValue()).isEqualTo(new BigFraction(200_000, 500_000));
        ProfitsInterestParticipation full = of(ProfitsInterestParticipation.at(v, AS_OF, false, Money.of(21_000_000)), "ceo");
        assertThat(full.status()).isEqualTo(Status.PARTICIPATING);
        assertThat(full.payout()).isEqualTo(Money.of(1_000_000));
        assertThat(full.ofCommonUnitValue()).isEqualTo(BigFraction.ONE);
    }

    @Test
    void unvestedUnitsAreForfeitedAndEqualHoldingsAreEachMatched() {
        Holding unvested = Holding.profitsInterest("cfo", "incentive", 100, BigDecimal.ONE)
                .withVesting(new Vesting(LocalDate.of(2025, 6, 1), 48, 12), OptionGrant.Acceleration.NONE);
        Holding twice = Holding.profitsInterest("ceo", "incentive", 100, BigDecimal.ONE);
        Venture v = venture(ShareClass.CatchUp.NONE, unvested, twice, twice);
        List<ProfitsInterestParticipation> lines = ProfitsInterestParticipation.at(v, AS_OF, false, Money.of(5_000));
        assertThat(lines).extracting(l -> l.holder() + " " + l.vestedUnits() + " " + l.status() + " " + l.payout())
                .containsExactly("cfo 0 FORFEITED 0.00", "ceo 100 PARTICIPATING 333.34", "ceo 100 PARTICIPATING 333.33"); // 666.67 split by largest remainder
    }
}
