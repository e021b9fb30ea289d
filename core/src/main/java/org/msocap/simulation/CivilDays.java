package org.msocap.simulation;

import java.time.LocalDate;

/**
 * The two calendar questions a run asks of its exit day, in integer arithmetic: the last day of its month, and the
 * whole months from the projection's start. {@link LocalDate} answers them the same (a property test compares every
 * day of four centuries and wide random ones), but through objects and range checks that cost a run about as much
 * as its exit value. Days and months are the proleptic Gregorian calendar's, converted as in H. Hinnant's
 * {@code civil_from_days} and {@code days_from_civil}, for the days {@code LocalDate} accepts.
 */
final class CivilDays {

    /** Days from 0000-03-01 to 1970-01-01: the epoch shift of the algorithms, whose years start in March. */
    private static final long EPOCH_SHIFT = 719_468;
    private static final long DAYS_PER_ERA = 146_097;

    private CivilDays() {
    }

    /** Year × 12 + (month − 1) of an epoch day: {@code LocalDate}'s proleptic month. */
    static long prolepticMonth(long epochDay) {
        long z = epochDay + EPOCH_SHIFT;
        long era = Math.floorDiv(z, DAYS_PER_ERA);
        long dayOfEra = z - era * DAYS_PER_ERA;                                                  // [0, 146096]
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365; // [0, 399]
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);         // [0, 365], from March
        long shiftedMonth = (5 * dayOfYear + 2) / 153;                                           // [0, 11], March is 0
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;                    // [1, 12]
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 12 + month - 1;
    }

    /** The day of the month of an epoch day, 1-based. */
    static int dayOfMonth(long epochDay) {
        return (int) (epochDay - firstOfMonth(prolepticMonth(epochDay))) + 1;
    }

    /** The epoch day of the first day of a proleptic month (year × 12 + month − 1). */
    static long firstOfMonth(long prolepticMonth) {
        long year = Math.floorDiv(prolepticMonth, 12);
        long month = prolepticMonth - year * 12 + 1;                                             // [1, 12]
        year -= month <= 2 ? 1 : 0;
        long era = Math.floorDiv(year, 400);
        long yearOfEra = year - era * 400;                                                       // [0, 399]
        long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5;                    // day 1 of the month
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
    }

    /** The epoch day of the last day of the month holding {@code epochDay}. */
    static long monthEnd(long epochDay) {
        return firstOfMonth(prolepticMonth(epochDay) + 1) - 1;
    }

    /**
     * Whole months from {@code start} to {@code epochDay}, as {@code ChronoUnit.MONTHS.between}: the difference of
     * the months, one less when the later date's day of the month has not reached the earlier one's.
     */
    static long monthsBetween(LocalDate start, long epochDay) {
        long months = prolepticMonth(epochDay) - (start.getYear() * 12L + start.getMonthValue() - 1);
        int days = dayOfMonth(epochDay) - start.getDayOfMonth();
        if (months > 0 && days < 0) {
            months--;
        } else if (months < 0 && days > 0) {
            months++;
        }
        return months;
    }
}
