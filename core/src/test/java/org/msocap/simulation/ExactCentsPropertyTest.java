package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.msocap.money.Rounding;

/** The fast exact arithmetic of the simulation agrees with BigDecimal/BigInteger on random inputs. */
class ExactCentsPropertyTest {

    @Test
    void mulDivIsExact() {
        // Quotients up to 2^58: the contract is a quotient that fits in a long.
        qt().withFixedSeed(42L).withExamples(20_000)
                .forAll(longs().between(0, (1L << 45) - 1), longs().between(0, (1L << 53) - 1), longs().between(1L << 40, 1L << 50))
                .checkAssert((a, b, d) -> {
                    long[] qr = new long[2];
                    ExactCents.mulDiv(a, b, d, qr);
                    BigInteger[] expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
                    assertThat(qr[0]).isEqualTo(expected[0].longValueExact());
                    assertThat(qr[1]).isEqualTo(expected[1].longValueExact());
                });
    }

    @Test
    void mulDivIsExactForWideFactors() {
        // Integer weights of a split (up to 2^62) times cents (up to 2^50), divided by a total at least the weight.
        for (long[] range : new long[][] {{0, Long.MAX_VALUE, 1}, {1L << 53, 1L << 62, 1L << 40}}) {
            qt().withFixedSeed(43L).withExamples(50_000)
                    .forAll(longs().between(0, 1L << 50), longs().between(range[0], range[1]), longs().between(range[2], Long.MAX_VALUE))
                    .checkAssert((a, b, total) -> {
                        long d = Math.max(b, total);
                        long[] qr = new long[2];
                        ExactCents.mulDiv(a, b, d, qr);
                        BigInteger[] expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
                        assertThat(qr[0]).isEqualTo(expected[0].longValueExact());
                        assertThat(qr[1]).isEqualTo(expected[1].longValueExact());
                    });
        }
    }

    @Test
    void centsTimesAFactorRoundsLikeRounding() {
        qt().withFixedSeed(42L).withExamples(20_000)
                .forAll(longs().between(-10_000_000_000_000L, 10_000_000_000_000L), doubles().between(0, 50))
                .checkAssert((cents, factor) -> assertThat(ExactCents.times(cents, factor))
                        .isEqualTo(Rounding.toCents(BigDecimal.valueOf(cents, 2).multiply(new BigDecimal(factor))).cents()));
    }

    /** Cents past 2^50 (their double rounded) times factors that bring the product below it: the fast path decides them. */
    @Test
    void wideCentsTimesASmallFactorRoundLikeRounding() {
        qt().withFixedSeed(48L).withExamples(50_000)
                .forAll(longs().between(1L << 50, Long.MAX_VALUE), integers().between(-30, 5), integers().between(0, 2))
                .checkAssert((magnitude, scale, kind) -> {
                    long cents = kind == 1 ? -magnitude : magnitude;
                    // A power of two or a decimal-like rate, scaled so the product lands anywhere below 2^50 and above.
                    double factor = (kind == 2 ? 0.35 : 1.0) * Math.scalb(1.0, scale - 14);
                    assertThat(ExactCents.times(cents, factor)).as("%d × %s", cents, factor)
                            .isEqualTo(Rounding.toCents(BigDecimal.valueOf(cents, 2).multiply(new BigDecimal(factor))).cents());
                });
    }

