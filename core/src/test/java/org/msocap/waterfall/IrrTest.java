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

    /** Paid in, nothing back: −100% (MOIC 0.00x), over any period and with or without dates; not "no rate". */
    @Test
    void aTotalLossIsMinus100Percent() {
        assertThat(Irr.of(List.of(flow("2026-01-15", "-2000000.00"), flow("2028-06-30", "0.00")))).hasValue(-1.0);
        assertThat(Irr.of(List.of(flow("2026-01-15", "-100"), flow("2027-01-15", "-50"), flow("2028-06-30", "0")))).hasValue(-1.0);
        assertThat(Irr.of(List.of(new Irr.CashFlow(null, Money.parse("-1000")), flow("2028-06-30", "0")))).hasValue(-1.0);
        // Nothing paid in and nothing received is no investment: no rate.
        assertThat(Irr.of(List.of(flow("2028-06-30", "0")))).isEmpty();
    }

    private static Irr.CashFlow flow(String date, String amount) {
        return new Irr.CashFlow(LocalDate.parse(date), Money.parse(amount));
    }

    /**
     * Cash at a recap, then buying into the next recap, then nothing: 0.06x. The one rate that solves the flows, +239%, is
     * what the money received first "cost", not a return; no rate is given (shown "—").
     */
    @Test
    void moneyReceivedBeforeMoneyPaidInHasNoRateOfReturn() {
        assertThat(Irr.of(List.of(flow("2027-06-30", "2662904.76"), flow("2029-09-30", "-41766222.00"),
                flow("2030-12-31", "0.00")))).isEmpty();
        assertThat(org.msocap.simulation.IrrAccess.of(new int[] {(int) LocalDate.parse("2027-06-30").toEpochDay(),
                (int) LocalDate.parse("2029-09-30").toEpochDay()}, new double[] {2662904.76, -41766222.00})).isNaN();
    }

    /** Received, paid in, received: a 0.72x whose value at 0% is negative and positive at both ends has two rates, or none. */
    @Test
    void flowsThatTwoRatesSolveHaveNone() {
        List<Irr.CashFlow> flows = List.of(flow("2027-06-30", "2662904.76"), flow("2029-09-30", "-41766222.00"),
                flow("2030-12-31", "27514128.49"));
        assertThat(Irr.of(flows)).isEmpty();
        // Paid in, received, paid in again: two rates solve −100, +230, −132 (10% and 20%).
        assertThat(Irr.of(List.of(flow("2027-01-01", "-100"), flow("2028-01-01", "230"), flow("2029-01-01", "-132")))).isEmpty();
    }

    /** Paid in, received, a small later cost, received again: one rate still solves it, and it is given. */
    @Test
    void anInvestmentWithALaterCostKeepsItsRate() {
        double irr = Irr.of(List.of(flow("2026-01-01", "-100"), flow("2027-01-01", "60"), flow("2027-06-30", "-5"),
                flow("2028-01-01", "70"))).orElseThrow();
        assertThat(irr).isBetween(0.10, 0.25);
        double npv = -100 + 60 / Math.pow(1 + irr, 1) - 5 / Math.pow(1 + irr, 545 / 365.0) + 70 / Math.pow(1 + irr, 730 / 365.0);
        assertThat(npv).isCloseTo(0, offset(1e-6));
    }
}
