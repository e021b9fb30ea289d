package org.msocap.simulation;

import java.util.Arrays;

/**
 * Percentile buckets that need no range known in advance: a value's bucket is its binary magnitude and the next
 * {@link #BITS} bits below its leading one (read off its {@code double}), so 64 buckets per doubling, each at most
 * 1.6% wide, and every value at most zero in bucket 0. The bucket never decreases as the value grows. The drivers' pass
 * counts the enterprise values and equity proceeds per bucket as it writes them ({@link ValueTallies}, cache-hot, chunk
 * by chunk); their statistics then take the histogram and the values of the few buckets holding a percentile in one
 * pass ({@link Pick}), where counting first took a pass of its own over 8 bytes a run.
 */
final class LogBuckets {

    /** Bits of a value below its leading one that pick its bucket. */
    static final int BITS = 6;
    /** Buckets: 0 for values at most 0, then 64 per doubling up to {@code 2^63} (which a long rounds to as a double). */
    static final int COUNT = (63 << BITS) + 2;
    private static final int SHIFT = 52 - BITS;
    /** {@code 1}'s double, shifted, less one: 1 lands in bucket 1. */
    private static final int ONE = (1023 << BITS) - 1;
    /** {@link Pick#take}'s marks: a bucket of no slot, and one whose values are binned one by one. */
    private static final int NO_SLOT = 0xFFFF;
    private static final int BIN = 1 << 16;

    private LogBuckets() {
    }

    /**
     * The bucket of {@code v}: a positive long's double never decreases as the long grows, nor does the double's bit
     * pattern, nor that shifted; values at most 0 are taken as 0, whose bucket is clamped to 0 (all without a branch).
     * The hot loops write this out rather than call it (a call per value under C1).
     */
    static int of(long v) {
        long positive = v & ~(v >> 63);
        int b = (int) (Double.doubleToRawLongBits((double) positive) >>> SHIFT) - ONE;
        return b & ~(b >> 31);
    }

    /**
     * The values at given sorted indexes of a series whose values are all counted per bucket: which buckets hold them,
     * and each index's rank within its bucket, are known from the counts alone; {@link #binAndCopy} (or
     * {@link #offer}, value by value) then copies out only those buckets' values, and {@link #select} selects among
     * them. An index among the values at most 0 is 0 without a look when no value is negative.
     */
    static final class Pick {
        private final long[] out;
        /** Per index, its slot (-1: already known) and its rank among the slot's values. */
        private final int[] slotOf;
        private final int[] rankIn;
        /** Per bucket, its slot, or -1 when no index asked for falls in it. */
        final int[] slotOfBucket;
        final long[][] slot;
        final int[] filled;
        /** The counts per bucket ({@code counts[from + b]}), for the histogram's bins ({@link #take}). */
        private final int[] counts;
        private final int from;

        /**
         * @param counts per bucket, how many values ({@code counts[from + b]} for bucket {@code b})
         * @param min the least value (at most bucket 0's values when positive)
         * @param indexes ascending, within the values counted
         */
        Pick(int[] counts, int from, long min, int[] indexes) {
            this.counts = counts;
            this.from = from;
            out = new long[indexes.length];
            slotOf = new int[indexes.length];
            rankIn = new int[indexes.length];
            slotOfBucket = new int[COUNT];
            Arrays.fill(slotOfBucket, -1);
            int[] slotSize = new int[indexes.length];
            int slots = 0;
            int bucket = 0;
            long before = 0;
            for (int i = 0; i < indexes.length; i++) {
                while (before + counts[from + bucket] <= indexes[i]) {
                    before += counts[from + bucket];
                    bucket++;
                }
                if (bucket == 0 && min >= 0) {
                    slotOf[i] = -1; // bucket 0 holds only zeros
                    out[i] = 0;
                    continue;
                }
                rankIn[i] = (int) (indexes[i] - before);
                if (slotOfBucket[bucket] < 0) {
                    slotOfBucket[bucket] = slots;
                    slotSize[slots++] = counts[from + bucket];
                }
                slotOf[i] = slotOfBucket[bucket];
            }
            slot = new long[slots][];
            for (int k = 0; k < slots; k++) {
                slot[k] = new long[slotSize[k]];
            }
            filled = new int[slots];
        }

