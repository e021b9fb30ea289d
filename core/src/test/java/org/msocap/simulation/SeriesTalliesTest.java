package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tallies kept chunk by chunk as runs are written equal the first pass over the whole series, in any chunk order; a series
 * whose range is not kept (the statistics take it from its lines) has the same sums, squares and sums by day.
 */
class SeriesTalliesTest {

    @Test
    void chunkTalliesAddUpToThePassOverTheSeries() {
        SplittableRandom random = new SplittableRandom(17);
        int runs = 50_000;
        int days = 7;
        int series = 3;
        long[] cost = {0, 1_000_00, 250_00};
        long[][] values = new long[series][runs];
        int[] day = new int[runs];
        for (int i = 0; i < runs; i++) {
            boolean exits = random.nextInt(5) > 0;
            day[i] = exits ? random.nextInt(days) : -1;
            for (int s = 0; s < series; s++) {
                values[s][i] = !exits ? 0 : s == 0 ? 0 : random.nextInt(10) == 0 ? 0 : random.nextLong(0, 5_000_00);
            }
        }
        boolean[] range = {true, true, false};
        SeriesTallies all = new SeriesTallies(cost, range, days);
        // Chunks in reverse order, as another thread might take them; each chunk's exit runs listed by day.
        long withoutExit = 0;
        for (int from = runs - runs % 4096; from >= 0; from -= 4096) {
            int to = Math.min(runs, from + 4096);
            int[] dayEnd = new int[days];
            int[] runsByDay = new int[to - from];
            int k = 0;
            for (int d = 0; d < days; d++) {
                for (int i = from; i < to; i++) {
                    if (day[i] == d) {
                        runsByDay[k++] = i;
                    }
                }
                dayEnd[d] = k;
            }
            withoutExit += to - from - k;
            // The chunk's columns as the payout pass writes them: series s's exit run k at s × 4096 + k.
            long[] columns = new long[series * 4096];
            for (int s = 0; s < series; s++) {
                for (int j = 0; j < k; j++) {
                    columns[s * 4096 + j] = values[s][runsByDay[j]];
                }
            }
            SeriesTallies chunk = all.forChunk();
            for (int s = 0; s < series; s++) {
                chunk.addAndClear(s, columns, s * 4096, dayEnd);
            }
            assertThat(columns).as("cleared").containsOnly(0L);
            all.addChunk(chunk);
        }
        all.addRunsWithoutExit(withoutExit);
        long[][] given = values;
        assertThat(all.keepsRange(1)).isTrue();
        assertThat(all.keepsRange(2)).isFalse();
        for (int s = 0; s < series; s++) {
            long sum = 0;
            long below = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long[] byDay = new long[days];
            for (int i = 0; i < runs; i++) {
                long v = given[s][i];
                sum += v;
                below += v < cost[s] ? 1 : 0;
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (day[i] >= 0) {
                    byDay[day[i]] += v;
                }
            }
            assertThat(all.sum(s)).as("sum of %d", s).isEqualTo(sum);
            assertThat(all.byDay(s)).containsExactly(byDay);
            assertThat(all.squares(s)).isEqualTo(ExactSquares.squaresOf(given[s], 0, runs));
            if (range[s]) {
                assertThat(all.belowCost(s)).as("below cost, %d", s).isEqualTo(below);
                assertThat(all.min(s)).isEqualTo(min);
                assertThat(all.max(s)).isEqualTo(max);
            }
        }
    }
}
