package org.msocap.waterfall;

import java.math.BigInteger;
import java.util.List;

/**
 * A {@link BreakpointTable}'s wide lines as whole numbers, for the fast tier of its evaluator: each line's value in
 * units of 2^-22 cent from multiplies, shifts and adds of longs only, in short loops that C2's SuperWord turns into
 * vector instructions (it does not vectorise the double-to-long conversion of the floating-point pass, nor a loop
 * whose body is too large to unroll: hence three loops, not one).
 *
 * <p>A slope b in [0, 1] is kept as B = floor(b × 2^66) in three 22-bit limbs (B = high × 2^44 + middle × 2^22 + low),
 * an intercept a in cents as A = floor(a × 2^22) + 1. For cents x below 2^40, every product of a limb and x is below
 * 2^62, and f = high × x + ((middle × x + ((low × x) >>> 22)) >>> 22) + A satisfies f − 1 ≤ (a + b × x) × 2^22 &lt;
 * f + 1 + 2^-22 + 2^-4 (B's truncation costs below x × 2^-44 units, each shift below one unit): the line is within
 * {@link #NOISE} of f × 2^-22 cents. No rounding depends on the magnitude, unlike the fused multiply-add of doubles.
 *
 * <p>Slots, per segment k: [slotFrom[k], wideStart[k]) is room for the keys of the segment's other lines with a
 * remainder (fractional constants and small-denominator lines), [wideStart[k], slotFrom[k + 1]) its wide lines in
 * the table's order. The evaluator's scratch arrays are indexed by the same slots: SuperWord vectorises a loop that
 * loads one array and stores another only when both are indexed alike.
 *
 * <p>A segment where at least half the claimants have wide lines and none a small-denominator line is laid out
 * {@linkplain #claimantOrder in claimant order} instead: claimant i in slot wideStart[k] + i, each constant as a line
 * of slope 0 through its floor in cents. The pass's cents are then the claimants' payouts up to the fractional
 * constants' up-front cents, and the evaluator copies them out in one piece where it would scatter the wide lines'
 * cents over a copy of the constants (most of the large LLC table's evaluations fall in segments where 88 to 90 of
 * its 91 claimants move). A constant's slot is flagged (its fraction is 0: see {@link #constantFlags}) and
 * its key is negative, so the evaluator's windows next to 1/2 never take it.
 */
final class IntegerLines {

    /** The evaluator's fixed point: the keys and remainders this pass hands it must be in its units. */
    static final int FRACTION_BITS = BreakpointTable.Evaluator.FIXED_POINT_BITS;
    private static final long ONE = 1L << FRACTION_BITS;
    private static final long HALF_MASK = ONE / 2 - 1;
    private static final int LIMB_BITS = 22;
    private static final long LIMB_MASK = (1L << LIMB_BITS) - 1;
    /** Distance of a line from f × 2^-22 cents, bounded as above (in cents). */
    static final double NOISE = 0x1p-21;
    /** Exit values at or above this many cents take the floating-point pass. */
    static final long MAX_CENTS = 1L << 40;
    /**
     * Added to a line's cents in the sum when its remainder is too close to a whole cent to trust or close to a half
     * (see pass).
     */
    private static final long FLAG = 1L << 52;

    final int[] slotFrom;
    final int[] wideStart;
    /** Per segment: every wide line has a slope in [0, 1] and an intercept below 2^38 cents in magnitude. */
    final boolean[] usable;
    /**
     * Per segment: its slots from wideStart hold every claimant in claimant order, constants too (see above), and
     * every constant's floor is below 2^38 cents in magnitude. Implies {@link #usable}.
     */
    final boolean[] claimantOrder;
    /** Per segment laid out in claimant order: its constants' slots (claimants without a wide line). */
    private final int[] constantSlots;
    private final long[] high;
    private final long[] middle;
    private final long[] low;
    private final long[] intercept;
    /** The complement of the claimant index, the low bits of a key (see {@code BreakpointTable.Evaluator.key}). */
    private final long[] indexBits;
    final int[] index;

