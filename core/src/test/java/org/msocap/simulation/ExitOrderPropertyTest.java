package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ExitOrder} against the plain definition: the exit runs stably sorted by day, the distinct days ascending with
 * their counts, each run's day replaced by its index (-1 without an exit). QuickTheories with a fixed seed, over days
 * counted out (a few dozen month ends, as a simulation's) and days spread wider than the runs (sorted).
 */
class ExitOrderPropertyTest {

    private static final int NO_EXIT = Integer.MIN_VALUE;

    @Test
    void ordersTheExitRunsByDayAsAStableSortDoes() {
        qt().withFixedSeed(23L).withExamples(3_000)
                .forAll(integers().between(0, 3000), longs().all(), integers().between(0, 100), integers().between(0, 3))
                .checkAssert((runs, seed, noExitPercent, spread) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int base = random.nextInt(-1_000_000, 3_000_000);
                    int[] exitDay = new int[runs];
                    for (int run = 0; run < runs; run++) {
                        exitDay[run] = random.nextInt(100) < noExitPercent ? NO_EXIT : base + switch (spread) {
                            case 0 -> 0;                                           // one day
                            case 1 -> 30 * random.nextInt(48);                     // month ends, counted out
                            case 2 -> random.nextInt(Math.max(1, runs));           // as wide as the runs, nearly
                            default -> random.nextInt(1_000_000_000) - 500_000_000; // far wider: sorted
                        };
                    }
                    check(exitDay);
                });
    }

    @Test
    void edgesOfTheRange() {
        check(new int[0]);
        check(new int[] {NO_EXIT, NO_EXIT});
        check(new int[] {Integer.MAX_VALUE, NO_EXIT, Integer.MIN_VALUE + 1, Integer.MAX_VALUE});
        check(new int[] {5, 4, 5, 3, NO_EXIT, 3});   // range 3 days, 6 runs: counted
        check(new int[] {5, 0, NO_EXIT, 5});         // range 6 days, 4 runs: sorted
    }

    /**
     * {@link ExitOrder#byChunk}, each chunk's exit runs counted on days given beforehand (some never drawn): the days, their
     * counts and indexes of {@link ExitOrder#of}; each chunk's stretch of the order its exit runs stably sorted by day, each
     * day's end where its runs end; and every stride-th run by day ({@link ExitOrder#everyByDay}) that of the order by day.
     */
    @Test
    void ordersEachChunksExitRunsByDayAndTakesEveryStrideThRunByDay() {
        qt().withFixedSeed(29L).withExamples(2_000)
                .forAll(integers().between(0, 3000), longs().all(), integers().between(0, 100), integers().between(1, 300))
                .checkAssert((runs, seed, noExitPercent, chunk) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int[] candidates = new int[random.nextInt(1, 60)];
                    candidates[0] = random.nextInt(-1_000_000, 3_000_000);
                    for (int m = 1; m < candidates.length; m++) {
                        candidates[m] = candidates[m - 1] + random.nextInt(28, 32);
                    }
                    // Exits on a few of the days only, now and then.
                    int drawn = random.nextInt(4) == 0 ? random.nextInt(1, candidates.length + 1) : candidates.length;
                    int[] exitDay = new int[runs];
                    int[][] chunkRuns = new int[(runs + chunk - 1) / chunk][candidates.length];
                    for (int run = 0; run < runs; run++) {
                        int m = random.nextInt(drawn);
                        exitDay[run] = random.nextInt(100) < noExitPercent ? NO_EXIT : candidates[m];
                        chunkRuns[run / chunk][m] += exitDay[run] == NO_EXIT ? 0 : 1;
                    }
                    checkByChunk(exitDay, candidates, chunkRuns, chunk);
                });
    }

    @Test
    void byChunkEdges() {
        checkByChunk(new int[0], new int[] {10}, new int[0][], 4);
        checkByChunk(new int[] {NO_EXIT, NO_EXIT, NO_EXIT}, new int[] {10, 40}, new int[][] {{0, 0}, {0, 0}}, 2);
        checkByChunk(new int[] {40, 10, 40, NO_EXIT, 10}, new int[] {10, 40, 70}, new int[][] {{1, 2, 0}, {1, 0, 0}}, 4);
    }

    private static void checkByChunk(int[] exitDay, int[] candidates, int[][] chunkRuns, int chunk) {
        int[] given = exitDay.clone();
        int[] byDay = exitDay.clone();
        ExitOrder expected = ExitOrder.of(byDay, NO_EXIT);

        ExitOrder ordered = ExitOrder.byChunk(exitDay, NO_EXIT, candidates, chunkRuns, chunk);

        assertThat(ordered.days).containsExactly(expected.days);
        assertThat(ordered.runsOnDay).containsExactly(expected.runsOnDay);
        assertThat(exitDay).containsExactly(byDay);
        int days = expected.days.length;
        assertThat(ordered.chunkFrom).hasSize(chunkRuns.length + 1);
        for (int c = 0; c < chunkRuns.length; c++) {
            int from = c * chunk;
            int[] inChunk = IntStream.range(from, Math.min(given.length, from + chunk)).filter(r -> given[r] != NO_EXIT).boxed()
                    .sorted(Comparator.comparingInt(r -> given[r])).mapToInt(Integer::intValue).toArray();
            assertThat(ordered.chunkFrom[c]).as("chunk %d", c).isEqualTo(c == 0 ? 0 : ordered.chunkFrom[c - 1] + Arrays.stream(
                    chunkRuns[c - 1]).sum());
            assertThat(Arrays.copyOfRange(ordered.order, ordered.chunkFrom[c], ordered.chunkFrom[c + 1])).as("chunk %d", c)
                    .containsExactly(inChunk);
            for (int d = 0; d < days; d++) {
                int day = d;
                long upTo = Arrays.stream(inChunk).filter(r -> byDay[r] <= day).count();
                assertThat(ordered.chunkDayEnd[c * days + d]).as("chunk %d, day %d", c, d).isEqualTo(ordered.chunkFrom[c] + upTo);
            }
        }
        for (int stride : new int[] {1, 2, 3, 7, 64, 1000, Integer.MAX_VALUE}) {
            int[] every = LongStream.iterate(0, k -> k < expected.order.length, k -> k + stride)
                    .mapToInt(k -> expected.order[(int) k]).toArray();
            assertThat(ordered.everyByDay(stride)).as("stride %d", stride).containsExactly(every);
            assertThat(expected.everyByDay(stride)).as("stride %d", stride).containsExactly(every);
        }
    }

    private static void check(int[] exitDay) {
        int[] given = exitDay.clone();
        Integer[] expectedOrder = IntStream.range(0, given.length).filter(r -> given[r] != NO_EXIT).boxed()
                .sorted(Comparator.comparingInt(r -> given[r])).toArray(Integer[]::new);
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (int d : given) {
            if (d != NO_EXIT) {
                counts.merge(d, 1L, Long::sum);
            }
        }
        int[] expectedDays = counts.keySet().stream().mapToInt(Integer::intValue).toArray();

        ExitOrder ordered = ExitOrder.of(exitDay, NO_EXIT);

        assertThat(ordered.order).containsExactly(Arrays.stream(expectedOrder).mapToInt(Integer::intValue).toArray());
        assertThat(ordered.days).containsExactly(expectedDays);
        assertThat(ordered.runsOnDay).containsExactly(counts.values().stream().mapToLong(Long::longValue).toArray());
        for (int run = 0; run < given.length; run++) {
            assertThat(exitDay[run]).as("run %d", run)
                    .isEqualTo(given[run] == NO_EXIT ? -1 : Arrays.binarySearch(expectedDays, given[run]));
        }
    }
}
