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
                } else {
                    assertThat(doubles.nextDouble()).isEqualTo((longs.nextLong() >>> 11) * 0x1.0p-53);
                }
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
