package org.msocap.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The exit months a simulation's draws reach, by table: a run's exit day to the last day of its month and that month's
 * valuation ({@link ExitValueModel#onDay}), without calendar arithmetic per run ({@link CivilDays}' divisions are calls
 * into the VM under C1, and the valuation would convert the day to a month again). The table covers a range of days
 * given by the caller, at most {@link #MAX_DAYS} long; days outside it are not in the table ({@link #month} says so),
 * and the caller asks {@link CivilDays} and {@link ExitValueModel#enterpriseValueCents} as before. Immutable.
 */
final class ExitMonths {

    /** The widest table: about 90 years of days (64 KB). */
    static final int MAX_DAYS = 1 << 15;

    private final long firstDay;
    /** Per day from {@link #firstDay}, its month in the table (months fit a short: at most MAX_DAYS / 28 of them). */
    private final short[] monthOfDay;
    /** {@link #monthOfDay}'s length. */
    private final long days;
    private final int[] monthEnd;
    private final ExitValueModel.OnDay[] valuation;

    /** The months of the days {@code from} to {@code to} (inclusive; none when {@code to < from}), valued by {@code model}. */
    ExitMonths(ExitValueModel model, long from, long to) {
        if (to - from + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a table of exit months covers at most " + MAX_DAYS + " days");
        }
        firstDay = from;
        monthOfDay = new short[(int) Math.max(0, to - from + 1)];
        days = monthOfDay.length;
        List<Long> ends = new ArrayList<>();
        for (long day = from; day <= to; ) {
            long end = CivilDays.monthEnd(day);
            for (; day <= Math.min(end, to); day++) {
                monthOfDay[(int) (day - from)] = (short) ends.size();
            }
            ends.add(end);
        }
        monthEnd = new int[ends.size()];
        valuation = new ExitValueModel.OnDay[ends.size()];
        for (int m = 0; m < monthEnd.length; m++) {
            monthEnd[m] = (int) (long) ends.get(m);
            valuation[m] = model.onDay(monthEnd[m]);
        }
    }

    /**
     * The table's month of {@code day}, or -1 when the day is outside the table. Within C1's 35 bytes for a method it
     * inlines (the table's length as a long field saves the conversion): it runs once a run.
     */
    int month(long day) {
        long k = day - firstDay;
        return k >= 0 && k < days ? monthOfDay[(int) k] : -1;
    }

    /**
     * {@link Math#round(double)} of a drawn date (an epoch day), short enough for C1 to inline (the library's method is a
     * call, once a run). From 1 to 2^52 the date + 1/2 is exact (a multiple of the date's ulp, at most 1/2), or crosses a
     * power of two and rounds to no more than it + 1/2, so its truncation is ⌊date + 1/2⌋, Math.round's; other dates (NaN
     * too) go to Math.round.
     */
    static long nearestDay(double date) {
        return date >= 1 && date < 0x1.0p52 ? (long) (date + 0.5) : Math.round(date);
    }

    /** The epoch day of the last day of a month of the table. */
    int monthEnd(int month) {
        return monthEnd[month];
    }

    /** The valuation of exits in a month of the table (on its last day). */
    ExitValueModel.OnDay valuation(int month) {
        return valuation[month];
    }

    /** Months in the table. */
    int size() {
        return monthEnd.length;
    }
}
