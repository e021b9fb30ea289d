package org.msocap.waterfall;

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
    /** Per claimant, the participation paid once computed (null until then). */
    private final Affine[] participationPaid;
    private final Affine[] payout;

    Outcome(Layout layout, boolean[] converted, Affine[] preferencePaid, Affine price, Affine unabsorbed) {
        this.layout = Objects.requireNonNull(layout, "layout");
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

    Affine payout(int i) {
        Affine p = payout[i];
        if (p == null) {
            p = preferencePaid[i].plus(participation(i));
            payout[i] = p;
        }
        return p;
    }

    /** How claimant {@code i} takes part in the residual at the price. */
    private enum Part { NOTHING, CONVERTED, ABOVE_STRIKE, AT_CAP }

    private Part part(int i) {
        if (converted[i]) {
            return Part.CONVERTED;
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
        }
        return new BigFraction[] {intercept, slope};
    }
}
