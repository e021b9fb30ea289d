package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.msocap.money.Money;

class IrrTest {

    @Test
    void doublingOverTwoYearsIsAbout41Percent() {
        double irr = Irr.of(List.of(new Irr.CashFlow(LocalDate.of(2028, 1, 1), Money.parse("-100")),
                new Irr.CashFlow(LocalDate.of(2029, 12, 31), Money.parse("200")))).orElseThrow();
        // 730 days = 2 years ACT/365: sqrt(2) − 1.
        assertThat(irr).isCloseTo(Math.sqrt(2) - 1, offset(1e-9));
    }

    @Test
    void twoInvestmentsOneExit() {
        // −100 now, −100 in a year, +231 in two years: 10% a year (100 × 1.21 + 100 × 1.1 = 231).
        double irr = Irr.of(List.of(new Irr.CashFlow(LocalDate.of(2027, 1, 1), Money.parse("-100")),
                new Irr.CashFlow(LocalDate.of(2028, 1, 1), Money.parse("-100")),
                new Irr.CashFlow(LocalDate.of(2028, 12, 31), Money.parse("231")))).orElseThrow();
        assertThat(irr).isCloseTo(0.10, offset(1e-6));
    }

    @Test
    void undefinedWithoutDatesOrWithoutBothSigns() {
        assertThat(Irr.of(List.of(new Irr.CashFlow(null, Money.parse("-1")), new Irr.CashFlow(LocalDate.of(2030, 1, 1),
                Money.parse("2"))))).isEmpty();
        assertThat(Irr.of(List.of(new Irr.CashFlow(LocalDate.of(2029, 1, 1), Money.parse("1")),
                new Irr.CashFlow(LocalDate.of(2030, 1, 1), Money.parse("2"))))).isEmpty();
        assertThat(Irr.of(List.of(new Irr.CashFlow(LocalDate.of(2030, 1, 1), Money.parse("-1")),
                new Irr.CashFlow(LocalDate.of(2030, 1, 1), Money.parse("2"))))).isEmpty();
    }
}
