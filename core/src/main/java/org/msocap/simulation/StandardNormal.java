package org.msocap.simulation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.FastMath;

/**
 * Φ⁻¹, the standard normal quantile, exactly as Commons Math computes it ({@code NormalDistribution(0, 1)
 * .inverseCumulativeProbability}: {@code mean + sd·√2·erfInv(2u − 1)}, with {@link Erf#erfInv}'s logarithm and
 * polynomials), one or two at a time. Every draw of a simulation goes through it, so it must give the same doubles bit
 * for bit ({@code StandardNormalQuantileTest} compares it with Commons Math on tens of millions of inputs, tails and edges
 * included).
 *
 * <p>Two at a time ({@link #quantiles}), for the correlated drivers: {@code erfInv}'s central polynomial (every
 * uniform but the outer 0.1%) is 23 dependent multiply-adds, so one evaluation waits on each step; the two quantiles'
 * polynomials are evaluated side by side, step for step, so each waits on the other's step instead. The same
 * coefficients (copied from Commons Math 3.6.1's {@code Erf.erfInv}) in the same order: Java's floating point is strict,
 * so each result is the same double. Either outside the central range, both go through Commons Math. The two
 * logarithms before the polynomials are {@link UnitIntervalLog#pair}: {@code FastMath.log}'s doubles, side by side too.
 */
final class StandardNormal {

    private static final NormalDistribution COMMONS = new NormalDistribution(null, 0, 1);
    /** NormalDistribution's own √2, mean and standard deviation: the same doubles, so the same products. */
    private static final double SQRT2 = FastMath.sqrt(2.0);
    private static final double MEAN = COMMONS.getMean();
    private static final double SD = COMMONS.getStandardDeviation();

    private StandardNormal() {
    }

