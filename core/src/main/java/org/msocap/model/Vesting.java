package org.msocap.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Monthly vesting over {@code months} from {@code start}, nothing before the cliff, the cliff's
 * months all at once on the cliff date. The standard four-year, one-year-cliff grant is
 * {@code new Vesting(start, 48, 12)}.
 */
public record Vesting(LocalDate start, int months, int cliffMonths) {

    public Vesting {
        Checks.required(start, "start");
        if (months <= 0) {
            throw new ModelException("months", "vesting months must be > 0 but was " + months);
        }
        if (cliffMonths < 0 || cliffMonths > months) {
            throw new ModelException("cliffMonths", "cliffMonths must be between 0 and months (" + months + ") but was " + cliffMonths);
        }
    }

    /** Whole months of service completed on {@code date}. */
    public long monthsElapsed(LocalDate date) {
        if (date.isBefore(start)) {
            return 0;
        }
        return ChronoUnit.MONTHS.between(start, date);
    }

    /** Shares vested of {@code total} on {@code date}: floor(total × elapsed / months), none before the cliff. */
    public long vestedShares(long total, LocalDate date) {
        long elapsed = monthsElapsed(date);
        if (elapsed < cliffMonths) {
            return 0;
        }
        if (elapsed >= months) {
            return total;
        }
        return Math.multiplyExact(total, elapsed) / months;
    }
}