    /**
     * The nearest whole number of an exactly known x (relative error 0 given, the slack then 2^-40): half up's, decided
     * whenever x lies more than the slack from a half, deferred otherwise; both signs, the range's edges, halves.
     */
    @Test
    void nearestRoundsHalfUpOrDefersNearAHalf() {
        qt().withFixedSeed(47L).withExamples(200_000).forAll(longs().between(-(1L << 49), 1L << 49), longs().between(0, 1L << 40), integers().between(0, 2))
                .checkAssert((whole, part, shape) -> {
                    // Any fraction, or one within 2^-30 of a half (inside and outside the slack).
                    double frac = shape == 0 ? Math.scalb((double) part, -40) : 0.5 + Math.scalb((double) part - (1L << 39), -69);
                    double x = whole < 0 ? whole - frac : whole + frac;
                    long expected = new BigDecimal(x).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
                    long rounded = ExactCents.nearest(x, 0);
                    // The double's own fraction (x may have rounded a fraction near a half onto it).
                    if (Math.abs(Math.abs(x - whole) - 0.5) > 0x1.0p-39) {
                        assertThat(rounded).as("%s", x).isEqualTo(expected);
                    } else if (rounded != ExactCents.UNDECIDED) {
                        assertThat(rounded).as("%s", x).isEqualTo(expected);
                    }
                });
        assertThat(ExactCents.nearest(2.5, 0)).isEqualTo(ExactCents.UNDECIDED);
        assertThat(ExactCents.nearest(-2.5, 0)).isEqualTo(ExactCents.UNDECIDED);
        assertThat(ExactCents.nearest(2.5 + 0x1.0p-45, 0)).isEqualTo(ExactCents.UNDECIDED);
        assertThat(ExactCents.nearest(2.5 - 0x1.0p-45, 0)).isEqualTo(ExactCents.UNDECIDED);
        assertThat(ExactCents.nearest(2.5 + 0x1.0p-38, 0)).isEqualTo(3);
        assertThat(ExactCents.nearest(2.5 - 0x1.0p-38, 0)).isEqualTo(2);
        assertThat(ExactCents.nearest(-2.5 - 0x1.0p-38, 0)).isEqualTo(-3);
        assertThat(ExactCents.nearest(0.0, 0)).isZero();
        assertThat(ExactCents.nearest(-0.0, 0)).isZero();
        assertThat(ExactCents.nearest(0.3, 0)).isZero();
        assertThat(ExactCents.nearest(-0.3, 0)).isZero();
        assertThat(ExactCents.nearest(0x1.0p50 - 0.75, 0)).isEqualTo((1L << 50) - 1);
        // No range of its own: an exactly known whole x of any size in the long range is itself; the callers' slack (2^-52
        // relative or more) exceeds a half from 2^52 on, and past the long range (the truncation saturates) 2^-62 does.
        assertThat(ExactCents.nearest(0x1.0p50, 0)).isEqualTo(1L << 50);
        assertThat(ExactCents.nearest(-0x1.0p51 - 0.25, 0)).isEqualTo(-(1L << 51));
        assertThat(ExactCents.nearest(0x1.0p51 - 0.25, 0)).isEqualTo(1L << 51);   // |x| + 1/2 rounds to 2^51, rightly
        assertThat(ExactCents.nearest(0x1.0p52 - 0.5, 0)).isEqualTo(ExactCents.UNDECIDED);
        assertThat(ExactCents.nearest(0x1.0p52 - 1, 0)).isEqualTo((1L << 52) - 1);
        for (double whole : new double[] {0x1.0p52, 0x1.0p52 + 2, 0x1.0p53 + 2, 0x1.0p62, 0x1.0p63 - 1024}) {
            assertThat(ExactCents.nearest(whole, 0)).as("%s", whole).isEqualTo((long) whole);
            assertThat(ExactCents.nearest(-whole, 0)).as("%s", -whole).isEqualTo(-(long) whole);
            assertThat(ExactCents.nearest(whole, 0x1.0p-52)).as("%s", whole).isEqualTo(ExactCents.UNDECIDED);
        }
        for (double far : new double[] {0x1.0p63, 0x1.0p64, Double.MAX_VALUE, Double.POSITIVE_INFINITY}) {
            assertThat(ExactCents.nearest(far, 0x1.0p-62)).as("%s", far).isEqualTo(ExactCents.UNDECIDED);
            assertThat(ExactCents.nearest(-far, 0x1.0p-62)).as("%s", -far).isEqualTo(ExactCents.UNDECIDED);
        }
        assertThat(ExactCents.nearest(Double.NaN, 0)).isEqualTo(ExactCents.UNDECIDED);
        assertThat(ExactCents.nearest(Double.POSITIVE_INFINITY, 0)).isEqualTo(ExactCents.UNDECIDED);
        // The relative slack: 1000.5 + 2^-35 is decided with none, deferred with 2^-40 relative (about 2^-30 here).
        assertThat(ExactCents.nearest(1000.5 + 0x1.0p-35, 0)).isEqualTo(1001);
        assertThat(ExactCents.nearest(1000.5 + 0x1.0p-35, 0x1.0p-40)).isEqualTo(ExactCents.UNDECIDED);
    }