    IntegerLines(int segments, int claimants, long[] constantCents, int[] fractionFrom, int[] smallFrom, int[] wideFrom,
            int[] wideIndex, List<BigInteger[]> wideExact) {
        slotFrom = new int[segments + 1];
        wideStart = new int[segments];
        usable = new boolean[segments];
        claimantOrder = new boolean[segments];
        constantSlots = new int[segments];
        int slots = 0;
        for (int k = 0; k < segments; k++) {
            int wide = wideFrom[k + 1] - wideFrom[k];
            // (Past the evaluator's fast claimants the table is evaluated exactly: no slots for every claimant then.)
            claimantOrder[k] = smallFrom[k + 1] == smallFrom[k] && 2 * wide >= claimants
                    && claimants <= BreakpointTable.Evaluator.MAX_FAST_CLAIMANTS;
            slots += fractionFrom[k + 1] - fractionFrom[k] + smallFrom[k + 1] - smallFrom[k] + (claimantOrder[k] ? claimants : wide);
        }
        high = new long[slots];
        middle = new long[slots];
        low = new long[slots];
        intercept = new long[slots];
        indexBits = new long[slots];
        index = new int[slots];
        int slot = 0;
        for (int k = 0; k < segments; k++) {
            slotFrom[k] = slot;
            slot += fractionFrom[k + 1] - fractionFrom[k] + smallFrom[k + 1] - smallFrom[k];
            wideStart[k] = slot;
            usable[k] = true;
            int w = wideFrom[k];
            for (int i = 0; i < claimants; i++) {
                boolean isWide = w < wideFrom[k + 1] && wideIndex[w] == i;
                if (!isWide && !claimantOrder[k]) {
                    continue;
                }
                // (For an index below 2^10, its complement there is an exclusive or.)
                indexBits[slot] = (BreakpointTable.Evaluator.MAX_FAST_CLAIMANTS - 1) ^ (i & (BreakpointTable.Evaluator.MAX_FAST_CLAIMANTS - 1));
                index[slot] = i;
                if (isWide) {
                    usable[k] &= setLine(slot, wideExact.get(w));
                    w++;
                } else {
                    // A constant: slope 0 through its floor exactly, fraction 0. The sign bit in its index bits makes
                    // its key negative: no remainder to compete for a left-over cent (a fractional constant's key is
                    // the evaluator's, in the room before wideStart).
                    long floor = constantCents[k * claimants + i];
                    claimantOrder[k] &= Math.abs(floor) < 1L << 38;
                    intercept[slot] = floor << FRACTION_BITS;
                    indexBits[slot] |= Long.MIN_VALUE;
                    constantSlots[k]++;
                }
                slot++;
            }
            claimantOrder[k] &= usable[k];
        }
        slotFrom[segments] = slot;
    }

    /** A wide line's limbs into {@code slot}; false if its slope is outside [0, 1] or its intercept too large. */
    private boolean setLine(int slot, BigInteger[] line) {
        // line: intercept in cents aN / aD, slope bN / bD (positive denominators)
        BigInteger bN = line[2];
        BigInteger bD = line[3];
        if (bN.signum() < 0 || bN.compareTo(bD) > 0) {
            return false;
        }
        BigInteger slope = bN.shiftLeft(66).divide(bD);
        BigInteger[] qr = line[0].shiftLeft(FRACTION_BITS).divideAndRemainder(line[1]);
        BigInteger a = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        if (a.bitLength() > 60) {
            return false;
        }
        high[slot] = slope.shiftRight(2 * LIMB_BITS).longValueExact();
        middle[slot] = slope.shiftRight(LIMB_BITS).longValue() & LIMB_MASK;
        low[slot] = slope.longValue() & LIMB_MASK;
        intercept[slot] = a.longValueExact() + 1;
        return true;
    }

    /**
     * What segment k's constants add to {@link #pass}'s {@code sums} beyond their cents, at the pass's
     * {@code noiseUnits}: each is flagged, its fraction 0 lying within any positive width of a whole cent.
     */
    long constantFlags(int k, long noiseUnits) {
        return noiseUnits > 0 ? constantSlots[k] * FLAG : 0;
    }

    int slots() {
        return slotFrom[slotFrom.length - 1];
    }

    /**
     * Segment k's wide lines at x cents (below {@link #MAX_CENTS}, and every line below 2^40 cents): each line's
     * whole cents (with the cent of a remainder of at least 1/2 given up front) into {@code cents}, its key into
     * {@code keys}, and into {@code sums} the cents plus {@link #FLAG} if the remainder lies within
     * {@code noiseUnits} of a whole cent or of a half: with {@code accepted} = 2^21 - 1 - 2 × noiseUnits, one test
     * modulo half a cent covers both. All three arrays are indexed by slot. A line is flagged unless
     * (fraction − noiseUnits) mod 2^21 is at most {@code accepted}. (The evaluator gives up on a line near a whole
     * cent; a sum without flags tells it no key is near 1/2, so it spares the search there.)
     */
    void pass(int k, long x, long noiseUnits, long accepted, long[] sums, long[] cents, long[] keys) {
        int from = wideStart[k];
        int end = slotFrom[k + 1];
        long[] high = this.high;
        long[] middle = this.middle;
        long[] low = this.low;
        long[] intercept = this.intercept;
        long[] indexBits = this.indexBits;
        for (int j = from; j < end; j++) {
            sums[j] = (middle[j] * x + ((low[j] * x) >>> LIMB_BITS)) >>> LIMB_BITS;
        }
        for (int j = from; j < end; j++) {
            long f = high[j] * x + sums[j] + intercept[j];
            sums[j] = f;
            cents[j] = (f + ONE / 2) >> FRACTION_BITS;
        }
        for (int j = from; j < end; j++) {
            long f = sums[j];
            keys[j] = ((f << (64 - FRACTION_BITS)) >>> 2) | indexBits[j];
            sums[j] = cents[j] + ((accepted - ((f - noiseUnits) & HALF_MASK)) >> 63 & FLAG);
        }
    }

    /** Whether a sum of {@link #pass}'s {@code sums} (at most 1024 lines) counts a flagged line. */
    static boolean flagged(long sum) {
        // The cents sum to less than 2^51 in magnitude, the flags to a multiple of 2^52 below 2^62.
        return (sum + (1L << 51)) >>> 52 != 0;
    }

    /** The cents of such a sum, without its flags. */
    static long cents(long sum) {
        return ((sum + (1L << 51)) & ((1L << 52) - 1)) - (1L << 51);
    }
}
