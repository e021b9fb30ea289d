package org.msocap.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Splits a total into cents by the largest-remainder (Hamilton) method, so the parts add up to the
 * total exactly. Every split of money in msocap goes through here.
 *
 * <p>Each part first gets the floor of its exact amount in cents; the cents left over go one each to the
 * parts with the largest remainders, ties to the earlier part (callers order parts deterministically,
 * e.g. by id, so the result does not depend on input order).
 */
public final class Allocation {

    private Allocation() {
    }

    /**
     * Rounds exact parts that sum to {@code total} into cents that sum to {@code total}.
     *
     * @param total the exact total, a whole number of cents
     * @param exactParts non-negative exact amounts whose sum equals {@code total}
     */
    public static List<Money> toCents(Money total, List<BigFraction> exactParts) {
        BigFraction sum = BigFraction.ZERO;
        for (BigFraction p : exactParts) {
            if (p.compareTo(BigFraction.ZERO) < 0) {
                throw new IllegalArgumentException("parts to allocate must be >= 0 but one was " + p);
            }
            sum = sum.add(p);
        }
        BigFraction totalExact = new BigFraction(total.amount().unscaledValue(), BigInteger.valueOf(100));
        if (sum.compareTo(totalExact) != 0) {
            throw new IllegalArgumentException("parts sum to " + sum.bigDecimalValue(6, 4) + " but the total is " + total);
        }
        return allocate(total, exactParts);
    }

    /** Splits {@code total} in proportion to non-negative {@code weights} (not all zero). */
    public static List<Money> proportional(Money total, List<BigFraction> weights) {
        if (weights.stream().allMatch(w -> w.equals(BigFraction.ZERO))) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        return toMoney(largestRemainder(total.cents(), weights));
    }

    private static List<Money> allocate(Money total, List<BigFraction> parts) {
        List<BigFraction> inCents = new ArrayList<>(parts.size());
        for (BigFraction p : parts) {
            inCents.add(p.multiply(100));
        }
        return toMoney(largestRemainder(total.cents(), inCents));
    }

    private static List<Money> toMoney(long[] cents) {
        List<Money> result = new ArrayList<>(cents.length);
        for (long c : cents) {
            result.add(Money.ofCents(c));
        }
        return result;
    }

    /**
     * Splits {@code totalUnits} whole units (cents, basis points, shares) in proportion to non-negative
     * weights: floor of each exact part, then one unit each to the largest remainders, ties to the
     * earlier part. The parts always add up to {@code totalUnits}.
     */
    public static long[] largestRemainder(long totalUnits, List<BigFraction> weights) {
        if (weights.stream().allMatch(w -> w.getDenominator().equals(BigInteger.ONE))) {
            return largestRemainderOfWholeWeights(totalUnits, weights);
        }
        int n = weights.size();
        BigFraction weightSum = BigFraction.ZERO;
        for (BigFraction w : weights) {
            if (w.compareTo(BigFraction.ZERO) < 0) {
                throw new IllegalArgumentException("weights must be >= 0 but one was " + w);
            }
            weightSum = weightSum.add(w);
        }
        long[] units = new long[n];
        if (n == 0 || weightSum.equals(BigFraction.ZERO)) {
            if (totalUnits != 0) {
                throw new IllegalArgumentException("cannot split " + totalUnits + " units over zero weights");
            }
            return units;
        }
        BigFraction[] remainders = new BigFraction[n];
        long assigned = 0;
        BigInteger total = BigInteger.valueOf(totalUnits);
        for (int i = 0; i < n; i++) {
            BigFraction exact = weights.get(i).multiply(total).divide(weightSum);
            BigInteger floor = exact.getNumerator().divide(exact.getDenominator());
            units[i] = floor.longValueExact();
            remainders[i] = exact.subtract(new BigFraction(floor));
            assigned += units[i];
        }
        long left = totalUnits - assigned;
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigFraction>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            units[order.get(k)]++;
        }
        return units;
    }

    /**
     * The same split when every weight is a whole number (collections in cents, share counts): each exact part is
     * w × total ÷ Σw, so its floor and remainder are one integer division and the remainders compare as integers
     * over the common denominator Σw. Without fractions, which reduce by a gcd at every step, it is many times faster;
     * the simulation splits the MSO's costs over 200 practices this way for every month of every run.
     */
    private static long[] largestRemainderOfWholeWeights(long totalUnits, List<BigFraction> weights) {
        int n = weights.size();
        BigInteger weightSum = BigInteger.ZERO;
        for (BigFraction w : weights) {
            if (w.getNumerator().signum() < 0) {
                throw new IllegalArgumentException("weights must be >= 0 but one was " + w);
            }
            weightSum = weightSum.add(w.getNumerator());
        }
        long[] units = new long[n];
        if (n == 0 || weightSum.signum() == 0) {
            if (totalUnits != 0) {
                throw new IllegalArgumentException("cannot split " + totalUnits + " units over zero weights");
            }
            return units;
        }
        BigInteger[] remainders = new BigInteger[n];
        long assigned = 0;
        BigInteger total = BigInteger.valueOf(totalUnits);
        for (int i = 0; i < n; i++) {
            // Truncating division, as the fractional path's floor: remainder of the same sign as the part.
            BigInteger[] qr = weights.get(i).getNumerator().multiply(total).divideAndRemainder(weightSum);
            units[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            assigned += units[i];
        }
        long left = totalUnits - assigned;
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            units[order.get(k)]++;
        }
        return units;
    }
}
