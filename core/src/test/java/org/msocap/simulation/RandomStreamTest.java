package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomStreamTest {

    @Test
    void aRunsNumbersDependOnlyOnSeedAndIndex() {
        RandomStream a = RandomStream.forRun(42, 17);
        RandomStream b = RandomStream.forRun(7, 3).reset(42, 17);
        for (int i = 0; i < 10; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    /** The doubles are the SplitMix64 longs' top bits, step for step, however the kinds of draw alternate. */
    @Test
    void doublesAreTheLongsTopBits() {
        for (long run = 0; run < 2_000; run++) {
            RandomStream doubles = RandomStream.forRun(11, run);
            RandomStream longs = RandomStream.forRun(11, run);
            for (int k = 0; k < 12; k++) {
                if ((run + k) % 3 == 0) {
                    assertThat(doubles.nextOpenDouble()).isEqualTo(((longs.nextLong() >>> 12) + 0.5) * 0x1.0p-52);
                } else if ((run + k) % 3 == 1) {
                    assertThat(doubles.nextDoubleBits()).isEqualTo(longs.nextLong() >>> 11);
                } else {
                    assertThat(doubles.nextDouble()).isEqualTo((longs.nextLong() >>> 11) * 0x1.0p-53);
                }
            }
        }
    }

    /**
     * {@code nextDouble() >= u} exactly when {@code nextDoubleBits() >= leastBitsAtLeast(u)}, for every u (the drivers'
     * pass decides a run's exit and its escrow's release so): the bits at, just below and just above each threshold,
     * random bits, and thresholds from every kind of double — random, tiny, subnormal, near and at 0 and 1, beyond, NaN.
     */
    @Test
    void theLeastBitsAtLeastAThresholdDecideAsTheDoubles() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(23);
        java.util.List<Double> thresholds = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 1.0, 0.5, 0.15, 0.9,
                Double.MIN_VALUE, Double.MIN_NORMAL, 0x1.0p-53, Math.nextUp(0x1.0p-53), Math.nextDown(0x1.0p-53),
                Math.nextDown(1.0), Math.nextUp(1.0), 1 - 0x1.0p-53, 2.0, -1.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, -Double.MIN_VALUE));
        for (int i = 0; i < 20_000; i++) {
            thresholds.add(random.nextDouble());
            thresholds.add(random.nextLong(1L << 53) * 0x1.0p-53);
            thresholds.add(Math.scalb(1 + random.nextDouble(), -random.nextInt(1, 1080)));
        }
        long last = (1L << 53) - 1;
        for (double u : thresholds) {
            long least = RandomStream.leastBitsAtLeast(u);
            long at = Math.max(0, Math.min(last, least));
            for (long k : new long[] {0, last, at, Math.max(0, at - 1), Math.min(last, at + 1), random.nextLong(1L << 53)}) {
                assertThat(k >= least).as("bits %s against %s", k, u).isEqualTo(k * 0x1.0p-53 >= u);
            }
        }
    }

    @Test
    void neighbouringRunsAndSeedsGetDifferentStreams() {
        assertThat(RandomStream.forRun(42, 0).nextLong()).isNotEqualTo(RandomStream.forRun(42, 1).nextLong());
        assertThat(RandomStream.forRun(42, 0).nextLong()).isNotEqualTo(RandomStream.forRun(43, 0).nextLong());
    }

    @Test
    void openUniformsStayInsideTheUnitInterval() {
        RandomStream r = RandomStream.forRun(1, 1);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double u = r.nextOpenDouble();
            assertThat(u).isGreaterThan(0).isLessThan(1);
            sum += u;
        }
        // Mean of n uniforms: 1/2 with standard error √(1/12n); 4 standard errors.
        assertThat(Math.abs(sum / n - 0.5)).isLessThan(4 * Math.sqrt(1.0 / 12 / n));
    }

    @Test
    void firstRunsAcrossSeedsLookUniform() {
        // The first draw of runs 0..n-1 (what a simulation's first driver sees) has mean 1/2 within 4 standard errors.
        int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += RandomStream.forRun(42, i).nextDouble();
        }
        assertThat(Math.abs(sum / n - 0.5)).isLessThan(4 * Math.sqrt(1.0 / 12 / n));
    }
}
