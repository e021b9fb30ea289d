package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact sums of squares ({@link ExactSquares}) as the tallies keep them, against {@link BigInteger}; the standard
 * deviation from them against an exact {@link BigDecimal} computation, alone and as the simulator reports it.
 */
class ExactSquaresPropertyTest {

    /** The largest payout or value the tallies meet: twice the amount limit, below 2^48 (see {@link ExactSquares}). */
    private static final long LARGEST = 1L << 48;

    @Test
    void squaresKeptByEveryPathAreTheExactSquares() {
        qt().withFixedSeed(1717L).withExamples(300)
                .forAll(longs().all(), integers().between(0, 7), integers().between(0, 3))
                .checkAssert((seed, kind, size) -> {
                    // Chunks of 1 and of 4096 runs (the most a stretch may sum), and between.
                    int n = new int[] {1, 4096, 4095, 37}[size];
                    SplittableRandom random = new SplittableRandom(seed);
                    long[] values = new long[n];
                    BigInteger sum = BigInteger.ZERO;
                    BigInteger squares = BigInteger.ZERO;
                    for (int i = 0; i < n; i++) {
                        values[i] = value(random, kind);
                        sum = sum.add(BigInteger.valueOf(values[i]));
                        squares = squares.add(BigInteger.valueOf(values[i]).pow(2));
                    }
                    assertThat(ExactSquares.squaresOf(values, 0, n)).isEqualTo(squares);
                    assertThat(ExactSquares.sumOf(values, 0, n)).isEqualTo(sum);
                    // The payout pass's tallies: the chunk's values in one day's column, cleared as they are read.
                    SeriesTallies all = new SeriesTallies(new long[] {0}, 1);
                    SeriesTallies chunk = all.forChunk();
                    chunk.addAndClear(0, values.clone(), 0, new int[] {n});
                    all.addChunk(chunk);
                    assertThat(all.squares(0)).isEqualTo(squares);
                    // The drivers' pass's: the chunk's exit runs' values gathered at an offset, in two calls.
                    long[] gathered = new long[n + 7];
                    System.arraycopy(values, 0, gathered, 7, n);
                    ValueTallies tallies = new ValueTallies(1);
                    tallies.add(0, gathered, 7, 7 + n / 2);
                    tallies.add(0, gathered, 7 + n / 2, 7 + n);
                    assertThat(tallies.total().squares(0)).isEqualTo(squares);
                    assertThat(tallies.total().sum(0)).isEqualTo(sum);
                    assertThat(ExactSquares.sampleStandardDeviation(n, sum, squares)).isEqualTo(nearest(n, sum, squares));
                });
    }

