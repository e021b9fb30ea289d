package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The percentiles {@link LineRanks} finds from a series' lines are the values a sort of the rebuilt series puts at those
 * indexes, whatever the lines: rising, flat, falling (a flat class's cent of rounding gives a slope of −10⁻⁹), far from 0;
 * corrections anywhere in a byte's range, all at ±127, all 0; ties of proceeds and of values; runs crowded near a wide
 * piece's start (one bucket of many runs at differing proceeds); pieces of one run and of none; runs without an exit. So
 * are the counts of values below a threshold ({@link LineRanks#countBelow}): the runs below cost of a series whose tally
 * keeps no range; and both from one search ({@link LineRanks#atSortedIndexesAndBelow}).
 */
class LineRanksPropertyTest {

    private static final int[] PERCENTILES = {5, 25, 50, 75, 95};

    @Test
    void percentilesFromTheLinesAreThoseOfTheSortedSeries() {
        qt().withFixedSeed(17L).withExamples(400)
                .forAll(integers().between(0, Integer.MAX_VALUE))
                .checkAssert(seed -> check(new SplittableRandom(seed)));
    }

    private static void check(SplittableRandom random) {
        int runs = 1 + random.nextInt(random.nextBoolean() ? 40 : 4000);
        int pieces = 1 + random.nextInt(1 + random.nextInt(60));
        long[] start = new long[pieces];
        long[] width = new long[pieces];
        for (int p = 1; p < pieces; p++) {
            start[p] = random.nextLong(0, 1L << 40);
            // Narrow pieces tie proceeds; wide ones spread them.
            width[p] = random.nextBoolean() ? random.nextLong(1, 20) : random.nextLong(1, 1L << 36);
        }
        int withoutExit = random.nextInt(4) == 0 ? 0 : random.nextInt(100);
        // Some pieces get a run or none: the runs go to a few pieces unevenly.
        int favoured = 1 + random.nextInt(Math.max(1, pieces - 1));
        // Half the runs crowded near their piece's start: on a wide piece, a bucket of runs at differing proceeds.
        boolean crowded = random.nextInt(4) == 0;
        char[] pieceOf = new char[runs];
        long[] proceeds = new long[runs];
        for (int run = 0; run < runs; run++) {
            if (pieces == 1 || random.nextInt(100) < withoutExit) {
                continue;
            }
            int p = random.nextInt(3) == 0 ? 1 + random.nextInt(pieces - 1) : 1 + random.nextInt(favoured);
            pieceOf[run] = (char) p;
            proceeds[run] = start[p] + random.nextLong(0, (crowded && random.nextBoolean() ? Math.min(width[p], 200) : width[p]) + 1);
        }
        double[] base = new double[pieces];
        double[] slope = new double[pieces];
        for (int p = 1; p < pieces; p++) {
            switch (random.nextInt(6)) {
                case 0 -> { // flat, often at 0 (a class paid nothing) or at a cap
                    base[p] = random.nextBoolean() ? 0 : random.nextLong(0, 1_000_000);
                }
                case 1 -> { // the cent of rounding of a flat class
                    base[p] = random.nextLong(0, 1_000_000);
                    slope[p] = random.nextBoolean() ? -1e-9 : 1e-9;
                }
                case 2 -> { // falling
                    base[p] = random.nextLong(0, 1L << 42);
                    slope[p] = -random.nextDouble(0, 2);
                }
                case 3 -> { // steep and far from 0
                    base[p] = random.nextLong(-(1L << 45), 1L << 45);
                    slope[p] = random.nextDouble(0, 3);
                }
                default -> { // a share of the proceeds from near 0
                    base[p] = random.nextDouble(0, 1000);
                    slope[p] = random.nextDouble(0, 1);
                }
            }
        }
        if (random.nextInt(10) == 0) { // every series value 0
            Arrays.fill(base, 0);
            Arrays.fill(slope, 0);
        }
        int corrections = random.nextInt(5);
        // Per piece one correction its runs share (a flat piece's, paid nothing or capped), now and then one run off it.
        int[] shared = new int[pieces];
        for (int p = 1; p < pieces; p++) {
            shared[p] = random.nextInt(3) == 0 ? 0 : random.nextInt(-2, 3);
        }
        byte[] kept = new byte[runs];
        long[] values = new long[runs];
        for (int run = 0; run < runs; run++) {
            int p = pieceOf[run];
            if (p != 0) {
                kept[run] = (byte) switch (corrections) {
                    case 0 -> 0;
                    case 1 -> random.nextBoolean() ? CompactSeries.MAX_CORRECTION : -CompactSeries.MAX_CORRECTION;
                    case 2 -> random.nextInt(-3, 4);
                    case 3 -> random.nextInt(200) == 0 ? shared[p] + 1 : shared[p];
                    default -> random.nextInt(-CompactSeries.MAX_CORRECTION, CompactSeries.MAX_CORRECTION + 1);
                };
            }
            values[run] = kept[run] + LineSeries.estimate(base[p], slope[p], start[p], proceeds[run]);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] indexes = indexes(runs, random);
        LineRanks ranks = LineRanks.of(proceeds, pieceOf, start, runs);
        assertThat(ranks).isNotNull();
        long[] expected = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            expected[i] = sorted[indexes[i]];
        }
        assertThat(ranks.atSortedIndexes(base, slope, kept, indexes)).as("indexes %s", Arrays.toString(indexes))
                .isEqualTo(expected);
        // The runs below a threshold: at a value, next to it, a correction or two away, at 0 and past either end.
        long value = values[random.nextInt(runs)];
        int c = CompactSeries.MAX_CORRECTION;
        long[] thresholds = {value, value - 1, value + 1, value - c, value + c, value - c - 1, value + c + 1, value - 2 * c,
            0, 1, sorted[0], sorted[runs - 1] + 1, random.nextLong(sorted[0] - 300, sorted[runs - 1] + 300)};
        for (long t : thresholds) {
            long below = Arrays.stream(values).filter(v -> v < t).count();
            assertThat(ranks.countBelow(base, slope, kept, t)).as("below %d", t).isEqualTo(below);
            // Both from one search of the series: the percentiles, then the count below.
            long[] both = Arrays.copyOf(expected, expected.length + 1);
            both[expected.length] = below;
            assertThat(ranks.atSortedIndexesAndBelow(base, slope, kept, indexes, t)).as("indexes %s, below %d",
                    Arrays.toString(indexes), t).isEqualTo(both);
        }
    }

    /** The percentiles' nearest ranks, or ascending indexes anywhere (the least and greatest among them). */
    private static int[] indexes(int runs, SplittableRandom random) {
        if (random.nextBoolean()) {
            int[] indexes = new int[PERCENTILES.length];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = (int) Math.max(1, ((long) PERCENTILES[i] * runs + 99) / 100) - 1;
            }
            return indexes;
        }
        int[] indexes = new int[2 + random.nextInt(6)];
        indexes[0] = 0;
        indexes[indexes.length - 1] = runs - 1;
        for (int i = 1; i < indexes.length - 1; i++) {
            indexes[i] = random.nextInt(runs);
        }
        Arrays.sort(indexes);
        return indexes;
    }

    @Test
    void proceedsTooFarAlongForTheKeysLeaveTheCountToTheCaller() {
        // 1,000 runs take 10 bits of the key: places along of 2^53 cents and more do not fit beside them.
        int runs = 1000;
        char[] pieceOf = new char[runs];
        long[] proceeds = new long[runs];
        pieceOf[7] = 1;
        proceeds[7] = 1L << 53;
        assertThat(LineRanks.of(proceeds, pieceOf, new long[] {0, 0}, runs)).isNull();
        proceeds[7] = (1L << 53) - 1;
        assertThat(LineRanks.of(proceeds, pieceOf, new long[] {0, 0}, runs)).isNotNull();
    }
}
