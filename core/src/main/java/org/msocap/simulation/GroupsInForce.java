package org.msocap.simulation;

import java.util.function.IntPredicate;

/**
 * Which runs a class's statistics cover when deal events change the cap table: a class of one cap table of the timeline
 * exists only at exits while that table is in force, so its statistics are over those runs (and the runs without an
 * exit, which live through every event, when it belongs to the last table). Elsewhere it has no holders to pay.
 */
final class GroupsInForce {

    private GroupsInForce() {
    }

    /**
     * Per exit day (in {@code exitDays} order) whether any of the selected positions exists then, and last, whether it
     * does after every event (the runs without an exit); null when it exists in all of them (every run counts).
     */
    static boolean[] byExitDay(TimelinePayoutModel timeline, int[] exitDays, IntPredicate selected, int positions) {
        boolean[] in = new boolean[exitDays.length + 1];
        boolean everywhere = true;
        for (int d = 0; d <= exitDays.length; d++) {
            int day = d < exitDays.length ? exitDays[d] : Integer.MAX_VALUE;
            for (int p = 0; p < positions && !in[d]; p++) {
                in[d] = selected.test(p) && timeline.inForce(p, day);
            }
            everywhere &= in[d];
        }
        return everywhere ? null : in;
    }

    /** The values of the runs where the class exists, in run order, with their exit day indexes. */
    record Runs(long[] cents, int[] dayIndex, int count) {
    }

    static Runs runs(long[] cents, int[] exitDayIndex, int runs, boolean[] inForce) {
        int withoutExit = inForce.length - 1;
        int n = 0;
        for (int i = 0; i < runs; i++) {
            n += inForce[exitDayIndex[i] < 0 ? withoutExit : exitDayIndex[i]] ? 1 : 0;
        }
        long[] kept = new long[n];
        int[] day = new int[n];
        int k = 0;
        for (int i = 0; i < runs; i++) {
            if (inForce[exitDayIndex[i] < 0 ? withoutExit : exitDayIndex[i]]) {
                kept[k] = cents[i];
                day[k++] = exitDayIndex[i];
            }
        }
        return new Runs(kept, day, n);
    }
}
