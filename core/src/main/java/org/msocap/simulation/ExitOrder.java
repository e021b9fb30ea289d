package org.msocap.simulation;

import java.util.Arrays;

/**
 * A simulation's exit runs ordered by exit day, run order within a day, and each run's exit day replaced by the index of
 * its day among the distinct exit days. The payout passes take the runs day by day from it. Exit days are usually a few
 * dozen month ends, so they are counted out by day: a pass for their range, one for the counts per day, and one that both
 * places each run and writes its day's index, each reading the runs in order. (The index was once written run by run in
 * day order: a scattered pass over the whole array, which cost as much as the rest together.) Days spread wider than there
 * are runs (the far tails of a normal exit date) are sorted instead.
 *
 * <p>When the drawing pass counted each chunk's exit runs by day as it drew them ({@link #byChunk}), the first two passes
 * are not needed, and the runs are placed chunk by chunk, by day within a chunk: the order the payout pass takes each
 * chunk's runs in, which it then copies instead of counting and placing them again.
 */
final class ExitOrder {

    /**
     * The exit runs by day, in run order within a day; or, by {@link #byChunk}, chunk by chunk ({@link #chunkFrom}) and by
     * day within a chunk.
     */
    final int[] order;
    /** The distinct exit days, ascending. */
    final int[] days;
    /** The exit runs on each of {@link #days}. */
    final long[] runsOnDay;
    /**
     * By {@link #byChunk}: where each chunk's exit runs start in {@link #order} (one more entry, the exit runs); null when
     * the order is by day over all runs.
     */
    final int[] chunkFrom;
    /** By {@link #byChunk}: per chunk {@code c} and day index {@code d}, where its runs on the day end in the order, at {@code c × days.length + d}. */
    final int[] chunkDayEnd;

    private ExitOrder(int[] order, int[] days, long[] runsOnDay) {
        this(order, days, runsOnDay, null, null);
    }

    private ExitOrder(int[] order, int[] days, long[] runsOnDay, int[] chunkFrom, int[] chunkDayEnd) {
        this.order = order;
        this.days = days;
        this.runsOnDay = runsOnDay;
        this.chunkFrom = chunkFrom;
        this.chunkDayEnd = chunkDayEnd;
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

    /**
     * {@link #of}, the runs placed chunk by chunk ({@code chunk} runs each, the last maybe fewer), by day within a chunk,
     * in one pass: the caller counted each chunk's exit runs on each of {@code candidates} (ascending days; every exit run's
     * day among them) while it drew them, {@code chunkRuns[c][m]} those of chunk {@code c} on {@code candidates[m]}.
     */
    static ExitOrder byChunk(int[] exitDay, int noExit, int[] candidates, int[][] chunkRuns, int chunk) {
        long[] total = new long[candidates.length];
        for (int[] runs : chunkRuns) {
            for (int m = 0; m < total.length; m++) {
                total[m] += runs[m];
            }
        }
        int distinct = 0;
        for (long count : total) {
            distinct += count > 0 ? 1 : 0;
        }
        int[] days = new int[distinct];
        long[] runsOnDay = new long[distinct];
        int[] indexOf = new int[candidates.length];
        for (int m = 0, k = 0; m < candidates.length; m++) {
            if (total[m] > 0) {
                days[k] = candidates[m];
                runsOnDay[k] = total[m];
                indexOf[m] = k++;
            }
        }
        // Per day of the range: its index among the distinct days.
        int firstDay = distinct == 0 ? 0 : days[0];
        int[] dayIndex = new int[distinct == 0 ? 0 : days[distinct - 1] - firstDay + 1];
        for (int k = 0; k < distinct; k++) {
            dayIndex[days[k] - firstDay] = k;
        }
        // Per chunk and day, its first place in the order (in chunkDayEnd, which the placing moves on to its end).
        int chunks = chunkRuns.length;
        int[] chunkFrom = new int[chunks + 1];
        int[] chunkDayEnd = new int[chunks * distinct];
        int placed = 0;
        for (int c = 0; c < chunks; c++) {
            chunkFrom[c] = placed;
            for (int m = 0; m < candidates.length; m++) {
                if (total[m] > 0) {
                    chunkDayEnd[c * distinct + indexOf[m]] = placed;
                    placed += chunkRuns[c][m];
                }
            }
        }
        chunkFrom[chunks] = placed;
        int[] order = new int[placed];
        for (int c = 0; c < chunks; c++) {
            int at = c * distinct;
            for (int run = c * chunk, to = Math.min(exitDay.length, run + chunk); run < to; run++) {
                int d = exitDay[run];
                if (d != noExit) {
                    int k = dayIndex[d - firstDay];
                    order[chunkDayEnd[at + k]++] = run;
                    exitDay[run] = k;
                } else {
                    exitDay[run] = -1;
                }
            }
        }
        return new ExitOrder(order, days, runsOnDay, chunkFrom, chunkDayEnd);
    }

    /** The exit runs at every {@code stride}-th place of the order by day over all runs, from its first. */
    int[] everyByDay(int stride) {
        int[] out = new int[order.length == 0 ? 0 : (order.length - 1) / stride + 1];
        if (chunkFrom == null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = order[i * stride];
            }
            return out;
        }
        // The order by day is each day's stretch of every chunk in turn.
        int chunks = chunkFrom.length - 1;
        int i = 0;
        long next = 0;   // the place by day of the next run taken
        long place = 0;  // the place by day of the stretch's first run
        for (int d = 0; d < days.length; d++) {
            for (int c = 0; c < chunks; c++) {
                int from = d == 0 ? chunkFrom[c] : chunkDayEnd[c * days.length + d - 1];
                int to = chunkDayEnd[c * days.length + d];
                for (; next < place + (to - from); next += stride) {
                    out[i++] = order[from + (int) (next - place)];
                }
                place += to - from;
            }
        }
        return out;
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