        /** Keeps {@code v} if its bucket holds an index asked for; every value must be offered once. */
        void offer(long v) {
            int k = slotOfBucket[of(v)];
            if (k >= 0) {
                slot[k][filled[k]++] = v;
            }
        }

        /**
         * Offers every value of {@code values} whose {@code exitDay} is not {@code noExit} and counts it per bin of
         * {@code binning} into {@code binCounts}: the enterprise value's and equity proceeds' histogram and percentiles'
         * buckets in one pass. The values of runs without an exit must be at most 0 (bucket 0).
         */
        void binAndCopy(long[] values, int[] exitDay, int noExit, Histogram.Binning binning, long[] binCounts) {
            int[] take = take(binning, binCounts);
            long[][] slot = this.slot;
            int[] filled = this.filled;
            // Histogram.Binning.bin and LogBuckets.of, written out: two calls a value less under C1.
            long binMin = binning.min();
            double width = binning.width();
            int lastBin = binning.bins() - 1;
            // As below: the exit days read only when bucket 0's values are taken.
            int[] exits = take[0] < 0 ? null : exitDay;
            for (int i = 0; i < values.length; i++) {
                if (exits != null && exits[i] == noExit) {
                    continue;
                }
                long v = values[i];
                long positive = v & ~(v >> 63);
                int b = (int) (Double.doubleToRawLongBits((double) positive) >>> SHIFT) - ONE;
                int k = take[b & ~(b >> 31)];
                if (k >= 0) {
                    if (k >= BIN) {
                        binCounts[bin((v - binMin) / width, lastBin)]++;
                    }
                    if ((k & NO_SLOT) != NO_SLOT) {
                        slot[k & NO_SLOT][filled[k & NO_SLOT]++] = v;
                    }
                }
            }
        }

        /**
         * {@link #binAndCopy} of this series' {@code values} and {@code other}'s {@code otherValues}, whose runs with an exit
         * are the same (the enterprise values and the equity proceeds), in one pass: one loop and one look at the exit day
         * a run instead of two. The one-series loop's steps written out for each series (a call a value less under C1):
         * keep the two in step.
         */
        void binAndCopy(long[] values, Pick other, long[] otherValues, int[] exitDay, int noExit, Histogram.Binning binning,
                        long[] binCounts, Histogram.Binning otherBinning, long[] otherBinCounts) {
            int[] take = take(binning, binCounts);
            long[][] slot = this.slot;
            int[] filled = this.filled;
            int[] otherTake = other.take(otherBinning, otherBinCounts);
            long[][] otherSlot = other.slot;
            int[] otherFilled = other.filled;
            long binMin = binning.min();
            double width = binning.width();
            int lastBin = binning.bins() - 1;
            long otherBinMin = otherBinning.min();
            double otherWidth = otherBinning.width();
            int otherLastBin = otherBinning.bins() - 1;
            // A run without an exit holds at most 0 in both (never written: 0), so bucket 0: when neither series takes
            // bucket 0's values (no percentile among them, all in one bin) such a run does nothing in the loop, and the
            // exit days (4 bytes a run) are not read.
            int[] exits = take[0] < 0 && otherTake[0] < 0 ? null : exitDay;
            for (int i = 0; i < values.length; i++) {
                if (exits != null && exits[i] == noExit) {
                    continue;
                }
                long v = values[i];
                long w = otherValues[i];
                int b = (int) (Double.doubleToRawLongBits((double) (v & ~(v >> 63))) >>> SHIFT) - ONE;
                int k = take[b & ~(b >> 31)];
                if (k >= 0) {
                    if (k >= BIN) {
                        binCounts[bin((v - binMin) / width, lastBin)]++;
                    }
                    if ((k & NO_SLOT) != NO_SLOT) {
                        slot[k & NO_SLOT][filled[k & NO_SLOT]++] = v;
                    }
                }
                b = (int) (Double.doubleToRawLongBits((double) (w & ~(w >> 63))) >>> SHIFT) - ONE;
                k = otherTake[b & ~(b >> 31)];
                if (k >= 0) {
                    if (k >= BIN) {
                        otherBinCounts[bin((w - otherBinMin) / otherWidth, otherLastBin)]++;
                    }
                    if ((k & NO_SLOT) != NO_SLOT) {
                        otherSlot[k & NO_SLOT][otherFilled[k & NO_SLOT]++] = w;
                    }
                }
            }
        }

