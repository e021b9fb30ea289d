package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * Shares (or units) of one MSO class held by one holder.
 *
 * <p>A holding of a profits-interest class (PRODUCT.md §7) carries its own terms: a per-unit {@code threshold} or an
 * aggregate {@code hurdle} (exactly one), and optionally time vesting with acceleration, as an option grant does.
 * Holdings of other classes carry none of them; {@link Mso} checks both against the class.
 *
 * @param acquired may be null: acquisition date unknown (no IRR)
 * @param cost may be null: defaults to shares × the class's issue price
 * @param threshold profits interests: participation threshold per unit; else null
 * @param hurdle profits interests: equity proceeds the holding shares only above; else null
 * @param vesting profits interests: may be null (fully vested)
 * @param acceleration profits interests: may be null (none); accelerates the time vesting only
 * @param performanceVesting profits interests: may be null (none); the waterfall vests the fraction of the level that
 *                           holds at each exit value, and at most the time-vested units
 * @param dividendFrom may be null: a cumulative dividend of the class accrues from {@code acquired}; set when the
 *     holding entered its class later than the money was paid (a SAFE or note converted in a round), so that the
 *     dividend runs from the day the shares exist while cost and IRR keep the payment's date; never before
 *     {@code acquired}
 */
public record Holding(String holder, String shareClass, long shares, LocalDate acquired, Money cost, BigDecimal threshold,
                      Money hurdle, Vesting vesting, OptionGrant.Acceleration acceleration,
                      PerformanceVesting performanceVesting, LocalDate dividendFrom) {

    /** A holding without performance vesting whose dividend, if any, accrues from {@code dividendFrom}. */
    public Holding(String holder, String shareClass, long shares, LocalDate acquired, Money cost, BigDecimal threshold,
                   Money hurdle, Vesting vesting, OptionGrant.Acceleration acceleration, LocalDate dividendFrom) {
        this(holder, shareClass, shares, acquired, cost, threshold, hurdle, vesting, acceleration, null, dividendFrom);
    }

    /** A holding whose dividend, if any, accrues from its acquisition date. */
    public Holding(String holder, String shareClass, long shares, LocalDate acquired, Money cost, BigDecimal threshold,
                   Money hurdle, Vesting vesting, OptionGrant.Acceleration acceleration, PerformanceVesting performanceVesting) {
        this(holder, shareClass, shares, acquired, cost, threshold, hurdle, vesting, acceleration, performanceVesting, null);
    }

    /** A holding without performance vesting whose dividend, if any, accrues from its acquisition date. */
    public Holding(String holder, String shareClass, long shares, LocalDate acquired, Money cost, BigDecimal threshold,
                   Money hurdle, Vesting vesting, OptionGrant.Acceleration acceleration) {
        this(holder, shareClass, shares, acquired, cost, threshold, hurdle, vesting, acceleration, null, null);
    }

    /** A holding without profits-interest terms. */
    public Holding(String holder, String shareClass, long shares, LocalDate acquired, Money cost) {
        this(holder, shareClass, shares, acquired, cost, null, null, null, null);
    }

    public Holding {
        Checks.id(holder, "holder");
        Checks.id(shareClass, "class");
        Checks.positive(shares, "shares");
        if (cost != null) {
            Checks.nonNegative(cost, "cost");
        }
        if (threshold != null) {
            Checks.nonNegative(threshold, "threshold");
        }
        if (hurdle != null) {
            Checks.nonNegative(hurdle, "hurdle");
        }
        if (threshold != null && hurdle != null) {
            throw new ModelException("hurdle", "a profits-interest holding has a threshold (per unit) or a hurdle (aggregate), "
                    + "not both; " + holder + " gives threshold " + threshold.toPlainString() + " and hurdle " + hurdle);
        }
        if (dividendFrom != null && acquired != null && dividendFrom.isBefore(acquired)) {
            throw new ModelException("dividendFrom", "a dividend cannot accrue before the holding was acquired: " + holder
                    + "'s dividendFrom " + dividendFrom + " is before acquired " + acquired);
        }
    }

    public static Holding of(String holder, String shareClass, long shares) {
        return new Holding(holder, shareClass, shares, null, null);
    }

    /** A profits-interest holding with a per-unit threshold, fully vested. */
    public static Holding profitsInterest(String holder, String shareClass, long units, BigDecimal threshold) {
        return new Holding(holder, shareClass, units, null, null, threshold, null, null, null);
    }

    /** A profits-interest holding over an aggregate hurdle, fully vested. */
    public static Holding profitsInterestOverHurdle(String holder, String shareClass, long units, Money hurdle) {
        return new Holding(holder, shareClass, units, null, null, null, hurdle, null, null);
    }

    public Holding withShares(long newShares) {
        return new Holding(holder, shareClass, newShares, acquired, cost, threshold, hurdle, vesting, acceleration,
                performanceVesting, dividendFrom);
    }

    public Holding withVesting(Vesting v, OptionGrant.Acceleration a) {
        return new Holding(holder, shareClass, shares, acquired, cost, threshold, hurdle, v, a, performanceVesting,
                dividendFrom);
    }

    public Holding withPerformanceVesting(PerformanceVesting p) {
        return new Holding(holder, shareClass, shares, acquired, cost, threshold, hurdle, vesting, acceleration, p,
                dividendFrom);
    }

    /** The same holding with its dividend accruing from {@code date} (null: from {@code acquired}). */
    public Holding withDividendFrom(LocalDate date) {
        return new Holding(holder, shareClass, shares, acquired, cost, threshold, hurdle, vesting, acceleration,
                performanceVesting, date);
    }

    /** Where a cumulative dividend of the class starts to accrue: {@code dividendFrom}, else {@code acquired}; may be null. */
    public LocalDate dividendStart() {
        return dividendFrom != null ? dividendFrom : acquired;
    }

    /** Whether any profits-interest term is given. */
    public boolean hasProfitsInterestTerms() {
        return threshold != null || hurdle != null || vesting != null || acceleration != null || performanceVesting != null;
    }

    /**
     * Units vested at an exit when the performance test vests {@code performanceFraction} of them: the lesser of the
     * time-vested units and the performance-vested ones (units × fraction, rounded down, as time vesting rounds).
     */
    public long vestedAtExit(LocalDate date, boolean doubleTriggerFires, BigDecimal performanceFraction) {
        long byTime = vestedAtExit(date, doubleTriggerFires);
        long byPerformance = BigDecimal.valueOf(shares).multiply(performanceFraction)
                .setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        return Math.min(byTime, byPerformance);
    }

    /**
     * Units vested by time at an exit on {@code date}, after any acceleration the sale triggers (as for options); a
     * performance-vested holding vests at most these ({@link #vestedAtExit(LocalDate, boolean, BigDecimal)}).
     */
    public long vestedAtExit(LocalDate date, boolean doubleTriggerFires) {
        if (vesting == null || acceleration == OptionGrant.Acceleration.SINGLE
                || (acceleration == OptionGrant.Acceleration.DOUBLE && doubleTriggerFires)) {
            return shares;
        }
        return vesting.vestedShares(shares, date);
    }

    /** What the holder paid: the given cost, else shares × issue price. */
    public Money costBasis(ShareClass cls) {
        return cost != null ? cost : Rounding.toCents(cls.issuePriceOrZero().multiply(java.math.BigDecimal.valueOf(shares)));
    }
}
