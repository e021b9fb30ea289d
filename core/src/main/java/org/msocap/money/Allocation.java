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
        BigFraction weightSum = BigFraction.ZERO;
        for (BigFraction w : weights) {
            if (w.compareTo(BigFraction.ZERO) < 0) {
                throw new IllegalArgumentException("weights must be >= 0 but one was " + w);
            }
            weightSum = weightSum.add(w);
        }
        if (weightSum.equals(BigFraction.ZERO)) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        BigFraction totalExact = new BigFraction(total.amount().unscaledValue(), BigInteger.valueOf(100));
        List<BigFraction> parts = new ArrayList<>(weights.size());
        for (BigFraction w : weights) {
            parts.add(totalExact.multiply(w).divide(weightSum));
        }
        return allocate(total, parts);
    }

    private static List<Money> allocate(Money total, List<BigFraction> parts) {
        int n = parts.size();
        long[] cents = new long[n];
        BigFraction[] remainders = new BigFraction[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            BigInteger floor = Rounding.floorCents(parts.get(i));
            cents[i] = floor.longValueExact();
            remainders[i] = parts.get(i).multiply(100).subtract(new BigFraction(floor));
            assigned += cents[i];
        }
        long left = total.cents() - assigned;
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigFraction>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            cents[order.get(k % n)]++;
        }
        List<Money> result = new ArrayList<>(n);
        for (long c : cents) {
            result.add(Money.ofCents(c));
        }
        return result;
    }
}
