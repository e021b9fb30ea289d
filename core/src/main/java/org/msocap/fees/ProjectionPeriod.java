package org.msocap.fees;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period of a projection: the {@code index}-th month, quarter or year from the projection start.
 *
 * @param index 0-based position in the projection
 * @param start first day of the period
 * @param end last day of the period (inclusive)
 * @param label how the period is shown: {@code 2026-01}, {@code 2026-Q1}, {@code 2026}, or a month range
 *              such as {@code 2026-07..2027-06} when the projection does not start on a calendar boundary
 */
public record ProjectionPeriod(int index, LocalDate start, LocalDate end, String label) {

    public ProjectionPeriod {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but was " + index);
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(label, "label");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period end " + end + " is before its start " + start);
        }
    }

    /** The {@code index}-th period of length {@code period} in a projection starting on {@code projectionStart}. */
    static ProjectionPeriod of(Period period, LocalDate projectionStart, int index) {
        LocalDate start = projectionStart.plusMonths((long) index * period.months());
        LocalDate end = projectionStart.plusMonths((long) (index + 1) * period.months()).minusDays(1);
        return new ProjectionPeriod(index, start, end, label(period, start, end));
    }

    private static String label(Period period, LocalDate start, LocalDate end) {
        String first = start.toString().substring(0, 7);
        String last = end.toString().substring(0, 7);
        boolean firstOfMonth = start.getDayOfMonth() == 1;
        return switch (period) {
            case MONTH -> first;
            case QUARTER -> firstOfMonth && (start.getMonthValue() - 1) % 3 == 0
                    ? start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1)
                    : first + ".." + last;
            case YEAR -> firstOfMonth && start.getMonthValue() == 1 ? Integer.toString(start.getYear()) : first + ".." + last;
        };
    }

    /** Whether {@code date} falls in this period. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
