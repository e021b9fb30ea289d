package org.msocap.simulation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Weights too wide for {@link IntegerWeights}' 62 bits, at most {@link IntegerWeights#RANKED_PARTS} of them: the
 * holdings of a class with compounding dividends, whose preferences over their common denominator need 70 bits and
 * more. The same split (each part the floor of {@code cents × w ÷ Σw}, the left-over cents to the largest remainders,
 * ties to the earlier part): in doubles when every fraction it reads is clearly apart, else exactly in BigIntegers.
 * Without it such a class took the payout pass's split in doubles of every holding (and its error bounds per piece).
 */
final class WideWeights {

    /** Cents up to this (about $700 billion) are split in doubles when they can be told apart. */
    private static final long MOST_DOUBLE_CENTS = 1L << 46;
    private static final MathContext SHARE_DIGITS = new MathContext(30);

    private final BigInteger[] weights;
    private final BigInteger total;
    /** Each weight over the total, rounded to a double once (from 30 digits: within 1.000001 ulp of the exact share). */
    private final double[] share;

    /** Non-negative weights with a positive sum {@code total}. */
    WideWeights(BigInteger[] weights, BigInteger total) {
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("weights must sum to more than 0 but summed to " + total);
        }
        this.weights = weights.clone();
        this.total = total;
        this.share = new double[weights.length];
        BigDecimal sum = new BigDecimal(total);
        for (int j = 0; j < weights.length; j++) {
            if (weights[j].signum() < 0) {
                throw new IllegalArgumentException("weights must be >= 0 but one was " + weights[j]);
            }
            share[j] = new BigDecimal(weights[j]).divide(sum, SHARE_DIGITS).doubleValue();
        }
    }

    int size() {
        return weights.length;
    }

    double share(int j) {
        return share[j];
    }

    /**
     * Splits {@code cents} (>= 0) into {@code parts[0, size())}, of which only {@code which[0, count)} need to be right
     * (the others get at least their floors); {@code which} null: every part. In doubles first: part {@code k}'s exact
     * share is within {@code cents × 2⁻⁵¹} of {@code vₖ = cents × shareₖ} (the share and the product each rounded once),
     * so when every {@code vₖ}'s fraction is further than {@code e = cents × 2⁻⁵⁰} from a whole number the floors are
     * exact, and when a wanted part's fraction is further than {@code e} from every other's, its rank is that of the
     * exact remainders. Otherwise (exact ties, as equal weights give, near ties, more cents) exactly.
     */
    void split(long cents, long[] parts, int[] which, int count, double[] fraction) {
        int m = weights.length;
        if (cents < 0) {
            throw new IllegalArgumentException("cents must be >= 0 but were " + cents);
        }
        if (cents <= MOST_DOUBLE_CENTS) {
            double x = cents;
            double e = x * 0x1p-50;
            double high = 1 - e;
            boolean clear = true;
            long assigned = 0;
            for (int k = 0; k < m; k++) {
                double v = x * share[k];
                long q = (long) v;
                double f = v - q;
                clear &= f > e & f < high;
                parts[k] = q;
                fraction[k] = f;
                assigned += q;
            }
            long left = cents - assigned;
            if (clear && left >= 0 && left < m && ranked(parts, which, which == null ? m : count, (int) left, fraction, e)) {
                return;
            }
        }
        splitExactly(cents, parts);
    }

    /**
     * Gives the wanted parts their left-over cent by rank among the fractions; false, with some parts given theirs, when
     * a wanted part's fraction is within {@code e} of another's.
     */
    private boolean ranked(long[] parts, int[] which, int count, int left, double[] fraction, double e) {
        int m = weights.length;
        for (int w = 0; w < count; w++) {
            int j = which == null ? w : which[w];
            double f = fraction[j];
            long bits = Double.doubleToRawLongBits(f);
            int rank = 0;
            for (int k = 0; k < m; k++) {
                double other = fraction[k];
                if (k != j && Math.abs(other - f) <= e) {
                    return false;
                }
                rank += (int) ((bits - Double.doubleToRawLongBits(other)) >>> 63);   // non-negative doubles order as their bits
            }
            parts[j] += (rank - left) >>> 31;
        }
        return true;
    }

    /** The exact split of every part, in BigIntegers. */
    private void splitExactly(long cents, long[] parts) {
        int m = weights.length;
        BigInteger c = BigInteger.valueOf(cents);
        BigInteger[] remainder = new BigInteger[m];
        long assigned = 0;
        for (int k = 0; k < m; k++) {
            BigInteger[] qr = c.multiply(weights[k]).divideAndRemainder(total);
            parts[k] = qr[0].longValueExact();
            remainder[k] = qr[1];
            assigned += parts[k];
        }
        long left = cents - assigned;
        long[] floors = parts.clone();
        for (int j = 0; j < m; j++) {
            int rank = 0;
            for (int k = 0; k < m; k++) {
                int cmp = remainder[k].compareTo(remainder[j]);
                if (cmp > 0 || cmp == 0 && k < j) {
                    rank++;
                }
            }
            parts[j] = floors[j] + (rank < left ? 1 : 0);
        }
    }
}
