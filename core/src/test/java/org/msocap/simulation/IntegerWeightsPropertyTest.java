package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.money.Allocation;
import org.msocap.money.Money;

/** The fast integer split gives exactly {@link Allocation#proportional}'s cents, QuickTheories with a fixed seed. */
class IntegerWeightsPropertyTest {

    @Test
    void splitsExactlyLikeAllocation() {
        // Narrow weights tie often (equal remainders, decided by order); wide ones and large cents take the exact
        // fallback; part counts on both sides of the ranked/bucketed threshold; one scratch reused throughout.
        IntegerWeights.Scratch scratch = new IntegerWeights.Scratch();
        qt().withFixedSeed(42L).withExamples(4000)
                .forAll(lists().of(longs().between(0, 40)).ofSizeBetween(1, 3 * IntegerWeights.RANKED_PARTS),
                        integers().between(1, 61), longs().between(0, Long.MAX_VALUE), integers().between(1, 62))
                .checkAssert((narrow, bits, seed, centsBits) -> {
                    long[] weights = new long[narrow.size()];
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    for (int j = 0; j < weights.length; j++) {
                        weights[j] = bits <= 6 ? narrow.get(j) : random.nextLong(1L << Math.min(bits, 61 - 6));
                    }
                    weights[0] = Math.max(weights[0], 1);
                    long cents = random.nextLong(1L << Math.min(centsBits, 60));
                    check(weights, cents, scratch);
                });
    }

