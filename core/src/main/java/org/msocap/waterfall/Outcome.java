package org.msocap.waterfall;

import java.math.BigInteger;
import java.util.Objects;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * One distribution of the equity proceeds for fixed conversion decisions: per claimant the preference
 * paid and the participation paid, the price per common share, and anything no one could take.
 *
 * <p>Participation is worked out per claimant on first use and kept. Settling the conversion equilibrium
 * evaluates the waterfall once per tried decision but compares only the one claimant that switched, so
 * computing every claimant's participation (exact products, each reduced by a gcd) would be mostly wasted:
 * it was most of the time of resolving a breakpoint table on the large cap table.
 */
final class Outcome {

    private final Layout layout;
    private final boolean[] converted;
    private final Affine[] preferencePaid;
    private final Affine price;
    private final Affine unabsorbed;
    /** The price at which profits interests are in catch-up (null: none is), and the part of their jump filled. */
    private final BigFraction catchUpPrice;
    private final Affine catchUpFilled;
    /** Per claimant, the participation paid once computed (null until then). */
    private final Affine[] participationPaid;
    private final Affine[] payout;

    /** An outcome with no profits interest in catch-up. */
    Outcome(Layout layout, boolean[] converted, Affine[] preferencePaid, Affine price, Affine unabsorbed) {
        this(layout, converted, preferencePaid, price, unabsorbed, null, Affine.ZERO);
    }

