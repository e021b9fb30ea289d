package org.msocap.simulation;

import java.util.Arrays;

/**
 * A simulation's exit runs ordered by exit day, run order within a day, and each run's exit day replaced by the index of
 * its day among the distinct exit days. The payout passes take the runs day by day from it. Exit days are usually a few
 * dozen month ends, so they are counted out by day: a pass for their range, one for the counts per day, and one that both
 * places each run and writes its day's index, each reading the runs in order. (The index was once written run by run in
 * day order: a scattered pass over the whole array, which cost as much as the rest together.) Days spread wider than there
 * are runs (the far tails of a normal exit date) are sorted instead.
 */
final class ExitOrder {

    /** The exit runs by day, in run order within a day. */
    final int[] order;
    /** The distinct exit days, ascending. */
    final int[] days;
    /** The exit runs on each of {@link #days}. */
    final long[] runsOnDay;

    private ExitOrder(int[] order, int[] days, long[] runsOnDay) {
        this.order = order;
        this.days = days;
        this.runsOnDay = runsOnDay;
    }

    /**
     * Orders the runs {@code 0 .. exitDay.length - 1} whose exit day is not {@code noExit}, and rewrites {@code exitDay} in
     * place: each run's index into {@link #days}, or -1 for a run without an exit.
     */
    static ExitOrder of(int[] exitDay, int noExit) {
        int exits = 0;
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (int d : exitDay) {
            if (d != noExit) {
                exits++;
                firstDay = d < firstDay ? d : firstDay;
                lastDay = d > lastDay ? d : lastDay;
            }
        }
        if (exits > 0 && (long) lastDay - firstDay < exitDay.length) {
            return byCounting(exitDay, noExit, exits, firstDay, lastDay);
        }
        return bySorting(exitDay, noExit, exits);
    }

    private static ExitOrder byCounting(int[] exitDay, int noExit, int exits, int firstDay, int lastDay) {
        int[] next = new int[lastDay - firstDay + 1];
        for (int d : exitDay) {
            if (d != noExit) {
                next[d - firstDay]++;
            }
        }
        int distinct = 0;
        for (int count : next) {
            distinct += count > 0 ? 1 : 0;
        }
        // Per day of the range: its index among the distinct days, and (in next) its first place in the order.
        int[] dayIndex = new int[next.length];
        int[] days = new int[distinct];
        long[] runsOnDay = new long[distinct];
        for (int d = 0, placed = 0, k = 0; d < next.length; d++) {
            int count = next[d];
            if (count > 0) {
                days[k] = firstDay + d;
                runsOnDay[k] = count;
                dayIndex[d] = k++;
            }
            next[d] = placed;
            placed += count;
        }
        int[] order = new int[exits];
        for (int run = 0; run < exitDay.length; run++) {
            int d = exitDay[run];
            if (d != noExit) {
                int b = d - firstDay;
                order[next[b]++] = run;
                exitDay[run] = dayIndex[b];
            } else {
                exitDay[run] = -1;
            }
        }
        return new ExitOrder(order, days, runsOnDay);
    }

    private static ExitOrder bySorting(int[] exitDay, int noExit, int exits) {
        long[] keys = new long[exits];
        int k = 0;
        for (int run = 0; run < exitDay.length; run++) {
            if (exitDay[run] != noExit) {
                // Day in the high bits, run in the low: sorting groups runs by day, in run order within a day.
                keys[k++] = ((long) exitDay[run] << 32) | run;
            }
        }
        Arrays.sort(keys);
        int[] order = new int[exits];
        for (k = 0; k < exits; k++) {
            order[k] = (int) keys[k];
        }
        // The distinct days: grown as found, not a slot per run.
        int[] days = new int[16];
        long[] runsOnDay = new long[16];
        int distinct = 0;
        for (int run : order) {
            int day = exitDay[run];
            if (distinct == 0 || days[distinct - 1] != day) {
                if (distinct == days.length) {
                    days = Arrays.copyOf(days, 2 * distinct);
                    runsOnDay = Arrays.copyOf(runsOnDay, 2 * distinct);
                }
                days[distinct++] = day;
            }
            runsOnDay[distinct - 1]++;
            exitDay[run] = distinct - 1;
        }
        for (int run = 0; run < exitDay.length; run++) {
            if (exitDay[run] == noExit) {
                exitDay[run] = -1;
            }
        }
        return new ExitOrder(order, Arrays.copyOf(days, distinct), Arrays.copyOf(runsOnDay, distinct));
    }
}
