package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An option to buy MSO common stock, granted from the option pool.
 *
 * @param granted may be null
 * @param vesting may be null: fully vested
 */
public record OptionGrant(String holder, long shares, BigDecimal strike, LocalDate granted, Vesting vesting,
                          Acceleration acceleration) {

    /** What happens to unvested shares at a sale: none, all vest (single), all vest if the sale fires the second trigger (double). */
    public enum Acceleration {
        NONE, SINGLE, DOUBLE;

        public String id() {
            return name().toLowerCase();
        }
    }

    public OptionGrant {
        Checks.id(holder, "holder");
        Checks.positive(shares, "shares");
        Checks.nonNegative(strike, "strike");
        acceleration = acceleration == null ? Acceleration.NONE : acceleration;
    }

    public static OptionGrant of(String holder, long shares, BigDecimal strike, Vesting vesting) {
        return new OptionGrant(holder, shares, strike, vesting == null ? null : vesting.start(), vesting, Acceleration.NONE);
    }

    /** Vested shares at an exit on {@code date}, after any acceleration the sale triggers. */
    public long vestedAtExit(LocalDate date, boolean doubleTriggerFires) {
        if (vesting == null || acceleration == Acceleration.SINGLE
                || (acceleration == Acceleration.DOUBLE && doubleTriggerFires)) {
            return shares;
        }
        return vesting.vestedShares(shares, date);
    }
}