        /**
         * Per bucket, what {@link #binAndCopy} does with its values: -1 nothing, else its slot ({@link #NO_SLOT}: none)
         * plus {@link #BIN} when its values must be binned one by one. A bucket whose least and greatest possible value
         * (within the least and greatest value) fall in one bin of {@code binning} is counted into {@code binCounts} here,
         * all its values at once: a value's bin never decreases as the value grows (a long's difference, its double, a
         * quotient by a positive width and the cut are each monotone), so every value between two of one bin is in that
         * bin. Buckets are at most 1.6% wide, so only those straddling a bin's edge (or holding a percentile) are looked
         * at value by value, where each value's bin was a division.
         */
        private int[] take(Histogram.Binning binning, long[] binCounts) {
            int[] take = slotOfBucket.clone();
            for (int b = 0; b < COUNT; b++) {
                if (take[b] < 0) {
                    take[b] = NO_SLOT;
                }
            }
            long min = binning.min();
            long max = binning.max();
            double width = binning.width();
            int lastBin = binning.bins() - 1;
            if (width == 0) {
                binCounts[0] += values(0, COUNT);
                return noneTaken(take);
            }
            if (max - min < 0) {
                // The range overflows a long: every value by value, as Histogram.Binning.bin (not monotone then).
                for (int b = 0; b < COUNT; b++) {
                    take[b] |= BIN;
                }
                return take;
            }
            for (int b = 0; b < COUNT; b++) {
                if (counts[from + b] == 0) {
                    continue;
                }
                // Bucket 0: every value at most 0. Above: the values whose double lies in [d, next), exact below 2^53.
                long least = 0;
                long greatest = 0;
                boolean known = true;
                if (b == 0) {
                    least = min;
                } else {
                    double d = Double.longBitsToDouble((long) (b + ONE) << SHIFT);
                    double next = Double.longBitsToDouble((long) (b + 1 + ONE) << SHIFT);
                    known = next <= 0x1p53;
                    least = (long) Math.ceil(d);
                    greatest = (long) Math.ceil(next) - 1;
                }
                least = Math.max(least, min);
                greatest = Math.min(greatest, max);
                int first = bin((least - min) / width, lastBin);
                if (known && least <= greatest && first == bin((greatest - min) / width, lastBin)) {
                    binCounts[first] += counts[from + b];
                } else {
                    take[b] |= BIN;
                }
            }
            return noneTaken(take);
        }

        /** {@code take} with its buckets of no slot and no bin marked -1. */
        private static int[] noneTaken(int[] take) {
            for (int b = 0; b < COUNT; b++) {
                if (take[b] == NO_SLOT) {
                    take[b] = -1;
                }
            }
            return take;
        }

        /** The values counted in buckets {@code [fromBucket, toBucket)}. */
        private long values(int fromBucket, int toBucket) {
            long n = 0;
            for (int b = fromBucket; b < toBucket; b++) {
                n += counts[from + b];
            }
            return n;
        }

        /**
         * {@code (int) Math.min(lastBin, q)}, Histogram.Binning.bin's cut, the same int for every q (NaN and −0.0 too),
         * without {@code Math.min} of doubles: too long for C1 to inline and not intrinsic to it, so a call a value.
         */
        private static int bin(double q, int lastBin) {
            return q >= lastBin ? lastBin : (int) q;
        }

        /** The values at the indexes asked for, once every value was offered. */
        long[] select() {
            for (int k = 0; k < slot.length; k++) {
                if (filled[k] != slot[k].length) {
                    throw new IllegalStateException("bucket counted " + slot[k].length + " values but was offered " + filled[k]);
                }
            }
            for (int i = 0; i < out.length; i++) {
                if (slotOf[i] >= 0) {
                    long[] inBucket = slot[slotOf[i]];
                    out[i] = Selection.kthSmallest(inBucket, inBucket.length, rankIn[i]);
                }
            }
            return out;
        }
    }
}