    /**
     * {@code grown}: the exact {@code round_half_up(cents × (1 + g)^years)} that {@code ProjectedExitValue}'s general path
     * computes with BigDecimal, for any growth (ordinary, dyadic ones whose products land exactly on half cents, tiny,
     * subnormal, whole, below −1), any years of a projection and cents of either sign; beyond the long range, undecided.
     */
    @Test
    void grownIsTheExactPowerRoundedHalfUp() {
        qt().withFixedSeed(19L).withExamples(100_000)
                .forAll(longs().between(-(1L << 47), 1L << 47), longs().all(), integers().between(0, 16), integers().between(0, 5))
                .checkAssert((cents, seed, years, shape) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    double g = switch (shape) {
                        case 0 -> random.nextDouble(-0.99, 1.5);
                        case 1 -> random.nextInt(-16, 32) / 16.0;               // dyadic: exact halves after the product
                        case 2 -> Math.scalb(random.nextDouble(-1, 1), -random.nextInt(20, 60));
                        case 3 -> Math.scalb((double) random.nextLong(-(1L << 52), 1L << 52), -1074);   // subnormal
                        case 4 -> random.nextInt(-3, 4);                          // whole
                        default -> 0.15 + 0.08 * random.nextGaussian();
                    };
                    int y = shape == 3 || shape == 2 ? years % 3 : years % 6;
                    BigDecimal exact = BigDecimal.valueOf(cents, 2).multiply(BigDecimal.ONE.add(new BigDecimal(g)).pow(y));
                    BigInteger expected = exact.setScale(2, java.math.RoundingMode.HALF_UP).unscaledValue();
                    long grown = ExactCents.grown(cents, g, y);
                    if (expected.bitLength() > 62) {
                        assertThat(grown).as("%s × (1 + %s)^%s", cents, g, y).isEqualTo(ExactCents.UNDECIDED);
                    } else {
                        assertThat(grown).as("%s × (1 + %s)^%s", cents, g, y).isEqualTo(expected.longValueExact());
                    }
                });
        assertThat(ExactCents.grown(3, 0.5, 1)).isEqualTo(5);       // 4.5 up
        assertThat(ExactCents.grown(-3, 0.5, 1)).isEqualTo(-5);     // away from zero
        assertThat(ExactCents.grown(5, -0.5, 1)).isEqualTo(3);      // 2.5 up
        assertThat(ExactCents.grown(7, 0, 9)).isEqualTo(7);
        assertThat(ExactCents.grown(1, Double.NaN, 1)).isEqualTo(ExactCents.UNDECIDED);
        assertThat(ExactCents.grown(1, Double.POSITIVE_INFINITY, 1)).isEqualTo(ExactCents.UNDECIDED);
    }

    /** The quotient estimated in doubles and corrected is the long division's, near the estimate's limits too. */
    @Test
    void theExactProductInBinaryRoundsLikeBigDecimal() {
        // Any double; factors of few bits, so that products land on a half cent (ties, away from zero); cents of every
        // width times factors near a multiple; factors of 2^-126 and below, past 2^52 and not finite (through BigDecimal).
        qt().withFixedSeed(20L).withExamples(300_000)
                .forAll(longs().all(), longs().all(), integers().between(0, 3))
                .checkAssert((cents, bits, kind) -> {
                    double factor = switch (kind) {
                        case 0 -> Double.longBitsToDouble(bits);
                        case 1 -> (bits >> 52) * Math.scalb(1.0, -(int) (bits & 31));
                        case 2 -> Math.scalb(1 + (bits >>> 12) * 0x1.0p-52, (int) (bits & 63) - 20);
                        default -> Math.scalb(1 + (bits >>> 12) * 0x1.0p-52, -(int) (bits & 255));
                    };
                    long c = kind == 1 ? cents >> 34 : cents >> (cents & 63);
                    Object expected;
                    try {
                        expected = ExactCents.exact(c, new BigDecimal(factor));
                    } catch (RuntimeException e) {
                        expected = e.getClass();
                    }
                    Object actual;
                    try {
                        actual = ExactCents.exact(c, factor);
                    } catch (RuntimeException e) {
                        actual = e.getClass();
                    }
                    assertThat(actual).as("%d × %s", c, factor).isEqualTo(expected);
                });
        assertThat(ExactCents.exact(5, 0.5)).isEqualTo(3);
        assertThat(ExactCents.exact(-5, 0.5)).isEqualTo(-3);
        assertThat(ExactCents.exact(5, -0.5)).isEqualTo(-3);
        assertThat(ExactCents.exact(Long.MIN_VALUE, 0.25)).isEqualTo(Long.MIN_VALUE / 4);
    }

    @Test
    void quotientIsTheLongDivision() {
        qt().withFixedSeed(44L).withExamples(200_000)
                .forAll(longs().between(0, Long.MAX_VALUE), longs().between(1, Long.MAX_VALUE), longs().between(0, 63))
                .checkAssert((x, d, shift) -> {
                    long divisor = Math.max(1, d >>> shift);   // divisors of every width, 1 to 2^63
                    assertThat(ExactCents.quotient(x, divisor)).as("%d / %d", x, divisor).isEqualTo(x / divisor);
                    long multiple = (x / divisor) * divisor;  // exact multiples and their neighbours: the correction's edges
                    for (long y : new long[] {multiple, multiple - 1, multiple + 1}) {
                        if (y >= 0) {
                            assertThat(ExactCents.quotient(y, divisor)).as("%d / %d", y, divisor).isEqualTo(y / divisor);
                        }
                    }
                });
        java.util.SplittableRandom random = new java.util.SplittableRandom(45);
        for (int i = 0; i < 1_000_000; i++) {
            // The simulation's divisions: annual cents by 12, products of cents by an annual amount, by powers of ten.
            long annual = random.nextLong(1, 1L << 47);
            long product = random.nextLong(0, 1L << 62);
            long unit = POWERS[random.nextInt(POWERS.length)];
            assertThat(ExactCents.quotient(annual, 12)).isEqualTo(annual / 12);
            assertThat(ExactCents.quotient(product, annual)).isEqualTo(product / annual);
            assertThat(ExactCents.quotient(product, unit)).isEqualTo(product / unit);
        }
        for (long x : new long[] {0, 1, (1L << 52) - 1, 1L << 52, (1L << 53) + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE}) {
            for (long d : new long[] {1, 2, 3, 12, 10, 1L << 52, (1L << 60) - 1, 1L << 60, Long.MAX_VALUE}) {
                assertThat(ExactCents.quotient(x, d)).as("%d / %d", x, d).isEqualTo(x / d);
            }
        }
    }

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            1_000_000_000_000L, 1_000_000_000_000_000_000L};

    /** Rates kept by {@link ExactCents.Rate} round every amount as the per-call product does. */
    @Test
    void aRateRoundsLikeTheProductWithTheDecimal() {
        for (String rate : new String[] {"0.35", "0.03", "0.125", "0.0000001", "1.15", "0.333333333333333333333"}) {
            ExactCents.Rate kept = new ExactCents.Rate(new BigDecimal(rate));
            java.util.SplittableRandom random = new java.util.SplittableRandom(rate.hashCode());
            for (int i = 0; i < 50_000; i++) {
                long cents = i % 3 == 0 ? random.nextLong(-1_000_000, 1_000_000) * 20 + 10 : random.nextLong(-(1L << 52), 1L << 52);
                BigDecimal exact = new BigDecimal(rate);
                assertThat(kept.times(cents)).as("%s × %d", rate, cents).isEqualTo(ExactCents.times(cents, exact, exact.doubleValue()))
                        .isEqualTo(ExactCents.exact(cents, exact));
                assertThat(kept.timesInLongs(cents)).as("%s × %d", rate, cents).isEqualTo(ExactCents.times(cents, exact));
            }
        }
    }

    @Test
    void halfCentTiesAreSettledExactly() {
        assertThat(ExactCents.times(5, 0.5)).isEqualTo(3);      // 2.5 cents → 3
        assertThat(ExactCents.times(-5, 0.5)).isEqualTo(-3);    // half up is away from zero
        assertThat(ExactCents.times(3, new BigDecimal("0.5"), 0.5)).isEqualTo(2);
        assertThat(ExactCents.times(1_000_001, new BigDecimal("0.03"), 0.03)).isEqualTo(30_000);   // 30000.03 → 30000
        assertThat(ExactCents.times(50, new BigDecimal("0.03"), 0.03)).isEqualTo(2);   // 1.5 → 2
    }

    @Test
    void centsTimesADecimalFractionRoundsLikeRounding() {
        // Decimal fractions as models give them (up to 18 digits and decimals), on cents of either sign, some of them
        // so large that the product leaves the longs (BigDecimal then), and ties at half a cent.
        qt().withFixedSeed(17L).withExamples(30_000)
                .forAll(longs().between(-(1L << 62), 1L << 62), longs().between(0, 999_999_999_999_999_999L), longs().between(0, 20))
                .checkAssert((cents, digits, scale) -> {
                    long c = scale % 3 == 0 ? cents >> 20 : scale % 3 == 1 ? cents >> 40 : cents;
                    BigDecimal fraction = BigDecimal.valueOf(scale % 4 == 0 ? digits % 1000 : digits, (int) (long) scale);
                    long expected;
                    try {
                        expected = ExactCents.exact(c, fraction);
                    } catch (ArithmeticException beyondLongs) {
                        assertThatThrownBy(() -> ExactCents.times(c, fraction)).isInstanceOf(ArithmeticException.class);
                        return;
                    }
                    assertThat(ExactCents.times(c, fraction)).isEqualTo(expected);
                });
        for (String fraction : new String[] {"0.5", "0.05", "0.125", "0.03", "1.5", "0.10", "2", "5E+1"}) {
            for (long cents = -400; cents <= 400; cents++) {
                BigDecimal f = new BigDecimal(fraction);
                assertThat(ExactCents.times(cents, f)).as(cents + " × " + fraction).isEqualTo(ExactCents.exact(cents, f));
            }
        }
        assertThat(ExactCents.times(5, new BigDecimal("0.5"))).isEqualTo(3);
        assertThat(ExactCents.times(-5, new BigDecimal("0.5"))).isEqualTo(-3);
        assertThat(ExactCents.times(Long.MAX_VALUE / 3, new BigDecimal("0.5"))).isEqualTo(ExactCents.exact(Long.MAX_VALUE / 3, new BigDecimal("0.5")));
    }
}
