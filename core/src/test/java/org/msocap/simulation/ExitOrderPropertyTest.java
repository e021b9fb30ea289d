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