    /**
     * Φ⁻¹(u) for {@code u} in [0, 1]: Commons Math's operations called directly, without its range check, two field
     * loads and a virtual call per draw (outside [0, 1] it is called, and throws as before).
     */
    static double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            return COMMONS.inverseCumulativeProbability(u);
        }
        return MEAN + SD * SQRT2 * Erf.erfInv(2 * u - 1);
    }

    /** {@code out[at] = quantile(u1)} and {@code out[at + 1] = quantile(u2)}, the two polynomials side by side. */
    static void quantiles(double u1, double u2, double[] out, int at) {
        if (u1 >= 0 && u1 <= 1 && u2 >= 0 && u2 <= 1) {
            double x1 = 2 * u1 - 1;
            double x2 = 2 * u2 - 1;
            // Erf.erfInv: "the logarithm argument must be computed as (1.0 - x) * (1.0 + x)". FastMath.log's doubles, the two
            // side by side (out's two slots hold them until the quantiles overwrite them).
            int near = UnitIntervalLog.pair((1.0 - x1) * (1.0 + x1), (1.0 - x2) * (1.0 + x2), out, at);
            if (near != 0) {
                UnitIntervalLog.nearOnes(out, at, near);
            }
            double w1 = -out[at];
            double w2 = -out[at + 1];
            if (w1 < 6.25 && w2 < 6.25) {
                w1 -= 3.125;
                w2 -= 3.125;
                double p1 = -3.64441206401782E-21;
                double p2 = -3.64441206401782E-21;
                p1 = -1.6850591381820166E-19 + p1 * w1;
                p2 = -1.6850591381820166E-19 + p2 * w2;
                p1 = 1.28584807152564E-18 + p1 * w1;
                p2 = 1.28584807152564E-18 + p2 * w2;
                p1 = 1.1157877678025181E-17 + p1 * w1;
                p2 = 1.1157877678025181E-17 + p2 * w2;
                p1 = -1.333171662854621E-16 + p1 * w1;
                p2 = -1.333171662854621E-16 + p2 * w2;
                p1 = 2.0972767875968562E-17 + p1 * w1;
                p2 = 2.0972767875968562E-17 + p2 * w2;
                p1 = 6.637638134358324E-15 + p1 * w1;
                p2 = 6.637638134358324E-15 + p2 * w2;
                p1 = -4.054566272975207E-14 + p1 * w1;
                p2 = -4.054566272975207E-14 + p2 * w2;
                p1 = -8.151934197605472E-14 + p1 * w1;
                p2 = -8.151934197605472E-14 + p2 * w2;
                p1 = 2.6335093153082323E-12 + p1 * w1;
                p2 = 2.6335093153082323E-12 + p2 * w2;
                p1 = -1.2975133253453532E-11 + p1 * w1;
                p2 = -1.2975133253453532E-11 + p2 * w2;
                p1 = -5.415412054294628E-11 + p1 * w1;
                p2 = -5.415412054294628E-11 + p2 * w2;
                p1 = 1.0512122733215323E-9 + p1 * w1;
                p2 = 1.0512122733215323E-9 + p2 * w2;
                p1 = -4.112633980346984E-9 + p1 * w1;
                p2 = -4.112633980346984E-9 + p2 * w2;
                p1 = -2.9070369957882005E-8 + p1 * w1;
                p2 = -2.9070369957882005E-8 + p2 * w2;
                p1 = 4.2347877827932404E-7 + p1 * w1;
                p2 = 4.2347877827932404E-7 + p2 * w2;
                p1 = -1.3654692000834679E-6 + p1 * w1;
                p2 = -1.3654692000834679E-6 + p2 * w2;
                p1 = -1.3882523362786469E-5 + p1 * w1;
                p2 = -1.3882523362786469E-5 + p2 * w2;
                p1 = 1.8673420803405714E-4 + p1 * w1;
                p2 = 1.8673420803405714E-4 + p2 * w2;
                p1 = -7.40702534166267E-4 + p1 * w1;
                p2 = -7.40702534166267E-4 + p2 * w2;
                p1 = -0.006033670871430149 + p1 * w1;
                p2 = -0.006033670871430149 + p2 * w2;
                p1 = 0.24015818242558962 + p1 * w1;
                p2 = 0.24015818242558962 + p2 * w2;
                p1 = 1.6536545626831027 + p1 * w1;
                p2 = 1.6536545626831027 + p2 * w2;
                out[at] = MEAN + SD * SQRT2 * (p1 * x1);
                out[at + 1] = MEAN + SD * SQRT2 * (p2 * x2);
                return;
            }
        }
        out[at] = quantile(u1);
        out[at + 1] = quantile(u2);
    }

    /**
     * {@link #quantiles} for two pairs ({@code out[at] .. out[at + 3]}), the four polynomials side by side: two runs'
     * correlated drivers at once, so each step waits on three others instead of one.
     */
    static void quantiles(double u1, double u2, double u3, double u4, double[] out, int at) {
        if (u1 >= 0 && u1 <= 1 && u2 >= 0 && u2 <= 1 && u3 >= 0 && u3 <= 1 && u4 >= 0 && u4 <= 1) {
            double x1 = 2 * u1 - 1;
            double x2 = 2 * u2 - 1;
            double x3 = 2 * u3 - 1;
            double x4 = 2 * u4 - 1;
            int near = UnitIntervalLog.pair((1.0 - x1) * (1.0 + x1), (1.0 - x2) * (1.0 + x2), out, at)
                    | UnitIntervalLog.pair((1.0 - x3) * (1.0 + x3), (1.0 - x4) * (1.0 + x4), out, at + 2) << 2;
            if (near != 0) {
                UnitIntervalLog.nearOnes(out, at, near);
            }
            double w1 = -out[at];
            double w2 = -out[at + 1];
            double w3 = -out[at + 2];
            double w4 = -out[at + 3];
            if (w1 < 6.25 && w2 < 6.25 && w3 < 6.25 && w4 < 6.25) {
                w1 -= 3.125;
                w2 -= 3.125;
                w3 -= 3.125;
                w4 -= 3.125;
                double p1 = -3.64441206401782E-21;
                double p2 = -3.64441206401782E-21;
                double p3 = -3.64441206401782E-21;
                double p4 = -3.64441206401782E-21;
                p1 = -1.6850591381820166E-19 + p1 * w1;
                p2 = -1.6850591381820166E-19 + p2 * w2;
                p3 = -1.6850591381820166E-19 + p3 * w3;
                p4 = -1.6850591381820166E-19 + p4 * w4;
                p1 = 1.28584807152564E-18 + p1 * w1;
                p2 = 1.28584807152564E-18 + p2 * w2;
                p3 = 1.28584807152564E-18 + p3 * w3;
                p4 = 1.28584807152564E-18 + p4 * w4;
                p1 = 1.1157877678025181E-17 + p1 * w1;
                p2 = 1.1157877678025181E-17 + p2 * w2;
                p3 = 1.1157877678025181E-17 + p3 * w3;
                p4 = 1.1157877678025181E-17 + p4 * w4;
                p1 = -1.333171662854621E-16 + p1 * w1;
                p2 = -1.333171662854621E-16 + p2 * w2;
                p3 = -1.333171662854621E-16 + p3 * w3;
                p4 = -1.333171662854621E-16 + p4 * w4;
                p1 = 2.0972767875968562E-17 + p1 * w1;
                p2 = 2.0972767875968562E-17 + p2 * w2;
                p3 = 2.0972767875968562E-17 + p3 * w3;
                p4 = 2.0972767875968562E-17 + p4 * w4;
                p1 = 6.637638134358324E-15 + p1 * w1;
                p2 = 6.637638134358324E-15 + p2 * w2;
                p3 = 6.637638134358324E-15 + p3 * w3;
                p4 = 6.637638134358324E-15 + p4 * w4;
                p1 = -4.054566272975207E-14 + p1 * w1;
                p2 = -4.054566272975207E-14 + p2 * w2;
                p3 = -4.054566272975207E-14 + p3 * w3;
                p4 = -4.054566272975207E-14 + p4 * w4;
                p1 = -8.151934197605472E-14 + p1 * w1;
                p2 = -8.151934197605472E-14 + p2 * w2;
                p3 = -8.151934197605472E-14 + p3 * w3;
                p4 = -8.151934197605472E-14 + p4 * w4;
                p1 = 2.6335093153082323E-12 + p1 * w1;
                p2 = 2.6335093153082323E-12 + p2 * w2;
                p3 = 2.6335093153082323E-12 + p3 * w3;
                p4 = 2.6335093153082323E-12 + p4 * w4;
                p1 = -1.2975133253453532E-11 + p1 * w1;
                p2 = -1.2975133253453532E-11 + p2 * w2;
                p3 = -1.2975133253453532E-11 + p3 * w3;
                p4 = -1.2975133253453532E-11 + p4 * w4;
                p1 = -5.415412054294628E-11 + p1 * w1;
                p2 = -5.415412054294628E-11 + p2 * w2;
                p3 = -5.415412054294628E-11 + p3 * w3;
                p4 = -5.415412054294628E-11 + p4 * w4;
                p1 = 1.0512122733215323E-9 + p1 * w1;
                p2 = 1.0512122733215323E-9 + p2 * w2;
                p3 = 1.0512122733215323E-9 + p3 * w3;
                p4 = 1.0512122733215323E-9 + p4 * w4;
                p1 = -4.112633980346984E-9 + p1 * w1;
                p2 = -4.112633980346984E-9 + p2 * w2;
                p3 = -4.112633980346984E-9 + p3 * w3;
                p4 = -4.112633980346984E-9 + p4 * w4;
                p1 = -2.9070369957882005E-8 + p1 * w1;
                p2 = -2.9070369957882005E-8 + p2 * w2;
                p3 = -2.9070369957882005E-8 + p3 * w3;
                p4 = -2.9070369957882005E-8 + p4 * w4;
                p1 = 4.2347877827932404E-7 + p1 * w1;
                p2 = 4.2347877827932404E-7 + p2 * w2;
                p3 = 4.2347877827932404E-7 + p3 * w3;
                p4 = 4.2347877827932404E-7 + p4 * w4;
                p1 = -1.3654692000834679E-6 + p1 * w1;
                p2 = -1.3654692000834679E-6 + p2 * w2;
                p3 = -1.3654692000834679E-6 + p3 * w3;
                p4 = -1.3654692000834679E-6 + p4 * w4;
                p1 = -1.3882523362786469E-5 + p1 * w1;
                p2 = -1.3882523362786469E-5 + p2 * w2;
                p3 = -1.3882523362786469E-5 + p3 * w3;
                p4 = -1.3882523362786469E-5 + p4 * w4;
                p1 = 1.8673420803405714E-4 + p1 * w1;
                p2 = 1.8673420803405714E-4 + p2 * w2;
                p3 = 1.8673420803405714E-4 + p3 * w3;
                p4 = 1.8673420803405714E-4 + p4 * w4;
                p1 = -7.40702534166267E-4 + p1 * w1;
                p2 = -7.40702534166267E-4 + p2 * w2;
                p3 = -7.40702534166267E-4 + p3 * w3;
                p4 = -7.40702534166267E-4 + p4 * w4;
                p1 = -0.006033670871430149 + p1 * w1;
                p2 = -0.006033670871430149 + p2 * w2;
                p3 = -0.006033670871430149 + p3 * w3;
                p4 = -0.006033670871430149 + p4 * w4;
                p1 = 0.24015818242558962 + p1 * w1;
                p2 = 0.24015818242558962 + p2 * w2;
                p3 = 0.24015818242558962 + p3 * w3;
                p4 = 0.24015818242558962 + p4 * w4;
                p1 = 1.6536545626831027 + p1 * w1;
                p2 = 1.6536545626831027 + p2 * w2;
                p3 = 1.6536545626831027 + p3 * w3;
                p4 = 1.6536545626831027 + p4 * w4;
                out[at] = MEAN + SD * SQRT2 * (p1 * x1);
                out[at + 1] = MEAN + SD * SQRT2 * (p2 * x2);
                out[at + 2] = MEAN + SD * SQRT2 * (p3 * x3);
                out[at + 3] = MEAN + SD * SQRT2 * (p4 * x4);
                return;
            }
        }
        quantiles(u1, u2, out, at);
        quantiles(u3, u4, out, at + 2);
    }

    /**
     * {@link #quantiles} for six pairs ({@code out[at] .. out[at + 11]}), the twelve polynomials side by side: six runs'
     * correlated drivers at once. Each of {@code erfInv}'s 23 dependent steps is a multiplication and an addition, 3
     * cycles each here, so a chain takes a step every 6 cycles, and the two multipliers and two adders take two steps a
     * cycle: it takes twelve chains to keep them busy. Four chains used a third of them, eight (session 20) two thirds
     * (a run's polynomials cost about half of four's); twelve: ten-class's draws alone 0.941 of eight at a time (q1 0.932,
     * q3 0.956, 20 alternated rounds). The 24 doubles of the loop stay in registers (C1 has AVX-512's 32). The steps in a
     * loop over {@link #CENTRAL}, the same coefficients in the same order (so the same doubles). Written out step by
     * step, eight were slower than the loop (the draws alone 0.943 of two runs at a time against the loop's 0.922: more
     * code to fetch for the same arithmetic). Any argument outside the central range: {@link #quantiles} of two pairs
     * three times. No range check first: for a u outside [0, 1] (or NaN) x = 2u − 1 rounds to at most −1 or at least 1,
     * so its logarithm's argument (1 − x)(1 + x) is zero, negative or NaN and its w +∞ or NaN, and the fallback's own
     * checks throw as before (24 comparisons less on every call: drivers and exit value 0.976 of main against 0.982
     * with them, 20 alternated rounds in process).
     */
    static void quantiles(double u1, double u2, double u3, double u4, double u5, double u6, double u7, double u8,
                          double u9, double u10, double u11, double u12, double[] out, int at) {
        double x1 = 2 * u1 - 1;
        double x2 = 2 * u2 - 1;
        double x3 = 2 * u3 - 1;
        double x4 = 2 * u4 - 1;
        double x5 = 2 * u5 - 1;
        double x6 = 2 * u6 - 1;
        double x7 = 2 * u7 - 1;
        double x8 = 2 * u8 - 1;
        double x9 = 2 * u9 - 1;
        double x10 = 2 * u10 - 1;
        double x11 = 2 * u11 - 1;
        double x12 = 2 * u12 - 1;
        // The arguments near one (a tenth of them) left by the pairs, then finished two at a time: in twelve, two or
        // more a third of the time (the path near one is a chain of ~160 cycles at its latency; drivers and exit value
        // 0.997, q1 0.980, q3 1.004, of taking each in its pair, 30 alternated rounds in process).
        int near = UnitIntervalLog.pair((1.0 - x1) * (1.0 + x1), (1.0 - x2) * (1.0 + x2), out, at)
                | UnitIntervalLog.pair((1.0 - x3) * (1.0 + x3), (1.0 - x4) * (1.0 + x4), out, at + 2) << 2
                | UnitIntervalLog.pair((1.0 - x5) * (1.0 + x5), (1.0 - x6) * (1.0 + x6), out, at + 4) << 4
                | UnitIntervalLog.pair((1.0 - x7) * (1.0 + x7), (1.0 - x8) * (1.0 + x8), out, at + 6) << 6
                | UnitIntervalLog.pair((1.0 - x9) * (1.0 + x9), (1.0 - x10) * (1.0 + x10), out, at + 8) << 8
                | UnitIntervalLog.pair((1.0 - x11) * (1.0 + x11), (1.0 - x12) * (1.0 + x12), out, at + 10) << 10;
        if (near != 0) {
            UnitIntervalLog.nearOnes(out, at, near);
        }
        double w1 = -out[at];
        double w2 = -out[at + 1];
        double w3 = -out[at + 2];
        double w4 = -out[at + 3];
        double w5 = -out[at + 4];
        double w6 = -out[at + 5];
        double w7 = -out[at + 6];
        double w8 = -out[at + 7];
        double w9 = -out[at + 8];
        double w10 = -out[at + 9];
        double w11 = -out[at + 10];
        double w12 = -out[at + 11];
        if (w1 < 6.25 && w2 < 6.25 && w3 < 6.25 && w4 < 6.25 && w5 < 6.25 && w6 < 6.25
                && w7 < 6.25 && w8 < 6.25 && w9 < 6.25 && w10 < 6.25 && w11 < 6.25 && w12 < 6.25) {
            w1 -= 3.125;
            w2 -= 3.125;
            w3 -= 3.125;
            w4 -= 3.125;
            w5 -= 3.125;
            w6 -= 3.125;
            w7 -= 3.125;
            w8 -= 3.125;
            w9 -= 3.125;
            w10 -= 3.125;
            w11 -= 3.125;
            w12 -= 3.125;
            double p1 = -3.64441206401782E-21;
            double p2 = p1;
            double p3 = p1;
            double p4 = p1;
            double p5 = p1;
            double p6 = p1;
            double p7 = p1;
            double p8 = p1;
            double p9 = p1;
            double p10 = p1;
            double p11 = p1;
            double p12 = p1;
            double[] central = CENTRAL;
            for (int s = 0; s < central.length; s++) {
                double c = central[s];
                p1 = c + p1 * w1;
                p2 = c + p2 * w2;
                p3 = c + p3 * w3;
                p4 = c + p4 * w4;
                p5 = c + p5 * w5;
                p6 = c + p6 * w6;
                p7 = c + p7 * w7;
                p8 = c + p8 * w8;
                p9 = c + p9 * w9;
                p10 = c + p10 * w10;
                p11 = c + p11 * w11;
                p12 = c + p12 * w12;
            }
            out[at] = MEAN + SD * SQRT2 * (p1 * x1);
            out[at + 1] = MEAN + SD * SQRT2 * (p2 * x2);
            out[at + 2] = MEAN + SD * SQRT2 * (p3 * x3);
            out[at + 3] = MEAN + SD * SQRT2 * (p4 * x4);
            out[at + 4] = MEAN + SD * SQRT2 * (p5 * x5);
            out[at + 5] = MEAN + SD * SQRT2 * (p6 * x6);
            out[at + 6] = MEAN + SD * SQRT2 * (p7 * x7);
            out[at + 7] = MEAN + SD * SQRT2 * (p8 * x8);
            out[at + 8] = MEAN + SD * SQRT2 * (p9 * x9);
            out[at + 9] = MEAN + SD * SQRT2 * (p10 * x10);
            out[at + 10] = MEAN + SD * SQRT2 * (p11 * x11);
            out[at + 11] = MEAN + SD * SQRT2 * (p12 * x12);
            return;
        }
        quantiles(u1, u2, u3, u4, out, at);
        quantiles(u5, u6, u7, u8, out, at + 4);
        quantiles(u9, u10, u11, u12, out, at + 8);
    }

    /** {@code erfInv}'s central polynomial's coefficients after the first, highest power first (Commons Math 3.6.1's). */
    private static final double[] CENTRAL = {
            -1.6850591381820166E-19, 1.28584807152564E-18, 1.1157877678025181E-17,
            -1.333171662854621E-16, 2.0972767875968562E-17, 6.637638134358324E-15,
            -4.054566272975207E-14, -8.151934197605472E-14, 2.6335093153082323E-12,
            -1.2975133253453532E-11, -5.415412054294628E-11, 1.0512122733215323E-9,
            -4.112633980346984E-9, -2.9070369957882005E-8, 4.2347877827932404E-7,
            -1.3654692000834679E-6, -1.3882523362786469E-5, 1.8673420803405714E-4,
            -7.40702534166267E-4, -0.006033670871430149, 0.24015818242558962,
            1.6536545626831027
    };
}
