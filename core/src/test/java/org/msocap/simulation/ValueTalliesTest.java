package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Value tallies kept chunk by chunk on several threads equal one pass over the runs with an exit. */
class ValueTalliesTest {

    private static final int NO_EXIT = Integer.MIN_VALUE;

    @Test
    void threadTalliesAddUpToThePassOverTheExitRuns() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        int runs = 40_000;
        int[] exitDay = new int[runs];
        long[][] values = new long[3][runs];
        for (int i = 0; i < runs; i++) {
            exitDay[i] = random.nextInt(6) == 0 ? NO_EXIT : 20_000 + random.nextInt(40);
            values[0][i] = random.nextLong(0, 8_000_000_000L);
            values[1][i] = random.nextInt(7) == 0 ? 0 : random.nextLong(-1_000, 3_000_000_000_000L); // sum beyond 2^53
            values[2][i] = random.nextLong(-500_000, 500_000);
        }
        ValueTallies tallies = new ValueTallies(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicInteger next = new AtomicInteger();
            int chunks = (runs + 4095) / 4096;
            List<Callable<Void>> workers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                workers.add(() -> {
                    // As the drivers' pass: a chunk's exit runs' values gathered, series after series in one array.
                    long[] gathered = new long[3 * 4096];
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        int n = 0;
                        for (int i = c * 4096; i < Math.min(runs, (c + 1) * 4096); i++) {
                            if (exitDay[i] != NO_EXIT) {
                                for (int s = 0; s < 3; s++) {
                                    gathered[s * 4096 + n] = values[s][i];
                                }
                                n++;
                            }
                        }
                        for (int s = 0; s < 3; s++) {
                            tallies.add(s, gathered, s * 4096, s * 4096 + n);
                        }
                    }
                    return null;
                });
            }
            for (var f : pool.invokeAll(workers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ValueTallies.Tally total = tallies.total();
        for (int s = 0; s < 3; s++) {
            java.math.BigInteger squares = java.math.BigInteger.ZERO;
            long exact = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            int[] counts = new int[LogBuckets.COUNT];
            for (int i = 0; i < runs; i++) {
                if (exitDay[i] != NO_EXIT) {
                    long v = values[s][i];
                    squares = squares.add(java.math.BigInteger.valueOf(v).pow(2));
                    exact += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    counts[LogBuckets.of(v)]++;
                }
            }
            assertThat(total.min(s)).isEqualTo(min);
            assertThat(total.max(s)).isEqualTo(max);
            assertThat(java.util.Arrays.copyOfRange(total.counts(), s * LogBuckets.COUNT, (s + 1) * LogBuckets.COUNT))
                    .containsExactly(counts);
            assertThat(total.sum(s)).isEqualTo(java.math.BigInteger.valueOf(exact));
            assertThat(total.squares(s)).isEqualTo(squares);
        }
    }
}