    Outcome(Layout layout, boolean[] converted, Affine[] preferencePaid, Affine price, Affine unabsorbed,
            BigFraction catchUpPrice, Affine catchUpFilled) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.catchUpPrice = catchUpPrice;
        this.catchUpFilled = catchUpFilled;
        this.converted = converted;
        this.preferencePaid = preferencePaid;
        this.price = price;
        this.unabsorbed = unabsorbed;
        this.participationPaid = new Affine[layout.size];
        this.payout = new Affine[layout.size];
    }

    boolean[] converted() {
        return converted;
    }

    Affine[] preferencePaid() {
        return preferencePaid;
    }

    Affine price() {
        return price;
    }

    Affine unabsorbed() {
        return unabsorbed;
    }

    /** The part of the catch-up jump filled, when profits interests are in catch-up ({@link #catchingUp()}). */
    Affine catchUpFilled() {
        return catchUpFilled;
    }

    /** Whether profits interests are in catch-up: the price stands at their threshold while they fill their jump. */
    boolean catchingUp() {
        return catchUpPrice != null;
    }

    Affine payout(int i) {
        Affine p = payout[i];
        if (p == null) {
            p = preferencePaid[i].plus(participation(i));
            payout[i] = p;
        }
        return p;
    }

    /**
     * Compares claimant {@code i}'s payout here with its payout in {@code other}, as {@link Affine#compareTo}: the
     * equilibrium search's question, asked of outcomes most of which are never looked at again, so the payouts are
     * compared as unreduced fractions (cross-multiplied) instead of being formed in lowest terms.
     */
    int comparePayout(int i, Outcome other) {
        BigInteger[] mine = payoutParts(i);
        BigInteger[] theirs = other.payoutParts(i);
        int c = mine[0].multiply(theirs[1]).compareTo(theirs[0].multiply(mine[1]));
        return c != 0 ? c : mine[2].multiply(theirs[3]).compareTo(theirs[2].multiply(mine[3]));
    }

    /** As {@link #comparePayout(int, Outcome)}, against a constant {@code bound}. */
    int comparePayout(int i, BigFraction bound) {
        BigInteger[] mine = payoutParts(i);
        int c = mine[0].multiply(bound.getDenominator()).compareTo(bound.getNumerator().multiply(mine[1]));
        return c != 0 ? c : mine[2].signum();
    }

    /** Claimant {@code i}'s payout as {value numerator, value denominator, slope numerator, slope denominator}. */
    private BigInteger[] payoutParts(int i) {
        Affine known = payout[i];
        if (known != null) {
            return new BigInteger[] {known.value().getNumerator(), known.value().getDenominator(), known.slope().getNumerator(),
                known.slope().getDenominator()};
        }
        Affine pref = preferencePaid[i];
        BigInteger[] v = {pref.value().getNumerator(), pref.value().getDenominator()};
        BigInteger[] s = {pref.slope().getNumerator(), pref.slope().getDenominator()};
        BigFraction shares = layout.shares[i];
        switch (part(i)) {
            case NOTHING -> {
            }
            case CONVERTED -> {
                addProduct(v, price.value().getNumerator(), price.value().getDenominator(), shares);
                addProduct(s, price.slope().getNumerator(), price.slope().getDenominator(), shares);
            }
            case ABOVE_STRIKE -> {
                BigFraction p = price.value();
                BigFraction k = layout.strike[i];
                addProduct(v, p.getNumerator().multiply(k.getDenominator()).subtract(k.getNumerator().multiply(p.getDenominator())),
                        p.getDenominator().multiply(k.getDenominator()), shares);
                addProduct(s, price.slope().getNumerator(), price.slope().getDenominator(), shares);
            }
            case AT_CAP -> {
                BigFraction cap = layout.capPrice[i].subtract(layout.strike[i]);
                addProduct(v, cap.getNumerator(), cap.getDenominator(), shares);
            }
            case CATCHING_UP -> {
                BigFraction jump = layout.strike[i].multiply(shares);
                addProduct(v, catchUpFilled.value().getNumerator(), catchUpFilled.value().getDenominator(), jump);
                addProduct(s, catchUpFilled.slope().getNumerator(), catchUpFilled.slope().getDenominator(), jump);
            }
        }
        return new BigInteger[] {v[0], v[1], s[0], s[1]};
    }

    /** {@code sum += (n ÷ d) × f}, all unreduced; {@code sum} is {numerator, denominator}, denominators positive. */
    private static void addProduct(BigInteger[] sum, BigInteger n, BigInteger d, BigFraction f) {
        if (n.signum() == 0 || f.getNumerator().signum() == 0) {
            return;
        }
        BigInteger pd = d.multiply(f.getDenominator());
        sum[0] = sum[0].multiply(pd).add(n.multiply(f.getNumerator()).multiply(sum[1]));
        sum[1] = sum[1].multiply(pd);
    }

    /**
     * How claimant {@code i} takes part in the residual at the price. A profits interest in catch-up takes, at its
     * threshold, the filled part of its jump, and above it its full units as converted shares do.
     */
    private enum Part { NOTHING, CONVERTED, ABOVE_STRIKE, AT_CAP, CATCHING_UP }

    private Part part(int i) {
        if (converted[i]) {
            return Part.CONVERTED;
        }
        if (layout.catchUp[i]) {
            int c = price.compareTo(Affine.constant(layout.strike[i]));
            return c > 0 ? Part.CONVERTED
                    : c == 0 && catchUpPrice != null && catchUpPrice.compareTo(layout.strike[i]) == 0 ? Part.CATCHING_UP
                    : Part.NOTHING;
        }
        if (!layout.participatesUnconverted[i] || price.compareTo(Affine.constant(layout.strike[i])) <= 0) {
            return Part.NOTHING;
        }
        return layout.capped[i] && price.compareTo(Affine.constant(layout.capPrice[i])) >= 0 ? Part.AT_CAP : Part.ABOVE_STRIKE;
    }

    /** What claimant {@code i} takes at the price: converted shares, or participation above its strike up to its cap. */
    Affine participation(int i) {
        Affine p = participationPaid[i];
        if (p == null) {
            p = switch (part(i)) {
                case NOTHING -> Affine.ZERO;
                case CONVERTED -> price.times(layout.shares[i]);
                case ABOVE_STRIKE -> price.minus(Affine.constant(layout.strike[i])).times(layout.shares[i]);
                case AT_CAP -> Affine.constant(layout.capPrice[i].subtract(layout.strike[i]).multiply(layout.shares[i]));
                case CATCHING_UP -> catchUpFilled.times(layout.strike[i].multiply(layout.shares[i]));
            };
            participationPaid[i] = p;
        }
        return p;
    }

    /**
     * Claimant {@code i}'s payout as the line {@code intercept + slope × P} in the proceeds P, for proceeds that were
     * {@code (x, 1)}: the breakpoint table's form. Built from the parts' own lines (the price's intercept
     * {@code priceIntercept} = price − its slope × x, given once for all claimants), which is the same exact line as
     * {@code payout(i)} minus its slope × x, with fewer products.
     */
    BigFraction[] line(int i, BigFraction x, BigFraction priceIntercept) {
        Affine pref = preferencePaid[i];
        BigFraction intercept = Affine.sub(pref.value(), Affine.mul(pref.slope(), x));
        BigFraction slope = pref.slope();
        BigFraction shares = layout.shares[i];
        switch (part(i)) {
            case NOTHING -> {
            }
            case CONVERTED -> {
                intercept = Affine.add(intercept, Affine.mul(priceIntercept, shares));
                slope = Affine.add(slope, Affine.mul(price.slope(), shares));
            }
            case ABOVE_STRIKE -> {
                intercept = Affine.add(intercept, Affine.mul(Affine.sub(priceIntercept, layout.strike[i]), shares));
                slope = Affine.add(slope, Affine.mul(price.slope(), shares));
            }
            case AT_CAP -> intercept = Affine.add(intercept, layout.capPrice[i].subtract(layout.strike[i]).multiply(shares));
            case CATCHING_UP -> {
                BigFraction jump = layout.strike[i].multiply(shares);
                BigFraction filledIntercept = Affine.sub(catchUpFilled.value(), Affine.mul(catchUpFilled.slope(), x));
                intercept = Affine.add(intercept, Affine.mul(filledIntercept, jump));
                slope = Affine.add(slope, Affine.mul(catchUpFilled.slope(), jump));
            }
        }
        return new BigFraction[] {intercept, slope};
    }
}
