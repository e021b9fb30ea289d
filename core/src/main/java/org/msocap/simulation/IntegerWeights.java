package org.msocap.simulation;

import java.math.BigInteger;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Allocation;

/**
 * Fixed non-negative integer weights, and the split of whole cents by them exactly as
 * {@link Allocation#proportional} splits: each part the floor of {@code cents × w ÷ Σw}, the left-over cents to
 * the largest remainders, ties to the earlier part. Built once per claimant and exit day, used for every run
 * of the day, so the per-run work is kept to integer arithmetic: the quotient from a double reciprocal
 * (corrected exactly) instead of a division, and no branch on which side of the cut a remainder falls
 * (a coin toss per part, which a branch predictor loses half the time).
 */
final class IntegerWeights {

    /** Up to this many parts, the left-over cents go by pairwise rank; above, by bucketing the remainders. */
    static final int RANKED_PARTS = 24;
    /**
     * Cents below this have quotients below 2⁵⁰, where the double estimate of a quotient is within 0.4 of the
     * exact one (three roundings of 2⁻⁵³ each), so one correction step either way makes it exact.
     */
    private static final long MAX_ESTIMATED_CENTS = 1L << 50;
    /** Cents up to this (about $700 billion) are split in doubles by {@link #addSplit} when they can be told apart. */
    private static final long MOST_DOUBLE_CENTS = 1L << 46;

    private final long[] weights;
    private final long total;
    private final long largest;
    private final double inverse;
    /**
     * The most cents that are {@link #estimated}: below 2⁵⁰, and times the largest weight below 2⁶². One comparison per
     * split instead of a 128-bit product (a call under C1).
     */
    private final long mostEstimatedCents;
    /**
     * The most cents {@link #addSplit} splits in doubles: 2⁴⁶ for two or three parts whose total is exact in a double,
     * else -1 (never).
     */
    private final long mostDoubleCents;
    /** Weights 0, 1 and 2 over the total, each rounded once (0 past the last part). */
    private final double share0;
    private final double share1;
    private final double share2;
    private final boolean twoParts;

    IntegerWeights(long[] weights) {
        this.weights = weights.clone();
        long[] sumAndLargest = checkedSumAndLargest(this.weights);
        this.total = sumAndLargest[0];
        this.largest = sumAndLargest[1];
        this.inverse = 1.0 / total;
        this.mostEstimatedCents = Math.min(MAX_ESTIMATED_CENTS - 1, ((1L << 62) - 1) / largest);   // total > 0, so largest >= 1
        int m = this.weights.length;
        this.mostDoubleCents = m >= 2 && m <= 3 && total < 1L << 53 ? MOST_DOUBLE_CENTS : -1;
        this.share0 = (double) this.weights[0] / total;
        this.share1 = m > 1 ? (double) this.weights[1] / total : 0;
        this.share2 = m > 2 ? (double) this.weights[2] / total : 0;
        this.twoParts = m == 2;
    }