    /**
     * The line series' sums of a day ({@link LineSeries#sumSquaresAndClear}): the sum and the squares' three sums of a
     * stretch at any offset, added to the squares of an earlier day, the stretch cleared and nothing outside it touched.
     */
    @Test
    void aDaysSumsAndSquaresAreExactAndClearOnlyTheDay() {
        qt().withFixedSeed(2121L).withExamples(2_000)
                .forAll(longs().all(), integers().between(0, 7), integers().between(0, 2048), integers().between(0, 2048))
                .checkAssert((seed, kind, offset, length) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    long[] values = new long[offset + length + 3];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = value(random, kind);
                    }
                    long[] before = values.clone();
                    // An earlier day of the chunk first (the squares hold its sums): the two at most a stretch.
                    long[] earlier = new long[random.nextInt(2049)];
                    for (int i = 0; i < earlier.length; i++) {
                        earlier[i] = value(random, kind);
                    }
                    long[] day = new long[earlier.length + length];
                    System.arraycopy(earlier, 0, day, 0, earlier.length);
                    System.arraycopy(values, offset, day, earlier.length, length);
                    ExactSquares.Stretch squares = new ExactSquares.Stretch();
                    long earlierSum = LineSeries.sumSquaresAndClear(earlier, 0, earlier.length, squares);
                    long sum = LineSeries.sumSquaresAndClear(values, offset, offset + length, squares);
                    assertThat(earlierSum).isEqualTo(ExactSquares.sumOf(day, 0, day.length - length).longValueExact());
                    assertThat(sum).isEqualTo(ExactSquares.sumOf(day, day.length - length, day.length).longValueExact());
                    BigInteger exact = ExactSquares.squaresOf(day, 0, day.length);
                    // Exact whenever the stretch says so, and it does for any squares below 2^99 (values up to 2^43).
                    if (exact.bitLength() <= 99) {
                        assertThat(squares.exact()).as("squares of %d bits", exact.bitLength()).isTrue();
                    }
                    if (squares.exact()) {
                        ExactSquares total = new ExactSquares(1);
                        total.addSquares(0, squares);
                        assertThat(total.get(0)).isEqualTo(exact);
                    }
                    assertThat(earlier).as("the earlier day cleared").isEqualTo(new long[earlier.length]);
                    for (int i = 0; i < values.length; i++) {
                        assertThat(values[i]).as("value %d", i).isEqualTo(i >= offset && i < offset + length ? 0 : before[i]);
                    }
                });
    }

    /**
     * {@link ExactSquares#upper}: any sum of squares up to 2^100 from its value modulo 2^64 and an approximation within
     * 2^62 of it (the stretch's is within 2^60), near the multiples of 2^64 too.
     */
    @Test
    void theUpperWordFollowsFromTheLowerAndAnApproximation() {
        qt().withFixedSeed(2323L).withExamples(20_000)
                .forAll(longs().all(), integers().between(0, 3))
                .checkAssert((seed, kind) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int bits = random.nextInt(1, 101);
                    BigInteger exact = new BigInteger(bits, new java.util.Random(seed));
                    if (kind == 1) {   // within 2^62 of a multiple of 2^64
                        exact = exact.shiftRight(64).shiftLeft(64).add(BigInteger.valueOf(random.nextLong(-1L << 62, 1L << 62)))
                                .max(BigInteger.ZERO);
                    } else if (kind == 2) {
                        exact = BigInteger.ONE.shiftLeft(100).subtract(BigInteger.valueOf(random.nextLong(1L << 40)));
                    }
                    long off = random.nextLong(-(1L << 62) + 1, 1L << 62);
                    double approx = new BigDecimal(exact).add(BigDecimal.valueOf(off)).max(BigDecimal.ZERO).doubleValue();
                    if (approx > 0x1p100) {
                        return;
                    }
                    assertThat(ExactSquares.upper(exact.longValue(), approx)).as("%s from %s", exact, approx)
                            .isEqualTo(exact.shiftRight(64).longValueExact());
                });
    }

    /** A value of one kind: the limits, around them, around the split of hi and lo, negative, small. */
    private static long value(SplittableRandom random, int kind) {
        return switch (kind) {
            case 0 -> random.nextBoolean() ? LARGEST : -LARGEST;
            case 1 -> LARGEST - random.nextLong(1 << 20);
            case 2 -> random.nextLong(-LARGEST, LARGEST + 1);
            case 3 -> (random.nextLong(-1L << 23, 1L << 23) << ExactSquares.LOW_BITS) + random.nextLong(-2, 3);
            case 4 -> random.nextLong(-1_000, 1_000);
            case 5 -> (random.nextBoolean() ? 1 : -1) * ((1L << 44) - random.nextLong(1L << 30));   // 4096 of them: 2^100
            case 6 -> (random.nextLong(-1L << 20, 1L << 20) << 24) + random.nextLong(-2, 3);   // squares' low words often 0
            default -> random.nextInt(3) == 0 ? 0 : random.nextLong(0, 5_000_000_00L);
        };
    }

    @Test
    void totalsCarryPastSixtyFourBitsInAnyOrder() {
        // 300 stretches of 4096 values of 2^48: a total of 300 × 2^108, far past a long; added in two orders.
        ExactSquares forward = new ExactSquares(2);
        ExactSquares backward = new ExactSquares(2);
        long[] stretch = new long[4096];
        BigInteger expected = BigInteger.ZERO;
        SplittableRandom random = new SplittableRandom(3);
        long[][] stretches = new long[300][];
        for (int k = 0; k < stretches.length; k++) {
            for (int i = 0; i < stretch.length; i++) {
                stretch[i] = value(random, k % 8);
                expected = expected.add(BigInteger.valueOf(stretch[i]).pow(2));
            }
            stretches[k] = stretch.clone();
        }
        for (int k = 0; k < stretches.length; k++) {
            forward.addSquaresOf(1, stretches[k], 0, stretch.length);
            backward.addSquaresOf(1, stretches[stretches.length - 1 - k], 0, stretch.length);
            forward.add(0, -stretches[k][0]);
            backward.add(0, -stretches[stretches.length - 1 - k][0]);
        }
        ExactSquares both = new ExactSquares(2);
        both.addAll(forward);
        both.addAll(backward);
        assertThat(forward.get(1)).isEqualTo(expected).isEqualTo(backward.get(1));
        assertThat(both.get(1)).isEqualTo(expected.shiftLeft(1));
        BigInteger firsts = BigInteger.ZERO;
        for (long[] s : stretches) {
            firsts = firsts.subtract(BigInteger.valueOf(s[0]));
        }
        assertThat(forward.get(0)).as("a negative sum").isEqualTo(firsts).isEqualTo(backward.get(0));
    }

    @Test
    void theStandardDeviationIsTheExactOneRoundedOnce() {
        qt().withFixedSeed(99L).withExamples(2000)
                .forAll(integers().between(2, 1_000_000), longs().between(-1L << 40, 1L << 40), longs().between(0, 1L << 40))
                .checkAssert((n, mean, spread) -> {
                    // Any n values with this sum whose squares sum to at least the sum's square over n.
                    BigInteger sum = BigInteger.valueOf(mean).multiply(BigInteger.valueOf(n)).add(BigInteger.valueOf(spread % n));
                    BigInteger least = sum.pow(2).add(BigInteger.valueOf(n - 1)).divide(BigInteger.valueOf(n));
                    BigInteger squares = least.add(BigInteger.valueOf(spread).pow(2).multiply(BigInteger.valueOf(spread % 7)));
                    assertThat(ExactSquares.sampleStandardDeviation(n, sum, squares)).isEqualTo(nearest(n, sum, squares));
                });
        assertThat(ExactSquares.sampleStandardDeviation(1, BigInteger.TEN, BigInteger.valueOf(100))).isZero();
        assertThat(ExactSquares.sampleStandardDeviation(4, BigInteger.valueOf(8), BigInteger.valueOf(16))).isZero();
        // {1, 2, 3}: the sample variance is 1, exactly.
        assertThat(ExactSquares.sampleStandardDeviation(3, BigInteger.valueOf(6), BigInteger.valueOf(14))).isEqualTo(1.0);
    }

    /**
     * The simulator's standard deviations, on the path that keeps the series against lines (the squares the payout
     * pass's tallies') and on the one that passes over arrays: each the exact figure of its series' cents, rounded once.
     */
    @Test
    void theSimulatorsStandardDeviationsAreTheExactOnes() {
        SimulationSetup setup = DerivedSeriesTest.setup(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false),
                DerivedSeriesTest.terms(), List.of());
        SimulationOptions options = new SimulationOptions(60_000, 9, 2, SimulationOptions.ALL_HOLDERS, 50, 10);
        long[][][] kept = new long[1][][];
        SimulationResult result = MonteCarloSimulator.observingSeries(true, (d, series) -> kept[0] = series)
                .simulate(setup, options);
        // The series observed: the classes', then the categories'.
        List<SeriesStatistics> categories = new java.util.ArrayList<>(result.classes());
        categories.addAll(result.categories());
        int checked = 0;
        for (int c = 0; c < categories.size(); c++) {
            long[] cents = kept[0][c];
            BigInteger sum = BigInteger.ZERO;
            BigInteger squares = BigInteger.ZERO;
            for (long v : cents) {
                sum = sum.add(BigInteger.valueOf(v));
                squares = squares.add(BigInteger.valueOf(v).pow(2));
            }
            assertThat(categories.get(c).standardDeviation()).as("series %s", categories.get(c).key())
                    .isEqualTo(nearest(cents.length, sum, squares) / 100);
            checked += categories.get(c).standardDeviation() > 0 ? 1 : 0;
        }
        assertThat(checked).isGreaterThan(3);
        assertThat(MonteCarloSimulator.withoutTallies().simulate(setup, options)).isEqualTo(result);
    }

    /** The double nearest {@code √((n Σv² − (Σv)²) / (n (n − 1)))}, from a 60-digit decimal root. */
    static double nearest(long n, BigInteger sum, BigInteger squares) {
        if (n < 2) {
            return 0;
        }
        BigInteger numerator = BigInteger.valueOf(n).multiply(squares).subtract(sum.pow(2));
        BigDecimal variance = new BigDecimal(numerator).divide(new BigDecimal(BigInteger.valueOf(n).multiply(BigInteger.valueOf(n - 1))),
                new MathContext(80));
        return variance.sqrt(new MathContext(60)).doubleValue();
    }
}