    /**
     * Two and three parts (a claimant's usual holdings) take the short split, each quotient but the last one estimated:
     * the same cents. Narrow weights and round cents tie often (equal remainders, remainders of exactly half the total).
     */
    @Test
    void twoAndThreePartsSplitExactlyLikeAllocation() {
        IntegerWeights.Scratch scratch = new IntegerWeights.Scratch();
        qt().withFixedSeed(43L).withExamples(30_000)
                .forAll(integers().between(1, 3), integers().between(1, 61), longs().between(0, Long.MAX_VALUE), integers().between(1, 62))
                .checkAssert((parts, bits, seed, centsBits) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    long[] weights = new long[parts];
                    for (int j = 0; j < parts; j++) {
                        weights[j] = bits <= 4 ? random.nextLong(0, 1L << bits) : random.nextLong(1L << Math.min(bits, 60 - 2));
                    }
                    weights[random.nextInt(parts)] |= 1;
                    long cents = centsBits <= 8 ? random.nextLong(0, 1L << centsBits) : random.nextLong(1L << Math.min(centsBits, 60));
                    check(weights, cents, scratch);
                });
        for (long cents = 0; cents < 50; cents++) {
            check(new long[] {1, 1}, cents, scratch);
            check(new long[] {1, 1, 1}, cents, scratch);
            check(new long[] {1, 2, 1}, cents, scratch);
            check(new long[] {0, 3, 3}, cents, scratch);
            check(new long[] {2, 0, 2}, cents, scratch);
        }
    }

    /**
     * {@link IntegerWeights#addSplit} splits two and three parts in doubles, and in integers when a part's fraction is
     * within its error bound of a whole number (two parts: of one half) or of another part's. Cents built to land exactly
     * on those cases (a remainder of exactly half the total, one or two either side of it, 0, 1 or total − 1, equal
     * remainders, equal weights), up to the doubles' 2⁴⁶ cents where their error is largest, over totals of 2 to 52 bits:
     * split in doubles alone, about half of these would give the cent to the wrong part. The positions are an array
     * longer than the parts, as the series pass passes them.
     */
    @Test
    void doubleSplitsAtTiesAndWholeSharesAreExact() {
        IntegerWeights.Scratch scratch = new IntegerWeights.Scratch();
        qt().withFixedSeed(45L).withExamples(40_000)
                .forAll(integers().between(2, 3), integers().between(2, 52), longs().between(0, Long.MAX_VALUE), integers().between(0, 7))
                .checkAssert((parts, bits, seed, kind) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    long[] weights = new long[parts];
                    for (int j = 0; j < parts; j++) {
                        weights[j] = 1 + random.nextLong(1L << (bits - 2));
                    }
                    if (kind == 7) {
                        weights[parts - 1] = weights[0];   // equal weights: their remainders tie exactly
                    }
                    long total = java.util.Arrays.stream(weights).sum();
                    java.math.BigInteger t = java.math.BigInteger.valueOf(total);
                    int j = random.nextInt(parts);
                    long base;
                    if (kind == 6) {
                        // cents × (w₀ − w₁) a multiple of the total: parts 0 and 1 have equal remainders
                        long g = t.gcd(java.math.BigInteger.valueOf(Math.abs(weights[0] - weights[1]))).longValue();
                        base = total / g;
                    } else {
                        long residue = switch (kind) {
                            case 0 -> total / 2;
                            case 1 -> total / 2 + 1;
                            case 2 -> total / 2 - 1;
                            case 3 -> 0;
                            case 4 -> 1;
                            default -> total - 1;
                        };
                        java.math.BigInteger w = java.math.BigInteger.valueOf(weights[j]);
                        // cents × wⱼ ≡ residue (mod total) when wⱼ is invertible modulo the total
                        base = w.gcd(t).equals(java.math.BigInteger.ONE)
                                ? java.math.BigInteger.valueOf(Math.floorMod(residue, total)).multiply(w.modInverse(t)).mod(t).longValue()
                                : random.nextLong(total);
                    }
                    long room = ((1L << 46) - base) / (kind == 6 ? base : total);
                    long cents = base + (room > 0 ? random.nextLong(room + 1) : 0) * (kind == 6 ? base : total);
                    checkAdded(weights, cents, scratch);
                    checkAdded(weights, Math.max(0, cents - total), scratch);
                });
        checkAdded(new long[] {1, 5}, 3 + 6 * ((1L << 43) - 1), scratch);   // exactly half a cent over, share 1/6 inexact
        checkAdded(new long[] {5, 1}, 3 + 6 * ((1L << 43) - 1), scratch);
        checkAdded(new long[] {3, 7, 3}, 13 * ((1L << 42) + 5) + 4, scratch);
    }

    private static void checkAdded(long[] weights, long cents, IntegerWeights.Scratch scratch) {
        long[] expected = Allocation.largestRemainder(cents, java.util.Arrays.stream(weights).mapToObj(BigFraction::new).toList());
        // Two places along the columns the series pass adds into (at 2).
        long[] out = new long[weights.length + 5];
        int[] target = new int[weights.length + 2];
        for (int j = 0; j < target.length; j++) {
            target[j] = target.length - j;
        }
        new IntegerWeights(weights).addSplit(cents, out, target, 2, scratch);
        for (int j = 0; j < weights.length; j++) {
            assertThat(out[target[j] + 2]).as("%d cents by %s", cents, java.util.Arrays.toString(weights)).isEqualTo(expected[j]);
        }
        assertThat(java.util.Arrays.stream(out).sum()).as("nothing added elsewhere").isEqualTo(cents);
    }

    /**
     * Only some parts wanted ({@link IntegerWeights#splitSome}, the binned payout pass): those get exactly
     * {@link Allocation#proportional}'s cents, on both sides of {@link IntegerWeights#RANKED_PARTS} (above it, ranked by
     * the remainders' buckets). Narrow and equal weights crowd many remainders into one bucket and tie them exactly.
     */
    @Test
    void wantedPartsSplitExactlyLikeAllocation() {
        IntegerWeights.Scratch scratch = new IntegerWeights.Scratch();
        qt().withFixedSeed(44L).withExamples(6000)
                .forAll(integers().between(1, 200), integers().between(0, 61), longs().between(0, Long.MAX_VALUE), integers().between(1, 62))
                .checkAssert((parts, bits, seed, centsBits) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    long[] weights = new long[parts];
                    for (int j = 0; j < parts; j++) {
                        weights[j] = bits == 0 ? 5 : bits <= 6 ? random.nextLong(0, 1L << bits) : random.nextLong(1L << Math.min(bits, 61 - 8));
                    }
                    weights[random.nextInt(parts)] |= 1;
                    long cents = centsBits <= 10 ? random.nextLong(0, 1L << centsBits) : random.nextLong(1L << Math.min(centsBits, 60));
                    int[] which = new int[parts];
                    int count = 0;
                    double wantedShare = random.nextDouble();
                    for (int j = 0; j < parts; j++) {
                        if (random.nextDouble() < wantedShare) {
                            which[count++] = j;
                        }
                    }
                    checkSome(weights, cents, which, count, scratch);
                });
        long[] equal = new long[142];
        java.util.Arrays.fill(equal, 3);
        int[] all = java.util.stream.IntStream.range(0, 142).toArray();
        for (long cents = 0; cents < 400; cents++) {
            checkSome(equal, cents, all, all.length, scratch);
        }
    }

    private static void checkSome(long[] weights, long cents, int[] which, int count, IntegerWeights.Scratch scratch) {
        long[] parts = new long[weights.length];
        new IntegerWeights(weights).splitSome(cents, parts, which, count, scratch);
        List<Money> expected = Allocation.proportional(Money.ofCents(cents),
                java.util.Arrays.stream(weights).mapToObj(BigFraction::new).toList());
        for (int w = 0; w < count; w++) {
            int j = which[w];
            assertThat(parts[j]).as("part %d of %d cents by %s", j, cents, java.util.Arrays.toString(weights))
                    .isEqualTo(expected.get(j).cents());
        }
    }

    /** The per-call split of a few parts (a year's months) is the same split. */
    @Test
    void splitFewIsTheSameSplit() {
        qt().withFixedSeed(42L).withExamples(3000)
                .forAll(lists().of(longs().between(0, 5_000_000_000L)).ofSizeBetween(1, IntegerWeights.RANKED_PARTS),
                        longs().between(0, 1L << 40))
                .checkAssert((list, cents) -> {
                    long[] weights = list.stream().mapToLong(Long::longValue).toArray();
                    weights[0] = Math.max(1, weights[0]);
                    long[] parts = new long[weights.length];
                    IntegerWeights.splitFew(cents, weights, parts);
                    List<Money> expected = Allocation.proportional(Money.ofCents(cents),
                            java.util.Arrays.stream(weights).mapToObj(BigFraction::new).toList());
                    assertThat(parts).containsExactly(expected.stream().mapToLong(Money::cents).toArray());
                });
    }

    /** Exact quotients: the double estimate (cents × w × (1 ÷ Σw)) may land just below the whole number. */
    @Test
    void quotientsThatAreWholeNumbers() {
        IntegerWeights.Scratch scratch = new IntegerWeights.Scratch();
        qt().withFixedSeed(42L).withExamples(2000)
                .forAll(lists().of(longs().between(1, 1000)).ofSizeBetween(1, 40), longs().between(0, 1L << 30))
                .checkAssert((list, k) -> {
                    long[] weights = list.stream().mapToLong(Long::longValue).toArray();
                    long total = java.util.Arrays.stream(weights).sum();
                    check(weights, k * total, scratch);
                    check(weights, k * total + 1, scratch);
                });
        check(new long[] {1, 1, 1}, 99, scratch);
        check(new long[] {3, 3, 3, 3, 3, 3, 3}, 7 * 12345, scratch);
    }

    @Test
    void largeCentsAndWeightsNearTheFastPathLimits() {
        IntegerWeights.Scratch scratch = new IntegerWeights.Scratch();
        long[][] weightSets = {{1L << 40, (1L << 40) + 1, 3}, {7, 7, 7, 7}, {(1L << 59) - 1, 1L << 59}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30}};
        for (long[] weights : weightSets) {
            for (long cents : new long[] {0, 1, 99, (1L << 21) + 3, (1L << 22) - 1, (1L << 50) - 1, 1L << 50, 1L << 55}) {
                check(weights, cents, scratch);
            }
        }
    }

    @Test
    void rejectsNegativeAndZeroWeightsAndNegativeCents() {
        assertThatThrownBy(() -> new IntegerWeights(new long[] {3, -1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new IntegerWeights(new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        IntegerWeights w = new IntegerWeights(new long[] {1, 2});
        assertThatThrownBy(() -> w.split(-1, new long[2], new IntegerWeights.Scratch())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rationalWeightsOverTheirCommonDenominator() {
        IntegerWeights w = IntegerWeights.of(List.of(new BigFraction(1, 3), new BigFraction(1, 6), new BigFraction(1, 2)));
        long[] parts = new long[3];
        w.split(100, parts, new IntegerWeights.Scratch());
        assertThat(parts).containsExactly(33, 17, 50); // 33.33, 16.67, 50: the left-over cent to the largest remainder
        assertThat(IntegerWeights.of(List.of(BigFraction.ZERO))).isNull();
        assertThat(IntegerWeights.of(List.of(new BigFraction(java.math.BigInteger.ONE.shiftLeft(70))))).isNull();
    }

    /**
     * Two and three parts whose reduced total is small ({@link IntegerWeights#residues}, the payout pass's table of the
     * split of every residue): {@code q × wⱼ} plus the residue's split, the quotient from a double reciprocal, is the
     * exact split for every cents up to {@link IntegerWeights#MOST_RESIDUE_CENTS}: drawn, at multiples of the total and
     * a cent either side, and at the top. Weights with a common divisor (so the table is of the reduced weights), zero
     * weights and reduced totals of 1 and of {@link IntegerWeights#MOST_RESIDUES} too.
     */
    @Test
    void residueSplitsAreTheExactSplits() {
        IntegerWeights.Scratch scratch = new IntegerWeights.Scratch();
        qt().withFixedSeed(4096L).withExamples(3000)
                .forAll(integers().between(2, 3), longs().between(0, Long.MAX_VALUE), integers().between(0, 5))
                .checkAssert((m, seed, kind) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    long[] reduced = new long[m];
                    int most = random.nextBoolean() ? 40 : IntegerWeights.MOST_RESIDUES;
                    long sum;
                    do {
                        sum = 0;
                        for (int j = 0; j < m; j++) {
                            reduced[j] = random.nextInt(4) == 0 ? 0 : random.nextLong(most / m + 1);
                            sum += reduced[j];
                        }
                    } while (sum == 0);
                    if (random.nextInt(8) == 0) {
                        // The largest reduced total a table takes.
                        reduced[m - 1] += IntegerWeights.MOST_RESIDUES - sum;
                        sum = IntegerWeights.MOST_RESIDUES;
                    }
                    long divisor = 1 + random.nextLong(random.nextBoolean() ? 1_000_000 : 1L << 40);
                    long[] weights = new long[m];
                    for (int j = 0; j < m; j++) {
                        weights[j] = reduced[j] * divisor;
                    }
                    if (sum * divisor >= 1L << 53) {
                        return;
                    }
                    IntegerWeights w = new IntegerWeights(weights);
                    IntegerWeights.Residues residues = w.residues();
                    long gcd = 0;
                    for (long r : reduced) {
                        gcd = java.math.BigInteger.valueOf(gcd).gcd(java.math.BigInteger.valueOf(r)).longValue();
                    }
                    assertThat(residues).isNotNull();
                    assertThat(residues.total).isEqualTo(sum / gcd);
                    long top = IntegerWeights.MOST_RESIDUE_CENTS;
                    long cents = switch (kind) {
                        case 0 -> random.nextLong(top + 1);
                        case 1 -> random.nextLong(1 << 20);
                        case 2 -> Math.min(top, random.nextLong(top / residues.total + 1) * residues.total + random.nextInt(3) - 1);
                        case 3 -> top - random.nextInt(3 * (int) residues.total);
                        case 4 -> random.nextLong(residues.total * 4);
                        default -> top;
                    };
                    cents = Math.max(0, cents);
                    long[] parts = new long[m];
                    residues.split(cents, parts);
                    long[] expected = new long[m];
                    w.split(cents, expected, scratch);
                    assertThat(parts).as("%d cents by %s", cents, java.util.Arrays.toString(weights)).containsExactly(expected);
                    assertThat(residues.quotient(cents)).isEqualTo(cents / residues.total);
                });
        // Past the table's largest reduced total, and four parts: no table.
        assertThat(new IntegerWeights(new long[] {1, IntegerWeights.MOST_RESIDUES}).residues()).isNull();
        assertThat(new IntegerWeights(new long[] {2, 2 * IntegerWeights.MOST_RESIDUES - 2}).residues()).isNotNull();
        assertThat(new IntegerWeights(new long[] {1, 1, 1, 1}).residues()).isNull();
        assertThat(new IntegerWeights(new long[] {800_000, 4_000_000, 3_000_000}).residues().total).isEqualTo(39);
    }

    private static void check(long[] weights, long cents, IntegerWeights.Scratch scratch) {
        long[] parts = new long[weights.length];
        new IntegerWeights(weights).split(cents, parts, scratch);
        List<Money> expected = Allocation.proportional(Money.ofCents(cents),
                java.util.Arrays.stream(weights).mapToObj(BigFraction::new).toList());
        long[] expectedCents = expected.stream().mapToLong(Money::cents).toArray();
        assertThat(parts).as("%d cents by %s", cents, java.util.Arrays.toString(weights)).containsExactly(expectedCents);
        // Added into positions (in reverse order, over what is there), as the payout pass adds a claimant's split.
        long[] out = new long[weights.length + 1];
        java.util.Arrays.fill(out, 7);
        int[] target = new int[weights.length];
        for (int j = 0; j < weights.length; j++) {
            target[j] = weights.length - j;
        }
        new IntegerWeights(weights).addSplit(cents, out, target, 0, scratch);
        for (int j = 0; j < weights.length; j++) {
            assertThat(out[target[j]]).as("%d cents by %s, added", cents, java.util.Arrays.toString(weights)).isEqualTo(7 + expectedCents[j]);
        }
        assertThat(out[0]).isEqualTo(7);
    }
}
