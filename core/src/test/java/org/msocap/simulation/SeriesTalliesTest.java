package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tallies kept chunk by chunk as runs are written equal the first pass over the whole series, in any chunk order. */
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
        SeriesTallies all = new SeriesTallies(cost, days);
        // Chunks in reverse order, as another thread might take them.
        long withoutExit = 0;
        for (int from = runs - runs % 4096; from >= 0; from -= 4096) {
            SeriesTallies chunk = all.forChunk();
            long[] run = new long[series];
            for (int i = from; i < Math.min(runs, from + 4096); i++) {
                if (day[i] < 0) {
                    withoutExit++;
                    continue;
                }
                for (int s = 0; s < series; s++) {
                    run[s] = values[s][i];
                }
                chunk.add(run, 1, 0, day[i]);
                chunk.add(run, 2, 1, day[i]);  // one call can cover a stretch of the series: here 1 and 2 from run[0, 2)
            }
            all.addChunk(chunk);
        }
        all.addRunsWithoutExit(withoutExit);
        // Series 1 and 2 were given run[0] and run[1] (the second call's stretch), series 0 run[0].
        long[][] given = {values[0], values[0], values[1]};
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
            assertThat(all.belowCost(s)).as("below cost, %d", s).isEqualTo(below);
            assertThat(all.min(s)).isEqualTo(min);
            assertThat(all.max(s)).isEqualTo(max);
            assertThat(all.byDay(s)).containsExactly(byDay);
        }
    }
}