    /**
     * Rational weights as integers over their common denominator; null when any of them, or their sum, needs
     * more than 62 bits (or they sum to 0).
     */
    static IntegerWeights of(List<BigFraction> weights) {
        BigInteger denominator = BigInteger.ONE;
        for (BigFraction w : weights) {
            BigInteger d = w.getDenominator();
            denominator = denominator.divide(denominator.gcd(d)).multiply(d);
        }
        long[] out = new long[weights.size()];
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < weights.size(); j++) {
            BigInteger v = weights.get(j).getNumerator().multiply(denominator.divide(weights.get(j).getDenominator()));
            if (v.signum() < 0 || v.bitLength() > 62) {
                return null;
            }
            out[j] = v.longValue();
            sum = sum.add(v);
        }
        if (sum.signum() == 0 || sum.bitLength() > 61) {
            return null;
        }
        return new IntegerWeights(out);
    }

    int size() {
        return weights.length;
    }

    /** Per-thread scratch space of {@link #split}. */
    static final class Scratch {
        private long[] remainder = new long[16];
        private long[] cutBucket = new long[16];
        private long[] parts = new long[16];
        private int[] bucketOf = new int[16];
        private final int[] counts = new int[Selection.BUCKETS];

        private void ensure(int m) {
            if (remainder.length < m) {
                remainder = new long[m];
                cutBucket = new long[m];
                parts = new long[m];
                bucketOf = new int[m];
            }
        }
    }

    /** Splits {@code cents} (>= 0) into {@code parts[0, size())}. */
    void split(long cents, long[] parts, Scratch scratch) {
        if (cents < 0) {
            throw new IllegalArgumentException("cents must be >= 0 but were " + cents);
        }
        int m = weights.length;
        if (m <= 3 && estimated(cents, largest)) {
            if (m == 1) {
                parts[0] = cents;
                return;
            }
            parts[0] = 0;
            parts[1] = 0;
            if (m == 3) {
                parts[2] = 0;
            }
            addSplit(cents, parts, FIRST_THREE, 0, scratch);   // two or three estimated parts: split right there
            return;
        }
        scratch.ensure(m);
        long[] remainder = scratch.remainder;
        long left = cents - floors(cents, weights, m, total, largest, inverse, parts, remainder);
        if (left == 0) {
            return;
        }
        if (m <= RANKED_PARTS) {
            giveByRank(parts, remainder, m, (int) left);
        } else {
            giveByCut(parts, remainder, m, (int) left, scratch);
        }
    }

    /**
     * Like {@link #split}, but only the parts {@code which[0, count)} need to be right: every part gets its floor, and
     * only those are ranked for the left-over cents (each against all the others: linear per part wanted, where the
     * whole split ranks every pair). Above {@link #RANKED_PARTS} parts, by the remainders' buckets
     * ({@link #splitSomeByBuckets}).
     */
    void splitSome(long cents, long[] parts, int[] which, int count, Scratch scratch) {
        int m = weights.length;
        if (m > RANKED_PARTS && cents >= 0 && estimated(cents, largest)) {
            splitSomeByBuckets(cents, parts, which, count, scratch);
            return;
        }
        if (cents < 0 || m > RANKED_PARTS) {
            split(cents, parts, scratch);
            return;
        }
        scratch.ensure(m);
        long[] remainder = scratch.remainder;
        long left = cents - floors(cents, weights, m, total, largest, inverse, parts, remainder);
        if (left == 0) {
            return;
        }
        for (int w = 0; w < count; w++) {
            int j = which[w];
            long r = remainder[j];
            int rank = 0;
            for (int k = 0; k < j; k++) {
                rank += (int) ((r - remainder[k] - 1) >>> 63);
            }
            for (int k = j + 1; k < m; k++) {
                rank += (int) ((r - remainder[k]) >>> 63);
            }
            parts[j] += (rank - (int) left) >>> 31;
        }
    }

    /**
     * {@link #splitSome} of many parts (a common class's 142 holdings, 21 of them wanted): each part's floor and
     * remainder, the remainder's bucket (its fraction of the total in {@link Selection#BUCKETS} steps, monotone in
     * the remainder) counted in the same loop. The left-over cents reach down to a cut bucket: a wanted part above it
     * gets a cent, below it none, and only in it is the part ranked, against the few others in that bucket. The whole
     * split instead selected the cut remainder in two more passes and gave every part its cent.
     */
    private void splitSomeByBuckets(long cents, long[] parts, int[] which, int count, Scratch scratch) {
        long[] weights = this.weights;
        long total = this.total;
        double inverse = this.inverse;
        int m = weights.length;
        scratch.ensure(m);
        long[] remainder = scratch.remainder;
        int[] bucketOf = scratch.bucketOf;
        int[] counts = scratch.counts;
        java.util.Arrays.fill(counts, 0);
        double scale = Selection.BUCKETS / (double) total;
        long assigned = 0;
        for (int j = 0; j < m; j++) {
            long product = cents * weights[j];
            long q = (long) (product * inverse);
            long r = product - q * total;
            long negative = r >> 63;            // all ones when the estimate was one too high
            q += negative;
            r += total & negative;
            long tooLow = ~((r - total) >> 63); // all ones when it was one too low
            q -= tooLow;
            r -= total & tooLow;
            parts[j] = q;
            remainder[j] = r;
            int bucket = Math.min(Selection.BUCKETS - 1, (int) (r * scale));
            bucketOf[j] = bucket;
            counts[bucket]++;
            assigned += q;
        }
        long left = cents - assigned;
        if (left < 0 || left > m) {
            throw new IllegalStateException("floors of " + cents + " cents left " + left + " over " + m + " parts");
        }
        if (left == 0) {
            return;
        }
        // The cut bucket: fewer than `left` remainders above it, at least `left` in it and above.
        int cut = Selection.BUCKETS - 1;
        int above = 0;
        while (above + counts[cut] < left) {
            above += counts[cut];
            cut--;
        }
        for (int w = 0; w < count; w++) {
            int j = which[w];
            int bucket = bucketOf[j];
            if (bucket > cut) {
                parts[j]++;
            } else if (bucket == cut) {
                // Its rank: the parts above the bucket, and those in it before it in the largest-remainder order.
                long r = remainder[j];
                int rank = above;
                for (int k = 0; k < m; k++) {
                    if (bucketOf[k] == cut && k != j && (remainder[k] > r || remainder[k] == r && k < j)) {
                        rank++;
                    }
                }
                if (rank < left) {
                    parts[j]++;
                }
            }
        }
    }

    /** The most cents {@link #addSplit} splits in doubles, or -1 when it never does. */
    long mostDoubleCents() {
        return mostDoubleCents;
    }

    /**
     * Two or three parts whose weights, over their greatest common divisor, total at most {@link #MOST_RESIDUES}: their
     * split of any cents up to {@link #MOST_RESIDUE_CENTS} from a table of the split of every residue (else null). The
     * largest-remainder split of {@code cents = q × total + r} (the reduced weights and total) is {@code q × wⱼ} plus the
     * split of {@code r}: each part's product is {@code q × total × wⱼ + r × wⱼ}, so its remainder, and with them the ranks,
     * the ties and the left-over cents, are those of {@code r} alone (the common divisor scales every remainder, which
     * keeps their order). The table is built by {@link #split} itself, so it holds the exact split of each residue.
     */
    Residues residues() {
        int m = weights.length;
        if (m < 2 || m > 3) {
            return null;
        }
        long divisor = 0;
        for (long w : weights) {
            divisor = gcd(divisor, w);
        }
        long reduced = total / divisor;
        if (reduced > MOST_RESIDUES) {
            return null;
        }
        int residues = (int) reduced;
        int[] firstTwo = new int[residues];
        long[] parts = new long[m];
        Scratch scratch = new Scratch();
        for (int r = 0; r < residues; r++) {
            split(r, parts, scratch);
            firstTwo[r] = (int) parts[0] | (int) parts[1] << 16;   // each part at most r, below 2^16
        }
        return new Residues(residues, weights[0] / divisor, weights[1] / divisor, firstTwo);
    }

    /** The most a {@link Residues}' reduced total may be: its parts of a residue fit 16 bits, its table 16 KB. */
    static final int MOST_RESIDUES = 4096;
    /** The most cents {@link Residues#quotient} divides exactly: its double estimate is within a quarter residue. */
    static final long MOST_RESIDUE_CENTS = 1L << 50;

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * {@link #residues}: the reduced total, its first two reduced weights, and the first two parts of each residue's split
     * packed in an int (part 0 in the low 16 bits); the last part is the cents left.
     */
    static final class Residues {
        final long total;
        /** {@code 1 / total}, rounded once. */
        final double inverse;
        final long weight0;
        final long weight1;
        final int[] firstTwo;

        private Residues(long total, long weight0, long weight1, int[] firstTwo) {
            this.total = total;
            this.inverse = 1.0 / total;
            this.weight0 = weight0;
            this.weight1 = weight1;
            this.firstTwo = firstTwo;
        }

        /**
         * {@code cents ÷ total} for {@code 0 <= cents <= MOST_RESIDUE_CENTS}, without a long division (a call under C1):
         * {@code (cents + ½) ÷ total} lies at least {@code ½ ÷ total} from a whole number, and its double (the sum exact
         * below 2^52, the reciprocal and the product each rounded once) within about {@code (cents + ½) × 2⁻⁵² ÷ total},
         * about {@code ¼ ÷ total} at 2^50 cents, so it truncates to the exact quotient.
         */
        long quotient(long cents) {
            return (long) ((cents + 0.5) * inverse);
        }

        /**
         * The split of {@code cents} (0 to {@link #MOST_RESIDUE_CENTS}) into {@code parts}, as the pass computes it: the
         * property test's subject. The series pass writes these steps out in its loop (a call a run, too long for C1 to
         * inline, would take its locals off the registers), and {@code SeriesPassTest} checks that copy against the
         * exact payouts.
         */
        void split(long cents, long[] parts) {
            long q = quotient(cents);
            int packed = firstTwo[(int) (cents - q * total)];
            parts[0] = q * weight0 + (packed & 0xFFFF);
            parts[1] = q * weight1 + (packed >>> 16);
            if (parts.length > 2) {
                parts[2] = cents - parts[0] - parts[1];
            }
        }
    }

    /** Weight {@code j} over the weights' total: part {@code j}'s share of what is split. */
    double share(int j) {
        return (double) weights[j] / total;
    }

    /**
     * The same split for weights given per call, at most {@link #RANKED_PARTS} of them (the twelve months of a
     * year, say), without building an instance: non-negative {@code cents} and weights summing to between 1 and
     * 2⁶²; {@code parts} may not be {@code weights}.
     */
    static void splitFew(long cents, long[] weights, long[] parts) {
        int m = weights.length;
        if (cents < 0 || m > RANKED_PARTS) {
            throw new IllegalArgumentException("cents " + cents + " must be >= 0 and parts " + m + " at most " + RANKED_PARTS);
        }
        long[] sumAndLargest = checkedSumAndLargest(weights);
        long sum = sumAndLargest[0];
        long max = sumAndLargest[1];
        long[] remainder = new long[m];
        long left = cents - floors(cents, weights, m, sum, max, 1.0 / sum, parts, remainder);
        if (left > 0) {
            giveByRank(parts, remainder, m, (int) left);
        }
    }

    /** The weights' sum and largest, after checking they are non-negative and sum to between 1 and 2^62. */
    private static long[] checkedSumAndLargest(long[] weights) {
        long sum = 0;
        long max = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must be >= 0 but one was " + w);
            }
            sum = Math.addExact(sum, w);
            max = Math.max(max, w);
        }
        if (sum <= 0 || sum >= 1L << 62) {
            throw new IllegalArgumentException("weights must sum to between 1 and 2^62 but summed to " + sum);
        }
        return new long[] {sum, max};
    }

    /** Whether every product {@code cents × weight} fits in 62 bits and its quotient can be estimated in doubles. */
    private static boolean estimated(long cents, long largest) {
        return cents < MAX_ESTIMATED_CENTS && Math.multiplyHigh(cents, largest) == 0 && (cents * largest) >>> 62 == 0;
    }

    private static final int[] FIRST_THREE = {0, 1, 2};

    /**
     * Splits {@code cents} (>= 0) and adds part {@code j} to {@code out[target[j] + at]}: the payout pass's split of a
     * claimant over its holdings' positions ({@code at}: the run's place along the pass's columns). Two or three parts
     * (a claimant's usual holdings) in doubles first: each part's exact share {@code cents × wⱼ ÷ total} is within
     * {@code cents × 2⁻⁵¹} of its double {@code vⱼ = cents × shareⱼ} (the share and the product each rounded once), so
     * when every {@code vⱼ}'s fraction is further than {@code e = cents × 2⁻⁵⁰} from a whole number, the floors are the
     * exact ones, and when the fractions are further than {@code e} apart their order is that of the exact remainders. Two parts: the first gets its share rounded half up (its remainder at least half
     * the total), decided when its fraction is further than {@code e} from one half ({@code v + ½} rounds once more,
     * within {@code e} too). Otherwise (about one split in
     * {@code 2⁴⁶ ÷ cents} near a tie, an exact tie, or more cents) the split in integers, {@link #addSplitExactly}.
     * The double path is one multiply and truncation per part instead of a quotient with two corrections, and its
     * comparisons are predictable branches off the parts' critical path.
     */
    void addSplit(long cents, long[] out, int[] target, int at, Scratch scratch) {
        if (cents >= 0 && cents <= mostDoubleCents) {
            double x = cents;
            double e = x * 0x1p-50;
            if (twoParts) {
                double v = x * share0;
                if (Math.abs(v - (long) v - 0.5) > e) {
                    long first = (long) (v + 0.5);
                    out[target[0] + at] += first;
                    out[target[1] + at] += cents - first;
                    return;
                }
            } else {
                double v0 = x * share0;
                double v1 = x * share1;
                double v2 = x * share2;
                long q0 = (long) v0;
                long q1 = (long) v1;
                long q2 = (long) v2;
                double f0 = v0 - q0;
                double f1 = v1 - q1;
                double f2 = v2 - q2;
                double high = 1 - e;
                if (f0 > e && f0 < high && f1 > e && f1 < high && f2 > e && f2 < high
                        && Math.abs(f0 - f1) > e && Math.abs(f0 - f2) > e && Math.abs(f1 - f2) > e) {
                    int left = (int) (cents - q0 - q1 - q2);
                    // Non-negative doubles order as their bits; no two fractions are equal here.
                    long b0 = Double.doubleToRawLongBits(f0);
                    long b1 = Double.doubleToRawLongBits(f1);
                    long b2 = Double.doubleToRawLongBits(f2);
                    int rank0 = (int) ((b0 - b1) >>> 63) + (int) ((b0 - b2) >>> 63);
                    int rank1 = (int) ((b1 - b0) >>> 63) + (int) ((b1 - b2) >>> 63);
                    int rank2 = (int) ((b2 - b0) >>> 63) + (int) ((b2 - b1) >>> 63);
                    out[target[0] + at] += q0 + ((rank0 - left) >>> 31);
                    out[target[1] + at] += q1 + ((rank1 - left) >>> 31);
                    out[target[2] + at] += q2 + ((rank2 - left) >>> 31);
                    return;
                }
            }
        }
        addSplitExactly(cents, out, target, at, scratch);
    }

    /**
     * {@link #addSplit} in integers. Two or three parts (a claimant's usual holdings) for {@link #estimated} cents right
     * here, one call per split (C1 inlines no method this long), and with one quotient fewer: the weights sum to the
     * total, so the last part's quotient and remainder follow from the others'
     * ({@code cents × w₂ = (cents − q₀ − q₁) × total − (r₀ + r₁)}), and the left-over cents are the number of totals the
     * others' remainders carry. Two parts: the first gets the left-over cent when its remainder is at least half the
     * total (ties to the earlier part), which is rounding its exact share half up. No branch on the remainders (a coin
     * toss per split).
     */
    void addSplitExactly(long cents, long[] out, int[] target, int at, Scratch scratch) {
        long[] weights = this.weights;
        int m = weights.length;
        if (m < 2 || m > 3 || cents < 0 || cents > mostEstimatedCents) {
            addSplitInParts(cents, out, target, at, scratch);
            return;
        }
        long total = this.total;
        long product = cents * weights[0];
        long q0 = (long) (product * inverse);
        long r0 = product - q0 * total;
        long negative = r0 >> 63;            // all ones when the estimate was one too high
        q0 += negative;
        r0 += total & negative;
        long tooLow = ~((r0 - total) >> 63); // all ones when it was one too low
        q0 -= tooLow;
        r0 -= total & tooLow;
        if (m == 2) {
            long first = q0 + ((total - 2 * r0 - 1) >>> 63); // 1 when 2·r0 >= total; r0 < total < 2^62, so no overflow
            out[target[0] + at] += first;
            out[target[1] + at] += cents - first;
            return;
        }
        product = cents * weights[1];
        long q1 = (long) (product * inverse);
        long r1 = product - q1 * total;
        negative = r1 >> 63;
        q1 += negative;
        r1 += total & negative;
        tooLow = ~((r1 - total) >> 63);
        q1 -= tooLow;
        r1 -= total & tooLow;
        long carried = r0 + r1;                                                      // below 2·total < 2^63
        int left = (int) (-carried >>> 63) + (int) ((total - carried) >>> 63);      // 0, 1 (up to total) or 2
        long r2 = left * total - carried;
        long q2 = cents - q0 - q1 - left;
        // Ranks in the largest-remainder order (larger remainder first, ties to the earlier part); the first `left` get a cent.
        int rank0 = (int) ((r0 - r1) >>> 63) + (int) ((r0 - r2) >>> 63);
        int rank1 = (int) ((r1 - r0 - 1) >>> 63) + (int) ((r1 - r2) >>> 63);
        int rank2 = (int) ((r2 - r0 - 1) >>> 63) + (int) ((r2 - r1 - 1) >>> 63);
        out[target[0] + at] += q0 + ((rank0 - left) >>> 31);
        out[target[1] + at] += q1 + ((rank1 - left) >>> 31);
        out[target[2] + at] += q2 + ((rank2 - left) >>> 31);
    }

    /** {@link #addSplit} through the whole split into parts. */
    private void addSplitInParts(long cents, long[] out, int[] target, int at, Scratch scratch) {
        int m = weights.length;
        scratch.ensure(m);
        long[] parts = scratch.parts;
        split(cents, parts, scratch);
        for (int j = 0; j < m; j++) {
            out[target[j] + at] += parts[j];
        }
    }

    /** Each part's floor into {@code parts} and its remainder (over {@code total}) into {@code remainder}; returns their sum. */
    private static long floors(long cents, long[] weights, int m, long total, long largest, double inverse, long[] parts, long[] remainder) {
        long assigned = 0;
        if (cents < MAX_ESTIMATED_CENTS && Math.multiplyHigh(cents, largest) == 0 && (cents * largest) >>> 62 == 0) {
            for (int j = 0; j < m; j++) {
                long product = cents * weights[j];
                long q = (long) (product * inverse);
                long r = product - q * total;
                long negative = r >> 63;            // all ones when the estimate was one too high
                q += negative;
                r += total & negative;
                long tooLow = ~((r - total) >> 63); // all ones when it was one too low
                q -= tooLow;
                r -= total & tooLow;
                parts[j] = q;
                remainder[j] = r;
                assigned += q;
            }
        } else {
            long[] qr = new long[2];
            for (int j = 0; j < m; j++) {
                ExactCents.mulDiv(cents, weights[j], total, qr);
                parts[j] = qr[0];
                remainder[j] = qr[1];
                assigned += qr[0];
            }
        }
        long left = cents - assigned;
        if (left < 0 || left > m) {
            throw new IllegalStateException("floors of " + cents + " cents left " + left + " over " + m + " parts");
        }
        return assigned;
    }

    /**
     * A part's rank is the number of parts before it in the largest-remainder order (larger remainder, or equal and
     * earlier); the {@code left} first get a cent. Quadratic, but without a branch: cheapest for a few parts.
     * Remainders are below 2⁶², so a difference's sign bit is the comparison.
     */
    private static void giveByRank(long[] parts, long[] remainder, int m, int left) {
        for (int j = 0; j < m; j++) {
            long r = remainder[j];
            int rank = 0;
            for (int k = 0; k < j; k++) {
                rank += (int) ((r - remainder[k] - 1) >>> 63); // earlier part with a remainder >= r
            }
            for (int k = j + 1; k < m; k++) {
                rank += (int) ((r - remainder[k]) >>> 63);     // later part with a remainder > r
            }
            parts[j] += (rank - left) >>> 31;                  // 1 when rank < left
        }
    }

    /**
     * Finds the remainder at the cut ({@link Selection#kthLargestBelow}), gives a cent to every part above it and
     * then to parts at it, in order, until the left-over cents are given.
     */
    private void giveByCut(long[] parts, long[] remainder, int m, int left, Scratch scratch) {
        long cut = Selection.kthLargestBelow(remainder, m, total, left, scratch.counts, scratch.cutBucket);
        int given = 0;
        for (int j = 0; j < m; j++) {
            long gets = (cut - remainder[j]) >>> 63; // 1 when the remainder is above the cut
            parts[j] += gets;
            given += (int) gets;
        }
        for (int j = 0; j < m && given < left; j++) {
            if (remainder[j] == cut) {
                parts[j]++;
                given++;
            }
        }
    }
}
